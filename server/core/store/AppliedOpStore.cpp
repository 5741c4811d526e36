#include "store/AppliedOpStore.h"

#include "store/Database.h"

namespace plein::server {

std::optional<QByteArray> AppliedOpStore::find(const QString &userId, const QString &op)
{
    Stmt s(m_db, QStringLiteral("SELECT result FROM applied_ops WHERE user_id = ? AND op = ?"));
    s.bind(userId).bind(op);
    if (!s.exec() || !s.next())
        return std::nullopt;
    return s.value(0).toString().toUtf8();
}

bool AppliedOpStore::insert(const QString &userId, const QString &op, const QByteArray &result, qint64 at)
{
    Stmt s(m_db, QStringLiteral("INSERT INTO applied_ops (user_id, op, result, created) VALUES (?, ?, ?, ?)"));
    s.bind(userId).bind(op).bind(QString::fromUtf8(result)).bind(at);
    return s.exec();
}

} // namespace plein::server
