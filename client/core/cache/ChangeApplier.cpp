#include "cache/ChangeApplier.h"

#include "Logging.h"
#include "cache/CacheSql.h"
#include "cache/Replica.h"
#include "cache/ScopeCache.h"
#include "chat/ChatCache.h"
#include "cache/Transaction.h"
#include "cache/Undo.h"
#include "people/PeopleCache.h"
#include "news/NewsCache.h"
#include "groups/GroupCache.h"
#include "home/PersonalCache.h"
#include "posts/PostCache.h"
#include "protocol/Envelope.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"

#include <QSqlError>
#include <QSqlQuery>

namespace plein::client {

namespace {

using cachesql::cacheError;
using cachesql::v;

Error badChange(const protocol::Change &c, const QString &why)
{
    return cachesql::badChange(c, why);
}

} // namespace

ChangeApplier::ChangeApplier(const QSqlDatabase &db) : m_db(db), m_sql(db)
{
    scopecache::registerKinds(*this);
    chatcache::registerKinds(*this);
    peoplecache::registerKinds(*this);
    newscache::registerKinds(*this);
    groupcache::registerKinds(*this);
    personalcache::registerKinds(*this);
    postcache::registerKinds(*this);   // last: takes over post, comment and group_post
}

Result<ChangeApplier::Outcome> ChangeApplier::apply(const QList<protocol::Change> &changes)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return Error{QStringLiteral("cache"), tx.error()};
    Outcome out;
    out.cursor = Replica::cursor(m_db);
    const qint64 start = out.cursor;
    const QString me = Replica::currentUserId(m_db);
    for (const protocol::Change &c : changes) {
        if (c.seq <= out.cursor) {
            // Already applied (a batch seen twice, or one that overlaps the cursor).
            continue;
        }
        auto r = applyOne(c, me);
        if (!r)
            return r.error();  // the transaction rolls back: nothing of this batch stays
        if (!c.op.isEmpty()) {
            auto s = settle(c.op, c.seq);
            if (!s)
                return s.error();
            if (s.value())
                out.settledOps.append(c.op);
        }
        out.cursor = c.seq;
        ++out.applied;
    }
    if (out.cursor != start) {
        if (!Replica::setMeta(m_db, QLatin1String(metakey::Cursor), QString::number(out.cursor)))
            return Error{QStringLiteral("cache"), QStringLiteral("cannot move the cursor")};
        // Every change below the cursor has been seen: ack marks up to it guard nothing more.
        bool ok = false;
        QSqlQuery &q = m_sql.exec(QStringLiteral("DELETE FROM outbox_acked WHERE seq <= ?"), {v(out.cursor)}, &ok);
        if (!ok)
            return cacheError(QStringLiteral("ack marks"), q);
        q.finish();
    }
    if (!tx.commit())
        return Error{QStringLiteral("cache"), tx.error()};
    return out;
}

Result<ChangeApplier::Outcome> ChangeApplier::applyPage(const protocol::ScopePageBody &page, bool snapshot)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return Error{QStringLiteral("cache"), tx.error()};
    Outcome out;
    out.cursor = Replica::cursor(m_db);
    const QString me = Replica::currentUserId(m_db);
    // A page of a scope this replica is not (or no longer) a member of is stale: the
    // membership change that purged it came first.
    if (!scopecache::historyState(m_db, page.scope).member)
        return out;
    for (const protocol::Change &c : page.changes) {
        auto r = applyOne(c, me);
        if (!r)
            return r.error();
        if (!c.op.isEmpty()) {
            auto s = settle(c.op, c.seq);
            if (!s)
                return s.error();
            if (s.value())
                out.settledOps.append(c.op);
        }
        ++out.applied;
    }
    auto noted = scopecache::notePage(m_sql, page.scope, page.oldest, page.more, snapshot);
    if (!noted)
        return noted.error();
    if (!tx.commit())
        return Error{QStringLiteral("cache"), tx.error()};
    return out;
}

void ChangeApplier::addGuard(const QString &kind, const QStringList &opTypes, EntityOf entityOf)
{
    QStringList quoted;
    for (const QString &t : opTypes)
        quoted.append(QLatin1Char('\'') + QString(t).replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\''));
    const QString types = quoted.join(QLatin1Char(','));
    m_guards.insert(kind, Guard{QStringLiteral("SELECT 1 FROM outbox WHERE entity_id = ? AND state = %1 AND op <> ?"
                                               " AND type IN (%2) LIMIT 1")
                                    .arg(rowstate::Pending)
                                    .arg(types),
                                QStringLiteral("SELECT 1 FROM outbox_acked WHERE entity_id = ? AND op <> ? AND seq > ?"
                                               " AND type IN (%1) LIMIT 1")
                                    .arg(types),
                                std::move(entityOf)});
}

Result<ChangeApplier::Hold> ChangeApplier::heldBack(const protocol::Change &c, const QString &me)
{
    const auto g = m_guards.constFind(c.kind);
    if (g == m_guards.constEnd())
        return Hold::Apply;
    const QString entity = g->entityOf ? g->entityOf(c, me) : c.id;
    if (entity.isEmpty())
        return Hold::Apply;
    const QString op = c.op.isEmpty() ? QStringLiteral("") : c.op;
    bool ok = false;
    QSqlQuery &q = m_sql.exec(g->pending, {entity, op}, &ok);
    if (!ok)
        return cacheError(QStringLiteral("guard of %1").arg(c.id), q);
    const bool pending = q.next();
    q.finish();
    if (pending) {
        // Kept: if that write is refused, the server's state is this (or a later) change.
        protocol::Envelope frame;
        frame.type = QLatin1String(protocol::type::Changes);
        frame.body = protocol::encode(protocol::ChangesBody{{c}});
        QSqlQuery &h = m_sql.exec(QStringLiteral("INSERT INTO held_changes (entity_id, seq, frame) VALUES (?, ?, ?)"),
                                  {entity, v(c.seq), QString::fromUtf8(frame.encode())}, &ok);
        if (!ok)
            return cacheError(QStringLiteral("holding %1").arg(c.id), h);
        h.finish();
        return Hold::Held;
    }
    QSqlQuery &a = m_sql.exec(g->acked, {entity, op, v(c.seq)}, &ok);
    if (!ok)
        return cacheError(QStringLiteral("guard of %1").arg(c.id), a);
    const bool stale = a.next();
    a.finish();
    return stale ? Hold::Stale : Hold::Apply;
}

Result<int> ChangeApplier::replayHeld(const QString &entity, qint64 staleUpTo)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("SELECT frame FROM held_changes WHERE entity_id = ? AND seq > ? ORDER BY seq, id"),
                              {entity, v(staleUpTo)}, &ok);
    if (!ok)
        return cacheError(QStringLiteral("held changes of %1").arg(entity), q);
    QList<protocol::Change> held;
    while (q.next()) {
        auto e = protocol::Envelope::decode(q.value(0).toString().toUtf8());
        auto body = e ? protocol::decode<protocol::ChangesBody>(e->body) : Result<protocol::ChangesBody>(e.error());
        if (body)
            held += body->changes;
        else
            qCWarning(lcCache) << "dropping an unreadable held change of" << entity << body.error().message;
    }
    q.finish();
    QSqlQuery &d = m_sql.exec(QStringLiteral("DELETE FROM held_changes WHERE entity_id = ?"), {entity}, &ok);
    if (!ok)
        return cacheError(QStringLiteral("held changes of %1").arg(entity), d);
    d.finish();
    const QString me = Replica::currentUserId(m_db);
    int applied = 0;
    for (const protocol::Change &c : held) {
        auto r = applyOne(c, me);
        if (!r)
            return r.error();
        applied += r.value() ? 1 : 0;
    }
    return applied;
}

Result<bool> ChangeApplier::applyOne(const protocol::Change &c, const QString &me)
{
    auto held = heldBack(c, me);
    if (!held)
        return held.error();
    if (held.value() != Hold::Apply) {
        qCDebug(lcCache) << (held.value() == Hold::Held ? "holding back" : "skipping stale") << c.kind << c.id
                         << "at seq" << c.seq << "behind a local write";
        return false;
    }
    if (const auto it = m_kinds.constFind(c.kind); it != m_kinds.constEnd())
        return it.value()(m_sql, c, me);
    if (c.kind == QLatin1String(protocol::kind::User))
        return applyUser(c);
    if (c.kind == QLatin1String(protocol::kind::Like))
        return applyLike(c);
    // A kind from a newer server: not ours to show yet, but the cursor still passes it.
    qCInfo(lcCache) << "skipping change of unknown kind" << c.kind << "at seq" << c.seq;
    return false;
}

Result<bool> ChangeApplier::applyUser(const protocol::Change &c)
{
    bool ok = false;
    if (c.deleted) {
        QSqlQuery &q = m_sql.exec(QStringLiteral("DELETE FROM users WHERE id = ?"), {c.id}, &ok);
        return ok ? Result<bool>(true) : cacheError(QStringLiteral("user %1").arg(c.id), q);
    }
    auto p = protocol::decode<Person>(c.data);
    if (!p)
        return badChange(c, p.error().message);
    if (p->id != c.id)
        return badChange(c, QStringLiteral("data.id does not match"));
    QSqlQuery &q = m_sql.exec(
        QStringLiteral(
            "INSERT INTO users (id, name, display_name, role, department, title, seq) VALUES (?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name, display_name = excluded.display_name,"
            " role = excluded.role, department = excluded.department, title = excluded.title, seq = excluded.seq"),
        {p->id, p->name, p->displayName, p->role, p->department, p->title, v(c.seq)}, &ok);
    return ok ? Result<bool>(true) : cacheError(QStringLiteral("user %1").arg(c.id), q);
}

Result<bool> ChangeApplier::applyLike(const protocol::Change &c)
{
    auto l = protocol::decode<Like>(c.data);
    if (!l)
        return badChange(c, l.error().message);
    if (c.id != l->post + QLatin1Char(':') + l->user)
        return badChange(c, QStringLiteral("id must be <post>:<user>"));
    bool ok = false;
    // My own likes are guarded (postcache::registerKinds): a later choice of mine wins.
    if (c.deleted) {
        QSqlQuery &q = m_sql.exec(QStringLiteral("DELETE FROM likes WHERE post_id = ? AND user_id = ?"),
                                  {l->post, l->user}, &ok);
        return ok ? Result<bool>(true) : cacheError(QStringLiteral("like %1").arg(c.id), q);
    }
    QSqlQuery &q = m_sql.exec(QStringLiteral("INSERT INTO likes (post_id, user_id, liked, seq) VALUES (?, ?, ?, ?)"
                                             " ON CONFLICT (post_id, user_id) DO UPDATE SET liked = excluded.liked,"
                                             " seq = excluded.seq"),
                              {l->post, l->user, l->liked ? 1 : 0, v(c.seq)}, &ok);
    return ok ? Result<bool>(true) : cacheError(QStringLiteral("like %1").arg(c.id), q);
}

Result<bool> ChangeApplier::settle(const QString &op, qint64 seq)
{
    bool ok = false;
    QSqlQuery &row = m_sql.exec(QStringLiteral("SELECT entity_id FROM outbox WHERE op = ?"), {op}, &ok);
    if (!ok)
        return cacheError(QStringLiteral("settling op %1").arg(op), row);
    const bool queued = row.next();
    const QString entity = queued ? row.value(0).toString() : QString();
    row.finish();
    if (!queued)
        return false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("DELETE FROM outbox WHERE op = ?"), {op}, &ok);
    if (!ok)
        return cacheError(QStringLiteral("settling op %1").arg(op), q);
    q.finish();
    // Its change is the server's state now: the pre-image and older held copies are done.
    if (auto f = undo::forget(m_sql, op); !f)
        return f.error();
    if (auto r = replayHeld(entity, seq); !r)
        return r.error();
    return true;
}

} // namespace plein::client
