#include "cache/Undo.h"

#include "cache/CacheSql.h"
#include "cache/Replica.h"
#include "cache/Statements.h"

#include <QSqlError>
#include <QSqlQuery>

namespace plein::client::undo {

namespace {

using cachesql::cacheError;

QString placeholders(qsizetype n)
{
    QStringList marks;
    for (qsizetype i = 0; i < n; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

QString matching(const QStringList &keys)
{
    QStringList terms;
    for (const QString &k : keys)
        terms.append(k + QStringLiteral(" = ?"));
    return terms.join(QStringLiteral(" AND "));
}

struct Entry
{
    qint64 id = 0;
    QString table;
    QStringList keys;
    QStringList columns;
    bool set = false;
};

// One column of every captured row (SQLite reads the JSON, so types stay as stored).
Result<QList<QVariantList>> capturedRows(Statements &sql, const Entry &e)
{
    QStringList extracts;
    for (const QString &c : e.columns)
        extracts.append(QStringLiteral("json_extract(j.value, '$.%1')").arg(c));
    bool ok = false;
    QSqlQuery &q = sql.exec(QStringLiteral("SELECT %1 FROM outbox_undo u, json_each(u.rows) j WHERE u.id = ? ORDER BY j.key")
                                .arg(extracts.join(QStringLiteral(", "))),
                            {QVariant::fromValue(e.id)}, &ok);
    if (!ok)
        return cacheError(QStringLiteral("pre-image of %1").arg(e.table), q);
    QList<QVariantList> rows;
    while (q.next()) {
        QVariantList row;
        for (int i = 0; i < e.columns.size(); ++i)
            row.append(q.value(i));
        rows.append(row);
    }
    q.finish();
    return rows;
}

Result<QVariantList> keyValues(Statements &sql, const Entry &e)
{
    bool ok = false;
    QSqlQuery &q = sql.exec(QStringLiteral("SELECT j.value FROM outbox_undo u, json_each(u.vals) j WHERE u.id = ? ORDER BY j.key"),
                            {QVariant::fromValue(e.id)}, &ok);
    if (!ok)
        return cacheError(QStringLiteral("pre-image of %1").arg(e.table), q);
    QVariantList values;
    while (q.next())
        values.append(q.value(0));
    q.finish();
    return values;
}

using cachesql::run;

// Writes one pre-image back into its table.
Result<bool> restore(Statements &sql, const Entry &e)
{
    auto keys = keyValues(sql, e);
    if (!keys)
        return keys.error();
    auto rows = capturedRows(sql, e);
    if (!rows)
        return rows.error();
    const QString where = matching(e.keys);
    if (e.set || rows->isEmpty()) {
        auto r = run(sql, QStringLiteral("DELETE FROM %1 WHERE %2").arg(e.table, where), keys.value(), e.table);
        if (!r || !e.set)
            return r;
        for (const QVariantList &row : rows.value()) {
            r = run(sql,
                    QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                        .arg(e.table, e.columns.join(QStringLiteral(", ")), placeholders(e.columns.size())),
                    row, e.table);
            if (!r)
                return r;
        }
        return true;
    }
    // An UPDATE (not a replace) so the table's triggers (full-text index, feed flags) follow.
    QStringList assignments;
    for (const QString &c : e.columns)
        assignments.append(c + QStringLiteral(" = ?"));
    bool changed = false;
    auto r = run(sql, QStringLiteral("UPDATE %1 SET %2 WHERE %3").arg(e.table, assignments.join(QStringLiteral(", ")), where),
                 rows->constFirst() + keys.value(), e.table, &changed);
    if (!r || changed)
        return r;
    const QStringList all = e.keys + e.columns;
    return run(sql,
               QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                   .arg(e.table, all.join(QStringLiteral(", ")), placeholders(all.size())),
               keys.value() + rows->constFirst(), e.table);
}

} // namespace

QList<const char *> migration()
{
    return {
        // IF NOT EXISTS: a test may step a new replica back to an older version and migrate it
        // again. Pre-images of queued writes (see Undo.h). keys/cols: column names, comma-separated;
        // vals: the key values and rows: the captured rows, as JSON made by SQLite.
        "CREATE TABLE IF NOT EXISTS outbox_undo (id INTEGER PRIMARY KEY, op TEXT NOT NULL, tbl TEXT NOT NULL, keys TEXT NOT NULL,"
        " vals TEXT NOT NULL, cols TEXT NOT NULL, is_set INTEGER NOT NULL, rows TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS outbox_undo_by_op ON outbox_undo (op)",
        "CREATE INDEX IF NOT EXISTS outbox_undo_by_rows ON outbox_undo (tbl, vals)",
        // Server changes held back behind a queued write of the same entity
        // (ChangeApplier::addGuard): applied after all if that write is refused.
        "CREATE TABLE IF NOT EXISTS held_changes (id INTEGER PRIMARY KEY, entity_id TEXT NOT NULL, seq INTEGER NOT NULL,"
        " frame TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS held_changes_by_entity ON held_changes (entity_id, seq)",
        // Writes acknowledged before their change arrived: older copies of the entity lose to
        // them. Forgotten once the cursor passes the ack's seq.
        "CREATE TABLE IF NOT EXISTS outbox_acked (op TEXT PRIMARY KEY, entity_id TEXT NOT NULL, type TEXT NOT NULL,"
        " seq INTEGER NOT NULL) WITHOUT ROWID",
        "CREATE INDEX IF NOT EXISTS outbox_acked_by_entity ON outbox_acked (entity_id)",
    };
}

QString capture(Statements &sql, const QString &op, const Rows &rows)
{
    QStringList fields;
    for (const QString &c : rows.columns)
        fields.append(QStringLiteral("'%1', %1").arg(c));
    QVariantList values{op, rows.table, rows.keys.join(QLatin1Char(',')), rows.columns.join(QLatin1Char(',')),
                        rows.set ? 1 : 0};
    values += rows.values;   // json_array(...)
    values += rows.values;   // WHERE
    bool ok = false;
    QSqlQuery &q = sql.exec(
        QStringLiteral("INSERT INTO outbox_undo (op, tbl, keys, cols, is_set, vals, rows)"
                       " SELECT ?, ?, ?, ?, ?, json_array(%1), json_group_array(json_object(%2)) FROM %3 WHERE %4")
            .arg(placeholders(rows.values.size()), fields.join(QStringLiteral(", ")), rows.table, matching(rows.keys)),
        values, &ok);
    const QString error = ok ? QString() : q.lastError().text();
    q.finish();
    return error;
}

Result<int> revert(Statements &sql, const QString &op, qint64 ord)
{
    bool ok = false;
    QSqlQuery &q = sql.exec(QStringLiteral("SELECT id, tbl, keys, cols, is_set FROM outbox_undo WHERE op = ? ORDER BY id"),
                            {op}, &ok);
    if (!ok)
        return cacheError(QStringLiteral("pre-images of %1").arg(op), q);
    QList<Entry> entries;
    while (q.next())
        entries.append(Entry{q.value(0).toLongLong(), q.value(1).toString(),
                             q.value(2).toString().split(QLatin1Char(','), Qt::SkipEmptyParts),
                             q.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts), q.value(4).toInt() != 0});
    q.finish();
    int restored = 0;
    for (const Entry &e : entries) {
        // A later write of the same rows still queued: it now stands on the server's state.
        QSqlQuery &later = sql.exec(
            QStringLiteral("SELECT u.id FROM outbox_undo u JOIN outbox o ON o.op = u.op, outbox_undo f"
                           " WHERE f.id = ? AND u.tbl = f.tbl AND u.vals = f.vals AND u.id <> f.id AND o.state = ?"
                           " AND o.ord > ? ORDER BY o.ord LIMIT 1"),
            {QVariant::fromValue(e.id), rowstate::Pending, QVariant::fromValue(ord)}, &ok);
        if (!ok)
            return cacheError(QStringLiteral("pre-images of %1").arg(op), later);
        const qint64 next = later.next() ? later.value(0).toLongLong() : 0;
        later.finish();
        if (next != 0) {
            auto r = run(sql,
                         QStringLiteral("UPDATE outbox_undo SET (cols, is_set, rows) ="
                                        " (SELECT cols, is_set, rows FROM outbox_undo WHERE id = ?) WHERE id = ?"),
                         {QVariant::fromValue(e.id), QVariant::fromValue(next)}, e.table);
            if (!r)
                return r.error();
            continue;
        }
        auto r = restore(sql, e);
        if (!r)
            return r.error();
        ++restored;
    }
    auto f = forget(sql, op);
    if (!f)
        return f.error();
    return restored;
}

Result<bool> forget(Statements &sql, const QString &op)
{
    return run(sql, QStringLiteral("DELETE FROM outbox_undo WHERE op = ?"), {op}, QStringLiteral("pre-images of %1").arg(op));
}

} // namespace plein::client::undo
