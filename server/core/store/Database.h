#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <unordered_map>

namespace plein::server {

// The server's store: DIR/plein.sqlite in WAL mode, its schema brought up to date by the
// numbered migrations in Schema.cpp (PRAGMA user_version), and a cache of prepared
// statements so that each statement is compiled once per connection.
//
// The SQL here and in the stores is kept to what PostgreSQL also accepts where that costs
// nothing; the pragmas, BEGIN IMMEDIATE and the AUTOINCREMENT key are the SQLite-specific
// parts a second backend would replace.
class Database
{
public:
    static constexpr int Latest = -1;

    // connectionName must be unique per open database in the process.
    explicit Database(const QString &connectionName = QStringLiteral("plein-server"));
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating when needed) dataDir/plein.sqlite and migrates it to `version`
    // (Latest, or a lower number for tests of the migrations themselves). False with
    // *error set when the directory is not writable, the file is not a database, or the
    // schema is newer than this program knows.
    bool open(const QString &dataDir, QString *error = nullptr, int version = Latest);
    void close();
    bool isOpen() const;

    QString filePath() const { return m_path; }
    int schemaVersion();
    static int latestSchemaVersion();

    // A prepared statement for `sql`, compiled on first use and reused afterwards. Bind
    // values, exec(), read, then call finish() (Stmt does that for you).
    QSqlQuery &prepared(const QString &sql);
    // Runs one statement that needs no binding (DDL, pragmas, BEGIN/COMMIT).
    bool exec(const QString &sql, QString *error = nullptr);

    // BEGIN IMMEDIATE: takes the write lock up front, so a transaction that reads and
    // then writes cannot fail half-way on a lock held by another process.
    bool begin();
    bool commit();
    void rollback();
    bool inTransaction() const { return m_inTransaction; }

    QSqlDatabase handle() const;

private:
    bool migrate(int target, QString *error);

    QString m_connectionName;
    QString m_path;
    // Node-based, so a Stmt's reference stays valid while code it calls prepares others.
    std::unordered_map<QString, QSqlQuery> m_statements;
    bool m_inTransaction = false;
};

// Rolls back unless commit() was called: every early return inside a write leaves the
// database as it was.
class Transaction
{
public:
    explicit Transaction(Database &db) : m_db(db), m_ok(db.begin()) {}
    ~Transaction()
    {
        if (m_ok && !m_done)
            m_db.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    bool ok() const { return m_ok; }
    bool commit()
    {
        m_done = true;
        return m_ok && m_db.commit();
    }

private:
    Database &m_db;
    bool m_ok = false;
    bool m_done = false;
};

// Runs a prepared statement and finishes it on scope exit, so no read cursor stays open.
class Stmt
{
public:
    Stmt(Database &db, const QString &sql) : m_q(db.prepared(sql)) {}
    ~Stmt() { m_q.finish(); }
    Stmt(const Stmt &) = delete;
    Stmt &operator=(const Stmt &) = delete;

    // A null QString binds as an empty string; pass QVariant() for SQL NULL.
    Stmt &bind(const QVariant &v)
    {
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            m_q.bindValue(m_index++, QStringLiteral(""));
        else
            m_q.bindValue(m_index++, v);
        return *this;
    }
    bool exec();
    bool next() { return m_q.next(); }
    QVariant value(int i) const { return m_q.value(i); }
    QSqlQuery &query() { return m_q; }

private:
    QSqlQuery &m_q;
    int m_index = 0;
};

} // namespace plein::server
