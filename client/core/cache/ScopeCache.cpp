#include "cache/ScopeCache.h"

#include "Logging.h"
#include "cache/ChangeApplier.h"
#include "cache/Statements.h"
#include "protocol/ScopeMessages.h"

#include <QSqlError>
#include <QSqlQuery>

namespace plein::client::scopecache {

namespace {

Error cacheError(const QString &what, const QSqlQuery &q)
{
    return Error{QStringLiteral("cache"), QStringLiteral("%1: %2").arg(what, q.lastError().text())};
}

Result<bool> applyScope(Statements &sql, const protocol::Change &c, const QString &)
{
    auto m = protocol::decode<protocol::Membership>(c.data);
    if (!m)
        return Error{m.error().code, QStringLiteral("scope change %1: %2").arg(c.id, m.error().message)};
    if (c.deleted)
        return purge(sql, m->scope);
    bool ok = false;
    QSqlQuery &q = sql.exec(QStringLiteral("INSERT INTO scopes (scope, role, joined, seq) VALUES (?, ?, ?, ?)"
                                           " ON CONFLICT (scope) DO UPDATE SET role = excluded.role,"
                                           " joined = excluded.joined, seq = excluded.seq"),
                            {m->scope, m->role, QVariant::fromValue(m->joined), QVariant::fromValue(c.seq)}, &ok);
    return ok ? Result<bool>(true) : cacheError(QStringLiteral("scope %1").arg(c.id), q);
}

Result<bool> applyMember(Statements &sql, const protocol::Change &c, const QString &)
{
    auto m = protocol::decode<protocol::Membership>(c.data);
    if (!m)
        return Error{m.error().code, QStringLiteral("member change %1: %2").arg(c.id, m.error().message)};
    bool ok = false;
    if (c.deleted) {
        QSqlQuery &q = sql.exec(QStringLiteral("DELETE FROM scope_members WHERE scope = ? AND user_id = ? AND seq <= ?"),
                                {m->scope, m->user, QVariant::fromValue(c.seq)}, &ok);
        return ok ? Result<bool>(true) : cacheError(QStringLiteral("member %1").arg(c.id), q);
    }
    QSqlQuery &q = sql.exec(QStringLiteral("INSERT INTO scope_members (scope, user_id, role, joined, seq) VALUES (?, ?, ?, ?, ?)"
                                           " ON CONFLICT (scope, user_id) DO UPDATE SET role = excluded.role,"
                                           " joined = excluded.joined, seq = excluded.seq WHERE excluded.seq >= seq"),
                            {m->scope, m->user, m->role, QVariant::fromValue(m->joined), QVariant::fromValue(c.seq)},
                            &ok);
    return ok ? Result<bool>(true) : cacheError(QStringLiteral("member %1").arg(c.id), q);
}

} // namespace

void registerKinds(ChangeApplier &applier)
{
    applier.addKind(QLatin1String(protocol::kind::Scope), &applyScope);
    applier.addKind(QLatin1String(protocol::kind::Member), &applyMember);
}

Result<bool> purge(Statements &sql, const QString &scope)
{
    bool ok = false;
    // Every real table with a `scope` column; full-text tables follow by their triggers.
    QStringList tables;
    {
        QSqlQuery &q = sql.exec(QStringLiteral("SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) p"
                                               " WHERE m.type = 'table' AND p.name = 'scope'"
                                               " AND m.sql NOT LIKE 'CREATE VIRTUAL%'"),
                                {}, &ok);
        if (!ok)
            return cacheError(QStringLiteral("purging %1").arg(scope), q);
        while (q.next())
            tables.append(q.value(0).toString());
        q.finish();
    }
    for (const QString &t : std::as_const(tables)) {
        QSqlQuery &q = sql.exec(QStringLiteral("DELETE FROM \"%1\" WHERE scope = ?").arg(t), {scope}, &ok);
        if (!ok)
            return cacheError(QStringLiteral("purging %1 from %2").arg(scope, t), q);
    }
    qCInfo(lcCache) << "purged" << scope << "from" << tables;
    return true;
}

Result<bool> notePage(Statements &sql, const QString &scope, qint64 oldest, bool more, bool snapshot)
{
    bool ok = false;
    // A snapshot only sets the marks of a scope never paged before; a history page moves
    // them back to what it reached.
    const QString s = snapshot
                          ? QStringLiteral("UPDATE scopes SET history_oldest = ?, history_more = ?"
                                           " WHERE scope = ? AND history_oldest IS NULL")
                          : QStringLiteral("UPDATE scopes SET history_oldest = ?, history_more = ?"
                                           " WHERE scope = ? AND (history_oldest IS NULL OR history_oldest >= ?)");
    QVariantList values{QVariant::fromValue(oldest), more ? 1 : 0, scope};
    if (!snapshot)
        values.append(QVariant::fromValue(oldest));
    QSqlQuery &q = sql.exec(s, values, &ok);
    return ok ? Result<bool>(true) : cacheError(QStringLiteral("history of %1").arg(scope), q);
}

HistoryState historyState(const QSqlDatabase &db, const QString &scope)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT history_oldest, history_more FROM scopes WHERE scope = ?"));
    q.addBindValue(scope);
    HistoryState h;
    if (q.exec() && q.next()) {
        h.member = true;
        h.oldest = q.value(0).toLongLong();
        h.more = q.value(1).toInt() != 0;
    }
    return h;
}

QStringList myScopes(const QSqlDatabase &db, const QString &prefix)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT scope FROM scopes WHERE scope LIKE ? ORDER BY scope"));
    q.addBindValue(prefix.isEmpty() ? QStringLiteral("%") : prefix + QStringLiteral(":%"));
    QStringList out;
    if (q.exec()) {
        while (q.next())
            out.append(q.value(0).toString());
    }
    return out;
}

} // namespace plein::client::scopecache
