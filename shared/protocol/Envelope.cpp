#include "protocol/Envelope.h"

#include "protocol/Limits.h"
#include "protocol/Protocol.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace plein::protocol {

QByteArray Envelope::encode() const
{
    QJsonObject o;
    o.insert(QLatin1String("type"), type);
    if (!id.isEmpty())
        o.insert(QLatin1String("id"), id);
    if (!op.isEmpty())
        o.insert(QLatin1String("op"), op);
    if (!re.isEmpty())
        o.insert(QLatin1String("re"), re);
    o.insert(QLatin1String("body"), body);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

namespace {
Error err(const char *code, const QString &message)
{
    return Error{QLatin1String(code), message};
}

// Reads an optional short string member; false when present but not a short string.
bool optionalString(const QJsonObject &o, const char *key, QString &out)
{
    const QJsonValue v = o.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString() || v.toString().size() > limits::MaxIdChars)
        return false;
    out = v.toString();
    return true;
}
} // namespace

Result<Envelope> Envelope::decode(const QByteArray &frame, qint64 maxBytes)
{
    const qint64 limit = maxBytes < 0 ? limits::MaxMessageBytes : maxBytes;
    if (frame.size() > limit)
        return err(code::TooLarge, QStringLiteral("message exceeds %1 bytes").arg(limit));
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(frame, &pe);
    if (pe.error != QJsonParseError::NoError)
        return err(code::BadFrame, QStringLiteral("malformed JSON: %1 at offset %2").arg(pe.errorString()).arg(pe.offset));
    if (!doc.isObject())
        return err(code::BadFrame, QStringLiteral("a message must be a JSON object"));
    const QJsonObject o = doc.object();
    Envelope e;
    const QJsonValue t = o.value(QLatin1String("type"));
    if (!t.isString() || t.toString().isEmpty() || t.toString().size() > limits::MaxIdChars)
        return err(code::BadRequest, QStringLiteral("missing or invalid 'type'"));
    e.type = t.toString();
    if (!optionalString(o, "id", e.id) || !optionalString(o, "op", e.op) || !optionalString(o, "re", e.re))
        return err(code::BadRequest, QStringLiteral("'id', 'op' and 're' must be strings of at most %1 characters")
                                         .arg(limits::MaxIdChars));
    const QJsonValue b = o.value(QLatin1String("body"));
    if (!b.isUndefined() && !b.isNull()) {
        if (!b.isObject())
            return err(code::BadRequest, QStringLiteral("'body' must be an object"));
        e.body = b.toObject();
    }
    return e;
}

Envelope makeError(const QString &re, const QString &code, const QString &message, int retryAfterSecs)
{
    Envelope e;
    e.type = QLatin1String(type::Error);
    e.re = re;
    e.body.insert(QLatin1String("code"), code);
    e.body.insert(QLatin1String("message"), message);
    if (retryAfterSecs >= 0)
        e.body.insert(QLatin1String("retry_after"), retryAfterSecs);
    return e;
}

} // namespace plein::protocol
