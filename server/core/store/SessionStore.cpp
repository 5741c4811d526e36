#include "store/SessionStore.h"

#include "store/Database.h"

namespace plein::server {

bool SessionStore::insert(const SessionRecord &r)
{
    Stmt s(m_db, QStringLiteral("INSERT INTO sessions (token_hash, user_id, device, created, expires, revoked)"
                                " VALUES (?, ?, ?, ?, ?, NULL)"));
    s.bind(r.tokenHash).bind(r.userId).bind(r.device).bind(r.created).bind(r.expires);
    return s.exec();
}

std::optional<SessionRecord> SessionStore::byTokenHash(const QString &tokenHash)
{
    Stmt s(m_db, QStringLiteral("SELECT token_hash, user_id, device, created, expires, revoked FROM sessions"
                                " WHERE token_hash = ?"));
    s.bind(tokenHash);
    if (!s.exec() || !s.next())
        return std::nullopt;
    SessionRecord r;
    r.tokenHash = s.value(0).toString();
    r.userId = s.value(1).toString();
    r.device = s.value(2).toString();
    r.created = s.value(3).toLongLong();
    r.expires = s.value(4).toLongLong();
    r.revoked = s.value(5).isNull() ? 0 : s.value(5).toLongLong();
    return r;
}

bool SessionStore::revoke(const QString &tokenHash, qint64 at)
{
    Stmt s(m_db, QStringLiteral("UPDATE sessions SET revoked = ? WHERE token_hash = ? AND revoked IS NULL"));
    s.bind(at).bind(tokenHash);
    return s.exec();
}

bool SessionStore::recordFailure(const QString &name, qint64 at)
{
    Stmt s(m_db, QStringLiteral("INSERT INTO login_failures (name, at) VALUES (?, ?)"));
    s.bind(name).bind(at);
    return s.exec();
}

QList<qint64> SessionStore::recentFailures(const QString &name, qint64 since, int limit)
{
    Stmt s(m_db, QStringLiteral("SELECT at FROM login_failures WHERE name = ? AND at > ? ORDER BY at DESC LIMIT ?"));
    s.bind(name).bind(since).bind(limit);
    QList<qint64> times;
    if (!s.exec())
        return times;
    while (s.next())
        times.append(s.value(0).toLongLong());
    return times;
}

bool SessionStore::clearFailures(const QString &name)
{
    Stmt s(m_db, QStringLiteral("DELETE FROM login_failures WHERE name = ?"));
    s.bind(name);
    return s.exec();
}

bool SessionStore::pruneFailures(qint64 before)
{
    Stmt s(m_db, QStringLiteral("DELETE FROM login_failures WHERE at < ?"));
    s.bind(before);
    return s.exec();
}

} // namespace plein::server
