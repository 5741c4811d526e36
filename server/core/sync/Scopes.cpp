#include "sync/Scopes.h"

#include "Logging.h"
#include "protocol/Envelope.h"
#include "protocol/Limits.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"
#include "store/Database.h"
#include "sync/ChangeLog.h"

namespace plein::server {

namespace {
QString memberId(const QString &scope, const QString &userId)
{
    return scope + QLatin1Char(':') + userId;
}
} // namespace

QByteArray Scopes::pageFrame(const char *type, const QString &re, const QString &scope, qint64 before, int limit) const
{
    constexpr qint64 Budget = limits::MaxMessageBytes - 4096;
    // Only the content shrinks: the member list goes whole with the newest page (a snapshot
    // replaces it). A member list over the budget on its own (a group of thousands) still
    // goes, in one frame, which clients read (their limit is far larger); shrinking on the
    // whole page's count instead never ended for such a group.
    const QList<protocol::Change> members = before == 0 ? memberChanges(scope) : QList<protocol::Change>{};
    for (;;) {
        ScopePage page = contentPage(scope, before, limit);
        const qsizetype content = page.changes.size();
        page.changes.append(members);
        protocol::Envelope e;
        e.type = QLatin1String(type);
        e.re = re;
        e.body = protocol::encode(protocol::ScopePageBody{scope, page.changes, page.oldest, page.more});
        QByteArray bytes = e.encode();
        if (bytes.size() <= Budget || content <= 1)
            return bytes;
        limit = qMax(1, int(content / 2));
    }
}

ScopePage Scopes::contentPage(const QString &scope, qint64 before, int limit) const
{
    const auto it = m_pagers.constFind(protocol::scope::prefixOf(scope));
    return it == m_pagers.constEnd() ? ScopePage{} : it.value()(scope, before, limit);
}

QList<protocol::Change> Scopes::memberChanges(const QString &scope) const
{
    QList<protocol::Change> out;
    Stmt s(m_db, QStringLiteral("SELECT user_id, role, joined, seq FROM scope_members WHERE scope = ? ORDER BY joined_seq"));
    s.bind(scope);
    if (!s.exec())
        return out;
    while (s.next()) {
        const protocol::Membership m{scope, s.value(0).toString(), s.value(1).toString(), s.value(2).toLongLong()};
        out.append(protocol::Change{s.value(3).toLongLong(), QLatin1String(protocol::kind::Member),
                                    memberId(scope, m.user), {}, false, protocol::encode(m)});
    }
    return out;
}

bool Scopes::setMember(const QString &scope, const QString &userId, const QString &role, const QString &op, qint64 at)
{
    ++m_generation;
    qint64 joined = at;
    qint64 joinedSeq = 0;
    {
        Stmt s(m_db, QStringLiteral("SELECT joined, joined_seq FROM scope_members WHERE scope = ? AND user_id = ?"));
        s.bind(scope).bind(userId);
        if (!s.exec())
            return false;
        if (s.next()) {
            joined = s.value(0).toLongLong();
            joinedSeq = s.value(1).toLongLong();
        }
    }
    const protocol::Membership m{scope, userId, role, joined};
    const QJsonObject data = protocol::encode(m);
    // The member's own record first: its seq marks the join, and streams compare a
    // client's cursor against it to decide whether the client needs a snapshot.
    const qint64 mine = m_log.append(
        {protocol::audience::user(userId), QLatin1String(protocol::kind::Scope), scope, op, false, data}, at);
    const qint64 theirs =
        mine == 0 ? 0
                  : m_log.append({scope, QLatin1String(protocol::kind::Member), memberId(scope, userId), op, false, data},
                                 at);
    if (theirs == 0)
        return false;
    if (joinedSeq == 0)
        joinedSeq = mine;
    Stmt s(m_db, QStringLiteral("INSERT INTO scope_members (scope, user_id, role, joined, joined_seq, seq)"
                                " VALUES (?, ?, ?, ?, ?, ?)"
                                " ON CONFLICT (scope, user_id) DO UPDATE SET role = excluded.role, seq = excluded.seq"));
    s.bind(scope).bind(userId).bind(role).bind(joined).bind(joinedSeq).bind(theirs);
    return s.exec();
}

bool Scopes::removeMember(const QString &scope, const QString &userId, const QString &op, qint64 at)
{
    ++m_generation;
    const QString role = roleOf(scope, userId);
    if (role.isEmpty())
        return true;
    const QJsonObject data = protocol::encode(protocol::Membership{scope, userId, role, 0});
    if (m_log.append({protocol::audience::user(userId), QLatin1String(protocol::kind::Scope), scope, op, true, data},
                     at)
            == 0
        || m_log.append({scope, QLatin1String(protocol::kind::Member), memberId(scope, userId), op, true, data}, at)
               == 0)
        return false;
    Stmt s(m_db, QStringLiteral("DELETE FROM scope_members WHERE scope = ? AND user_id = ?"));
    s.bind(scope).bind(userId);
    return s.exec();
}

bool Scopes::removeScope(const QString &scope, const QString &op, qint64 at)
{
    const QStringList users = members(scope);
    for (const QString &u : users) {
        if (!removeMember(scope, u, op, at))
            return false;
    }
    return true;
}

QString Scopes::roleOf(const QString &scope, const QString &userId) const
{
    Stmt s(m_db, QStringLiteral("SELECT role FROM scope_members WHERE scope = ? AND user_id = ?"));
    s.bind(scope).bind(userId);
    if (!s.exec() || !s.next())
        return {};
    return s.value(0).toString();
}

QStringList Scopes::members(const QString &scope) const
{
    QStringList out;
    Stmt s(m_db, QStringLiteral("SELECT user_id FROM scope_members WHERE scope = ? ORDER BY joined_seq"));
    s.bind(scope);
    if (!s.exec())
        return out;
    while (s.next())
        out.append(s.value(0).toString());
    return out;
}

QHash<QString, qint64> Scopes::scopesOf(const QString &userId) const
{
    QHash<QString, qint64> out;
    Stmt s(m_db, QStringLiteral("SELECT scope, joined_seq FROM scope_members WHERE user_id = ?"));
    s.bind(userId);
    if (!s.exec())
        return out;
    while (s.next())
        out.insert(s.value(0).toString(), s.value(1).toLongLong());
    if (m_subscriptions) {
        const QHash<QString, qint64> extra = m_subscriptions(userId);
        for (auto it = extra.constBegin(); it != extra.constEnd(); ++it)
            if (!out.contains(it.key()))
                out.insert(it.key(), it.value());
    }
    return out;
}

bool Scopes::reads(const QString &scope, const QString &userId) const
{
    return isMember(scope, userId) || (m_subscriptions && m_subscriptions(userId).contains(scope));
}

} // namespace plein::server
