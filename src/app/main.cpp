#include "appcontext.h"
#include "config.h"
#include "logging.h"
#include "numericoptions.h"
#include "scoretray.h"
#include "selftest.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QQmlApplicationEngine>
#include <QQmlEngineExtensionPlugin>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTranslator>

#include <cstdio>

Q_IMPORT_QML_PLUGIN(EndzonePlugin)
Q_IMPORT_QML_PLUGIN(Endzone_ViewsPlugin)

using namespace Qt::Literals::StringLiterals;

// Without a display, Qt would stop with a page about its platform plugins. --help and --version only print, and
// --serve still has a board to serve to browsers: those run offscreen. Anything else is told what to do.
static bool headlessPlatform(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY")
        || qEnvironmentVariableIsSet("WAYLAND_DISPLAY"))
        return true;
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" || arg == "--version"
            || arg == "--serve" || arg.startsWith("--serve=")) {
            qputenv("QT_QPA_PLATFORM", "offscreen");
            return true;
        }
    }
    fprintf(stderr,
        "endzone: no display (DISPLAY and WAYLAND_DISPLAY are unset). Run it in a desktop session, or serve the "
        "board to a browser instead: endzone --serve 127.0.0.1:8000 (then open http://127.0.0.1:8000/).\n");
    return false;
}

int main(int argc, char *argv[])
{
    if (!headlessPlatform(argc, argv))
        return 2;
    // QApplication, not QGuiApplication: the tray icon (QSystemTrayIcon) and its menu are widgets.
    QApplication app(argc, argv);
    // The system locale's catalogue, built from resources/translations/*.ts into :/i18n (qt_add_translations).
    // English is the source language; its catalogue holds only the plurals ("1 play", "23 plays"), and is the
    // fallback for a locale we have none for (C included), so nobody reads "23 play(s)".
    QTranslator translator;
    if (translator.load(QLocale(), u"endzone"_s, u"_"_s, u":/i18n"_s) || translator.load(u":/i18n/endzone_en"_s))
        QCoreApplication::installTranslator(&translator);
    QGuiApplication::setOrganizationName(u"Endzone"_s);
    QGuiApplication::setOrganizationDomain(u"endzone.github.io"_s);
    QGuiApplication::setApplicationName(u"endzone"_s);
    QGuiApplication::setApplicationDisplayName(u"Endzone"_s);
    QGuiApplication::setApplicationVersion(QStringLiteral(ENDZONE_VERSION));
    QGuiApplication::setDesktopFileName(u"io.github.endzone.Endzone"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(u"Live NFL scoreboard, season browser and kiosk board."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    Endzone::Config::addOptions(parser);
    Endzone::Config::addAppOptions(parser);
    const QCommandLineOption live(
        u"live"_s, u"Live source: poll (default), sse:URL or redis://host:port."_s, u"source"_s);
    const QCommandLineOption kiosk(u"kiosk"_s,
        u"Full-screen wall board: no controls, large type, pages through games. `--kiosk live-only` "
        "shows live games only (env ENDZONE_KIOSK, config kiosk = live-only)."_s);
    const QCommandLineOption serve(
        u"serve"_s, u"Also serve the live API and SSE stream at ADDR:PORT."_s, u"addr:port"_s);
    const QCommandLineOption demo(u"demo"_s, u"Serve a synthetic season in-process and follow it live."_s);
    const QCommandLineOption speed(
        u"demo-speed"_s, u"Synthetic seconds per real second in --demo (default 60)."_s, u"factor"_s, u"60"_s);
    const QCommandLineOption selfTest(u"self-test"_s, u"Load the UI, populate a week, check the first frame, exit."_s);
    const QCommandLineOption firstFrame(u"bench-first-frame"_s,
        u"Print the milliseconds from process start to the first populated frame, then exit (benchmarks)."_s);
    parser.addOptions({live, kiosk, serve, demo, speed, selfTest, firstFrame});
    parser.addPositionalArgument(u"mode"_s, u"With --kiosk: all (default) or live-only."_s, u"[live-only]"_s);
    parser.process(app);

    Endzone::AppContext::Options options;
    options.config = Endzone::Config::resolve(parser);
    if (const auto error = options.config.error.isEmpty() ? options.config.appError : options.config.error;
        !error.isEmpty()) {
        qCCritical(lcUi).noquote() << error;
        return 2;
    }
    options.kiosk = parser.isSet(kiosk);
    // `--kiosk live-only`: QCommandLineParser has no optional values, so the mode is the positional argument.
    if (const auto args = parser.positionalArguments(); !args.isEmpty()) {
        const auto mode = Endzone::Config::parseKioskMode(args.constFirst());
        if (!options.kiosk || args.size() > 1 || !mode) {
            qCCritical(lcUi).noquote() << (mode ? u"unexpected argument: %1"_s.arg(args.join(u' ')) : mode.error());
            return 2;
        }
        options.config.kioskMode = mode.value();
    }
    options.demo = parser.isSet(demo) || parser.isSet(selfTest); // the self-test needs a feed it can trust
    Endzone::NumericOptions numbers(parser);
    options.demoSpeed = numbers.real(speed.names().constFirst(), 0, 1e6);
    if (!numbers.ok()) {
        qCCritical(lcUi).noquote() << numbers.error();
        return 2;
    }
    options.serve = parser.value(serve);
    options.notifications = !parser.isSet(selfTest) && !parser.isSet(firstFrame);
    auto context = Endzone::AppContext::create(options);
    if (!context) {
        qCCritical(lcUi).noquote() << context.error();
        return 2;
    }

    QQuickStyle::setStyle(u"Basic"_s);
    QQmlApplicationEngine engine;
    if (parser.isSet(selfTest))
        Endzone::recordQmlWarnings(&engine);
    // Qt 6.4 has no loadFromModule(): load Main.qml from the module's resource path.
    engine.load(QUrl(u"qrc:/Endzone/Views/Main.qml"_s));
    if (engine.rootObjects().isEmpty()) {
        qCCritical(lcUi) << "cannot load the user interface";
        return 1;
    }
    context.value()->start();
    // A wall board has nobody at a tray; offscreen and many kiosk sessions have no tray at all.
    std::unique_ptr<Endzone::ScoreTray> tray;
    if (options.notifications && !options.kiosk && QSystemTrayIcon::isSystemTrayAvailable())
        tray = std::make_unique<Endzone::ScoreTray>(
            context.value()->notifier(), qobject_cast<QQuickWindow *>(engine.rootObjects().constFirst()));
    if (parser.isSet(selfTest))
        Endzone::runSelfTest(&engine, context.value().get());
    else if (parser.isSet(firstFrame))
        Endzone::runFirstFrameBench(&engine, context.value().get());
    return app.exec();
}
