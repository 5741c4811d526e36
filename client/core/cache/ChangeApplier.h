#pragma once

#include "protocol/Error.h"
#include "protocol/Messages.h"

#include "cache/Statements.h"

#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

#include <functional>

namespace plein::protocol {
struct ScopePageBody;
}

namespace plein::client {

// Applies `changes` batches from the server to the replica. A batch is all or nothing: one
// transaction writes every entity, settles the outbox rows whose op caused a change, and
// moves the cursor to the batch's highest seq. Changes at or below the cursor are skipped,
// so a batch seen twice changes nothing.
class ChangeApplier
{
public:
    explicit ChangeApplier(const QSqlDatabase &db);

    struct Outcome
    {
        qint64 cursor = 0;        // after the batch
        int applied = 0;          // changes written (not skipped)
        QStringList settledOps;   // outbox rows removed because their change arrived
    };
    Result<Outcome> apply(const QList<protocol::Change> &changes);
    // Rows of one scope from `scope.snapshot` (snapshot) or `history.page`: applied in one
    // transaction as upserts guarded by each row's seq; the cursor does not move.
    Result<Outcome> applyPage(const protocol::ScopePageBody &page, bool snapshot);

    // A feature's applier for its change kind: writes the change, answers whether it did.
    using KindApplier = std::function<Result<bool>(Statements &sql, const protocol::Change &change, const QString &me)>;
    void addKind(const QString &kind, KindApplier applier) { m_kinds.insert(kind, std::move(applier)); }
    // A change of `kind` to an entity is held back (not written; the cursor still passes it)
    // while the outbox holds a pending op of one of `opTypes` for that entity, other than
    // the op the change itself answers: the local write is newer than whatever the server
    // sent before it saw that op (a late echo of a send must not undo a local delete). A
    // held change is kept (held_changes) and applied after all if that write is refused.
    // Once such an op is acknowledged, changes of the entity older than the ack's seq are
    // stale and skipped, until its own change has arrived. `entityOf` names the outbox
    // entity a change is about (default: its id; empty: not guarded, e.g. someone else's
    // reaction).
    using EntityOf = std::function<QString(const protocol::Change &change, const QString &me)>;
    void addGuard(const QString &kind, const QStringList &opTypes, EntityOf entityOf = {});
    // Changes held back for `entity`: those at or below `staleUpTo` go (the write that held
    // them has settled at that seq), the rest go through the appliers again, and are held
    // again if another write of the entity is still queued. Runs in the caller's transaction.
    Result<int> replayHeld(const QString &entity, qint64 staleUpTo = 0);

private:
    Result<bool> applyOne(const protocol::Change &change, const QString &me);
    Result<bool> applyUser(const protocol::Change &change);
    Result<bool> applyLike(const protocol::Change &change);
    Result<bool> settle(const QString &op, qint64 seq);
    enum class Hold { Apply, Held, Stale };
    Result<Hold> heldBack(const protocol::Change &change, const QString &me);

    struct Guard
    {
        QString pending;   // a queued write of the entity, other than the change's op
        QString acked;     // an acknowledged write of the entity newer than the change
        EntityOf entityOf;
    };

    QSqlDatabase m_db;
    Statements m_sql;
    QHash<QString, KindApplier> m_kinds;
    QHash<QString, Guard> m_guards;   // by kind
};

} // namespace plein::client
