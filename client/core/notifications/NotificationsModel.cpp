#include "notifications/NotificationsModel.h"

#include <QSqlQuery>

namespace plein::client {

NotificationsModel::NotificationsModel(const QSqlDatabase &db, const QStringList &kinds, QObject *parent)
    : QAbstractListModel(parent), m_db(db), m_kinds(kinds)
{
    refresh();
}

int NotificationsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant NotificationsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NotificationRow &n = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return n.text;
    case IdRole:
        return n.id;
    case KindRole:
        return n.kind;
    case ActorIdRole:
        return n.actorId;
    case ActorNameRole:
        return n.actorName;
    case GroupNameRole:
        return n.groupName;
    case CreatedRole:
        return n.created;
    case ReadRole:
        return n.read;
    case ItemRole:
        return n.item;
    case ItemKindRole:
        return n.itemKind;
    default:
        return {};
    }
}

QHash<int, QByteArray> NotificationsModel::roleNames() const
{
    return {{IdRole, "id"},           {KindRole, "kind"},       {ActorIdRole, "actorId"}, {ActorNameRole, "actorName"},
            {TextRole, "text"},       {GroupNameRole, "groupName"}, {CreatedRole, "created"}, {ReadRole, "read"},
            {ItemRole, "item"},       {ItemKindRole, "itemKind"}};
}

QStringList NotificationsModel::unreadIds() const
{
    QStringList out;
    for (const NotificationRow &n : m_rows)
        if (!n.read)
            out.append(n.id);
    return out;
}

void NotificationsModel::refresh()
{
    QString where;
    if (!m_kinds.isEmpty())
        where = QStringLiteral(" WHERE n.kind IN (%1)").arg(QStringList(m_kinds.size(), QStringLiteral("?")).join(u','));
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT n.id, n.kind, n.actor, coalesce(u.display_name, ''), n.item, n.item_kind,"
                             " n.group_id, coalesce(g.name, ''), n.text, n.created, n.is_read FROM notifications n"
                             " LEFT JOIN users u ON u.id = n.actor LEFT JOIN groups g ON g.id = n.group_id")
              + where + QStringLiteral(" ORDER BY n.created DESC, n.id DESC LIMIT %1").arg(Limit));
    for (const QString &kind : m_kinds)
        q.addBindValue(kind);
    QList<NotificationRow> rows;
    if (q.exec())
        while (q.next())
            rows.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                         q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString(),
                         q.value(8).toString(), q.value(9).toLongLong(), q.value(10).toInt() != 0});
    if (rows == m_rows)
        return;
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

} // namespace plein::client
