#pragma once

#include "cache/Undo.h"
#include "protocol/Error.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace plein::client {

class Statements;

// What every optimistic write of the features shares: the user's change goes into the
// replica at once and its frame into the outbox, in one transaction, together with the
// pre-images of the rows it changes (cache/Undo.h), so a refusal can put them back.
namespace localwrite {

// The signed-in user's id, or auth_required before the first sign-in.
Result<QString> me(const QSqlDatabase &db);

// Records the pre-images of `touched`, runs `local` (an error text, empty when fine; may be
// empty) and queues `body` as a `type` write of `entity`. The op: `op`, or a new one.
Result<QString> record(const QSqlDatabase &db, const char *type, const QString &entity, const QJsonObject &body,
                       const QList<undo::Rows> &touched, const std::function<QString(Statements &)> &local,
                       const QString &op = {});

} // namespace localwrite
} // namespace plein::client
