#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace plein::server {

class Backend;

// Session tokens for existing users, issued by an administrator with access to the data
// dir (`plein-server --data-dir DIR sessions issue`). Benchmarks use them to bring hundreds
// of connections in with auth.resume, without a password and an Argon2 check each; the
// sessions are ordinary ones (hashed in the sessions table, expiring, revocable by logout).
class BulkSessions
{
public:
    struct Issued
    {
        QString name;
        QString userId;
        QString token;
    };
    // A new session for each of the first `count` active users by name (every active user
    // for count <= 0), valid for `validMs`. Nullopt when the database fails.
    static std::optional<QList<Issued>> issue(Backend &backend, int count, qint64 validMs, const QString &device);
    // Writes them as "name<TAB>user id<TAB>token" lines to `path`, readable by its owner only.
    static bool write(const QList<Issued> &issued, const QString &path, QString *error);
    // Reads such a file back (for the benchmarks).
    static QList<Issued> read(const QString &path);
};

} // namespace plein::server
