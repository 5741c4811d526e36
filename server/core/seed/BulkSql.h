#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace plein::server {

class Database;

// The bulk seed's direct line to SQLite: statements prepared once and stepped a million
// times with UTF-8 text bound in place. Through QtSql every row costs QVariants, UTF-16
// copies and a re-encode to UTF-8 inside SQLite: more CPU than the B-tree inserts
// themselves. Same connection as the Database (its transactions apply).
class BulkStatement
{
public:
    BulkStatement(sqlite3 *db, const char *sql);
    ~BulkStatement();
    BulkStatement(const BulkStatement &) = delete;
    BulkStatement &operator=(const BulkStatement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    // Parameters are numbered from 1 in the order of the SQL's '?'. The text must stay
    // alive until step().
    BulkStatement &bind(int index, qint64 value);
    BulkStatement &bind(int index, QByteArrayView utf8);
    BulkStatement &bindNull(int index);
    // Runs the statement and makes it ready for the next row.
    bool step();
    QString error() const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

// Bulk-load settings on a fresh database, undone by restore(): no foreign-key lookups (the
// generator only refers to rows it wrote), a rollback journal in memory instead of the WAL
// (each page written once), and the secondary indexes of `tables` dropped, to be built
// once, sorted, at the end instead of row by row in random order.
class BulkLoad
{
public:
    BulkLoad(Database &db, const QStringList &tables);
    sqlite3 *handle() const { return m_handle; }
    // Recreates the indexes and puts the settings back. False when that failed.
    bool restore();

private:
    Database &m_db;
    sqlite3 *m_handle = nullptr;
    QList<QPair<QString, QString>> m_indexes;   // name, CREATE INDEX statement
    bool m_walOff = false;
};

} // namespace plein::server
