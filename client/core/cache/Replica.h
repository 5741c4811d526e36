#pragma once

#include "protocol/Error.h"

#include <QSqlDatabase>
#include <QString>
#include <QUrl>

namespace plein::client {

// State of a locally written row (posts, comments) and of an outbox row. The numbers are
// stored in the replica and match ItemState in models/Roles.h.
namespace rowstate {
constexpr int Sent = 0;
constexpr int Pending = 1;
constexpr int Failed = 2;
} // namespace rowstate

// The replica database of one account: where it lives, how it is opened, its schema
// migrations and its meta values (cursor, current user). Every connection is opened
// through here so that all of them agree on WAL, busy timeout and foreign settings.
class Replica
{
public:
    enum class Access { ReadWrite, ReadOnly };

    // "<host>-<port>-<user>-<hash>": readable, and stable for one server URL and user name.
    static QString dirNameFor(const QUrl &server, const QString &userName);
    static QString pathFor(const QString &profileDir, const QUrl &server, const QString &userName);
    static QString uniqueConnectionName(const QString &prefix);

    // Opens a connection named connectionName. ReadWrite also brings the schema up to date
    // (each migration in its own transaction); ReadOnly sets query_only.
    static Result<QSqlDatabase> open(const QString &path, const QString &connectionName, Access access);
    // Closes and removes the connection; every QSqlQuery on it must be gone by then.
    static void close(const QString &connectionName);

    static Result<int> migrate(const QSqlDatabase &db);
    static int latestVersion();
    static int schemaVersion(const QSqlDatabase &db);

    // Meta values. cursor is the highest change seq applied; userId the signed-in person.
    static qint64 cursor(const QSqlDatabase &db);
    static QString currentUserId(const QSqlDatabase &db);
    static QString meta(const QSqlDatabase &db, const QString &key);
    // Call inside a transaction when the value must move with other writes.
    static bool setMeta(const QSqlDatabase &db, const QString &key, const QString &value);
};

namespace metakey {
inline constexpr char Cursor[] = "cursor";
inline constexpr char UserId[] = "user_id";
} // namespace metakey

} // namespace plein::client
