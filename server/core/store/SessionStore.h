#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace plein::server {

class Database;

struct SessionRecord
{
    QString tokenHash;   // SHA-256 of the token, hex; the token itself is never stored
    QString userId;
    QString device;
    qint64 created = 0;
    qint64 expires = 0;
    qint64 revoked = 0;  // 0 while valid
};

// The sessions table (sign-ins by token) and login_failures (for throttling by user name).
class SessionStore
{
public:
    explicit SessionStore(Database &db) : m_db(db) {}

    bool insert(const SessionRecord &s);
    std::optional<SessionRecord> byTokenHash(const QString &tokenHash);
    bool revoke(const QString &tokenHash, qint64 at);

    bool recordFailure(const QString &name, qint64 at);
    // Times of the newest `limit` failures for `name` after `since`, newest first.
    QList<qint64> recentFailures(const QString &name, qint64 since, int limit);
    bool clearFailures(const QString &name);
    bool pruneFailures(qint64 before);

private:
    Database &m_db;
};

} // namespace plein::server
