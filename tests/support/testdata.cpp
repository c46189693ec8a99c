#include "testdata.h"

#include <QDir>
#include <QFile>

using namespace Qt::Literals::StringLiterals;

namespace Endzone::Test {

QByteArray fixture(const QString &name)
{
    QFile file(qEnvironmentVariable("ENDZONE_TEST_DATA") + u'/' + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

QString sharedScorestripDir()
{
    const QDir dir(qEnvironmentVariable("ENDZONE_SHARED_DIR") + u"/data/scorestrip"_s);
    return dir.exists(u"archive"_s) ? dir.absolutePath() : QString();
}

} // namespace Endzone::Test
