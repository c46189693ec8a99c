#include "selftest.h"

#include "appcontext.h"
#include "logging.h"

#include <QCoreApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>

namespace Endzone {

namespace {

int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7) {
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

void finish(int code, const char *why)
{
    if (code == 0)
        qCInfo(lcUi) << "self-test passed:" << why;
    else
        qCCritical(lcUi) << "self-test failed:" << why;
    QCoreApplication::exit(code);
}

} // namespace

void runSelfTest(QQmlApplicationEngine *engine, AppContext *context, int timeoutMs)
{
    auto *window
        = engine->rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine->rootObjects().constFirst());
    if (!window) {
        QTimer::singleShot(0, qApp, [] { finish(1, "Main.qml did not load a window"); });
        return;
    }
    QTimer::singleShot(timeoutMs, window, [context] {
        finish(1, context->scoreboard()->rowCount() == 0 ? "no games arrived" : "no populated frame was drawn");
    });
    // Check each frame until one shows a populated week with its cards laid out.
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [window, context] {
        auto *grid = window->findChild<QQuickItem *>(QStringLiteral("scoreboardGrid"));
        if (context->scoreboard()->rowCount() == 0 || !grid || grid->property("count").toInt() == 0)
            return;
        QTimer::singleShot(300, window, [window] { // let the delegates' first layout land
            const auto frame = window->grabWindow();
            if (frame.isNull() || frame.width() < 100)
                return finish(1, "the frame could not be grabbed");
            if (distinctColours(frame) < 8)
                return finish(1, "the frame is blank");
            finish(0, "a populated week was drawn");
        });
        QObject::disconnect(window, &QQuickWindow::frameSwapped, window, nullptr);
    });
}

} // namespace Endzone
