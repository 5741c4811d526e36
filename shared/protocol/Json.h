#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

// JSON text of one object, for bodies that are stored as text (a change's data, a stored
// ack) and read back later. Kept here so that JSON is only ever parsed in shared/protocol.
namespace plein::protocol {

inline QByteArray toJsonText(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// The object in `text`, or nothing when it is not a JSON object.
inline std::optional<QJsonObject> objectFromJsonText(const QByteArray &text)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

} // namespace plein::protocol
