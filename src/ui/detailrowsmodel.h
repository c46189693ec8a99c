#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QString>

namespace Endzone {

// The base of the game page's list models: brings the rows up to date with a new detail the way a live page
// needs it. Rows are matched by key: a kept row whose shown fields changed gets one dataChanged naming those
// roles, new rows are inserted where they belong (runs of them at once), vanished rows are removed; a row that
// did not change emits nothing. Never a reset, so an open page keeps its scroll position and delegates.
class DetailRowsModel : public QAbstractListModel
{
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
public:
    explicit DetailRowsModel(QObject *parent = nullptr) : QAbstractListModel(parent)
    {
        connect(this, &QAbstractItemModel::rowsInserted, this, &DetailRowsModel::countChanged);
        connect(this, &QAbstractItemModel::rowsRemoved, this, &DetailRowsModel::countChanged);
        connect(this, &QAbstractItemModel::modelReset, this, &DetailRowsModel::countChanged);
    }
    [[nodiscard]] int count() const { return rowCount(); }

Q_SIGNALS:
    void countChanged();

protected:
    // `key(row)` identifies a row across updates and should be unique (callers number repeats); `changedRoles(old,
    // new)` lists the roles whose values differ.
    template<typename T, typename Key, typename ChangedRoles>
    void syncRows(QList<T> &rows, const QList<T> &next, Key key, ChangedRoles changedRoles)
    {
        QHash<QString, qsizetype> nextKeys;
        nextKeys.reserve(next.size());
        for (qsizetype i = 0; i < next.size(); ++i)
            nextKeys.insert(key(next.at(i)), i);
        // Rows that are gone first, from the back, so the rest can be matched in order.
        for (qsizetype i = rows.size() - 1; i >= 0; --i) {
            if (!nextKeys.contains(key(rows.at(i)))) {
                beginRemoveRows({}, int(i), int(i));
                rows.removeAt(i);
                endRemoveRows();
            }
        }
        for (qsizetype i = 0; i < next.size();) {
            if (i < rows.size() && key(rows.at(i)) == key(next.at(i))) {
                const QList<int> roles = changedRoles(rows.at(i), next.at(i));
                rows[i] = next.at(i);
                if (!roles.isEmpty())
                    Q_EMIT dataChanged(index(int(i)), index(int(i)), roles);
                ++i;
                continue;
            }
            // A run of rows the model does not hold yet, inserted at once.
            QHash<QString, qsizetype> held;
            for (qsizetype j = i; j < rows.size(); ++j)
                held.insert(key(rows.at(j)), j);
            qsizetype end = i;
            while (end < next.size() && !held.contains(key(next.at(end))))
                ++end;
            if (end > i) {
                beginInsertRows({}, int(i), int(end - 1));
                for (qsizetype j = i; j < end; ++j)
                    rows.insert(j, next.at(j));
                endInsertRows();
                i = end;
                continue;
            }
            // Held further down (the order changed): move it here.
            const qsizetype from = held.value(key(next.at(i)));
            beginMoveRows({}, int(from), int(from), {}, int(i));
            rows.move(from, i);
            endMoveRows();
        }
        // Only when keys repeat can rows be left over past the end.
        if (rows.size() > next.size()) {
            beginRemoveRows({}, int(next.size()), int(rows.size() - 1));
            rows.resize(next.size());
            endRemoveRows();
        }
    }
};

} // namespace Endzone
