#include "selftest.h"

#include "appcontext.h"
#include "logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQmlError>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTimer>

#include <ctime>
#include <unistd.h>

namespace Endzone {

namespace {

// A QML page with a warning can still draw a frame full of cards: a broken component is simply absent.
QStringList &qmlWarnings()
{
    static QStringList warnings;
    return warnings;
}

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

QQuickWindow *mainWindow(QQmlApplicationEngine *engine)
{
    return engine->rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine->rootObjects().constFirst());
}

bool populatedFrame(QQuickWindow *window, AppContext *context)
{
    auto *grid = window->findChild<QQuickItem *>(QStringLiteral("scoreboardGrid"));
    auto *board = window->findChild<QQuickItem *>(QStringLiteral("kioskBoard"));
    const bool cards = (grid && grid->isVisible() && grid->property("count").toInt() > 0)
        || (board && board->isVisible() && board->property("count").toInt() > 0);
    return context->scoreboard()->rowCount() > 0 && cards;
}

// Milliseconds since this process started, on the wall clock.
double msSinceProcessStart()
{
    timespec now {};
    clock_gettime(CLOCK_REALTIME, &now);
    const double nowNs = double(now.tv_sec) * 1e9 + double(now.tv_nsec);
    if (const auto t0 = qgetenv("ENDZONE_BENCH_T0_NS"); !t0.isEmpty())
        return (nowNs - t0.toDouble()) / 1e6;
    // Fallback: field 22 of /proc/self/stat is the start time in clock ticks after boot (10 ms resolution).
    QFile stat(QStringLiteral("/proc/self/stat"));
    timespec boot {};
    clock_gettime(CLOCK_BOOTTIME, &boot);
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const auto fields = stat.readAll().split(')').value(1).split(' ');
    const double startTicks = fields.value(20).toDouble(); // after "comm)": state is field 3, at index 1
    const double bootMs = double(boot.tv_sec) * 1e3 + double(boot.tv_nsec) / 1e6;
    return bootMs - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

} // namespace

void runFirstFrameBench(QQmlApplicationEngine *engine, AppContext *context, int timeoutMs)
{
    auto *window = mainWindow(engine);
    if (!window) {
        QTimer::singleShot(0, qApp, [] { finish(1, "Main.qml did not load a window"); });
        return;
    }
    QTimer::singleShot(timeoutMs, window, [] { finish(1, "no populated frame was drawn"); });
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [window, context] {
        if (!populatedFrame(window, context))
            return;
        const double ms = msSinceProcessStart();
        QObject::disconnect(window, &QQuickWindow::frameSwapped, window, nullptr);
        printf("first-frame-ms %.1f rows %d\n", ms, int(context->scoreboard()->rowCount()));
        fflush(stdout);
        QCoreApplication::exit(0);
    });
}

void recordQmlWarnings(QQmlEngine *engine)
{
    QObject::connect(engine, &QQmlEngine::warnings, engine, [](const QList<QQmlError> &warnings) {
        for (const QQmlError &warning : warnings)
            qmlWarnings().append(warning.toString());
    });
}

void runSelfTest(QQmlApplicationEngine *engine, AppContext *context, int timeoutMs)
{
    auto *window = mainWindow(engine);
    if (!window) {
        QTimer::singleShot(0, qApp, [] { finish(1, "Main.qml did not load a window"); });
        return;
    }
    QTimer::singleShot(timeoutMs, window, [context] {
        finish(1, context->scoreboard()->rowCount() == 0 ? "no games arrived" : "no populated frame was drawn");
    });
    // Check each frame until one shows a populated week with its cards laid out.
    QObject::connect(window, &QQuickWindow::frameSwapped, window, [window, context] {
        if (!populatedFrame(window, context))
            return;
        QTimer::singleShot(300, window, [window] { // let the delegates' first layout land
            const auto frame = window->grabWindow();
            if (frame.isNull() || frame.width() < 100)
                return finish(1, "the frame could not be grabbed");
            if (distinctColours(frame) < 8)
                return finish(1, "the frame is blank");
            if (!qmlWarnings().isEmpty()) {
                qCCritical(lcUi).noquote()
                    << qmlWarnings().size() << "QML warning(s), the first:" << qmlWarnings().constFirst();
                return finish(1, "QML reported warnings");
            }
            finish(0, "a populated week was drawn, with no QML warning");
        });
        QObject::disconnect(window, &QQuickWindow::frameSwapped, window, nullptr);
    });
}

} // namespace Endzone
