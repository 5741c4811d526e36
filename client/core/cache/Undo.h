#pragma once

#include "protocol/Error.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace plein::client {

class Statements;

// Pre-images of the user's optimistic writes. A write records, in its own transaction and
// before it changes anything, the rows it is about to change, keyed by its op. If the
// server refuses the op for good, those rows are written back, so the cache holds the
// server's state again instead of a change that never happened. A later write of the same
// rows that is still queued takes the pre-image over instead (its own pre-image is a state
// the server never had), so what the user did last stays on screen until that one is
// answered too. An acknowledged write forgets its pre-image.
//
// The rows are kept as JSON made and read by SQLite (json_object / json_each), so values
// keep their SQL types exactly.
namespace undo {

// Rows of one table that a write changes.
struct Rows
{
    QString table;
    QStringList keys;      // columns that pick the rows
    QVariantList values;   // their values
    QStringList columns;   // columns written back; derived ones (counts, feed flags) stay out
    // false: keys are the primary key (one row, or none: the write creates it and a refusal
    // deletes it again). true: keys pick a set of rows that is written back as a whole
    // (hashtag rows of an item); columns are then every column of those rows.
    bool set = false;
};

QList<const char *> migration();

// Records `rows` as they are now for `op`; an error text, empty when fine.
QString capture(Statements &sql, const QString &op, const Rows &rows);
// The server refused `op` (its outbox row at `ord`): each of its pre-images goes to the next
// queued write of the same rows, or back into its table. The number written back.
Result<int> revert(Statements &sql, const QString &op, qint64 ord);
// The op is settled: its pre-images go.
Result<bool> forget(Statements &sql, const QString &op);

} // namespace undo
} // namespace plein::client
