#include "chat/ChatCache.h"

#include "Logging.h"
#include "cache/ChangeApplier.h"
#include "cache/LocalWrite.h"
#include "cache/Outbox.h"
#include "cache/Replica.h"
#include "cache/ScopeCache.h"
#include "cache/Statements.h"
#include "cache/Transaction.h"
#include "model/Ids.h"
#include "protocol/ChatMessages.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"

#include <QSqlError>
#include <QSqlQuery>

namespace plein::client::chatcache {

namespace {

QString l1(const char *s)
{
    return QLatin1String(s);
}

QString scopeOf(const QString &room)
{
    return protocol::scope::make(protocol::scope::RoomPrefix, room);
}

Error cacheError(const QString &what, const QSqlQuery &q)
{
    return Error{QStringLiteral("cache"), QStringLiteral("%1: %2").arg(what, q.lastError().text())};
}

Error badChange(const protocol::Change &c, const QString &why)
{
    return Error{l1(protocol::code::BadRequest), QStringLiteral("change %1 (%2 %3): %4").arg(c.seq).arg(c.kind, c.id, why)};
}

QVariant v(qint64 n)
{
    return QVariant::fromValue(n);
}

// A null QString binds as SQL NULL; NOT NULL text columns want ''.
QString nn(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString myName(Statements &sql, const QString &me)
{
    bool ok = false;
    QSqlQuery &q = sql.exec(QStringLiteral("SELECT name FROM users WHERE id = ?"), {me}, &ok);
    const QString name = ok && q.next() ? q.value(0).toString() : QString();
    q.finish();
    return name;
}

Result<bool> applyRoom(Statements &sql, const protocol::Change &c, const QString &)
{
    auto r = protocol::decode<protocol::ChatRoom>(c.data);
    if (!r)
        return badChange(c, r.error().message);
    bool ok = false;
    QSqlQuery &q = sql.exec(
        QStringLiteral("INSERT INTO chat_rooms (id, scope, name, direct, creator, created, seq) VALUES (?, ?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT (id) DO UPDATE SET name = excluded.name, direct = excluded.direct,"
                       " creator = excluded.creator, created = excluded.created, seq = excluded.seq"
                       " WHERE excluded.seq >= chat_rooms.seq"),
        {r->id, scopeOf(r->id), nn(r->name), r->direct ? 1 : 0, r->creator, v(r->created), v(c.seq)}, &ok);
    return ok ? Result<bool>(true) : cacheError(QStringLiteral("room %1").arg(c.id), q);
}

Result<bool> applyMessage(Statements &sql, const protocol::Change &c, const QString &me)
{
    auto m = protocol::decode<protocol::ChatMessage>(c.data);
    if (!m)
        return badChange(c, m.error().message);
    if (m->id != c.id)
        return badChange(c, QStringLiteral("data.id does not match"));
    const bool mentioned = m->author != me && !m->deleted && mentions(m->text, myName(sql, me));
    bool ok = false;
    // Among server copies the newer seq wins, whichever arrived first; the change that
    // answers the row's own pending op settles it whatever its seq. (A row's seq can be
    // ahead of its copies: an acknowledged edit or delete raises it, see outboxAcked.)
    QSqlQuery &q = sql.exec(
        QStringLiteral("INSERT INTO chat_messages (id, scope, room, author_id, text, created, pos, edited, deleted,"
                       " reply_to, mentions_me, seq, state, error, op) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, NULL)"
                       " ON CONFLICT (id) DO UPDATE SET text = excluded.text, created = excluded.created,"
                       " pos = excluded.pos, edited = excluded.edited, deleted = excluded.deleted,"
                       " reply_to = excluded.reply_to, mentions_me = excluded.mentions_me, seq = excluded.seq,"
                       " state = 0, error = NULL, op = NULL"
                       " WHERE excluded.seq >= chat_messages.seq OR (chat_messages.state <> 0 AND chat_messages.op = ?)"),
        {m->id, scopeOf(m->room), m->room, m->author, nn(m->text), v(m->created), v(m->pos), v(m->edited),
         m->deleted ? 1 : 0, nn(m->replyTo), mentioned ? 1 : 0, v(c.seq), nn(c.op)},
        &ok);
    return ok ? Result<bool>(true) : cacheError(QStringLiteral("message %1").arg(c.id), q);
}

Result<bool> applyReaction(Statements &sql, const protocol::Change &c, const QString &)
{
    auto r = protocol::decode<protocol::ChatReaction>(c.data);
    if (!r)
        return badChange(c, r.error().message);
    bool ok = false;
    if (c.deleted) {
        QSqlQuery &q = sql.exec(QStringLiteral("DELETE FROM chat_reactions WHERE message = ? AND user_id = ? AND emoji = ?"
                                               " AND seq <= ?"),
                                {r->message, r->user, r->emoji, v(c.seq)}, &ok);
        return ok ? Result<bool>(true) : cacheError(QStringLiteral("reaction %1").arg(c.id), q);
    }
    QSqlQuery &q = sql.exec(QStringLiteral("INSERT INTO chat_reactions (message, user_id, emoji, scope, seq) VALUES (?, ?, ?, ?, ?)"
                                           " ON CONFLICT (message, user_id, emoji) DO UPDATE SET seq = excluded.seq"
                                           " WHERE excluded.seq >= chat_reactions.seq"),
                            {r->message, r->user, r->emoji, scopeOf(r->room), v(c.seq)}, &ok);
    return ok ? Result<bool>(true) : cacheError(QStringLiteral("reaction %1").arg(c.id), q);
}

Result<bool> applyState(Statements &sql, const protocol::Change &c, const QString &)
{
    auto s = protocol::decode<protocol::ChatState>(c.data);
    if (!s)
        return badChange(c, s.error().message);
    bool ok = false;
    // A local mark ahead of the server's (read here, not yet sent) stays.
    QSqlQuery &q = sql.exec(QStringLiteral("INSERT INTO chat_state (room, scope, read_pos, muted, seq) VALUES (?, ?, ?, ?, ?)"
                                           " ON CONFLICT (room) DO UPDATE SET read_pos = MAX(read_pos, excluded.read_pos),"
                                           " muted = excluded.muted, seq = excluded.seq WHERE excluded.seq >= chat_state.seq"),
                            {s->room, scopeOf(s->room), v(s->readPos), s->muted ? 1 : 0, v(c.seq)}, &ok);
    return ok ? Result<bool>(true) : cacheError(QStringLiteral("chat state %1").arg(c.id), q);
}

// Runs `body` in a transaction with the outbox row of `type`.
template<typename F>
Result<Written> write(const QSqlDatabase &db, const char *type, const QString &entity, const QJsonObject &frameBody,
                      F &&rows)
{
    Transaction tx(db);
    if (!tx.isActive())
        return Error{QStringLiteral("cache"), tx.error()};
    const QString op = ids::create();
    if (auto e = rows(op); !e.isEmpty())
        return Error{QStringLiteral("cache"), e};
    QString error;
    if (!Outbox::enqueue(db, l1(type), op, entity, frameBody, &error))
        return Error{QStringLiteral("cache"), error};
    if (!tx.commit())
        return Error{QStringLiteral("cache"), tx.error()};
    return Written{entity, op};
}

QString run(const QSqlDatabase &db, const QString &sql, const QVariantList &values)
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &x : values)
        q.addBindValue(x);
    return q.exec() ? QString() : q.lastError().text();
}

// Runs `local` and queues the write in one transaction with the pre-images of `touched`,
// so a refusal puts the server's state of those rows back (cache/Undo.h).
Result<Written> record(const QSqlDatabase &db, const char *type, const QString &entity, const QJsonObject &frameBody,
                       const QList<undo::Rows> &touched, const std::function<QString(Statements &)> &local)
{
    auto op = localwrite::record(db, type, entity, frameBody, touched, local);
    if (!op)
        return op.error();
    return Written{entity, op.value()};
}

QString exec(Statements &sql, const QString &text, const QVariantList &values)
{
    bool ok = false;
    QSqlQuery &q = sql.exec(text, values, &ok);
    const QString e = ok ? QString() : q.lastError().text();
    q.finish();
    return e;
}

// What a refused edit or delete puts back: the message as the server has it. mentions_me
// stays out: my own messages never mention me.
undo::Rows messageUndo(const QString &id)
{
    return {QStringLiteral("chat_messages"), {QStringLiteral("id")}, {id},
            {QStringLiteral("text"), QStringLiteral("edited"), QStringLiteral("deleted"), QStringLiteral("seq")}};
}

// My reaction row: absent before a refused "on" (deleted again), present before a refused "off".
undo::Rows reactionUndo(const QString &message, const QString &me, const QString &emoji)
{
    return {QStringLiteral("chat_reactions"),
            {QStringLiteral("message"), QStringLiteral("user_id"), QStringLiteral("emoji")},
            {message, me, emoji},
            {QStringLiteral("scope"), QStringLiteral("seq")}};
}

struct MessageRow
{
    QString room;
    QString author;
    int state = 0;
    bool found = false;
};

MessageRow messageRow(const QSqlDatabase &db, const QString &id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT room, author_id, state FROM chat_messages WHERE id = ?"));
    q.addBindValue(id);
    MessageRow r;
    if (q.exec() && q.next())
        r = {q.value(0).toString(), q.value(1).toString(), q.value(2).toInt(), true};
    return r;
}

} // namespace

bool mentions(const QString &text, const QString &name)
{
    // One rule for what counts as a mention, shared with the server's notifications.
    return !name.isEmpty() && protocol::mentionedNames(text).contains(name.toLower());
}

void registerKinds(ChangeApplier &applier)
{
    applier.addKind(l1(protocol::kind::ChatRoom), &applyRoom);
    applier.addKind(l1(protocol::kind::ChatMessage), &applyMessage);
    applier.addKind(l1(protocol::kind::ChatReaction), &applyReaction);
    applier.addKind(l1(protocol::kind::ChatState), &applyState);
    // My edit or delete of a message, not yet acknowledged, is newer than any copy of it
    // the server sent before (e.g. a late echo of its send).
    applier.addGuard(l1(protocol::kind::ChatMessage), {l1(protocol::type::ChatEdit), l1(protocol::type::ChatDelete)});
}

Result<Written> send(const QSqlDatabase &db, const QString &room, const QString &text, const QString &replyTo)
{
    auto t = protocol::validateText(text, protocol::chat::MaxMessageChars, "text");
    if (!t)
        return t.error();
    const QString me = Replica::currentUserId(db);
    if (me.isEmpty())
        return Error{QStringLiteral("cache"), QStringLiteral("not signed in")};
    const QString id = ids::create();
    return write(db, protocol::type::ChatSend, id, protocol::encode(protocol::ChatSendBody{id, room, t.value(), replyTo}),
                 [&](const QString &op) {
                     return run(db,
                                QStringLiteral("INSERT INTO chat_messages (id, scope, room, author_id, text, created, pos,"
                                               " reply_to, state, op, local_ord) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 1, ?,"
                                               " (SELECT COALESCE(MAX(local_ord), 0) + 1 FROM chat_messages))"),
                                {id, scopeOf(room), room, me, t.value(), v(ids::nowMs()), nn(replyTo), op});
                 });
}

Result<Written> edit(const QSqlDatabase &db, const QString &messageId, const QString &text)
{
    auto t = protocol::validateText(text, protocol::chat::MaxMessageChars, "text");
    if (!t)
        return t.error();
    const MessageRow m = messageRow(db, messageId);
    if (!m.found || m.author != Replica::currentUserId(db))
        return Error{l1(protocol::code::Forbidden), QStringLiteral("only your own messages can be edited")};
    if (m.state == 2) {
        // Failed: never stored by the server. Drop the refused write and queue it again.
        QSqlQuery q(db);
        return write(db, protocol::type::ChatSend, messageId,
                     protocol::encode(protocol::ChatSendBody{messageId, m.room, t.value(), {}}), [&](const QString &op) {
                         QString e = run(db, QStringLiteral("DELETE FROM outbox WHERE entity_id = ? AND state = 2"),
                                         {messageId});
                         if (e.isEmpty())
                             e = run(db,
                                     QStringLiteral("UPDATE chat_messages SET text = ?, state = 1, error = NULL, op = ?,"
                                                    " local_ord = (SELECT COALESCE(MAX(local_ord), 0) + 1 FROM chat_messages)"
                                                    " WHERE id = ?"),
                                     {t.value(), op, messageId});
                         return e;
                     });
    }
    return record(db, protocol::type::ChatEdit, messageId, protocol::encode(protocol::ChatEditBody{messageId, t.value()}),
                  {messageUndo(messageId)}, [&](Statements &sql) {
                      return exec(sql, QStringLiteral("UPDATE chat_messages SET text = ?, edited = ? WHERE id = ?"),
                                  {t.value(), v(ids::nowMs()), messageId});
                  });
}

Result<Written> remove(const QSqlDatabase &db, const QString &messageId)
{
    const MessageRow m = messageRow(db, messageId);
    if (!m.found || m.author != Replica::currentUserId(db))
        return Error{l1(protocol::code::Forbidden), QStringLiteral("only your own messages can be deleted")};
    if (m.state == 2) {
        Transaction tx(db);
        QString e = run(db, QStringLiteral("DELETE FROM outbox WHERE entity_id = ? AND state = 2"), {messageId});
        if (e.isEmpty())
            e = run(db, QStringLiteral("DELETE FROM chat_messages WHERE id = ?"), {messageId});
        if (!e.isEmpty() || !tx.commit())
            return Error{QStringLiteral("cache"), e.isEmpty() ? tx.error() : e};
        return Written{messageId, {}};
    }
    return record(db, protocol::type::ChatDelete, messageId, protocol::encode(protocol::ChatDeleteBody{messageId}),
                  {messageUndo(messageId)}, [&](Statements &sql) {
                      return exec(sql, QStringLiteral("UPDATE chat_messages SET text = '', deleted = 1 WHERE id = ?"),
                                  {messageId});
                  });
}

Result<Written> react(const QSqlDatabase &db, const QString &messageId, const QString &emoji, bool on)
{
    const MessageRow m = messageRow(db, messageId);
    if (!m.found)
        return Error{l1(protocol::code::NotFound), QStringLiteral("no such message")};
    auto me = localwrite::me(db);
    if (!me)
        return me.error();
    return record(db, protocol::type::ChatReact, messageId, protocol::encode(protocol::ChatReactBody{messageId, emoji, on}),
                  {reactionUndo(messageId, me.value(), emoji)}, [&](Statements &sql) {
                      return on ? exec(sql,
                                       QStringLiteral("INSERT OR IGNORE INTO chat_reactions (message, user_id, emoji, scope, seq)"
                                                      " VALUES (?, ?, ?, ?, 0)"),
                                       {messageId, me.value(), emoji, scopeOf(m.room)})
                                : exec(sql,
                                       QStringLiteral("DELETE FROM chat_reactions WHERE message = ? AND user_id = ?"
                                                      " AND emoji = ?"),
                                       {messageId, me.value(), emoji});
                  });
}

Result<Written> markRead(const QSqlDatabase &db, const QString &room, qint64 pos)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT read_pos FROM chat_state WHERE room = ?"));
    q.addBindValue(room);
    if (q.exec() && q.next() && q.value(0).toLongLong() >= pos)
        return Written{room, {}};
    q.finish();
    return write(db, protocol::type::ChatRead, room, protocol::encode(protocol::ChatReadBody{room, pos}),
                 [&](const QString &) {
                     return run(db,
                                QStringLiteral("INSERT INTO chat_state (room, scope, read_pos) VALUES (?, ?, ?)"
                                               " ON CONFLICT (room) DO UPDATE SET read_pos = MAX(read_pos, excluded.read_pos)"),
                                {room, scopeOf(room), v(pos)});
                 });
}

Result<Written> setMuted(const QSqlDatabase &db, const QString &room, bool muted)
{
    return write(db, protocol::type::ChatMute, room, protocol::encode(protocol::ChatMuteBody{room, muted}),
                 [&](const QString &) {
                     return run(db,
                                QStringLiteral("INSERT INTO chat_state (room, scope, muted) VALUES (?, ?, ?)"
                                               " ON CONFLICT (room) DO UPDATE SET muted = excluded.muted"),
                                {room, scopeOf(room), muted ? 1 : 0});
                 });
}

Result<Written> createRoom(const QSqlDatabase &db, const QString &name, const QStringList &members, bool direct)
{
    const QString id = ids::create();
    protocol::ChatRoomCreateBody b{id, name.trimmed(), direct, members};
    // The codec's own checks, before anything is queued.
    if (auto d = protocol::decode<protocol::ChatRoomCreateBody>(protocol::encode(b)); !d)
        return d.error();
    return write(db, protocol::type::ChatRoomCreate, id, protocol::encode(b), [](const QString &) { return QString(); });
}

Result<Written> directRoom(const QSqlDatabase &db, const QString &partner)
{
    const QString me = Replica::currentUserId(db);
    if (me.isEmpty())
        return Error{QStringLiteral("cache"), QStringLiteral("not signed in")};
    if (partner.isEmpty() || partner == me)
        return Error{l1(protocol::code::BadRequest), QStringLiteral("a direct conversation needs another person")};
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT r.id FROM chat_rooms r JOIN scopes sc ON sc.scope = r.scope"
                                 " JOIN scope_members m ON m.scope = r.scope WHERE r.direct = 1 AND m.user_id = ?"
                                 " ORDER BY r.seq = 0, r.created LIMIT 1"));
        q.addBindValue(partner);
        if (q.exec() && q.next())
            return Written{q.value(0).toString(), {}};
    }
    const QString id = ids::create();
    protocol::ChatRoomCreateBody b{id, {}, true, {partner}};
    if (auto d = protocol::decode<protocol::ChatRoomCreateBody>(protocol::encode(b)); !d)
        return d.error();
    const QString scope = scopeOf(id);
    const QString owner = l1(protocol::scope::Owner);
    const qint64 now = ids::nowMs();
    return write(db, protocol::type::ChatRoomCreate, id, protocol::encode(b), [&](const QString &) {
        QString e = run(db,
                        QStringLiteral("INSERT INTO chat_rooms (id, scope, name, direct, creator, created, seq)"
                                       " VALUES (?, ?, '', 1, ?, ?, 0)"),
                        {id, scope, me, v(now)});
        if (e.isEmpty())
            e = run(db, QStringLiteral("INSERT OR IGNORE INTO scopes (scope, role, joined, seq) VALUES (?, ?, ?, 0)"),
                    {scope, owner, v(now)});
        for (const QString &u : {me, partner})
            if (e.isEmpty())
                e = run(db,
                        QStringLiteral("INSERT OR IGNORE INTO scope_members (scope, user_id, role, joined, seq)"
                                       " VALUES (?, ?, ?, ?, 0)"),
                        {scope, u, owner, v(now)});
        return e;
    });
}

Result<Written> addMember(const QSqlDatabase &db, const QString &room, const QString &userId)
{
    return write(db, protocol::type::ChatMemberAdd, room, protocol::encode(protocol::ChatMemberBody{room, userId, {}}),
                 [](const QString &) { return QString(); });
}

Result<Written> removeMember(const QSqlDatabase &db, const QString &room, const QString &userId)
{
    return write(db, protocol::type::ChatMemberRemove, room,
                 protocol::encode(protocol::ChatMemberBody{room, userId, {}}), [](const QString &) { return QString(); });
}

void outboxAcked(const QSqlDatabase &db, const QString &type, const QString &entity, qint64 seq)
{
    // The acknowledged edit or delete is the message's state as of `seq`: a copy from an
    // older change still on its way must not undo it.
    if (seq <= 0 || (type != l1(protocol::type::ChatEdit) && type != l1(protocol::type::ChatDelete)))
        return;
    const QString e = run(db, QStringLiteral("UPDATE chat_messages SET seq = ? WHERE id = ? AND seq < ?"),
                          {v(seq), entity, v(seq)});
    if (!e.isEmpty())
        qCWarning(lcCache) << "cannot raise the seq of message" << entity << e;
}

void outboxFailed(const QSqlDatabase &db, const QString &type, const QString &entity, const QString &op,
                  const QString &message)
{
    if (type == l1(protocol::type::ChatSend)) {
        const QString e = run(db, QStringLiteral("UPDATE chat_messages SET state = 2, error = ? WHERE id = ? AND op = ?"),
                              {message, entity, op});
        if (!e.isEmpty())
            qCWarning(lcCache) << "cannot mark message" << entity << "failed:" << e;
    } else if (type == l1(protocol::type::ChatRoomCreate)) {
        // A room made here that the server refused (say, a direct room with this person was
        // made on another computer meanwhile) leaves the cache again, unless the server sent it.
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT 1 FROM chat_rooms WHERE id = ? AND seq = 0"));
        q.addBindValue(entity);
        if (q.exec() && q.next()) {
            q.finish();
            Statements sql(db);
            if (auto p = scopecache::purge(sql, scopeOf(entity)); !p)
                qCWarning(lcCache) << "cannot drop refused room" << entity << p.error().message;
        }
    }
}

} // namespace plein::client::chatcache
