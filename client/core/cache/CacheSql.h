#pragma once

#include "protocol/Error.h"
#include "protocol/Messages.h"

#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

namespace plein::client {

class Statements;

// Small pieces every feature cache's appliers and writes share.
namespace cachesql {

inline QVariant v(qint64 n)
{
    return QVariant::fromValue(n);
}

// A statement failed: "what: the driver's message", code "cache".
Error cacheError(const QString &what, const QSqlQuery &q);
// A change the cache cannot take (bad_request), naming its seq, kind and id.
Error badChange(const protocol::Change &c, const QString &why);
// Runs one statement; `changed` (optional) is set to whether it changed a row (an upsert
// guarded by seq changes none for an older copy).
Result<bool> run(Statements &sql, const QString &text, const QVariantList &values, const QString &what,
                 bool *changed = nullptr);

} // namespace cachesql
} // namespace plein::client
