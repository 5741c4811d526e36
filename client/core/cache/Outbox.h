#pragma once

#include "cache/Statements.h"
#include "protocol/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace plein::client {

class ChangeApplier;

// One queued write: the exact frame to send (made by the shared codec when the write was
// recorded), in the order the user made the writes.
struct OutboxRow
{
    qint64 ord = 0;
    QString op;
    QString type;
    QString entityId;
    QByteArray frame;
};

// The outbox table. Rows are appended by LocalWriter together with their pending entity;
// the sync engine reads them in order, removes them on ack, and marks them failed on a
// permanent error.
class Outbox
{
public:
    explicit Outbox(const QSqlDatabase &db);
    ~Outbox();

    // Appends a row inside the caller's transaction.
    static bool enqueue(const QSqlDatabase &db, const QString &type, const QString &op, const QString &entityId,
                        const QJsonObject &body, QString *error);
    static int pendingCount(const QSqlDatabase &db);
    static int failedCount(const QSqlDatabase &db);
    // What the user is told when the server refused `op` for good (`reason`: the server's
    // message): what happened to the change on screen, by the write's type.
    static QString refusalNotice(const QSqlDatabase &db, const QString &op, const QString &reason);

    // Queued rows after `afterOrd`, oldest first.
    QList<OutboxRow> queued(qint64 afterOrd, int limit);
    // The server acknowledged op (its change has `seq`): the row goes and its entity counts
    // as sent. False when op was not (or no longer) in the outbox.
    Result<bool> acknowledge(const QString &op, qint64 seq = 0);
    // The server refused op for good: the row is marked failed, the rows the write changed
    // get their pre-images back (cache/Undo.h) and the changes held back behind it are
    // applied; a new entity it made stays, marked failed.
    Result<bool> fail(const QString &op, const QString &message);

private:
    ChangeApplier &replayer();   // applies held-back changes, made on first use

    QSqlDatabase m_db;
    Statements m_sql;
    std::unique_ptr<ChangeApplier> m_replayer;
};

} // namespace plein::client
