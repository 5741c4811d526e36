#include "features/follows/FollowsFeature.h"

#include "model/Ids.h"
#include "protocol/GroupMessages.h"
#include "protocol/HomeMessages.h"
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
} // namespace

void FollowsFeature::registerHandlers(WriteHandlers &handlers)
{
    handlers.add(k(protocol::type::FollowSet), [this](const Person &a, const QString &op, const QJsonObject &b) {
        return set(a, op, b);
    });
    m_scopes.setSubscriptions([this](const QString &userId) { return subscriptions(userId); });
    m_scopes.setSubscriptionsEnd(
        [this](const QString &scope, const QString &op, qint64 at) { return endSubscriptions(scope, op, at); });
}

bool FollowsFeature::endSubscriptions(const QString &scope, const QString &op, qint64 at)
{
    if (protocol::scope::prefixOf(scope) != k(protocol::scope::GroupPrefix))
        return true;
    for (const QString &user : followers(k(protocol::follow::Group), protocol::scope::idOf(scope))) {
        if (m_scopes.isMember(scope, user))
            continue;
        if (m_log.append({protocol::audience::user(user), k(protocol::kind::Scope), scope, op, true,
                          protocol::encode(protocol::Membership{scope, user, k(protocol::scope::MemberRole), 0})},
                         at)
            == 0)
            return false;
    }
    return true;
}

Result<protocol::AckBody> FollowsFeature::set(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::FollowSetBody>(body);
    if (!in)
        return in.error();
    const bool isGroup = in->kind == k(protocol::follow::Group);
    const QString scope = protocol::scope::make(protocol::scope::GroupPrefix, in->target);
    bool member = false;
    bool open = false;
    if (isGroup) {
        Stmt g(m_db, QStringLiteral("SELECT visibility FROM groups WHERE id = ?"));
        g.bind(in->target);
        const QString visibility = (g.exec() && g.next()) ? g.value(0).toString() : QString();
        member = m_scopes.isMember(scope, actor.id);
        open = visibility == k(protocol::visibility::Open);
        // A secret group does not exist outside it; a closed one shows nothing to outsiders.
        if (visibility.isEmpty() || (visibility == k(protocol::visibility::Secret) && !member))
            return error(protocol::code::NotFound, QStringLiteral("no such group"));
        if (!open && !member && in->on)
            return error(protocol::code::Forbidden, QStringLiteral("only members follow a closed group"));
    } else {
        if (in->target == actor.id)
            return error(protocol::code::BadRequest, QStringLiteral("you cannot follow yourself"));
        Stmt u(m_db, QStringLiteral("SELECT active FROM users WHERE id = ?"));
        u.bind(in->target);
        if (!u.exec() || !u.next() || u.value(0).toInt() == 0)
            return error(protocol::code::NotFound, QStringLiteral("no such person"));
    }

    const qint64 now = ids::nowMs();
    const protocol::Follow f{in->kind, in->target, in->on, now};
    const QString entity = protocol::follow::entity(in->kind, in->target);
    const qint64 seq = m_log.append({protocol::audience::user(actor.id), k(protocol::kind::Follow), entity, op, false,
                                     protocol::encode(f)},
                                    now);
    if (seq == 0)
        return error(protocol::code::Internal, QStringLiteral("could not log the follow"));
    Stmt s(m_db, QStringLiteral("INSERT INTO follows (user_id, kind, target, is_on, at, seq) VALUES (?, ?, ?, ?, ?, ?)"
                                " ON CONFLICT (user_id, kind, target) DO UPDATE SET is_on = excluded.is_on,"
                                " at = excluded.at, seq = excluded.seq"));
    s.bind(actor.id).bind(in->kind).bind(in->target).bind(in->on ? 1 : 0).bind(now).bind(seq);
    if (!s.exec())
        return error(protocol::code::Internal, QStringLiteral("could not store the follow"));
    if (isGroup && !member && open) {
        // The subscription starts or ends; an end purges the group from the follower's cache.
        m_scopes.touch();
        if (!in->on
            && m_log.append({protocol::audience::user(actor.id), k(protocol::kind::Scope), scope, op, true,
                             protocol::encode(protocol::Membership{scope, actor.id, k(protocol::scope::MemberRole), 0})},
                            now)
                   == 0)
            return error(protocol::code::Internal, QStringLiteral("could not log the follow"));
    }
    return protocol::AckBody{op, seq, entity};
}

QHash<QString, qint64> FollowsFeature::subscriptions(const QString &userId) const
{
    QHash<QString, qint64> out;
    Stmt s(m_db, QStringLiteral("SELECT f.target, f.seq FROM follows f JOIN groups g ON g.id = f.target"
                                " WHERE f.user_id = ? AND f.kind = 'group' AND f.is_on = 1 AND g.visibility = 'open'"));
    s.bind(userId);
    if (s.exec())
        while (s.next())
            out.insert(protocol::scope::make(protocol::scope::GroupPrefix, s.value(0).toString()),
                       s.value(1).toLongLong());
    return out;
}

QStringList FollowsFeature::followers(const QString &kind, const QString &target) const
{
    QStringList out;
    Stmt s(m_db, QStringLiteral("SELECT user_id FROM follows WHERE kind = ? AND target = ? AND is_on = 1"));
    s.bind(kind).bind(target);
    if (s.exec())
        while (s.next())
            out.append(s.value(0).toString());
    return out;
}

} // namespace plein::server
