#pragma once

#include "model/Types.h"
#include "protocol/Error.h"
#include "protocol/Messages.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace plein::server {

class AppliedOpStore;
class Database;

// A write handler validates the body, checks the user may write, and writes the entity and
// its change(s), all inside the transaction Writer opened. It answers the ack to send, or
// an Error (the transaction is then rolled back, so a failed write has no effect).
using WriteHandler =
    std::function<Result<protocol::AckBody>(const Person &actor, const QString &op, const QJsonObject &body)>;

// The write message types and their handlers. Each feature registers its own, so adding a
// feature does not touch the connection code.
class WriteHandlers
{
public:
    void add(const QString &type, WriteHandler handler) { m_handlers.insert(type, std::move(handler)); }
    const WriteHandler *find(const QString &type) const
    {
        auto it = m_handlers.constFind(type);
        return it == m_handlers.constEnd() ? nullptr : &it.value();
    }

private:
    QHash<QString, WriteHandler> m_handlers;
};

// Runs one write exactly once per (user, op): a replayed op gets the stored ack and writes
// nothing; a new one runs its handler and records the ack as the applied op in the same
// transaction as the entity and its change.
class Writer
{
public:
    Writer(Database &db, AppliedOpStore &ops) : m_db(db), m_ops(ops) {}

    struct Outcome
    {
        protocol::AckBody ack;
        bool replayed = false;
    };
    Result<Outcome> apply(const Person &actor, const QString &op, const QJsonObject &body, const WriteHandler &handler);

private:
    Database &m_db;
    AppliedOpStore &m_ops;
};

} // namespace plein::server
