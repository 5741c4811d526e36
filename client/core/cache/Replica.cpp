#include "cache/Replica.h"

#include "Logging.h"
#include "cache/Transaction.h"
#include "cache/Undo.h"
#include "model/Ids.h"
#include "people/PeopleCache.h"
#include "news/NewsCache.h"
#include "groups/GroupCache.h"
#include "home/PersonalCache.h"
#include "posts/PostCache.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

namespace plein::client {

namespace {

// Ordered migrations: entry i brings the schema from version i to i + 1. Append only.
const QList<QList<const char *>> &migrations()
{
    static const QList<QList<const char *>> list = {
        // 1: the company timeline
        {
            "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
            "CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT NOT NULL, display_name TEXT NOT NULL,"
            " role TEXT NOT NULL, department TEXT NOT NULL DEFAULT '', title TEXT NOT NULL DEFAULT '',"
            " seq INTEGER NOT NULL DEFAULT 0)",
            "CREATE TABLE posts (id TEXT PRIMARY KEY, author_id TEXT NOT NULL, text TEXT NOT NULL,"
            " created INTEGER NOT NULL, seq INTEGER NOT NULL DEFAULT 0, state INTEGER NOT NULL DEFAULT 0,"
            " error TEXT, op TEXT, like_count INTEGER NOT NULL DEFAULT 0,"
            " comment_count INTEGER NOT NULL DEFAULT 0)",
            // The timeline: newest first, keyset-paged on (created, id).
            "CREATE INDEX posts_timeline ON posts (created DESC, id DESC)",
            "CREATE TABLE comments (id TEXT PRIMARY KEY, post_id TEXT NOT NULL, author_id TEXT NOT NULL,"
            " text TEXT NOT NULL, created INTEGER NOT NULL, seq INTEGER NOT NULL DEFAULT 0,"
            " state INTEGER NOT NULL DEFAULT 0, error TEXT, op TEXT)",
            // Comments of one post, oldest first, keyset-paged on (created, id).
            "CREATE INDEX comments_by_post ON comments (post_id, created, id)",
            "CREATE TABLE likes (post_id TEXT NOT NULL, user_id TEXT NOT NULL, liked INTEGER NOT NULL,"
            " seq INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (post_id, user_id)) WITHOUT ROWID",
            "CREATE TABLE outbox (ord INTEGER PRIMARY KEY AUTOINCREMENT, op TEXT NOT NULL UNIQUE,"
            " type TEXT NOT NULL, entity_id TEXT NOT NULL, frame TEXT NOT NULL,"
            " state INTEGER NOT NULL DEFAULT 1, error TEXT, created INTEGER NOT NULL)",
            "CREATE INDEX outbox_by_state ON outbox (state, ord)",
            // Counts live on the post row and move with every write that changes them, in the
            // same transaction, so the timeline never counts rows while scrolling. A post that
            // arrives after some of its comments or likes counts them once on insert.
            "CREATE TRIGGER posts_counts_on_insert AFTER INSERT ON posts BEGIN"
            " UPDATE posts SET comment_count = (SELECT count(*) FROM comments WHERE post_id = NEW.id),"
            " like_count = (SELECT count(*) FROM likes WHERE post_id = NEW.id AND liked = 1)"
            " WHERE id = NEW.id; END",
            "CREATE TRIGGER posts_cleanup_on_delete AFTER DELETE ON posts BEGIN"
            " DELETE FROM comments WHERE post_id = OLD.id; DELETE FROM likes WHERE post_id = OLD.id; END",
            "CREATE TRIGGER comments_count_on_insert AFTER INSERT ON comments BEGIN"
            " UPDATE posts SET comment_count = comment_count + 1 WHERE id = NEW.post_id; END",
            "CREATE TRIGGER comments_count_on_delete AFTER DELETE ON comments BEGIN"
            " UPDATE posts SET comment_count = comment_count - 1 WHERE id = OLD.post_id; END",
            "CREATE TRIGGER likes_count_on_insert AFTER INSERT ON likes WHEN NEW.liked = 1 BEGIN"
            " UPDATE posts SET like_count = like_count + 1 WHERE id = NEW.post_id; END",
            "CREATE TRIGGER likes_count_on_update AFTER UPDATE OF liked ON likes WHEN OLD.liked <> NEW.liked BEGIN"
            " UPDATE posts SET like_count = like_count + (CASE WHEN NEW.liked = 1 THEN 1 ELSE -1 END)"
            " WHERE id = NEW.post_id; END",
            "CREATE TRIGGER likes_count_on_delete AFTER DELETE ON likes WHEN OLD.liked = 1 BEGIN"
            " UPDATE posts SET like_count = like_count - 1 WHERE id = OLD.post_id; END",
        },
        // 2: scoped audiences (cache/ScopeCache.h): my scopes with how far history was
        // fetched, and their members. Rows of a scope live in tables with a `scope` column.
        {
            "CREATE TABLE scopes (scope TEXT PRIMARY KEY, role TEXT NOT NULL, joined INTEGER NOT NULL DEFAULT 0,"
            " seq INTEGER NOT NULL DEFAULT 0, history_oldest INTEGER, history_more INTEGER)",
            "CREATE TABLE scope_members (scope TEXT NOT NULL, user_id TEXT NOT NULL, role TEXT NOT NULL,"
            " joined INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL DEFAULT 0,"
            " PRIMARY KEY (scope, user_id)) WITHOUT ROWID",
            // Chat (chat/ChatCache.h). Messages: pos is the server's room order, NULL while
            // pending (those sort last, by local_ord: the order they were written).
            "CREATE TABLE chat_rooms (id TEXT PRIMARY KEY, scope TEXT NOT NULL, name TEXT NOT NULL DEFAULT '',"
            " direct INTEGER NOT NULL DEFAULT 0, creator TEXT NOT NULL DEFAULT '', created INTEGER NOT NULL DEFAULT 0,"
            " seq INTEGER NOT NULL DEFAULT 0)",
            "CREATE TABLE chat_messages (id TEXT PRIMARY KEY, scope TEXT NOT NULL, room TEXT NOT NULL,"
            " author_id TEXT NOT NULL, text TEXT NOT NULL, created INTEGER NOT NULL, pos INTEGER,"
            " edited INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0, reply_to TEXT NOT NULL DEFAULT '',"
            " mentions_me INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL DEFAULT 0,"
            " state INTEGER NOT NULL DEFAULT 0, error TEXT, op TEXT, local_ord INTEGER NOT NULL DEFAULT 0)",
            "CREATE INDEX chat_messages_by_room ON chat_messages (room, pos)",
            "CREATE TABLE chat_reactions (message TEXT NOT NULL, user_id TEXT NOT NULL, emoji TEXT NOT NULL,"
            " scope TEXT NOT NULL, seq INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (message, user_id, emoji)) WITHOUT ROWID",
            "CREATE TABLE chat_state (room TEXT PRIMARY KEY, scope TEXT NOT NULL, read_pos INTEGER NOT NULL DEFAULT 0,"
            " muted INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL DEFAULT 0)",
            // Search within and across rooms, offline; kept in step with chat_messages.
            "CREATE VIRTUAL TABLE chat_fts USING fts5(text, content='chat_messages', content_rowid='rowid',"
            " tokenize='unicode61 remove_diacritics 2')",
            "CREATE TRIGGER chat_fts_insert AFTER INSERT ON chat_messages BEGIN"
            " INSERT INTO chat_fts (rowid, text) VALUES (NEW.rowid, NEW.text); END",
            "CREATE TRIGGER chat_fts_delete AFTER DELETE ON chat_messages BEGIN"
            " INSERT INTO chat_fts (chat_fts, rowid, text) VALUES ('delete', OLD.rowid, OLD.text); END",
            "CREATE TRIGGER chat_fts_update AFTER UPDATE OF text ON chat_messages WHEN OLD.text <> NEW.text BEGIN"
            " INSERT INTO chat_fts (chat_fts, rowid, text) VALUES ('delete', OLD.rowid, OLD.text);"
            " INSERT INTO chat_fts (rowid, text) VALUES (NEW.rowid, NEW.text); END",
        },
        // 3: full-text search over post and comment text (FTS5 over the tables' own rows, kept
        // in step by triggers; upserts fire the UPDATE ones). Ranked with bm25 by the reader.
        {
            "CREATE VIRTUAL TABLE posts_fts USING fts5(text, content='posts', content_rowid='rowid',"
            " tokenize='unicode61 remove_diacritics 2')",
            "CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN"
            " INSERT INTO posts_fts (rowid, text) VALUES (NEW.rowid, NEW.text); END",
            "CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN"
            " INSERT INTO posts_fts (posts_fts, rowid, text) VALUES ('delete', OLD.rowid, OLD.text); END",
            "CREATE TRIGGER posts_fts_update AFTER UPDATE OF text ON posts WHEN OLD.text <> NEW.text BEGIN"
            " INSERT INTO posts_fts (posts_fts, rowid, text) VALUES ('delete', OLD.rowid, OLD.text);"
            " INSERT INTO posts_fts (rowid, text) VALUES (NEW.rowid, NEW.text); END",
            "INSERT INTO posts_fts (posts_fts) VALUES ('rebuild')",
            "CREATE VIRTUAL TABLE comments_fts USING fts5(text, content='comments', content_rowid='rowid',"
            " tokenize='unicode61 remove_diacritics 2')",
            "CREATE TRIGGER comments_fts_insert AFTER INSERT ON comments BEGIN"
            " INSERT INTO comments_fts (rowid, text) VALUES (NEW.rowid, NEW.text); END",
            "CREATE TRIGGER comments_fts_delete AFTER DELETE ON comments BEGIN"
            " INSERT INTO comments_fts (comments_fts, rowid, text) VALUES ('delete', OLD.rowid, OLD.text); END",
            "CREATE TRIGGER comments_fts_update AFTER UPDATE OF text ON comments WHEN OLD.text <> NEW.text BEGIN"
            " INSERT INTO comments_fts (comments_fts, rowid, text) VALUES ('delete', OLD.rowid, OLD.text);"
            " INSERT INTO comments_fts (rowid, text) VALUES (NEW.rowid, NEW.text); END",
            "INSERT INTO comments_fts (comments_fts) VALUES ('rebuild')",
        },
        // 4: people (people/PeopleCache.h): profiles, skills, endorsements, experts, search indexes
        peoplecache::migration(),
        // 5: managed news (news/NewsCache.cpp)
        newscache::migration(),
        // 6: groups (groups/GroupCache.cpp)
        groupcache::migration(),
        // 7: follows, start page layout, notifications (home/PersonalCache.cpp)
        personalcache::migration(),
        // 8: edits and tombstones, comments on group posts and blog pages, reactions, blog pages,
        // the hashtag index (posts/PostCache.cpp)
        postcache::migration(),
        // 9: the hashtag index filled from what was cached before 8 (no statements: the step
        // postcache::backfillHashtags, see steps())
        {},
        // 10: pre-images of queued writes, changes held back behind them, ack marks
        // (cache/Undo.h, ChangeApplier::addGuard)
        undo::migration(),
        // 11: people search: the leavers' index (people/PeopleCache.cpp)
        peoplecache::searchMigration(),
    };
    return list;
}

// Work a migration needs beyond SQL, keyed by the version it brings the schema to; run in
// that migration's transaction after its statements. The shared rules are C++ (a hashtag is
// what protocol::people::hashtags says), so a backfill calls them rather than repeat them in SQL.
using Step = Result<int> (*)(const QSqlDatabase &);
const QHash<int, Step> &steps()
{
    static const QHash<int, Step> map = {{9, postcache::backfillHashtags}};
    return map;
}

Error dbError(const QString &what, const QSqlError &e)
{
    return Error{QStringLiteral("cache"), QStringLiteral("%1: %2").arg(what, e.text())};
}

bool exec(QSqlDatabase db, const QString &sql, QString *error = nullptr)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

} // namespace

QString Replica::dirNameFor(const QUrl &server, const QString &userName)
{
    QUrl normal = server.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    if (normal.path() == QLatin1String("/"))
        normal.setPath({});
    const QString key = normal.toString(QUrl::FullyEncoded).toLower() + QLatin1Char('\n') + userName.toLower();
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
    static const QRegularExpression unsafe(QStringLiteral("[^a-z0-9._-]+"));
    QString readable = QStringLiteral("%1-%2-%3")
                           .arg(normal.host().toLower())
                           .arg(normal.port(normal.scheme() == QLatin1String("wss") ? 443 : 80))
                           .arg(userName.toLower());
    readable.replace(unsafe, QStringLiteral("_"));
    return readable.left(80) + QLatin1Char('-') + QString::fromLatin1(hash);
}

QString Replica::pathFor(const QString &profileDir, const QUrl &server, const QString &userName)
{
    return QDir(profileDir).filePath(dirNameFor(server, userName) + QStringLiteral("/replica.sqlite"));
}

QString Replica::uniqueConnectionName(const QString &prefix)
{
    return prefix + QLatin1Char('-') + ids::create();
}

Result<QSqlDatabase> Replica::open(const QString &path, const QString &connectionName, Access access)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error{QStringLiteral("cache"), QStringLiteral("cannot create the folder of %1").arg(path)};
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    if (!db.open()) {
        const Error e = dbError(QStringLiteral("cannot open %1").arg(path), db.lastError());
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return e;
    }
    QString error;
    // WAL lets the UI read while the sync thread writes; a writer waits up to 10 s for the
    // other one instead of failing. synchronous=FULL: an acknowledged local write survives
    // a power cut, not only a crash.
    const bool ok = exec(db, QStringLiteral("PRAGMA busy_timeout = 10000"), &error)
                    && exec(db, QStringLiteral("PRAGMA journal_mode = WAL"), &error)
                    && exec(db, QStringLiteral("PRAGMA synchronous = FULL"), &error);
    if (ok && access == Access::ReadWrite) {
        auto migrated = migrate(db);
        if (!migrated)
            error = migrated.error().message;
    } else if (ok) {
        exec(db, QStringLiteral("PRAGMA query_only = ON"), &error);
    }
    if (!error.isEmpty()) {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return Error{QStringLiteral("cache"), QStringLiteral("cannot prepare %1: %2").arg(path, error)};
    }
    return db;
}

void Replica::close(const QString &connectionName)
{
    if (!QSqlDatabase::contains(connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

int Replica::latestVersion()
{
    return int(migrations().size());
}

int Replica::schemaVersion(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

Result<int> Replica::migrate(const QSqlDatabase &db)
{
    int version = schemaVersion(db);
    if (version < 0)
        return Error{QStringLiteral("cache"), QStringLiteral("cannot read the schema version")};
    if (version > latestVersion())
        return Error{QStringLiteral("cache"),
                     QStringLiteral("the replica has schema %1, newer than this program's %2")
                         .arg(version)
                         .arg(latestVersion())};
    while (version < latestVersion()) {
        Transaction tx(db);
        if (!tx.isActive())
            return Error{QStringLiteral("cache"), tx.error()};
        for (const char *statement : migrations().at(version)) {
            QSqlQuery q(db);
            if (!q.exec(QLatin1String(statement)))
                return dbError(QStringLiteral("migration %1").arg(version + 1), q.lastError());
        }
        if (const Step step = steps().value(version + 1)) {
            const auto done = step(db);
            if (!done)
                return Error{QStringLiteral("cache"),
                             QStringLiteral("migration %1: %2").arg(version + 1).arg(done.error().message)};
        }
        // user_version lives in the database header and moves with this transaction.
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(version + 1)))
            return dbError(QStringLiteral("migration %1").arg(version + 1), q.lastError());
        if (!tx.commit())
            return Error{QStringLiteral("cache"), tx.error()};
        ++version;
        qCInfo(lcCache) << "replica schema now at version" << version;
    }
    return version;
}

QString Replica::meta(const QSqlDatabase &db, const QString &key)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

bool Replica::setMeta(const QSqlDatabase &db, const QString &key, const QString &value)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"
                             " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (q.exec())
        return true;
    qCWarning(lcCache) << "cannot set" << key << q.lastError().text();
    return false;
}

qint64 Replica::cursor(const QSqlDatabase &db)
{
    return meta(db, QLatin1String(metakey::Cursor)).toLongLong();
}

QString Replica::currentUserId(const QSqlDatabase &db)
{
    return meta(db, QLatin1String(metakey::UserId));
}

} // namespace plein::client
