#pragma once

#include <QDebug>
#include <QDir>
#include <QImage>
#include <QQuickWindow>
#include <QTest>

namespace Endzone::Test {

// Grabs a window into the screenshot folder, for a person to look at: $ENDZONE_SCREENSHOT_DIR (the build tree's
// tests/ui/screenshots, set by CMake), else ./screenshots. `fileName` includes its extension ("kiosk-4k.png").
inline void saveScreenshot(QQuickWindow *window, const QString &fileName)
{
    const auto dir
        = qEnvironmentVariable("ENDZONE_SCREENSHOT_DIR", QDir::currentPath() + QStringLiteral("/screenshots"));
    QDir().mkpath(dir);
    const auto image = window->grabWindow();
    QVERIFY(!image.isNull());
    const QString path = dir + u'/' + fileName;
    QVERIFY(image.save(path));
    qInfo().noquote() << "saved" << path;
}

} // namespace Endzone::Test
