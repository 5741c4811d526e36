#pragma once

#include "protocol/Error.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace plein::client {

class ChangeApplier;

// Groups in the replica: the tables (one migration), the appliers of `group`,
// `group_post` and `group_request`, and the user's group writes (local row where there is
// one, plus the outbox entry, in one transaction).
//
// Rows that belong to a group's scope (its posts, and the settings of a secret group) carry
// `scope`, so leaving purges them; an open or closed group stays in the directory.
namespace groupcache {

QList<const char *> migration();
void registerKinds(ChangeApplier &applier);

Result<QString> create(const QSqlDatabase &db, const QString &name, const QString &description, const QString &kind,
                       const QString &visibility);
Result<QString> join(const QSqlDatabase &db, const QString &group);
Result<QString> leave(const QSqlDatabase &db, const QString &group);
// role "owner", "member", or empty to remove.
Result<QString> setMember(const QSqlDatabase &db, const QString &group, const QString &user, const QString &role);
Result<QString> post(const QSqlDatabase &db, const QString &group, const QString &text);

} // namespace groupcache
} // namespace plein::client
