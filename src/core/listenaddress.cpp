#include "listenaddress.h"

using namespace Qt::Literals::StringLiterals;

namespace Endzone {

Result<ListenAddress> ListenAddress::parse(QStringView text, QStringView option)
{
    const auto failure = [&] {
        return Result<ListenAddress>::failure(
            u"%1 expects HOST:PORT (e.g. 127.0.0.1:8000 or [::1]:8000), got \"%2\""_s.arg(option, text));
    };
    const auto colon = text.lastIndexOf(u':');
    if (colon < 0)
        return failure();
    auto host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(u':')) // an IPv6 address without brackets: its port would be ambiguous
        return failure();
    bool ok = false;
    const auto port = text.mid(colon + 1).toUShort(&ok);
    if (!ok)
        return failure();
    const QHostAddress address(host.isEmpty() ? u"127.0.0.1"_s : host.toString());
    if (address.isNull())
        return failure();
    return ListenAddress {address, port};
}

QString ListenAddress::toString() const
{
    const auto host = address.toString();
    return (address.protocol() == QAbstractSocket::IPv6Protocol ? u"[%1]:%2"_s : u"%1:%2"_s).arg(host).arg(port);
}

} // namespace Endzone
