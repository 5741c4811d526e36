#pragma once

#include "model/Types.h"
#include "protocol/Envelope.h"
#include "protocol/Error.h"

#include <QHash>
#include <QString>

#include <functional>

namespace plein::server {

// A request handler answers one signed-in request (`id`, no op) that reads or writes
// outside the change log: photo pieces, search-gap records, admin reports. It returns the
// answer's type and body; the connection sets `re`. An Error becomes an `error` frame.
using RequestHandler = std::function<Result<protocol::Envelope>(const Person &actor, const protocol::Envelope &request)>;

class RequestHandlers
{
public:
    void add(const QString &type, RequestHandler handler) { m_handlers.insert(type, std::move(handler)); }
    const RequestHandler *find(const QString &type) const
    {
        auto it = m_handlers.constFind(type);
        return it == m_handlers.constEnd() ? nullptr : &it.value();
    }

private:
    QHash<QString, RequestHandler> m_handlers;
};

} // namespace plein::server
