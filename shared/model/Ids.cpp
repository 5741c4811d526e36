#include "model/Ids.h"
#include "model/Types.h"

#include <QDateTime>
#include <QUuid>

namespace plein {

bool role::isValid(const QString &r)
{
    return r == QLatin1String(Employee) || r == QLatin1String(Editor) || r == QLatin1String(Admin);
}

namespace ids {

QString create()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString derived(const QString &name)
{
    static const QUuid ns(QStringLiteral("{6f1c2d36-2a57-4c6e-9a43-5e1d3f0b8a11}"));
    return QUuid::createUuidV5(ns, name).toString(QUuid::WithoutBraces);
}

bool isValid(const QString &id)
{
    if (id.size() != 36)
        return false;
    return !QUuid::fromString(id).isNull();
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace ids
} // namespace plein
