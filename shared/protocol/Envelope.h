#pragma once

#include "protocol/Error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace plein::protocol {

// One protocol message: a JSON object {type, id?, op?, re?, body}. `id` names a request
// the sender wants answered, `op` is the idempotency key of a write, `re` names the id or
// op a reply answers.
struct Envelope
{
    QString type;
    QString id;
    QString op;
    QString re;
    QJsonObject body;

    QByteArray encode() const;
    // Parses one text frame. Rejects anything over maxBytes (default: what the server reads
    // from a client, limits::MaxMessageBytes), that is not a JSON object with a string
    // `type`, or whose id/op/re are not short strings, or whose body is not an object.
    static Result<Envelope> decode(const QByteArray &frame, qint64 maxBytes = -1);

    // The id a reply to this message should carry in `re`: op for writes, else id.
    QString replyTo() const { return op.isEmpty() ? id : op; }
};

Envelope makeError(const QString &re, const QString &code, const QString &message, int retryAfterSecs = -1);

} // namespace plein::protocol
