#include "chat/ChatSearch.h"

#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace plein::client::chatsearch {

QString matchExpression(const QString &query)
{
    static const QRegularExpression word(QStringLiteral("[\\w]+"), QRegularExpression::UseUnicodePropertiesOption);
    QStringList terms;
    auto it = word.globalMatch(query);
    while (it.hasNext())
        terms.append(QLatin1Char('"') + it.next().captured(0) + QStringLiteral("\"*"));
    return terms.join(QLatin1Char(' '));
}

QList<ChatHit> search(const QSqlDatabase &db, const QString &query, const QString &room, int limit)
{
    QList<ChatHit> out;
    const QString match = matchExpression(query);
    if (match.isEmpty())
        return out;
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
                  "SELECT m.id, m.room, r.name, r.direct, COALESCE(u.display_name, ''),"
                  " snippet(chat_fts, 0, '[', ']', '…', 12), COALESCE(m.pos, 0), m.created"
                  " FROM chat_fts JOIN chat_messages m ON m.rowid = chat_fts.rowid"
                  " LEFT JOIN chat_rooms r ON r.id = m.room LEFT JOIN users u ON u.id = m.author_id"
                  " WHERE chat_fts MATCH :match AND m.deleted = 0")
              + (room.isEmpty() ? QString() : QStringLiteral(" AND m.room = :room"))
              // Newest first, as chat is read: FTS5 walks its rowids backwards and stops at
              // the limit, so a common word costs like a rare one (ranking every match by
              // bm25 took ~360 ms over 1,000,000 messages).
              + QStringLiteral(" ORDER BY chat_fts.rowid DESC LIMIT :limit"));
    q.bindValue(QStringLiteral(":match"), match);
    if (!room.isEmpty())
        q.bindValue(QStringLiteral(":room"), room);
    q.bindValue(QStringLiteral(":limit"), limit);
    if (!q.exec()) {
        qWarning("chat search: %s", qPrintable(q.lastError().text()));
        return out;
    }
    while (q.next()) {
        ChatHit h;
        h.messageId = q.value(0).toString();
        h.room = q.value(1).toString();
        h.roomName = q.value(2).toString();
        h.author = q.value(4).toString();
        h.snippet = q.value(5).toString();
        h.pos = q.value(6).toLongLong();
        h.created = q.value(7).toLongLong();
        out.append(h);
    }
    return out;
}

} // namespace plein::client::chatsearch
