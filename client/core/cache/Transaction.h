#pragma once

#include <QSqlDatabase>
#include <QString>

namespace plein::client {

// BEGIN IMMEDIATE ... COMMIT on one connection; rolls back unless commit() succeeded.
// IMMEDIATE takes the write lock up front, so two writers (the sync thread and the UI's
// local writes) wait on busy_timeout instead of failing half-way with SQLITE_BUSY.
class Transaction
{
public:
    explicit Transaction(const QSqlDatabase &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool isActive() const { return m_active; }
    bool commit();
    void rollback();
    QString error() const { return m_error; }

private:
    bool run(const QString &sql);

    QSqlDatabase m_db;
    bool m_active = false;
    QString m_error;
};

} // namespace plein::client
