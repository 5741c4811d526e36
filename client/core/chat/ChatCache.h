#pragma once

#include "protocol/Error.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace plein::client {

class ChangeApplier;

// Chat in the replica: the appliers of the chat.* change kinds, and the user's chat writes.
// Rows carry their scope ("room:<id>") so leaving a room purges them (cache/ScopeCache.h);
// appliers upsert guarded by the row's seq because rooms also arrive as snapshot and
// history pages. Each write puts its row into the replica (pending) and its outbox row in
// one transaction, like LocalWriter.
namespace chatcache {

void registerKinds(ChangeApplier &applier);

struct Written
{
    QString id;
    QString op;
};
Result<Written> send(const QSqlDatabase &db, const QString &room, const QString &text, const QString &replyTo = {});
// Sent messages: an edit. A failed message: new text, and it is queued again (same id).
Result<Written> edit(const QSqlDatabase &db, const QString &messageId, const QString &text);
// Sent messages: a delete. A failed one is discarded locally, nothing is sent.
Result<Written> remove(const QSqlDatabase &db, const QString &messageId);
Result<Written> react(const QSqlDatabase &db, const QString &messageId, const QString &emoji, bool on);
// Moves the read mark forward (never back); nothing is written when it would not move.
Result<Written> markRead(const QSqlDatabase &db, const QString &room, qint64 pos);
Result<Written> setMuted(const QSqlDatabase &db, const QString &room, bool muted);
Result<Written> createRoom(const QSqlDatabase &db, const QString &name, const QStringList &members, bool direct);
// The direct room with `partner`: the cached one (op empty), else a new one stored at once
// as pending (room, my scope, both members, seq 0) with its create queued, so it opens and
// takes messages offline; those queue behind the create. A refused create purges it again.
Result<Written> directRoom(const QSqlDatabase &db, const QString &partner);
Result<Written> addMember(const QSqlDatabase &db, const QString &room, const QString &userId);
Result<Written> removeMember(const QSqlDatabase &db, const QString &room, const QString &userId);

// Outbox hooks: the server refused or accepted a chat write (seq: the ack's).
void outboxAcked(const QSqlDatabase &db, const QString &type, const QString &entity, qint64 seq);
void outboxFailed(const QSqlDatabase &db, const QString &type, const QString &entity, const QString &op,
                  const QString &message);

// Whether `text` mentions @name (a whole word).
bool mentions(const QString &text, const QString &name);

} // namespace chatcache
} // namespace plein::client
