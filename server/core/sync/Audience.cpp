#include "sync/Audience.h"

#include "protocol/Protocol.h"

namespace plein::server::audience {

QStringList visibleTo(const Person &user)
{
    return {QLatin1String(protocol::audience::Org), protocol::audience::user(user.id)};
}

bool maySee(const Person &user, const QString &audience)
{
    return visibleTo(user).contains(audience);
}

bool mayWrite(const Person &user, const QString &audience)
{
    if (user.id.isEmpty() || !role::isValid(user.role))
        return false;
    return maySee(user, audience);
}

} // namespace plein::server::audience
