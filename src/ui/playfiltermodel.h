#pragma once

#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

namespace Endzone {

// The play-by-play as searched: plays whose text, type, down and distance or team contain every word of
// `search` (case-insensitive). An empty search shows every play. Follows PlayModel's row-by-row changes.
class PlayFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by GameDetailController")
    Q_PROPERTY(QString search READ search WRITE setSearch NOTIFY searchChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    explicit PlayFilterModel(QObject *parent = nullptr);

    [[nodiscard]] QString search() const { return m_search; }
    void setSearch(const QString &search);
    [[nodiscard]] int count() const { return rowCount(); }

Q_SIGNALS:
    void searchChanged();
    void countChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
    QStringList m_words;
};

} // namespace Endzone
