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
    // sent before it saw that op (a late echo of a send must not undo a local delete). The
    // op's own change brings the server's state; a feature's ack hook raises the row's seq
    // to the ack's so older changes that arrive after the ack lose to it too.
    void addGuard(const QString &kind, const QStringList &opTypes);

private:
    Result<bool> applyOne(const protocol::Change &change, const QString &me);
    Result<bool> applyUser(const protocol::Change &change);
    Result<bool> applyPost(const protocol::Change &change);
    Result<bool> applyComment(const protocol::Change &change);
    Result<bool> applyLike(const protocol::Change &change, const QString &me);
    Result<bool> settle(const QString &op);
    Result<bool> heldBack(const protocol::Change &change);

    QSqlDatabase m_db;
    Statements m_sql;
    QHash<QString, KindApplier> m_kinds;
    QHash<QString, QString> m_guards;   // kind -> the outbox query that holds its changes back
};

} // namespace plein::client
