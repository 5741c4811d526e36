#include "sync/ChangeLog.h"

#include "Logging.h"
#include "protocol/Json.h"
#include "store/Database.h"

namespace plein::server {

qint64 ChangeLog::append(const ChangeRecord &c, qint64 at)
{
    qint64 seq = 0;
    {
        Stmt s(m_db, QStringLiteral("INSERT INTO changes (audience, kind, entity, op, deleted, payload, created)"
                                    " VALUES (?, ?, ?, ?, ?, ?, ?)"));
        s.bind(c.audience)
            .bind(c.kind)
            .bind(c.entity)
            .bind(c.op.isEmpty() ? QVariant() : QVariant(c.op))
            .bind(c.deleted ? 1 : 0)
            .bind(QString::fromUtf8(protocol::toJsonText(c.data)))
            .bind(at);
        if (!s.exec())
            return 0;
        seq = s.query().lastInsertId().toLongLong();
    }
    // The statement is finished first: the observer may append (and so reuse it) itself.
    if (m_observing && m_observer && !m_observer(c, seq, at))
        return 0;
    return seq;
}

qint64 ChangeLog::head()
{
    Stmt s(m_db, QStringLiteral("SELECT MAX(seq) FROM changes"));
    if (!s.exec() || !s.next())
        return 0;
    return s.value(0).toLongLong();
}

QList<protocol::Change> ChangeLog::read(qint64 after, qint64 upTo, const QStringList &audiences, int limit)
{
    return read(after, upTo, audiences, limit, {});
}

QList<protocol::Change> ChangeLog::read(qint64 after, qint64 upTo, const QStringList &audiences, int limit,
                                        const QHash<QString, qint64> &floors)
{
    QList<protocol::Change> out;
    if (audiences.isEmpty() || upTo <= after)
        return out;
    // Live: one read of the range for all streams. Not inside a transaction, whose rows
    // might still be rolled back and their seqs reused.
    if (upTo - after <= LiveWindow && !m_db.inTransaction()
        && ((after >= m_windowFrom && upTo <= m_windowTo) || loadWindow(after, upTo))) {
        for (const Row &r : std::as_const(m_window)) {
            if (r.change.seq <= after || r.change.seq > upTo)
                continue;
            if (!audiences.contains(r.audience) || r.change.seq <= floors.value(r.audience, 0))
                continue;
            out.append(r.change);
            if (out.size() >= limit)
                break;
        }
        return out;
    }
    // One ordered, limited index range per audience, merged: each branch stops after
    // `limit` rows, so a batch costs the same at the start and at the end of a huge log.
    // (A single "audience IN (...) ORDER BY seq" makes SQLite sort every remaining row.)
    // Plain SQL that PostgreSQL reads the same way; one statement per audience count.
    QStringList branches;
    for (qsizetype i = 0; i < audiences.size(); ++i)
        branches.append(QStringLiteral("SELECT * FROM (SELECT seq, kind, entity, op, deleted, payload FROM changes"
                                       " WHERE audience = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?) AS a%1")
                            .arg(i));
    Stmt s(m_db, branches.join(QStringLiteral(" UNION ALL ")) + QStringLiteral(" ORDER BY seq LIMIT ?"));
    for (const QString &a : audiences)
        s.bind(a).bind(qMax(after, floors.value(a, 0))).bind(upTo).bind(limit);
    s.bind(limit);
    if (!s.exec())
        return out;
    out.reserve(limit);
    while (s.next()) {
        protocol::Change c;
        c.seq = s.value(0).toLongLong();
        c.kind = s.value(1).toString();
        c.id = s.value(2).toString();
        c.op = s.value(3).toString();
        c.deleted = s.value(4).toInt() != 0;
        const auto data = protocol::objectFromJsonText(s.value(5).toString().toUtf8());
        if (!data)
            qCWarning(lcSync, "change %lld has an unreadable payload", c.seq);
        c.data = data.value_or(QJsonObject());
        out.append(std::move(c));
    }
    return out;
}

bool ChangeLog::loadWindow(qint64 after, qint64 upTo)
{
    // The primary key range: no sort, no audience index.
    Stmt s(m_db, QStringLiteral("SELECT seq, kind, entity, op, deleted, payload, audience FROM changes"
                                " WHERE seq > ? AND seq <= ? ORDER BY seq"));
    s.bind(after).bind(upTo);
    if (!s.exec())
        return false;
    m_window.clear();
    while (s.next()) {
        Row r;
        r.change.seq = s.value(0).toLongLong();
        r.change.kind = s.value(1).toString();
        r.change.id = s.value(2).toString();
        r.change.op = s.value(3).toString();
        r.change.deleted = s.value(4).toInt() != 0;
        const auto data = protocol::objectFromJsonText(s.value(5).toString().toUtf8());
        if (!data)
            qCWarning(lcSync, "change %lld has an unreadable payload", r.change.seq);
        r.change.data = data.value_or(QJsonObject());
        r.audience = s.value(6).toString();
        m_window.append(std::move(r));
    }
    m_windowFrom = after;
    m_windowTo = upTo;
    return true;
}

} // namespace plein::server
