#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace plein::client {

// Prepared statements of one connection, each prepared once and reused. Must be destroyed
// (or clear()ed) before its connection is removed.
class Statements
{
public:
    explicit Statements(const QSqlDatabase &db) : m_db(db) {}

    // Binds values by position and executes; check the result and lastError() on the query.
    QSqlQuery &exec(const QString &sql, const QVariantList &values, bool *ok);
    void clear() { m_queries.clear(); }
    // The SQL of every statement prepared so far (tests check their query plans).
    QStringList sqlTexts() const { return m_queries.keys(); }
    QSqlDatabase database() const { return m_db; }

private:
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery> m_queries;
};

} // namespace plein::client
