#include "features/chat/ChatLive.h"

#include "features/chat/ChatFeature.h"
#include "protocol/Protocol.h"
#include "sync/Hub.h"
#include "sync/Scopes.h"
#include "sync/SyncStream.h"

namespace plein::server {

std::optional<Error> ChatLive::typing(const Person &actor, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::ChatTypingBody>(body);
    if (!in)
        return in.error();
    const QString scope = ChatFeature::scopeOf(in->room);
    if (!m_scopes.isMember(scope, actor.id))
        return Error{QLatin1String(protocol::code::NotFound), QStringLiteral("no room %1 of yours").arg(in->room)};
    if (!m_clock.isValid())
        m_clock.start();
    const QString key = actor.id + QLatin1Char('|') + in->room;
    const qint64 now = m_clock.elapsed();
    const auto last = m_lastTyping.constFind(key);
    if (last != m_lastTyping.constEnd() && now - last.value() < MinTypingGapMs)
        return std::nullopt;
    m_lastTyping.insert(key, now);
    if (m_lastTyping.size() > 10000)
        m_lastTyping.clear();   // bounded: a lost entry only lets one extra frame through

    protocol::Envelope e;
    e.type = QLatin1String(protocol::type::ChatTyping);
    e.body = protocol::encode(protocol::ChatTypingBody{in->room, actor.id});
    m_hub.deliver(e, [&](const SyncStream &s) { return s.userId() != actor.id && s.hasScope(scope); });
    return std::nullopt;
}

std::optional<Error> ChatLive::setStatus(const Person &actor, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::PresenceSetBody>(body);
    if (!in)
        return in.error();
    UserPresence &p = m_presence[actor.id];
    const QString before = statusOf(actor.id);
    p.chosen = in->status;
    if (statusOf(actor.id) != before)
        broadcast(actor.id, statusOf(actor.id));
    return std::nullopt;
}

void ChatLive::sessionStarted(const QString &userId)
{
    UserPresence &p = m_presence[userId];
    if (++p.sessions == 1) {
        if (p.chosen.isEmpty())
            p.chosen = QLatin1String(protocol::chat::Online);
        broadcast(userId, statusOf(userId));
    }
}

void ChatLive::sessionEnded(const QString &userId)
{
    auto it = m_presence.find(userId);
    if (it == m_presence.end())
        return;
    if (--it->sessions <= 0) {
        m_presence.erase(it);
        broadcast(userId, QLatin1String(protocol::chat::Offline));
    }
}

QString ChatLive::statusOf(const QString &userId) const
{
    const auto it = m_presence.constFind(userId);
    if (it == m_presence.constEnd() || it->sessions <= 0)
        return QLatin1String(protocol::chat::Offline);
    return it->chosen.isEmpty() ? QLatin1String(protocol::chat::Online) : it->chosen;
}

protocol::Envelope ChatLive::snapshot() const
{
    protocol::PresenceBody b;
    for (auto it = m_presence.constBegin(); it != m_presence.constEnd(); ++it) {
        if (it->sessions > 0)
            b.users.append({it.key(), statusOf(it.key())});
    }
    protocol::Envelope e;
    e.type = QLatin1String(protocol::type::Presence);
    e.body = protocol::encode(b);
    return e;
}

void ChatLive::broadcast(const QString &userId, const QString &status)
{
    protocol::Envelope e;
    e.type = QLatin1String(protocol::type::Presence);
    e.body = protocol::encode(protocol::PresenceBody{{{userId, status}}});
    m_hub.deliver(e, [](const SyncStream &) { return true; });
}

} // namespace plein::server
