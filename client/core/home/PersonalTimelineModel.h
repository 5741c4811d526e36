#pragma once

#include "groups/PersonalTimeline.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QSqlDatabase>

namespace plein::client {

// The personal timeline (PersonalTimeline) as a list model: one page first, more with
// fetchMore(); refresh() re-reads as many rows as are loaded. Names of authors and groups
// are looked up once per load.
class PersonalTimelineModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,        // int: TimelineEntry::Kind
        AuthorIdRole,
        AuthorNameRole,
        TextRole,        // post text, or the article title
        GroupIdRole,
        GroupNameRole,
        CreatedRole,     // qint64 ms
    };

    explicit PersonalTimelineModel(const QSqlDatabase &db, int pageSize = 30, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    const TimelineEntry &entry(int row) const { return m_rows.at(row); }

public slots:
    void refresh();

private:
    void lookUpNames(const QList<TimelineEntry> &rows);

    QSqlDatabase m_db;
    PersonalTimeline m_timeline;
    int m_pageSize;
    QList<TimelineEntry> m_rows;
    bool m_more = true;
    QHash<QString, QString> m_names;   // user or group id -> name
};

} // namespace plein::client
