#include "seed/BulkSql.h"

#include "Logging.h"
#include "store/Database.h"

#include <QSqlDriver>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

namespace plein::server {

BulkStatement::BulkStatement(sqlite3 *db, const char *sql) : m_db(db)
{
    if (db && sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr) != SQLITE_OK) {
        qCWarning(lcSeed, "cannot prepare %s: %s", sql, sqlite3_errmsg(db));
        m_stmt = nullptr;
    }
}

BulkStatement::~BulkStatement()
{
    sqlite3_finalize(m_stmt);
}

BulkStatement &BulkStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

BulkStatement &BulkStatement::bind(int index, QByteArrayView utf8)
{
    sqlite3_bind_text(m_stmt, index, utf8.data(), int(utf8.size()), SQLITE_STATIC);
    return *this;
}

BulkStatement &BulkStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

bool BulkStatement::step()
{
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    if (rc != SQLITE_DONE) {
        qCWarning(lcSeed, "insert failed: %s", sqlite3_errmsg(m_db));
        return false;
    }
    return true;
}

QString BulkStatement::error() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

BulkLoad::BulkLoad(Database &db, const QStringList &tables) : m_db(db)
{
    const QVariant h = db.handle().driver()->handle();
    if (h.isValid() && qstrcmp(h.typeName(), "sqlite3*") == 0)
        m_handle = *static_cast<sqlite3 *const *>(h.data());
    db.exec(QStringLiteral("PRAGMA foreign_keys=OFF"));
    {
        QSqlQuery q(db.handle());
        m_walOff = q.exec(QStringLiteral("PRAGMA journal_mode=MEMORY")) && q.next()
                   && q.value(0).toString().compare(QLatin1String("memory"), Qt::CaseInsensitive) == 0;
    }
    QSqlQuery q(db.handle());
    q.prepare(QStringLiteral("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = ?"));
    for (const QString &table : tables) {
        q.addBindValue(table);
        if (!q.exec())
            continue;
        while (q.next())
            m_indexes.append({q.value(0).toString(), q.value(1).toString()});
    }
    q.finish();
    for (const auto &[name, sql] : std::as_const(m_indexes))
        db.exec(QStringLiteral("DROP INDEX %1").arg(name));
}

bool BulkLoad::restore()
{
    bool ok = true;
    for (const auto &[name, sql] : std::as_const(m_indexes)) {
        QString error;
        if (!m_db.exec(sql, &error)) {
            qCWarning(lcSeed, "cannot recreate index %s: %s", qPrintable(name), qPrintable(error));
            ok = false;
        }
    }
    m_indexes.clear();
    if (m_walOff) {
        QSqlQuery q(m_db.handle());
        ok = q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) && ok;
        m_walOff = false;
    }
    m_db.exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    return ok;
}

} // namespace plein::server
