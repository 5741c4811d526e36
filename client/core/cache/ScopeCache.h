#pragma once

#include "protocol/Error.h"
#include "protocol/Messages.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace plein::client {

class ChangeApplier;
class Statements;

// The client half of scoped audiences (see "Scoped audiences" in docs/architecture.md).
//
// Replica tables: `scopes` (the scopes I am a member of, with what `history` has fetched)
// and `scope_members` (who is in each). A feature that keeps rows of a scope gives its
// table a `scope` column: leaving the scope purges every such table, found by that column,
// with no registration. Rows of a scope may arrive as pages (`scope.snapshot`,
// `history.page`) whose seqs lie below the cursor, so a feature's kind applier upserts with
// a guard on the row's own seq ("... ON CONFLICT DO UPDATE ... WHERE excluded.seq >= seq").
namespace scopecache {

// Registers the `scope` and `member` kinds on the applier.
void registerKinds(ChangeApplier &applier);
// Deletes every row of `scope` from every replica table with a `scope` column.
Result<bool> purge(Statements &sql, const QString &scope);
// Records how far back `scope` has been fetched (keeps the oldest key seen).
Result<bool> notePage(Statements &sql, const QString &scope, qint64 oldest, bool more, bool snapshot);

struct HistoryState
{
    bool member = false;
    qint64 oldest = 0;   // pass as `before` for the next older page
    bool more = false;   // the server has older items
};
HistoryState historyState(const QSqlDatabase &db, const QString &scope);
QStringList myScopes(const QSqlDatabase &db, const QString &prefix = {});

} // namespace scopecache
} // namespace plein::client
