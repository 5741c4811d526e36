#include "features/notifications/NotificationsFeature.h"

#include "model/Ids.h"
#include "protocol/GroupMessages.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"
#include "store/Database.h"
#include "sync/ChangeLog.h"
#include "sync/Scopes.h"
#include "sync/Writer.h"

namespace plein::server {

namespace {
QLatin1String k(const char *s)
{
    return QLatin1String(s);
}
Error error(const char *code, const QString &message)
{
    return Error{k(code), message};
}
constexpr int MaxMarkAll = 2000;
} // namespace

void NotificationsFeature::registerHandlers(WriteHandlers &handlers)
{
    handlers.add(k(protocol::type::NotificationRead),
                 [this](const Person &a, const QString &op, const QJsonObject &b) { return markRead(a, op, b); });
    handlers.add(k(protocol::type::NotificationMute),
                 [this](const Person &a, const QString &op, const QJsonObject &b) { return mute(a, op, b); });
}

std::optional<protocol::Notification> NotificationsFeature::load(const QString &id, const QString &userId) const
{
    Stmt s(m_db, QStringLiteral("SELECT kind, actor, item, item_kind, parent, group_id, text, created, read_at"
                                " FROM notifications WHERE id = ? AND user_id = ?"));
    s.bind(id).bind(userId);
    if (!s.exec() || !s.next())
        return std::nullopt;
    return protocol::Notification{id,
                                  s.value(0).toString(),
                                  s.value(1).toString(),
                                  s.value(2).toString(),
                                  s.value(3).toString(),
                                  s.value(4).toString(),
                                  s.value(5).toString(),
                                  s.value(6).toString(),
                                  s.value(7).toLongLong(),
                                  s.value(8).toLongLong() > 0};
}

Result<protocol::AckBody> NotificationsFeature::markRead(const Person &actor, const QString &op,
                                                         const QJsonObject &body)
{
    auto in = protocol::decode<protocol::NotificationReadBody>(body);
    if (!in)
        return in.error();
    QStringList ids = in->ids;
    if (in->all) {
        Stmt s(m_db, QStringLiteral("SELECT id FROM notifications WHERE user_id = ? AND read_at = 0"
                                    " ORDER BY created DESC LIMIT ?"));
        s.bind(actor.id).bind(MaxMarkAll);
        if (s.exec())
            while (s.next())
                ids.append(s.value(0).toString());
    }
    const qint64 now = ids::nowMs();
    qint64 seq = 0;
    for (const QString &id : ids) {
        auto n = load(id, actor.id);
        if (!n) {
            if (in->all)
                continue;
            // Someone else's notification does not exist for this user.
            return error(protocol::code::NotFound, QStringLiteral("no notification %1 of yours").arg(id));
        }
        if (n->read)
            continue;
        Stmt u(m_db, QStringLiteral("UPDATE notifications SET read_at = ? WHERE id = ?"));
        u.bind(now).bind(id);
        if (!u.exec())
            return error(protocol::code::Internal, QStringLiteral("could not mark read"));
        n->read = true;
        seq = m_log.append({protocol::audience::user(actor.id), k(protocol::kind::Notification), id, op, false,
                            protocol::encode(*n)},
                           now);
        if (seq == 0)
            return error(protocol::code::Internal, QStringLiteral("could not log the read mark"));
    }
    // Nothing was unread: still an ack (idempotent), at the head of the log.
    if (seq == 0)
        seq = m_log.head();
    return protocol::AckBody{op, seq, in->ids.value(0)};
}

Result<protocol::AckBody> NotificationsFeature::mute(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::NotifyMuteBody>(body);
    if (!in)
        return in.error();
    Stmt g(m_db, QStringLiteral("SELECT visibility FROM groups WHERE id = ?"));
    g.bind(in->group);
    const QString visibility = (g.exec() && g.next()) ? g.value(0).toString() : QString();
    const QString scope = protocol::scope::make(protocol::scope::GroupPrefix, in->group);
    if (visibility.isEmpty()
        || (visibility == k(protocol::visibility::Secret) && !m_scopes.isMember(scope, actor.id)))
        return error(protocol::code::NotFound, QStringLiteral("no such group"));
    Stmt s(m_db, in->muted ? QStringLiteral("INSERT INTO notify_mutes (user_id, group_id) VALUES (?, ?)"
                                            " ON CONFLICT (user_id, group_id) DO NOTHING")
                           : QStringLiteral("DELETE FROM notify_mutes WHERE user_id = ? AND group_id = ?"));
    s.bind(actor.id).bind(in->group);
    if (!s.exec())
        return error(protocol::code::Internal, QStringLiteral("could not store the mute"));
    const qint64 seq = m_log.append({protocol::audience::user(actor.id), k(protocol::kind::NotifyMute), in->group, op,
                                     false, protocol::encode(protocol::NotifyMute{in->group, in->muted})},
                                    ids::nowMs());
    if (seq == 0)
        return error(protocol::code::Internal, QStringLiteral("could not log the mute"));
    return protocol::AckBody{op, seq, in->group};
}

} // namespace plein::server
