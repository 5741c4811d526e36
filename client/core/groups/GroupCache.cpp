#include "groups/GroupCache.h"

#include "cache/CacheSql.h"
#include "cache/ChangeApplier.h"
#include "cache/LocalWrite.h"
#include "cache/Statements.h"
#include "cache/Replica.h"
#include "model/Ids.h"
#include "protocol/GroupMessages.h"
#include "protocol/Limits.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"

#include <QSqlError>
#include <QSqlQuery>

#include <functional>

namespace plein::client::groupcache {

namespace {

using cachesql::run;
using cachesql::v;

Error bad(const protocol::Change &c, const QString &why)
{
    return cachesql::badChange(c, why);
}

QString scopeOf(const QString &group)
{
    return protocol::scope::make(protocol::scope::GroupPrefix, group);
}

Result<bool> applyGroup(Statements &sql, const protocol::Change &c, const QString &)
{
    if (c.deleted)
        return run(sql, QStringLiteral("DELETE FROM groups WHERE id = ? AND scope IS NULL"), {c.id}, c.id);
    auto g = protocol::decode<protocol::GroupInfo>(c.data);
    if (!g)
        return bad(c, g.error().message);
    // A secret group's settings belong to its scope, so leaving it forgets the group.
    const QVariant scope = g->visibility == QLatin1String(protocol::visibility::Secret) ? QVariant(scopeOf(g->id))
                                                                                        : QVariant();
    return run(sql,
               QStringLiteral("INSERT INTO groups (id, name, description, kind, visibility, creator, created, seq, scope)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name,"
                              " description = excluded.description, kind = excluded.kind,"
                              " visibility = excluded.visibility, seq = excluded.seq, scope = excluded.scope"
                              " WHERE excluded.seq >= groups.seq"),
               {g->id, g->name, g->description, g->kind, g->visibility, g->creator, v(g->created), v(c.seq), scope},
               c.id);
}

Result<bool> applyRequest(Statements &sql, const protocol::Change &c, const QString &)
{
    auto r = protocol::decode<protocol::GroupRequest>(c.data);
    if (!r)
        return bad(c, r.error().message);
    if (c.deleted)
        return run(sql, QStringLiteral("DELETE FROM group_requests WHERE group_id = ? AND user_id = ?"),
                   {r->group, r->user}, c.id);
    return run(sql,
               QStringLiteral("INSERT INTO group_requests (group_id, user_id, at) VALUES (?, ?, ?)"
                              " ON CONFLICT (group_id, user_id) DO UPDATE SET at = excluded.at"),
               {r->group, r->user, v(r->at)}, c.id);
}

Result<QString> me(const QSqlDatabase &db)
{
    return localwrite::me(db);
}

// Runs `local` (may be empty) and enqueues the write in one transaction, with the
// pre-images of `touched`.
Result<QString> write(const QSqlDatabase &db, const char *type, const QString &entity, const QJsonObject &body,
                      const QList<undo::Rows> &touched = {}, const std::function<QString(QSqlQuery &)> &local = {})
{
    auto user = me(db);
    if (!user)
        return user.error();
    return localwrite::record(db, type, entity, body, touched, [&](Statements &sql) {
        if (!local)
            return QString();
        QSqlQuery q(sql.database());
        return local(q);
    });
}

} // namespace

QList<const char *> migration()
{
    return {
        // scope: set for a secret group (its settings came through its scope), else NULL.
        "CREATE TABLE groups (id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',"
        " kind TEXT NOT NULL, visibility TEXT NOT NULL, creator TEXT NOT NULL, created INTEGER NOT NULL,"
        " seq INTEGER NOT NULL DEFAULT 0, scope TEXT)",
        "CREATE INDEX groups_by_name ON groups (name COLLATE NOCASE)",
        "CREATE TABLE group_posts (id TEXT PRIMARY KEY, scope TEXT NOT NULL, group_id TEXT NOT NULL,"
        " author_id TEXT NOT NULL, text TEXT NOT NULL, created INTEGER NOT NULL, pos INTEGER NOT NULL DEFAULT 0,"
        " seq INTEGER NOT NULL DEFAULT 0, state INTEGER NOT NULL DEFAULT 0)",
        // A group's page, and the personal timeline across all groups: newest first.
        "CREATE INDEX group_posts_by_group ON group_posts (group_id, created DESC, id DESC)",
        "CREATE INDEX group_posts_timeline ON group_posts (created DESC, id DESC)",
        "CREATE TABLE group_requests (group_id TEXT NOT NULL, user_id TEXT NOT NULL, at INTEGER NOT NULL,"
        " PRIMARY KEY (group_id, user_id)) WITHOUT ROWID",
    };
}

void registerKinds(ChangeApplier &applier)
{
    applier.addKind(QLatin1String(protocol::kind::Group), applyGroup);
    applier.addKind(QLatin1String(protocol::kind::GroupRequest), applyRequest);
}

Result<QString> create(const QSqlDatabase &db, const QString &name, const QString &description, const QString &kind,
                       const QString &visibility)
{
    const protocol::GroupSaveBody body{ids::create(), name.trimmed(), description.trimmed(), kind, visibility};
    auto valid = protocol::decode<protocol::GroupSaveBody>(protocol::encode(body));
    if (!valid)
        return valid.error();
    auto user = me(db);
    if (!user)
        return user.error();
    // No row before: a refused group leaves the cache again.
    const undo::Rows created{QStringLiteral("groups"), {QStringLiteral("id")}, {body.id}, {QStringLiteral("name")}};
    auto op = write(db, protocol::type::GroupSave, body.id, protocol::encode(body), {created}, [&](QSqlQuery &q) {
        q.prepare(QStringLiteral("INSERT INTO groups (id, name, description, kind, visibility, creator, created, scope)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        q.addBindValue(body.id);
        q.addBindValue(body.name);
        q.addBindValue(body.description);
        q.addBindValue(kind);
        q.addBindValue(visibility);
        q.addBindValue(user.value());
        q.addBindValue(v(ids::nowMs()));
        q.addBindValue(scopeOf(body.id));   // until the server's copy says otherwise
        return q.exec() ? QString() : q.lastError().text();
    });
    if (!op)
        return op.error();
    return body.id;
}

Result<QString> join(const QSqlDatabase &db, const QString &group)
{
    return write(db, protocol::type::GroupJoin, group, protocol::encode(protocol::GroupRefBody{group}));
}

Result<QString> leave(const QSqlDatabase &db, const QString &group)
{
    return write(db, protocol::type::GroupLeave, group, protocol::encode(protocol::GroupRefBody{group}));
}

Result<QString> setMember(const QSqlDatabase &db, const QString &group, const QString &user, const QString &role)
{
    return write(db, protocol::type::GroupMember, group,
                 protocol::encode(protocol::GroupMemberBody{group, user, role}));
}

Result<QString> post(const QSqlDatabase &db, const QString &group, const QString &text)
{
    auto valid = protocol::validateText(text, limits::MaxPostChars, "text");
    if (!valid)
        return valid.error();
    auto user = me(db);
    if (!user)
        return user.error();
    const QString id = ids::create();
    auto op = write(db, protocol::type::GroupPost, id, protocol::encode(protocol::GroupPostBody{id, group, valid.value()}),
                    {}, [&](QSqlQuery &q) {
                        q.prepare(QStringLiteral("INSERT INTO group_posts (id, scope, group_id, author_id, text, created,"
                                                 " state) VALUES (?, ?, ?, ?, ?, ?, ?)"));
                        q.addBindValue(id);
                        q.addBindValue(scopeOf(group));
                        q.addBindValue(group);
                        q.addBindValue(user.value());
                        q.addBindValue(valid.value());
                        q.addBindValue(v(ids::nowMs()));
                        q.addBindValue(rowstate::Pending);
                        return q.exec() ? QString() : q.lastError().text();
                    });
    if (!op)
        return op.error();
    return id;
}

} // namespace plein::client::groupcache
