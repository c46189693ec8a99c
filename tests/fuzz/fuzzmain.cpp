// libFuzzer entry point; ENDZONE_FUZZ_TARGET names the function of fuzztargets.h this executable fuzzes.
#include "fuzztargets.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // The code under test logs its errors; millions of them would only slow the fuzzer down.
    QLoggingCategory::setFilterRules(QStringLiteral("*=false"));
    qputenv("TZ", "Europe/Berlin");
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Endzone::Fuzz::ENDZONE_FUZZ_TARGET(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
