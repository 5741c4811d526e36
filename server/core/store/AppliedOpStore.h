#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace plein::server {

class Database;

// applied_ops: the result of every write a user's op made, so that the same op sent again
// gets the same answer and writes nothing.
class AppliedOpStore
{
public:
    explicit AppliedOpStore(Database &db) : m_db(db) {}

    // The stored result (JSON text of the ack body), if this user applied this op before.
    std::optional<QByteArray> find(const QString &userId, const QString &op);
    bool insert(const QString &userId, const QString &op, const QByteArray &result, qint64 at);

private:
    Database &m_db;
};

} // namespace plein::server
