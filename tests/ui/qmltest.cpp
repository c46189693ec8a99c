#include <QQmlEngine>
#include <QQmlEngineExtensionPlugin>
#include <QtQuickTest>

// The QML components' tests (tests/ui/qml/tst_*.qml) against the compiled-in Endzone.Views module.
Q_IMPORT_QML_PLUGIN(EndzonePlugin)
Q_IMPORT_QML_PLUGIN(Endzone_ViewsPlugin)

using namespace Qt::Literals::StringLiterals;

class Setup : public QObject
{
    Q_OBJECT
public Q_SLOTS:
    // Quick Test replaces the engine's import paths; the static modules' qmldirs live under qrc:/.
    void qmlEngineAvailable(QQmlEngine *engine) { engine->addImportPath(u"qrc:/"_s); }
};

QUICK_TEST_MAIN_WITH_SETUP(endzone, Setup)
#include "qmltest.moc"
