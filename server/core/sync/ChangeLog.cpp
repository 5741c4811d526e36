#include "sync/ChangeLog.h"

#include "Logging.h"
#include "protocol/Json.h"
#include "store/Database.h"

namespace plein::server {

qint64 ChangeLog::append(const ChangeRecord &c, qint64 at)
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
    return s.query().lastInsertId().toLongLong();
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
    QList<protocol::Change> out;
    if (audiences.isEmpty() || upTo <= after)
        return out;
    // One statement per audience count; the count is small and fixed per kind of user.
    QString placeholders = QStringLiteral("?");
    for (qsizetype i = 1; i < audiences.size(); ++i)
        placeholders += QStringLiteral(", ?");
    Stmt s(m_db, QStringLiteral("SELECT seq, kind, entity, op, deleted, payload FROM changes"
                                " WHERE seq > ? AND seq <= ? AND audience IN (%1) ORDER BY seq LIMIT ?")
                     .arg(placeholders));
    s.bind(after).bind(upTo);
    for (const QString &a : audiences)
        s.bind(a);
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

} // namespace plein::server
