#include "cache/Transaction.h"

#include "Logging.h"

#include <QSqlError>
#include <QSqlQuery>

namespace plein::client {

Transaction::Transaction(const QSqlDatabase &db) : m_db(db)
{
    m_active = run(QStringLiteral("BEGIN IMMEDIATE"));
}

Transaction::~Transaction()
{
    if (m_active)
        rollback();
}

bool Transaction::commit()
{
    if (!m_active)
        return false;
    if (!run(QStringLiteral("COMMIT"))) {
        rollback();
        return false;
    }
    m_active = false;
    return true;
}

void Transaction::rollback()
{
    if (!m_active)
        return;
    m_active = false;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcCache) << "rollback failed:" << q.lastError().text();
}

bool Transaction::run(const QString &sql)
{
    QSqlQuery q(m_db);
    if (q.exec(sql))
        return true;
    m_error = q.lastError().text();
    qCWarning(lcCache) << sql << "failed:" << m_error;
    return false;
}

} // namespace plein::client
