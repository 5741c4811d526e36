#include "protocol/ChatMessages.h"

#include "protocol/FieldReader.h"
#include "protocol/ScopeMessages.h"

#include <QJsonArray>

namespace plein::protocol {

namespace {
QString key(const char *s)
{
    return QLatin1String(s);
}

QString text(FieldReader &r, const char *field, int max)
{
    const QString raw = r.string(field, max + 1000);
    if (!r.ok())
        return {};
    auto t = validateText(raw, max, field);
    if (!t) {
        r.fail(t.error());
        return {};
    }
    return t.value();
}
} // namespace

bool chat::isValidStatus(const QString &s, bool allowOffline)
{
    return s == QLatin1String(Online) || s == QLatin1String(Away) || s == QLatin1String(Dnd)
           || (allowOffline && s == QLatin1String(Offline));
}

QJsonObject encode(const ChatRoom &r)
{
    return {{key("id"), r.id}, {key("name"), r.name}, {key("direct"), r.direct},
            {key("creator"), r.creator}, {key("created"), double(r.created)}};
}

template<>
Result<ChatRoom> decode<ChatRoom>(const QJsonObject &o)
{
    FieldReader r(o);
    ChatRoom v;
    v.id = r.id("id");
    v.name = r.string("name", chat::MaxRoomNameChars, false);
    v.direct = r.boolean("direct", false);
    v.creator = r.id("creator");
    v.created = r.integer("created");
    return r.finish(v);
}

QJsonObject encode(const ChatMessage &m)
{
    return {{key("id"), m.id},         {key("room"), m.room},       {key("author"), m.author},
            {key("text"), m.text},     {key("created"), double(m.created)}, {key("pos"), double(m.pos)},
            {key("edited"), double(m.edited)}, {key("deleted"), m.deleted}, {key("reply_to"), m.replyTo}};
}

template<>
Result<ChatMessage> decode<ChatMessage>(const QJsonObject &o)
{
    FieldReader r(o);
    ChatMessage v;
    v.id = r.id("id");
    v.room = r.id("room");
    v.author = r.id("author");
    v.text = r.string("text", chat::MaxMessageChars);
    v.created = r.integer("created");
    v.pos = r.integer("pos");
    v.edited = r.integer("edited", false);
    v.deleted = r.boolean("deleted", false);
    v.replyTo = r.id("reply_to", false);
    return r.finish(v);
}

QJsonObject encode(const ChatReaction &x)
{
    return {{key("message"), x.message}, {key("room"), x.room}, {key("user"), x.user}, {key("emoji"), x.emoji}};
}

template<>
Result<ChatReaction> decode<ChatReaction>(const QJsonObject &o)
{
    FieldReader r(o);
    ChatReaction v;
    v.message = r.id("message");
    v.room = r.id("room");
    v.user = r.id("user");
    v.emoji = r.string("emoji", chat::MaxEmojiChars);
    if (r.ok() && v.emoji.isEmpty())
        r.fail(key(code::BadRequest), QStringLiteral("'emoji' must not be empty"));
    return r.finish(v);
}

QJsonObject encode(const ChatState &s)
{
    return {{key("room"), s.room}, {key("read_pos"), double(s.readPos)}, {key("muted"), s.muted}};
}

template<>
Result<ChatState> decode<ChatState>(const QJsonObject &o)
{
    FieldReader r(o);
    ChatState v;
    v.room = r.id("room");
    v.readPos = r.integer("read_pos", false);
    v.muted = r.boolean("muted", false);
    return r.finish(v);
}

QJsonObject encode(const ChatRoomCreateBody &b)
{
    return {{key("id"), b.id}, {key("name"), b.name}, {key("direct"), b.direct},
            {key("members"), QJsonArray::fromStringList(b.members)}};
}

template<>
Result<ChatRoomCreateBody> decode<ChatRoomCreateBody>(const QJsonObject &o)
{
    FieldReader r(o);
    ChatRoomCreateBody v;
    v.id = r.id("id");
    v.name = r.string("name", chat::MaxRoomNameChars, false).trimmed();
    v.direct = r.boolean("direct", false);
    const QJsonArray a = r.array("members", false);
    if (a.size() > chat::MaxMembersOnCreate)
        r.fail(key(code::TooLarge), QStringLiteral("more than %1 members").arg(chat::MaxMembersOnCreate));
    for (const QJsonValue &m : a) {
        if (!m.isString() || !ids::isValid(m.toString())) {
            r.fail(key(code::BadRequest), QStringLiteral("'members' must be user ids"));
            break;
        }
        if (!v.members.contains(m.toString()))
            v.members.append(m.toString());
    }
    if (r.ok() && v.direct && v.members.size() != 1)
        r.fail(key(code::BadRequest), QStringLiteral("a direct room has exactly one other member"));
    if (r.ok() && !v.direct && v.name.isEmpty())
        r.fail(key(code::BadRequest), QStringLiteral("a group room needs a name"));
    return r.finish(v);
}

QJsonObject encode(const ChatMemberBody &b)
{
    QJsonObject o{{key("room"), b.room}, {key("user"), b.user}};
    if (!b.role.isEmpty())
        o.insert(key("role"), b.role);
    return o;
}

template<>
Result<ChatMemberBody> decode<ChatMemberBody>(const QJsonObject &o)
{
    FieldReader r(o);
    ChatMemberBody v;
    v.room = r.id("room");
    v.user = r.id("user");
    v.role = r.string("role", 16, false);
    if (r.ok() && !v.role.isEmpty() && !scope::isValidRole(v.role))
        r.fail(key(code::BadRequest), QStringLiteral("unknown role '%1'").arg(v.role));
    return r.finish(v);
}

QJsonObject encode(const ChatSendBody &b)
{
    QJsonObject o{{key("id"), b.id}, {key("room"), b.room}, {key("text"), b.text}};
    if (!b.replyTo.isEmpty())
        o.insert(key("reply_to"), b.replyTo);
    return o;
}

template<>
Result<ChatSendBody> decode<ChatSendBody>(const QJsonObject &o)
{
    FieldReader r(o);
    ChatSendBody v;
    v.id = r.id("id");
    v.room = r.id("room");
    v.text = text(r, "text", chat::MaxMessageChars);
    v.replyTo = r.id("reply_to", false);
    return r.finish(v);
}

QJsonObject encode(const ChatEditBody &b)
{
    return {{key("id"), b.id}, {key("text"), b.text}};
}

template<>
Result<ChatEditBody> decode<ChatEditBody>(const QJsonObject &o)
{
    FieldReader r(o);
    ChatEditBody v;
    v.id = r.id("id");
    v.text = text(r, "text", chat::MaxMessageChars);
    return r.finish(v);
}

QJsonObject encode(const ChatDeleteBody &b)
{
    return {{key("id"), b.id}};
}

template<>
Result<ChatDeleteBody> decode<ChatDeleteBody>(const QJsonObject &o)
{
    FieldReader r(o);
    ChatDeleteBody v;
    v.id = r.id("id");
    return r.finish(v);
}

QJsonObject encode(const ChatReactBody &b)
{
    return {{key("message"), b.message}, {key("emoji"), b.emoji}, {key("on"), b.on}};
}

template<>
Result<ChatReactBody> decode<ChatReactBody>(const QJsonObject &o)
{
    FieldReader r(o);
    ChatReactBody v;
    v.message = r.id("message");
    v.emoji = r.string("emoji", chat::MaxEmojiChars);
    v.on = r.boolean("on", false, true);
    if (r.ok() && v.emoji.trimmed().isEmpty())
        r.fail(key(code::BadRequest), QStringLiteral("'emoji' must not be empty"));
    return r.finish(v);
}

QJsonObject encode(const ChatReadBody &b)
{
    return {{key("room"), b.room}, {key("pos"), double(b.pos)}};
}

template<>
Result<ChatReadBody> decode<ChatReadBody>(const QJsonObject &o)
{
    FieldReader r(o);
    ChatReadBody v;
    v.room = r.id("room");
    v.pos = r.integer("pos");
    return r.finish(v);
}

QJsonObject encode(const ChatMuteBody &b)
{
    return {{key("room"), b.room}, {key("muted"), b.muted}};
}

template<>
Result<ChatMuteBody> decode<ChatMuteBody>(const QJsonObject &o)
{
    FieldReader r(o);
    ChatMuteBody v;
    v.room = r.id("room");
    v.muted = r.boolean("muted");
    return r.finish(v);
}

QJsonObject encode(const ChatTypingBody &b)
{
    QJsonObject o{{key("room"), b.room}};
    if (!b.user.isEmpty())
        o.insert(key("user"), b.user);
    return o;
}

template<>
Result<ChatTypingBody> decode<ChatTypingBody>(const QJsonObject &o)
{
    FieldReader r(o);
    ChatTypingBody v;
    v.room = r.id("room");
    v.user = r.id("user", false);
    return r.finish(v);
}

QJsonObject encode(const PresenceSetBody &b)
{
    return {{key("status"), b.status}};
}

template<>
Result<PresenceSetBody> decode<PresenceSetBody>(const QJsonObject &o)
{
    FieldReader r(o);
    PresenceSetBody v;
    v.status = r.string("status", 16);
    if (r.ok() && !chat::isValidStatus(v.status, false))
        r.fail(key(code::BadRequest), QStringLiteral("status is online, away or dnd"));
    return r.finish(v);
}

QJsonObject encode(const PresenceBody &b)
{
    QJsonArray a;
    for (const PresenceEntry &e : b.users)
        a.append(QJsonObject{{key("user"), e.user}, {key("status"), e.status}});
    return {{key("users"), a}};
}

template<>
Result<PresenceBody> decode<PresenceBody>(const QJsonObject &o)
{
    FieldReader r(o);
    PresenceBody v;
    const QJsonArray a = r.array("users");
    for (const QJsonValue &x : a) {
        const QJsonObject e = x.toObject();
        FieldReader er(e);
        PresenceEntry p{er.id("user"), er.string("status", 16)};
        if (!er.ok() || !chat::isValidStatus(p.status, true)) {
            r.fail(key(code::BadRequest), QStringLiteral("'users' holds {user, status}"));
            break;
        }
        v.users.append(p);
    }
    return r.finish(v);
}

} // namespace plein::protocol
