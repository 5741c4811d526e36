#pragma once

#include "model/Ids.h"
#include "protocol/Error.h"
#include "protocol/Limits.h"
#include "protocol/Protocol.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

// A field reader for feature message decoders outside Messages.cpp: each call records the
// first problem (bad_request or too_large) and later calls leave it alone, so a decoder
// reads every field and checks once at the end with finish().
namespace plein::protocol {

class FieldReader
{
public:
    explicit FieldReader(const QJsonObject &o) : m_o(o) {}

    QString string(const char *key, int maxChars, bool required = true)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(QLatin1String(code::BadRequest), QStringLiteral("missing '%1'").arg(QLatin1String(key)));
            return {};
        }
        if (!v.isString()) {
            fail(QLatin1String(code::BadRequest), QStringLiteral("'%1' must be a string").arg(QLatin1String(key)));
            return {};
        }
        const QString s = v.toString();
        if (s.size() > maxChars)
            fail(QLatin1String(code::TooLarge),
                 QStringLiteral("'%1' is longer than %2 characters").arg(QLatin1String(key)).arg(maxChars));
        return s;
    }

    QString id(const char *key, bool required = true)
    {
        const QString s = string(key, limits::MaxIdChars, required);
        if (!s.isEmpty() && !ids::isValid(s))
            fail(QLatin1String(code::BadRequest), QStringLiteral("'%1' must be a UUID").arg(QLatin1String(key)));
        return s;
    }

    qint64 integer(const char *key, bool required = true, qint64 min = 0, qint64 def = 0)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(QLatin1String(code::BadRequest), QStringLiteral("missing '%1'").arg(QLatin1String(key)));
            return def;
        }
        const double d = v.toDouble(-1.0);
        if (!v.isDouble() || d != static_cast<double>(static_cast<qint64>(d)) || d < static_cast<double>(min)) {
            fail(QLatin1String(code::BadRequest),
                 QStringLiteral("'%1' must be an integer of at least %2").arg(QLatin1String(key)).arg(min));
            return def;
        }
        return static_cast<qint64>(d);
    }

    bool boolean(const char *key, bool required = true, bool def = false)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(QLatin1String(code::BadRequest), QStringLiteral("missing '%1'").arg(QLatin1String(key)));
            return def;
        }
        if (!v.isBool()) {
            fail(QLatin1String(code::BadRequest), QStringLiteral("'%1' must be true or false").arg(QLatin1String(key)));
            return def;
        }
        return v.toBool();
    }

    QJsonArray array(const char *key, bool required = true)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if ((v.isUndefined() || v.isNull()) && !required)
            return {};
        if (!v.isArray()) {
            fail(QLatin1String(code::BadRequest), QStringLiteral("'%1' must be an array").arg(QLatin1String(key)));
            return {};
        }
        return v.toArray();
    }

    QJsonObject object(const char *key, bool required = true)
    {
        const QJsonValue v = m_o.value(QLatin1String(key));
        if ((v.isUndefined() || v.isNull()) && !required)
            return {};
        if (!v.isObject()) {
            fail(QLatin1String(code::BadRequest), QStringLiteral("'%1' must be an object").arg(QLatin1String(key)));
            return {};
        }
        return v.toObject();
    }

    void fail(const QString &code, const QString &message)
    {
        if (!m_error)
            m_error = Error{code, message};
    }
    void fail(const Error &e)
    {
        if (!m_error)
            m_error = e;
    }
    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }

    template<typename T>
    Result<T> finish(T value) const
    {
        if (m_error)
            return *m_error;
        return value;
    }

private:
    const QJsonObject &m_o;
    std::optional<Error> m_error;
};

} // namespace plein::protocol
