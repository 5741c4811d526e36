#include "chat/MessageListModel.h"

#include "cache/Replica.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <limits>

namespace plein::client {

namespace {
const QString &columns()
{
    static const QString c = QStringLiteral(
        "SELECT m.id, m.author_id, COALESCE(u.display_name, ''), m.text, m.created, COALESCE(m.pos, 0), m.edited,"
        " m.deleted, m.reply_to, COALESCE(ru.display_name, ''), COALESCE(r.text, ''),"
        " (SELECT group_concat(emoji || char(9) || n || char(9) || mine, char(10)) FROM"
        "   (SELECT emoji, count(*) AS n, max(user_id = :me) AS mine FROM chat_reactions WHERE message = m.id"
        "    GROUP BY emoji ORDER BY min(seq))),"
        " m.state, COALESCE(m.error, ''), m.mentions_me"
        " FROM chat_messages m LEFT JOIN users u ON u.id = m.author_id"
        " LEFT JOIN chat_messages r ON r.id = NULLIF(m.reply_to, '') LEFT JOIN users ru ON ru.id = r.author_id");
    return c;
}
} // namespace

MessageListModel::MessageListModel(const QSqlDatabase &db, QObject *parent) : QAbstractListModel(parent), m_db(db)
{
}

void MessageListModel::setRoom(const QString &roomId)
{
    beginResetModel();
    m_room = roomId;
    m_me = Replica::currentUserId(m_db);
    m_rows.clear();
    m_oldest = 0;
    if (!m_room.isEmpty()) {
        readMark();
        QList<Row> newest = query(0, std::numeric_limits<qint64>::max(), PageSize, false);
        std::reverse(newest.begin(), newest.end());
        m_rows = newest + query(0, 0, 10000, true);
        if (!newest.isEmpty())
            m_oldest = newest.constFirst().pos;
    }
    endResetModel();
}

void MessageListModel::readMark()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT read_pos FROM chat_state WHERE room = ?"));
    q.addBindValue(m_room);
    m_readPos = q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

QList<MessageListModel::Row> MessageListModel::query(qint64 fromPos, qint64 beforePos, int limit, bool pending)
{
    QSqlQuery q(m_db);
    if (pending)
        q.prepare(columns() + QStringLiteral(" WHERE m.room = :room AND m.pos IS NULL ORDER BY m.local_ord LIMIT :limit"));
    else
        q.prepare(columns()
                  + QStringLiteral(" WHERE m.room = :room AND m.pos >= :from AND m.pos < :before"
                                   " ORDER BY m.pos DESC LIMIT :limit"));
    q.bindValue(QStringLiteral(":me"), m_me);
    q.bindValue(QStringLiteral(":room"), m_room);
    if (!pending) {
        q.bindValue(QStringLiteral(":from"), QVariant::fromValue(fromPos));
        q.bindValue(QStringLiteral(":before"), QVariant::fromValue(beforePos));
    }
    q.bindValue(QStringLiteral(":limit"), limit);
    QList<Row> out;
    if (!q.exec()) {
        qWarning("messages: %s", qPrintable(q.lastError().text()));
        return out;
    }
    while (q.next()) {
        Row r;
        r.id = q.value(0).toString();
        r.authorId = q.value(1).toString();
        r.authorName = q.value(2).toString();
        r.text = q.value(3).toString();
        r.created = q.value(4).toLongLong();
        r.pos = q.value(5).toLongLong();
        r.edited = q.value(6).toLongLong();
        r.deleted = q.value(7).toInt() != 0;
        r.replyTo = q.value(8).toString();
        r.replyAuthor = q.value(9).toString();
        r.replyText = q.value(10).toString();
        r.reactions = q.value(11).toString();
        r.state = q.value(12).toInt();
        r.error = q.value(13).toString();
        r.mentionsMe = q.value(14).toInt() != 0;
        out.append(r);
    }
    return out;
}

bool MessageListModel::loadOlder()
{
    if (m_room.isEmpty())
        return false;
    QList<Row> older = query(0, m_oldest > 0 ? m_oldest : std::numeric_limits<qint64>::max(), PageSize, false);
    if (older.isEmpty())
        return false;
    std::reverse(older.begin(), older.end());
    beginInsertRows({}, 0, int(older.size()) - 1);
    m_rows = older + m_rows;
    m_oldest = older.constFirst().pos;
    endInsertRows();
    return true;
}

void MessageListModel::refresh()
{
    if (m_room.isEmpty())
        return;
    readMark();
    QList<Row> fresh = query(m_oldest > 0 ? m_oldest : 0, std::numeric_limits<qint64>::max(), 100000, false);
    std::reverse(fresh.begin(), fresh.end());
    if (m_oldest == 0 && fresh.size() > PageSize)
        fresh = fresh.mid(fresh.size() - PageSize);
    fresh += query(0, 0, 10000, true);
    if (fresh == m_rows)
        return;
    // The common cases keep the view in place: same rows changed, or rows added at the end.
    qsizetype common = 0;
    while (common < m_rows.size() && common < fresh.size() && m_rows.at(common).id == fresh.at(common).id)
        ++common;
    if (common == m_rows.size()) {
        const QList<Row> old = m_rows;
        m_rows = fresh.mid(0, common);
        for (qsizetype i = 0; i < common; ++i) {
            if (!(old.at(i) == fresh.at(i)))
                emit dataChanged(index(int(i)), index(int(i)));
        }
        if (fresh.size() > common) {
            beginInsertRows({}, int(common), int(fresh.size()) - 1);
            m_rows = fresh;
            endInsertRows();
        }
        if (!m_rows.isEmpty() && m_oldest == 0 && m_rows.constFirst().pos > 0)
            m_oldest = m_rows.constFirst().pos;
        return;
    }
    beginResetModel();
    m_rows = fresh;
    if (!m_rows.isEmpty() && m_rows.constFirst().pos > 0)
        m_oldest = m_rows.constFirst().pos;
    endResetModel();
}

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole: return r.text;
    case IdRole: return r.id;
    case AuthorIdRole: return r.authorId;
    case AuthorNameRole: return r.authorName;
    case CreatedRole: return r.created;
    case PosRole: return r.pos;
    case EditedRole: return r.edited;
    case DeletedRole: return r.deleted;
    case ReplyToRole: return r.replyTo;
    case ReplyAuthorRole: return r.replyAuthor;
    case ReplyTextRole: return r.replyText;
    case ReactionsRole: {
        QVariantList out;
        for (const QString &line : r.reactions.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const QStringList f = line.split(QLatin1Char('\t'));
            if (f.size() == 3)
                out.append(QVariantMap{{QStringLiteral("emoji"), f.at(0)},
                                       {QStringLiteral("count"), f.at(1).toInt()},
                                       {QStringLiteral("mine"), f.at(2).toInt() != 0}});
        }
        return out;
    }
    case StateRole: return r.state;
    case ErrorRole: return r.error;
    case MentionsMeRole: return r.mentionsMe;
    case MineRole: return r.authorId == m_me;
    case UnreadRole: return r.pos > m_readPos && r.authorId != m_me;
    default: return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return {{IdRole, "id"},           {AuthorIdRole, "authorId"}, {AuthorNameRole, "authorName"},
            {TextRole, "text"},       {CreatedRole, "created"},   {PosRole, "pos"},
            {EditedRole, "edited"},   {DeletedRole, "deleted"},   {ReplyToRole, "replyTo"},
            {ReplyAuthorRole, "replyAuthor"}, {ReplyTextRole, "replyText"}, {ReactionsRole, "reactions"},
            {StateRole, "state"},     {ErrorRole, "error"},       {MentionsMeRole, "mentionsMe"},
            {MineRole, "mine"},       {UnreadRole, "unread"}};
}

int MessageListModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return int(i);
    return -1;
}

int MessageListModel::firstUnreadRow() const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        const Row &r = m_rows.at(i);
        if (r.pos > m_readPos && r.authorId != m_me)
            return int(i);
    }
    return -1;
}

qint64 MessageListModel::newestPos() const
{
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i)
        if (m_rows.at(i).pos > 0)
            return m_rows.at(i).pos;
    return 0;
}

} // namespace plein::client
