#include "groups/GroupsModel.h"

#include "cache/Replica.h"

#include <QSqlQuery>

namespace plein::client {

GroupsModel::GroupsModel(const QSqlDatabase &db, QObject *parent) : RowListModel(parent), m_db(db)
{
    m_rows = load();
}

QList<GroupsModel::Row> GroupsModel::load() const
{
    QList<Row> rows;
    const QString me = Replica::currentUserId(m_db);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT g.id, g.name, g.description, g.kind, g.visibility, coalesce(s.role, ''),"
        " (SELECT count(*) FROM scope_members m WHERE m.scope = 'group:' || g.id),"
        " EXISTS (SELECT 1 FROM group_requests r WHERE r.group_id = g.id AND r.user_id = ?),"
        " (SELECT count(*) FROM group_requests r WHERE r.group_id = g.id AND r.user_id <> ?)"
        " FROM groups g LEFT JOIN scopes s ON s.scope = 'group:' || g.id"
        " ORDER BY s.role IS NULL, g.name COLLATE NOCASE, g.id"));
    q.addBindValue(me);
    q.addBindValue(me);
    if (!q.exec())
        return rows;
    while (q.next()) {
        Row r;
        r.id = q.value(0).toString();
        r.name = q.value(1).toString();
        r.description = q.value(2).toString();
        r.kind = q.value(3).toString();
        r.visibility = q.value(4).toString();
        r.myRole = q.value(5).toString();
        r.members = q.value(6).toInt();
        r.requested = q.value(7).toInt() != 0;
        r.requests = r.myRole == QLatin1String("owner") ? q.value(8).toInt() : 0;
        rows.append(r);
    }
    return rows;
}

void GroupsModel::refresh()
{
    replaceRows(load());
}

QVariant GroupsModel::data(const QModelIndex &index, int role) const
{
    const Row *row = rowAt(index);
    if (!row)
        return {};
    const Row &r = *row;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case IdRole: return r.id;
    case DescriptionRole: return r.description;
    case KindRole: return r.kind;
    case VisibilityRole: return r.visibility;
    case MyRoleRole: return r.myRole;
    case MemberCountRole: return r.members;
    case RequestedRole: return r.requested;
    case RequestCountRole: return r.requests;
    default: return {};
    }
}

QList<GroupPostRow> GroupsModel::posts(const QString &group, int limit) const
{
    QList<GroupPostRow> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT p.id, p.author_id, coalesce(u.display_name, ''), p.text, p.created, p.state"
                             " FROM group_posts p LEFT JOIN users u ON u.id = p.author_id WHERE p.group_id = ?"
                             " ORDER BY p.created DESC, p.id DESC LIMIT ?"));
    q.addBindValue(group);
    q.addBindValue(limit);
    if (q.exec())
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                        q.value(4).toLongLong(), q.value(5).toInt() != 0});
    return out;
}

QList<GroupRequestRow> GroupsModel::requests(const QString &group) const
{
    QList<GroupRequestRow> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT r.user_id, coalesce(u.display_name, ''), r.at FROM group_requests r"
                             " LEFT JOIN users u ON u.id = r.user_id WHERE r.group_id = ? AND r.user_id <> ?"
                             " ORDER BY r.at"));
    q.addBindValue(group);
    q.addBindValue(Replica::currentUserId(m_db));
    if (q.exec())
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});
    return out;
}

QStringList GroupsModel::memberNames(const QString &group) const
{
    QStringList out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT coalesce(u.display_name, m.user_id) FROM scope_members m LEFT JOIN users u"
                             " ON u.id = m.user_id WHERE m.scope = ? ORDER BY m.role DESC, 1"));
    q.addBindValue(QStringLiteral("group:") + group);
    if (q.exec())
        while (q.next())
            out.append(q.value(0).toString());
    return out;
}

} // namespace plein::client
