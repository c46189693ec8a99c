#pragma once

#include "seasonimportjob.h"

#include <QPointer>
#include <QQmlEngine>

namespace Endzone {

// Imports whole seasons into the store from the UI: the endzone-fetch engine (SeasonImportJob) running
// on the event loop, with progress, a summary and cancellation. Stored weeks reach the models row by row
// through GameStore::gameUpserted, so an open scoreboard fills in while the import runs.
class ImportController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("injected by the application")
    Q_PROPERTY(bool running READ running NOTIFY runningChanged)
    Q_PROPERTY(int done READ done NOTIFY progressChanged)
    Q_PROPERTY(int total READ total NOTIFY progressChanged)
    Q_PROPERTY(QString status READ status NOTIFY progressChanged)
public:
    explicit ImportController(GameStore *store, QObject *parent = nullptr);

    void setFeedUrl(const QUrl &url, FeedSource source = FeedSource::Scorestrip);

    [[nodiscard]] bool running() const { return m_job != nullptr; }
    [[nodiscard]] int done() const { return m_done; }
    [[nodiscard]] int total() const { return m_total; }
    [[nodiscard]] QString status() const { return m_status; }

    // Imports the chosen parts of `season`; refused while an import runs.
    Q_INVOKABLE bool start(int season, bool preseason, bool regular, bool postseason);
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void runningChanged();
    void progressChanged();
    void finished(bool ok, const QString &summary);

private:
    QCoro::Task<> run(SeasonImportJob *job);

    GameStore *m_store;
    FeedClient *m_feed = nullptr;
    QPointer<SeasonImportJob> m_job;
    int m_done = 0;
    int m_total = 0;
    QString m_status;
};

} // namespace Endzone
