#include "chat/RoomListModel.h"

#include "cache/Replica.h"

#include <QSqlError>
#include <QSqlQuery>

namespace plein::client {

RoomListModel::RoomListModel(const QSqlDatabase &db, QObject *parent) : QAbstractListModel(parent), m_db(db)
{
    refresh();
}

int RoomListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant RoomListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return r.name;
    case RoomIdRole: return r.id;
    case DirectRole: return r.direct;
    case PartnerIdRole: return r.partner;
    case UnreadRole: return r.unread;
    case MentionRole: return r.mentions;
    case MutedRole: return r.muted;
    case LastTextRole: return r.lastText;
    case LastTimeRole: return r.lastTime;
    case LastAuthorRole: return r.lastAuthor;
    case MemberCountRole: return r.members;
    default: return {};
    }
}

QHash<int, QByteArray> RoomListModel::roleNames() const
{
    return {{RoomIdRole, "roomId"}, {NameRole, "name"},   {DirectRole, "direct"}, {PartnerIdRole, "partner"},
            {UnreadRole, "unread"}, {MentionRole, "mentions"}, {MutedRole, "muted"}, {LastTextRole, "lastText"},
            {LastTimeRole, "lastTime"}, {LastAuthorRole, "lastAuthor"}, {MemberCountRole, "members"}};
}

int RoomListModel::rowOf(const QString &roomId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == roomId)
            return int(i);
    return -1;
}

const RoomListModel::Row *RoomListModel::row(const QString &roomId) const
{
    const int i = rowOf(roomId);
    return i < 0 ? nullptr : &m_rows.at(i);
}

int RoomListModel::totalUnread() const
{
    int n = 0;
    for (const Row &r : m_rows)
        n += r.muted ? 0 : r.unread;
    return n;
}

void RoomListModel::refresh()
{
    const QString me = Replica::currentUserId(m_db);
    QSqlQuery q(m_db);
    // Counts walk chat_messages_by_room from the read mark on; the last message is one
    // index probe per room.
    q.prepare(QStringLiteral(
        "SELECT r.id, r.name, r.direct,"
        " (SELECT m.user_id FROM scope_members m WHERE m.scope = r.scope AND m.user_id <> :me LIMIT 1),"
        " (SELECT u.display_name FROM scope_members m JOIN users u ON u.id = m.user_id"
        "   WHERE m.scope = r.scope AND m.user_id <> :me LIMIT 1),"
        " (SELECT count(*) FROM chat_messages m WHERE m.room = r.id AND m.pos > COALESCE(s.read_pos, 0)"
        "   AND m.author_id <> :me AND m.deleted = 0),"
        " (SELECT count(*) FROM chat_messages m WHERE m.room = r.id AND m.pos > COALESCE(s.read_pos, 0)"
        "   AND m.author_id <> :me AND m.mentions_me = 1 AND m.deleted = 0),"
        " COALESCE(s.muted, 0), l.text, COALESCE(l.created, r.created), lu.display_name,"
        " (SELECT count(*) FROM scope_members m WHERE m.scope = r.scope)"
        " FROM chat_rooms r JOIN scopes sc ON sc.scope = r.scope"
        " LEFT JOIN chat_state s ON s.room = r.id"
        " LEFT JOIN chat_messages l ON l.id = (SELECT id FROM chat_messages WHERE room = r.id AND pos IS NOT NULL"
        "   ORDER BY pos DESC LIMIT 1)"
        " LEFT JOIN users lu ON lu.id = l.author_id"
        " ORDER BY COALESCE(l.created, r.created) DESC"));
    q.bindValue(QStringLiteral(":me"), me);
    QList<Row> rows;
    if (q.exec()) {
        while (q.next()) {
            Row r;
            r.id = q.value(0).toString();
            r.direct = q.value(2).toInt() != 0;
            r.partner = r.direct ? q.value(3).toString() : QString();
            r.name = r.direct ? q.value(4).toString() : q.value(1).toString();
            if (r.name.isEmpty())
                r.name = q.value(1).toString();
            r.unread = q.value(5).toInt();
            r.mentions = q.value(6).toInt();
            r.muted = q.value(7).toInt() != 0;
            r.lastText = q.value(8).toString();
            r.lastTime = q.value(9).toLongLong();
            r.lastAuthor = q.value(10).toString();
            r.members = q.value(11).toInt();
            rows.append(r);
        }
    } else {
        qWarning("rooms: %s", qPrintable(q.lastError().text()));
    }
    if (rows == m_rows)
        return;
    bool sameOrder = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameOrder && i < rows.size(); ++i)
        sameOrder = rows.at(i).id == m_rows.at(i).id;
    if (sameOrder) {
        m_rows = rows;
        emit dataChanged(index(0), index(int(m_rows.size()) - 1));
        return;
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

} // namespace plein::client
