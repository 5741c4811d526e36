#include "sync/Writer.h"

#include "Logging.h"
#include "model/Ids.h"
#include "protocol/Json.h"
#include "protocol/Protocol.h"
#include "store/AppliedOpStore.h"
#include "store/Database.h"

namespace plein::server {

namespace {
Error internal(const QString &message)
{
    return Error{QLatin1String(protocol::code::Internal), message};
}

std::optional<protocol::AckBody> storedAck(const QByteArray &text)
{
    const auto o = protocol::objectFromJsonText(text);
    if (!o)
        return std::nullopt;
    auto ack = protocol::decode<protocol::AckBody>(*o);
    if (!ack)
        return std::nullopt;
    return ack.value();
}
} // namespace

Result<Writer::Outcome> Writer::apply(const Person &actor, const QString &op, const QJsonObject &body,
                                      const WriteHandler &handler)
{
    if (auto prior = m_ops.find(actor.id, op)) {
        auto ack = storedAck(*prior);
        if (!ack)
            return internal(QStringLiteral("the stored result of this op is unreadable"));
        return Outcome{*ack, true};
    }
    Transaction tx(m_db);
    if (!tx.ok())
        return internal(QStringLiteral("the database is busy; nothing was written"));
    // Another process may have applied it between the check above and the write lock.
    if (auto prior = m_ops.find(actor.id, op)) {
        auto ack = storedAck(*prior);
        if (!ack)
            return internal(QStringLiteral("the stored result of this op is unreadable"));
        return Outcome{*ack, true};
    }
    auto ack = handler(actor, op, body);
    if (!ack)
        return ack.error();
    if (!m_ops.insert(actor.id, op, protocol::toJsonText(protocol::encode(ack.value())), ids::nowMs()))
        return internal(QStringLiteral("could not record the op; nothing was written"));
    if (!tx.commit())
        return internal(QStringLiteral("could not commit; nothing was written"));
    return Outcome{ack.value(), false};
}

} // namespace plein::server
