#pragma once

#include <QCoroTask>
#include <optional>

namespace Endzone::Test {

// QCoro 0.8's waitFor() default-constructs the result, which Result<T> cannot be: wrap it in an optional.
template<typename T>
QCoro::Task<std::optional<T>> asOptional(QCoro::Task<T> task)
{
    co_return co_await std::move(task);
}

// Runs a nested event loop until the task finishes. Tests only.
template<typename T>
T awaitResult(QCoro::Task<T> task)
{
    return *QCoro::waitFor(asOptional(std::move(task)));
}

} // namespace Endzone::Test
