#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace plein::client {

struct ChatHit
{
    QString messageId;
    QString room;
    QString roomName;
    QString author;
    QString snippet;    // with the matches in [brackets]
    qint64 pos = 0;
    qint64 created = 0;
};

// Full-text search over the cached messages (chat_fts, FTS5), within one room or across
// all; works offline. Each word of the query matches as a prefix; newest matches first.
namespace chatsearch {
QList<ChatHit> search(const QSqlDatabase &db, const QString &query, const QString &room = {}, int limit = 50);
QString matchExpression(const QString &query);
} // namespace chatsearch

} // namespace plein::client
