#pragma once

#include "result.h"

#include <QHostAddress>
#include <QStringView>

namespace Endzone {

// Where a server listens, as every program's `--listen`/`--serve` writes it: `HOST:PORT` (`127.0.0.1:8000`),
// `[IPV6]:PORT` (`[::1]:8000`) or `:PORT` for the loopback. Port 0 asks for any free port. One parser, one
// rule and one message for all of them.
struct ListenAddress
{
    QHostAddress address;
    quint16 port = 0;

    // `option` names the flag in the error: "--listen expects HOST:PORT (e.g. 127.0.0.1:8000), got ...".
    [[nodiscard]] static Result<ListenAddress> parse(QStringView text, QStringView option);
    [[nodiscard]] QString toString() const;
};

} // namespace Endzone
