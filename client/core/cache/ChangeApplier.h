#pragma once

#include "protocol/Error.h"
#include "protocol/Messages.h"

#include "cache/Statements.h"

#include <QSqlDatabase>
#include <QStringList>

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

private:
    Result<bool> applyOne(const protocol::Change &change, const QString &me);
    Result<bool> applyUser(const protocol::Change &change);
    Result<bool> applyPost(const protocol::Change &change);
    Result<bool> applyComment(const protocol::Change &change);
    Result<bool> applyLike(const protocol::Change &change, const QString &me);
    Result<bool> settle(const QString &op);

    QSqlDatabase m_db;
    Statements m_sql;
};

} // namespace plein::client
