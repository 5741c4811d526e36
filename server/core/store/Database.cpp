#include "store/Database.h"

#include "Logging.h"
#include "store/Schema.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>

namespace plein::server {

namespace {
void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}
} // namespace

Database::Database(const QString &connectionName) : m_connectionName(connectionName) {}

Database::~Database()
{
    close();
}

int Database::latestSchemaVersion()
{
    return migrations().constLast().version;
}

bool Database::open(const QString &dataDir, QString *error, int version)
{
    close();
    if (dataDir.isEmpty()) {
        setError(error, QStringLiteral("no data directory given"));
        return false;
    }
    const QFileInfo dirInfo(dataDir);
    if (dirInfo.exists() && !dirInfo.isDir()) {
        setError(error, QStringLiteral("data directory %1 is not a directory").arg(dataDir));
        return false;
    }
    if (!QDir().mkpath(dataDir)) {
        setError(error, QStringLiteral("cannot create data directory %1").arg(dataDir));
        return false;
    }
    if (!QFileInfo(dataDir).isWritable()) {
        setError(error, QStringLiteral("data directory %1 is not writable").arg(dataDir));
        return false;
    }
    m_path = QDir(dataDir).absoluteFilePath(QStringLiteral("plein.sqlite"));

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        setError(error, QStringLiteral("cannot open %1: %2").arg(m_path, db.lastError().text()));
        db = QSqlDatabase();
        close();
        return false;
    }
    db = QSqlDatabase();

    // WAL lets readers (sync streams, other processes such as `user add`) run beside the
    // writer; NORMAL is durable across process crashes in WAL mode and loses at most the
    // last transactions on power loss, which a client then resends by op id.
    QString pragmaError;
    QSqlQuery wal(handle());
    if (!wal.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !wal.next()
        || wal.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        setError(error, QStringLiteral("cannot use %1 as a database: %2").arg(m_path, wal.lastError().text()));
        wal = QSqlQuery();
        close();
        return false;
    }
    wal = QSqlQuery();
    if (!exec(QStringLiteral("PRAGMA synchronous=NORMAL"), &pragmaError)
        || !exec(QStringLiteral("PRAGMA foreign_keys=ON"), &pragmaError)
        || !exec(QStringLiteral("PRAGMA busy_timeout=5000"), &pragmaError)) {
        setError(error, QStringLiteral("cannot configure %1: %2").arg(m_path, pragmaError));
        close();
        return false;
    }

    const int target = version == Latest ? latestSchemaVersion() : version;
    if (!migrate(target, error)) {
        close();
        return false;
    }
    return true;
}

void Database::close()
{
    m_statements.clear();
    m_inTransaction = false;
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool Database::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && handle().isOpen();
}

QSqlDatabase Database::handle() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion()
{
    QSqlQuery q(handle());
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return -1;
    return q.value(0).toInt();
}

bool Database::migrate(int target, QString *error)
{
    const int current = schemaVersion();
    if (current < 0) {
        setError(error, QStringLiteral("cannot read the schema version of %1").arg(m_path));
        return false;
    }
    if (current > latestSchemaVersion()) {
        setError(error, QStringLiteral("%1 has schema version %2, newer than this plein-server knows (%3)")
                            .arg(m_path)
                            .arg(current)
                            .arg(latestSchemaVersion()));
        return false;
    }
    for (const Migration &m : migrations()) {
        if (m.version <= current || m.version > target)
            continue;
        if (!begin()) {
            setError(error, QStringLiteral("cannot start migration %1").arg(m.version));
            return false;
        }
        QString stepError;
        bool ok = true;
        for (const QString &sql : m.statements) {
            if (!exec(sql, &stepError)) {
                ok = false;
                break;
            }
        }
        ok = ok && exec(QStringLiteral("PRAGMA user_version=%1").arg(m.version), &stepError);
        if (!ok || !commit()) {
            rollback();
            setError(error, QStringLiteral("migration %1 (%2) failed: %3").arg(m.version).arg(m.description, stepError));
            return false;
        }
        qCInfo(lcStore, "migrated %s to schema version %d: %s", qPrintable(m_path), m.version,
               qPrintable(m.description));
    }
    return true;
}

QSqlQuery &Database::prepared(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery q(handle());
        if (!q.prepare(sql))
            qCCritical(lcStore, "cannot prepare [%s]: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        it = m_statements.emplace(sql, q).first;
    }
    return it->second;
}

bool Database::exec(const QString &sql, QString *error)
{
    QSqlQuery q(handle());
    if (!q.exec(sql)) {
        setError(error, q.lastError().text());
        qCWarning(lcStore, "[%s] failed: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return false;
    }
    return true;
}

bool Database::begin()
{
    if (m_inTransaction) {
        qCCritical(lcStore, "nested transaction refused");
        return false;
    }
    m_inTransaction = exec(QStringLiteral("BEGIN IMMEDIATE"));
    return m_inTransaction;
}

bool Database::commit()
{
    if (!m_inTransaction)
        return false;
    if (!exec(QStringLiteral("COMMIT"))) {
        // A failed COMMIT leaves the transaction open; end it so the next write can start.
        rollback();
        return false;
    }
    m_inTransaction = false;
    return true;
}

void Database::rollback()
{
    if (!m_inTransaction)
        return;
    exec(QStringLiteral("ROLLBACK"));
    m_inTransaction = false;
}

bool Stmt::exec()
{
    if (!m_q.exec()) {
        qCWarning(lcStore, "[%s] failed: %s", qPrintable(m_q.lastQuery()), qPrintable(m_q.lastError().text()));
        return false;
    }
    return true;
}

} // namespace plein::server
