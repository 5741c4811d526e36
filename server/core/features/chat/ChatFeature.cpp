#include "features/chat/ChatFeature.h"

#include "Logging.h"
#include "model/Ids.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"
#include "store/Database.h"
#include "store/UserStore.h"
#include "sync/ChangeLog.h"
#include "sync/Writer.h"

namespace plein::server {

namespace {
Error error(const char *code, const QString &message)
{
    return Error{QLatin1String(code), message};
}

Error notFound(const QString &what)
{
    return error(protocol::code::NotFound, QStringLiteral("no %1 of yours").arg(what));
}

Error internal(const QString &what)
{
    return error(protocol::code::Internal, QStringLiteral("could not store %1").arg(what));
}

QString k(const char *s)
{
    return QLatin1String(s);
}
} // namespace

QString ChatFeature::scopeOf(const QString &roomId)
{
    return protocol::scope::make(protocol::scope::RoomPrefix, roomId);
}

QString ChatFeature::reactionId(const QString &message, const QString &user, const QString &emoji)
{
    return message + QLatin1Char(':') + user + QLatin1Char(':') + emoji;
}

void ChatFeature::registerHandlers(WriteHandlers &handlers)
{
    using Fn = Result<protocol::AckBody> (ChatFeature::*)(const Person &, const QString &, const QJsonObject &);
    const QList<QPair<const char *, Fn>> writes = {
        {protocol::type::ChatRoomCreate, &ChatFeature::createRoom},
        {protocol::type::ChatMemberAdd, &ChatFeature::addMember},
        {protocol::type::ChatMemberRemove, &ChatFeature::removeMember},
        {protocol::type::ChatSend, &ChatFeature::send},
        {protocol::type::ChatEdit, &ChatFeature::edit},
        {protocol::type::ChatDelete, &ChatFeature::remove},
        {protocol::type::ChatReact, &ChatFeature::react},
        {protocol::type::ChatRead, &ChatFeature::markRead},
        {protocol::type::ChatMute, &ChatFeature::mute},
    };
    for (const auto &w : writes) {
        handlers.add(QLatin1String(w.first), [this, fn = w.second](const Person &a, const QString &op,
                                                                    const QJsonObject &b) { return (this->*fn)(a, op, b); });
    }
    m_scopes.addPager(k(protocol::scope::RoomPrefix),
                      [this](const QString &scope, qint64 before, int limit) { return page(scope, before, limit); });
}

std::optional<protocol::ChatRoom> ChatFeature::room(const QString &id) const
{
    Stmt s(m_db, QStringLiteral("SELECT name, direct, creator, created FROM chat_rooms WHERE id = ?"));
    s.bind(id);
    if (!s.exec() || !s.next())
        return std::nullopt;
    return protocol::ChatRoom{id, s.value(0).toString(), s.value(1).toInt() != 0, s.value(2).toString(),
                              s.value(3).toLongLong()};
}

Result<protocol::ChatMessage> ChatFeature::memberMessage(const Person &actor, const QString &id,
                                                        const char *ownVerb) const
{
    auto m = message(id);
    if (!m || !m_scopes.isMember(scopeOf(m->room), actor.id))
        return notFound(QStringLiteral("message %1").arg(id));
    if (ownVerb && m->author != actor.id)
        return error(protocol::code::Forbidden,
                     QStringLiteral("only the author %1 a message").arg(QLatin1String(ownVerb)));
    return *m;
}

std::optional<protocol::ChatMessage> ChatFeature::message(const QString &id, qint64 *seq) const
{
    Stmt s(m_db, QStringLiteral("SELECT room, author, text, created, pos, edited, deleted, reply_to, seq"
                                " FROM chat_messages WHERE id = ?"));
    s.bind(id);
    if (!s.exec() || !s.next())
        return std::nullopt;
    if (seq)
        *seq = s.value(8).toLongLong();
    return protocol::ChatMessage{id,
                                 s.value(0).toString(),
                                 s.value(1).toString(),
                                 s.value(2).toString(),
                                 s.value(3).toLongLong(),
                                 s.value(4).toLongLong(),
                                 s.value(5).toLongLong(),
                                 s.value(6).toInt() != 0,
                                 s.value(7).toString()};
}

qint64 ChatFeature::stampNow() const
{
    return m_clock > 0 ? m_clock : ids::nowMs();
}

Result<protocol::AckBody> ChatFeature::logMessage(const protocol::ChatMessage &m, const QString &op, qint64 at)
{
    const qint64 seq = m_log.append(
        {scopeOf(m.room), k(protocol::kind::ChatMessage), m.id, op, false, protocol::encode(m)}, at);
    if (seq == 0)
        return internal(QStringLiteral("the message"));
    Stmt s(m_db, QStringLiteral("UPDATE chat_messages SET seq = ? WHERE id = ?"));
    s.bind(seq).bind(m.id);
    if (!s.exec())
        return internal(QStringLiteral("the message"));
    return protocol::AckBody{op, seq, m.id};
}

Result<protocol::AckBody> ChatFeature::createRoom(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::ChatRoomCreateBody>(body);
    if (!in)
        return in.error();
    if (room(in->id))
        return error(protocol::code::Conflict, QStringLiteral("room %1 already exists").arg(in->id));
    QStringList members = in->members;
    members.removeAll(actor.id);
    for (const QString &u : std::as_const(members)) {
        if (!m_users.byId(u))
            return error(protocol::code::NotFound, QStringLiteral("no user %1").arg(u));
    }
    if (in->direct && members.size() != 1)
        return error(protocol::code::BadRequest, QStringLiteral("a direct room has exactly one other member"));
    QVariant directKey;
    if (in->direct) {
        QStringList pair{actor.id, members.constFirst()};
        pair.sort();
        directKey = pair.join(QLatin1Char('|'));
        Stmt s(m_db, QStringLiteral("SELECT id FROM chat_rooms WHERE direct_key = ?"));
        s.bind(directKey);
        if (s.exec() && s.next())
            return error(protocol::code::Conflict,
                         QStringLiteral("a direct room with this person exists: %1").arg(s.value(0).toString()));
    }
    const qint64 now = stampNow();
    const protocol::ChatRoom r{in->id, in->direct ? QString() : in->name, in->direct, actor.id, now};
    const QString scope = scopeOf(r.id);
    {
        Stmt s(m_db, QStringLiteral("INSERT INTO chat_rooms (id, name, direct, direct_key, creator, created)"
                                    " VALUES (?, ?, ?, ?, ?, ?)"));
        s.bind(r.id).bind(r.name).bind(r.direct ? 1 : 0).bind(directKey).bind(r.creator).bind(r.created);
        if (!s.exec())
            return internal(QStringLiteral("the room"));
    }
    // Members first, so that the room's own change is in the scope when they get it.
    // In a direct room both are owners: neither can add anyone, both can leave.
    if (!m_scopes.setMember(scope, actor.id, k(protocol::scope::Owner), op, now))
        return internal(QStringLiteral("the membership"));
    for (const QString &u : std::as_const(members)) {
        if (!m_scopes.setMember(scope, u, k(in->direct ? protocol::scope::Owner : protocol::scope::MemberRole), op,
                                now))
            return internal(QStringLiteral("the membership"));
    }
    const qint64 seq = m_log.append({scope, k(protocol::kind::ChatRoom), r.id, op, false, protocol::encode(r)}, now);
    if (seq == 0)
        return internal(QStringLiteral("the room"));
    Stmt s(m_db, QStringLiteral("UPDATE chat_rooms SET seq = ? WHERE id = ?"));
    s.bind(seq).bind(r.id);
    if (!s.exec())
        return internal(QStringLiteral("the room"));
    return protocol::AckBody{op, seq, r.id};
}

Result<protocol::AckBody> ChatFeature::addMember(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::ChatMemberBody>(body);
    if (!in)
        return in.error();
    const QString scope = scopeOf(in->room);
    const QString myRole = m_scopes.roleOf(scope, actor.id);
    if (myRole.isEmpty())
        return notFound(QStringLiteral("room %1").arg(in->room));
    const auto r = room(in->room);
    if (!r)
        return notFound(QStringLiteral("room %1").arg(in->room));
    if (r->direct || myRole != QLatin1String(protocol::scope::Owner))
        return error(protocol::code::Forbidden, QStringLiteral("only owners of a group room add members"));
    if (!m_users.byId(in->user))
        return error(protocol::code::NotFound, QStringLiteral("no user %1").arg(in->user));
    const QString role = in->role.isEmpty() ? k(protocol::scope::MemberRole) : in->role;
    const qint64 now = stampNow();
    if (!m_scopes.setMember(scope, in->user, role, op, now))
        return internal(QStringLiteral("the membership"));
    return protocol::AckBody{op, m_log.head(), in->room};
}

Result<protocol::AckBody> ChatFeature::removeMember(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::ChatMemberBody>(body);
    if (!in)
        return in.error();
    const QString scope = scopeOf(in->room);
    const QString myRole = m_scopes.roleOf(scope, actor.id);
    if (myRole.isEmpty())
        return notFound(QStringLiteral("room %1").arg(in->room));
    // Anyone leaves; only an owner removes someone else.
    if (in->user != actor.id && myRole != QLatin1String(protocol::scope::Owner))
        return error(protocol::code::Forbidden, QStringLiteral("only owners remove members"));
    if (!m_scopes.isMember(scope, in->user))
        return error(protocol::code::NotFound, QStringLiteral("%1 is not in the room").arg(in->user));
    if (!m_scopes.removeMember(scope, in->user, op, stampNow()))
        return internal(QStringLiteral("the membership"));
    return protocol::AckBody{op, m_log.head(), in->room};
}

Result<protocol::AckBody> ChatFeature::send(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::ChatSendBody>(body);
    if (!in)
        return in.error();
    if (!m_scopes.isMember(scopeOf(in->room), actor.id))
        return notFound(QStringLiteral("room %1").arg(in->room));
    if (message(in->id))
        return error(protocol::code::Conflict, QStringLiteral("message %1 already exists").arg(in->id));
    if (!in->replyTo.isEmpty()) {
        const auto answered = message(in->replyTo);
        if (!answered || answered->room != in->room)
            return error(protocol::code::NotFound, QStringLiteral("no message %1 in this room").arg(in->replyTo));
    }
    qint64 pos = 1;
    {
        Stmt s(m_db, QStringLiteral("SELECT MAX(pos) FROM chat_messages"));
        if (s.exec() && s.next())
            pos = s.value(0).toLongLong() + 1;
    }
    const qint64 now = stampNow();
    const protocol::ChatMessage m{in->id, in->room, actor.id, in->text, now, pos, 0, false, in->replyTo};
    {
        Stmt s(m_db, QStringLiteral("INSERT INTO chat_messages (id, room, author, text, created, pos, reply_to)"
                                    " VALUES (?, ?, ?, ?, ?, ?, ?)"));
        s.bind(m.id).bind(m.room).bind(m.author).bind(m.text).bind(m.created).bind(m.pos).bind(m.replyTo);
        if (!s.exec())
            return internal(QStringLiteral("the message"));
    }
    return logMessage(m, op, now);
}

Result<protocol::AckBody> ChatFeature::edit(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::ChatEditBody>(body);
    if (!in)
        return in.error();
    auto found = memberMessage(actor, in->id, "edits");
    if (!found)
        return found.error();
    protocol::ChatMessage m = found.value();
    if (m.deleted)
        return error(protocol::code::NotFound, QStringLiteral("message %1 was deleted").arg(in->id));
    const qint64 now = stampNow();
    m.text = in->text;
    m.edited = now;
    Stmt s(m_db, QStringLiteral("UPDATE chat_messages SET text = ?, edited = ? WHERE id = ?"));
    s.bind(m.text).bind(m.edited).bind(m.id);
    if (!s.exec())
        return internal(QStringLiteral("the edit"));
    return logMessage(m, op, now);
}

Result<protocol::AckBody> ChatFeature::remove(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::ChatDeleteBody>(body);
    if (!in)
        return in.error();
    auto found = memberMessage(actor, in->id, "deletes");
    if (!found)
        return found.error();
    protocol::ChatMessage m = found.value();
    // The row stays as a tombstone so the room shows "deleted" where it was.
    const qint64 now = stampNow();
    m.text.clear();
    m.deleted = true;
    Stmt s(m_db, QStringLiteral("UPDATE chat_messages SET text = '', deleted = 1 WHERE id = ?"));
    s.bind(m.id);
    if (!s.exec())
        return internal(QStringLiteral("the deletion"));
    return logMessage(m, op, now);
}

Result<protocol::AckBody> ChatFeature::react(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::ChatReactBody>(body);
    if (!in)
        return in.error();
    auto m = memberMessage(actor, in->message);
    if (!m)
        return m.error();
    const protocol::ChatReaction r{m->id, m->room, actor.id, in->emoji.trimmed()};
    const QString id = reactionId(r.message, r.user, r.emoji);
    const qint64 now = stampNow();
    const qint64 seq = m_log.append(
        {scopeOf(m->room), k(protocol::kind::ChatReaction), id, op, !in->on, protocol::encode(r)}, now);
    if (seq == 0)
        return internal(QStringLiteral("the reaction"));
    Stmt s(m_db, in->on ? QStringLiteral("INSERT INTO chat_reactions (message, user_id, emoji, room, seq)"
                                         " VALUES (?, ?, ?, ?, ?) ON CONFLICT (message, user_id, emoji)"
                                         " DO UPDATE SET seq = excluded.seq")
                        : QStringLiteral("DELETE FROM chat_reactions WHERE message = ? AND user_id = ? AND emoji = ?"));
    s.bind(r.message).bind(r.user).bind(r.emoji);
    if (in->on)
        s.bind(r.room).bind(seq);
    if (!s.exec())
        return internal(QStringLiteral("the reaction"));
    return protocol::AckBody{op, seq, id};
}

Result<protocol::AckBody> ChatFeature::writeState(const Person &actor, const QString &op, const QString &roomId,
                                                  std::optional<qint64> readPos, std::optional<bool> muted)
{
    if (!m_scopes.isMember(scopeOf(roomId), actor.id))
        return notFound(QStringLiteral("room %1").arg(roomId));
    protocol::ChatState st{roomId, 0, false};
    {
        Stmt s(m_db, QStringLiteral("SELECT read_pos, muted FROM chat_state WHERE user_id = ? AND room = ?"));
        s.bind(actor.id).bind(roomId);
        if (s.exec() && s.next()) {
            st.readPos = s.value(0).toLongLong();
            st.muted = s.value(1).toInt() != 0;
        }
    }
    // Read state only moves forward, whichever computer reports last.
    if (readPos)
        st.readPos = qMax(st.readPos, *readPos);
    if (muted)
        st.muted = *muted;
    {
        Stmt s(m_db, QStringLiteral("INSERT INTO chat_state (user_id, room, read_pos, muted) VALUES (?, ?, ?, ?)"
                                    " ON CONFLICT (user_id, room) DO UPDATE SET read_pos = excluded.read_pos,"
                                    " muted = excluded.muted"));
        s.bind(actor.id).bind(roomId).bind(st.readPos).bind(st.muted ? 1 : 0);
        if (!s.exec())
            return internal(QStringLiteral("the read state"));
    }
    // To the user only: read marks and mutes follow them across their computers and
    // nobody else sees them.
    const qint64 seq = m_log.append(
        {protocol::audience::user(actor.id), k(protocol::kind::ChatState), roomId, op, false, protocol::encode(st)},
        stampNow());
    if (seq == 0)
        return internal(QStringLiteral("the read state"));
    return protocol::AckBody{op, seq, roomId};
}

Result<protocol::AckBody> ChatFeature::markRead(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::ChatReadBody>(body);
    if (!in)
        return in.error();
    return writeState(actor, op, in->room, in->pos, std::nullopt);
}

Result<protocol::AckBody> ChatFeature::mute(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::ChatMuteBody>(body);
    if (!in)
        return in.error();
    return writeState(actor, op, in->room, std::nullopt, in->muted);
}

ScopePage ChatFeature::page(const QString &scope, qint64 before, int limit) const
{
    ScopePage out;
    const QString roomId = protocol::scope::idOf(scope);
    Stmt s(m_db, QStringLiteral("SELECT id FROM chat_messages WHERE room = ? AND pos < ? ORDER BY pos DESC LIMIT ?"));
    s.bind(roomId).bind(before > 0 ? before : std::numeric_limits<qint64>::max()).bind(limit + 1);
    QStringList ids;
    if (s.exec()) {
        while (s.next())
            ids.append(s.value(0).toString());
    }
    out.more = ids.size() > limit;
    if (out.more)
        ids.removeLast();
    for (const QString &id : std::as_const(ids)) {
        qint64 seq = 0;
        const auto m = message(id, &seq);
        if (!m)
            continue;
        out.changes.append(protocol::Change{seq, k(protocol::kind::ChatMessage), m->id, {}, false, protocol::encode(*m)});
        out.oldest = m->pos;
        Stmt r(m_db, QStringLiteral("SELECT user_id, emoji, seq FROM chat_reactions WHERE message = ?"));
        r.bind(id);
        if (!r.exec())
            continue;
        while (r.next()) {
            const protocol::ChatReaction x{id, roomId, r.value(0).toString(), r.value(1).toString()};
            out.changes.append(protocol::Change{r.value(2).toLongLong(), k(protocol::kind::ChatReaction),
                                                reactionId(x.message, x.user, x.emoji), {}, false, protocol::encode(x)});
        }
    }
    if (before == 0) {
        if (const auto r = room(roomId)) {
            Stmt q(m_db, QStringLiteral("SELECT seq FROM chat_rooms WHERE id = ?"));
            q.bind(roomId);
            const qint64 seq = q.exec() && q.next() ? q.value(0).toLongLong() : 1;
            out.changes.prepend(protocol::Change{qMax<qint64>(seq, 1), k(protocol::kind::ChatRoom), roomId, {}, false,
                                                 protocol::encode(*r)});
        }
    }
    return out;
}

} // namespace plein::server
