#include "cache/LocalWrite.h"

#include "cache/Outbox.h"
#include "cache/Replica.h"
#include "cache/Statements.h"
#include "cache/Transaction.h"
#include "model/Ids.h"
#include "protocol/Protocol.h"

namespace plein::client::localwrite {

namespace {

Error cacheError(const QString &message)
{
    return Error{QStringLiteral("cache"), message};
}

} // namespace

Result<QString> me(const QSqlDatabase &db)
{
    const QString id = Replica::currentUserId(db);
    if (id.isEmpty())
        return Error{QLatin1String(protocol::code::AuthRequired), QStringLiteral("sign in once before writing")};
    return id;
}

Result<QString> record(const QSqlDatabase &db, const char *type, const QString &entity, const QJsonObject &body,
                       const QList<undo::Rows> &touched, const std::function<QString(Statements &)> &local,
                       const QString &op)
{
    const QString id = op.isEmpty() ? ids::create() : op;
    Transaction tx(db);
    if (!tx.isActive())
        return cacheError(tx.error());
    {
        Statements sql(db);
        for (const undo::Rows &rows : touched)
            if (const QString e = undo::capture(sql, id, rows); !e.isEmpty())
                return cacheError(e);
        if (local)
            if (const QString e = local(sql); !e.isEmpty())
                return cacheError(e);
    }   // its statements end before the commit
    QString error;
    if (!Outbox::enqueue(db, QLatin1String(type), id, entity, body, &error))
        return cacheError(error);
    if (!tx.commit())
        return cacheError(tx.error());
    return id;
}

} // namespace plein::client::localwrite
