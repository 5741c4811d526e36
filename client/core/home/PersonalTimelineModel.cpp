#include "home/PersonalTimelineModel.h"

#include <QSqlQuery>

namespace plein::client {

PersonalTimelineModel::PersonalTimelineModel(const QSqlDatabase &db, int pageSize, QObject *parent)
    : QAbstractListModel(parent), m_db(db), m_timeline(db), m_pageSize(pageSize)
{
    refresh();
}

int PersonalTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PersonalTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimelineEntry &e = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return e.text;
    case IdRole:
        return e.id;
    case KindRole:
        return int(e.kind);
    case AuthorIdRole:
        return e.authorId;
    case AuthorNameRole:
        return m_names.value(e.authorId);
    case GroupIdRole:
        return e.groupId;
    case GroupNameRole:
        return e.groupId.isEmpty() ? QString() : m_names.value(e.groupId);
    case CreatedRole:
        return e.created;
    default:
        return {};
    }
}

QHash<int, QByteArray> PersonalTimelineModel::roleNames() const
{
    return {{IdRole, "id"},         {KindRole, "kind"},       {AuthorIdRole, "authorId"}, {AuthorNameRole, "authorName"},
            {TextRole, "text"},     {GroupIdRole, "groupId"}, {GroupNameRole, "groupName"}, {CreatedRole, "created"}};
}

bool PersonalTimelineModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more;
}

void PersonalTimelineModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || !m_more)
        return;
    const QList<TimelineEntry> page = m_rows.isEmpty()
                                          ? m_timeline.page(m_pageSize)
                                          : m_timeline.page(m_pageSize, m_rows.constLast().created, m_rows.constLast().id);
    m_more = page.size() == m_pageSize;
    if (page.isEmpty())
        return;
    lookUpNames(page);
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size() - 1));
    m_rows.append(page);
    endInsertRows();
}

void PersonalTimelineModel::refresh()
{
    const int want = qMax(m_pageSize, int(m_rows.size()));
    QList<TimelineEntry> rows = m_timeline.page(want);
    if (rows == m_rows)
        return;
    lookUpNames(rows);
    beginResetModel();
    m_rows = std::move(rows);
    m_more = m_rows.size() == want;
    endResetModel();
}

void PersonalTimelineModel::lookUpNames(const QList<TimelineEntry> &rows)
{
    QSqlQuery user(m_db);
    user.prepare(QStringLiteral("SELECT display_name FROM users WHERE id = ?"));
    QSqlQuery group(m_db);
    group.prepare(QStringLiteral("SELECT name FROM groups WHERE id = ?"));
    auto look = [this](QSqlQuery &q, const QString &id) {
        if (id.isEmpty() || m_names.contains(id))
            return;
        q.addBindValue(id);
        m_names.insert(id, (q.exec() && q.next()) ? q.value(0).toString() : QString());
        q.finish();
    };
    for (const TimelineEntry &e : rows) {
        look(user, e.authorId);
        look(group, e.groupId);
    }
}

} // namespace plein::client
