#include "cache/CacheSql.h"

#include "cache/Statements.h"
#include "protocol/Protocol.h"

#include <QSqlError>

namespace plein::client::cachesql {

Error cacheError(const QString &what, const QSqlQuery &q)
{
    return Error{QStringLiteral("cache"), QStringLiteral("%1: %2").arg(what, q.lastError().text())};
}

Error badChange(const protocol::Change &c, const QString &why)
{
    return Error{QLatin1String(protocol::code::BadRequest),
                 QStringLiteral("change %1 (%2 %3): %4").arg(c.seq).arg(c.kind, c.id, why)};
}

Result<bool> run(Statements &sql, const QString &text, const QVariantList &values, const QString &what, bool *changed)
{
    bool ok = false;
    QSqlQuery &q = sql.exec(text, values, &ok);
    if (!ok)
        return cacheError(what, q);
    if (changed)
        *changed = q.numRowsAffected() > 0;
    q.finish();
    return true;
}

} // namespace plein::client::cachesql
