#pragma once

#include "protocol/Error.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace plein::client {

class ChangeApplier;

// Managed news in the replica: the tables (one migration), the appliers of the news change
// kinds, and the reader's writes (read, read-and-understood, comment, react), each a local
// row plus its outbox entry in one transaction, so they work offline and go out once.
namespace newscache {

// The replica migration that creates the news tables.
QList<const char *> migration();
void registerKinds(ChangeApplier &applier);

Result<QString> markRead(const QSqlDatabase &db, const QString &article);
Result<QString> acknowledge(const QSqlDatabase &db, const QString &article);
Result<QString> comment(const QSqlDatabase &db, const QString &article, const QString &text);
Result<QString> react(const QSqlDatabase &db, const QString &article, const QString &reaction, bool on);

} // namespace newscache
} // namespace plein::client
