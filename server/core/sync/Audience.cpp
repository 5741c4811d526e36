#include "sync/Audience.h"

#include "protocol/NewsMessages.h"
#include "protocol/Protocol.h"
#include "sync/Scopes.h"

namespace plein::server::audience {

QStringList visibleTo(const Person &user)
{
    QStringList out{QLatin1String(protocol::audience::Org), protocol::audience::user(user.id)};
    // News targeting (features/news): attribute audiences from the profile, and editors.
    if (!user.department.isEmpty())
        out.append(protocol::audience::department(user.department));
    if (user.role == QLatin1String(role::Editor) || user.role == QLatin1String(role::Admin))
        out.append(QLatin1String(protocol::audience::Editors));
    return out;
}

QStringList visibleTo(const Person &user, const Scopes &scopes)
{
    QStringList out = visibleTo(user);
    out.append(scopes.scopesOf(user.id).keys());
    return out;
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
