#include "cache/Statements.h"

#include "Logging.h"

#include <QSqlError>

namespace plein::client {

QSqlQuery &Statements::exec(const QString &sql, const QVariantList &values, bool *ok)
{
    auto it = m_queries.find(sql);
    if (it == m_queries.end()) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            qCWarning(lcCache) << "cannot prepare" << sql << q.lastError().text();
        it = m_queries.insert(sql, q);
    }
    QSqlQuery &q = it.value();
    q.finish();  // a SELECT left open would hold its read snapshot
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values.at(i));
    *ok = q.exec();
    if (!*ok)
        qCWarning(lcCache) << "statement failed:" << q.lastError().text() << sql;
    return q;
}

} // namespace plein::client
