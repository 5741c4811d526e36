#include "auth/Accounts.h"

#include "Logging.h"
#include "auth/Password.h"
#include "model/Ids.h"
#include "protocol/Limits.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"
#include "store/Database.h"
#include "store/UserStore.h"
#include "sync/ChangeLog.h"

namespace plein::server {

namespace {
Error badRequest(const QString &message)
{
    return Error{QLatin1String(protocol::code::BadRequest), message};
}
Error tooLarge(const QString &message)
{
    return Error{QLatin1String(protocol::code::TooLarge), message};
}
} // namespace

std::optional<Error> Accounts::validate(const NewUser &u)
{
    if (!protocol::isValidUserName(u.name))
        return badRequest(QStringLiteral("the user name must be 1 to %1 characters of a-z 0-9 . _ -")
                              .arg(limits::MaxUserNameChars));
    if (u.displayName.trimmed().isEmpty())
        return badRequest(QStringLiteral("the display name must not be empty"));
    if (u.displayName.trimmed().size() > limits::MaxDisplayNameChars || u.department.size() > limits::MaxDisplayNameChars
        || u.title.size() > limits::MaxDisplayNameChars)
        return tooLarge(QStringLiteral("display name, department and title are limited to %1 characters")
                            .arg(limits::MaxDisplayNameChars));
    if (!role::isValid(u.role))
        return badRequest(QStringLiteral("the role must be employee, editor or admin"));
    if (u.passwordHash.isEmpty()) {
        if (u.password.isEmpty())
            return badRequest(QStringLiteral("the password must not be empty"));
        if (u.password.size() > limits::MaxPasswordChars)
            return tooLarge(QStringLiteral("the password is limited to %1 characters").arg(limits::MaxPasswordChars));
    }
    if (!u.id.isEmpty() && !ids::isValid(u.id))
        return badRequest(QStringLiteral("the user id must be a UUID"));
    return std::nullopt;
}

Result<Person> Accounts::addUser(const NewUser &user)
{
    if (auto e = validate(user))
        return *e;
    NewUser u = user;
    if (u.passwordHash.isEmpty()) {
        auto h = password::hash(u.password);
        if (!h)
            return h.error();
        u.passwordHash = h.value();
    }
    Transaction tx(m_db);
    if (!tx.ok())
        return Error{QLatin1String(protocol::code::Internal), QStringLiteral("the database is busy")};
    auto p = insertUser(u);
    if (!p)
        return p;
    if (!tx.commit())
        return Error{QLatin1String(protocol::code::Internal), QStringLiteral("could not commit the new user")};
    qCInfo(lcAuth, "added user '%s' (%s)", qPrintable(p->name), qPrintable(p->role));
    return p;
}

Result<Person> Accounts::insertUser(const NewUser &u)
{
    if (auto e = validate(u))
        return *e;
    if (m_users.byName(u.name))
        return Error{QLatin1String(protocol::code::Conflict), QStringLiteral("a user named '%1' already exists").arg(u.name)};
    QString hash = u.passwordHash;
    if (hash.isEmpty()) {
        auto h = password::hash(u.password);
        if (!h)
            return h.error();
        hash = h.value();
    }
    UserRecord r;
    r.person.id = u.id.isEmpty() ? ids::create() : u.id;
    r.person.name = u.name;
    r.person.displayName = u.displayName.trimmed();
    r.person.role = u.role;
    r.person.department = u.department;
    r.person.title = u.title;
    r.passwordHash = hash;
    r.created = u.created ? u.created : ids::nowMs();
    r.active = true;
    if (m_users.byId(r.person.id))
        return Error{QLatin1String(protocol::code::Conflict), QStringLiteral("the user id %1 is taken").arg(r.person.id)};
    if (!m_users.insert(r))
        return Error{QLatin1String(protocol::code::Internal), QStringLiteral("could not store the user")};
    ChangeRecord c{QLatin1String(protocol::audience::Org), QLatin1String(protocol::kind::User), r.person.id, {},
                   false, protocol::encode(r.person)};
    if (m_log.append(c, r.created) == 0)
        return Error{QLatin1String(protocol::code::Internal), QStringLiteral("could not log the new user")};
    return r.person;
}

Result<Accounts::PasswordSet> Accounts::setPassword(const QString &name, const QString &password)
{
    if (password.isEmpty())
        return badRequest(QStringLiteral("the password must not be empty"));
    if (password.size() > limits::MaxPasswordChars)
        return tooLarge(QStringLiteral("the password is limited to %1 characters").arg(limits::MaxPasswordChars));
    const auto user = m_users.byName(name);
    if (!user)
        return Error{QLatin1String(protocol::code::NotFound), QStringLiteral("no user named '%1'").arg(name)};
    auto h = password::hash(password);
    if (!h)
        return h.error();
    Transaction tx(m_db);
    if (!tx.ok())
        return Error{QLatin1String(protocol::code::Internal), QStringLiteral("the database is busy")};
    PasswordSet r;
    {
        Stmt s(m_db, QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"));
        s.bind(h.value()).bind(user->person.id);
        if (!s.exec())
            return Error{QLatin1String(protocol::code::Internal), QStringLiteral("could not store the password")};
    }
    {
        Stmt s(m_db, QStringLiteral("UPDATE sessions SET revoked = ? WHERE user_id = ? AND revoked IS NULL"));
        s.bind(ids::nowMs()).bind(user->person.id);
        if (!s.exec())
            return Error{QLatin1String(protocol::code::Internal), QStringLiteral("could not end the sessions")};
        r.sessionsEnded = s.query().numRowsAffected();
    }
    {
        Stmt s(m_db, QStringLiteral("DELETE FROM login_failures WHERE name = ?"));
        s.bind(user->person.name);
        if (!s.exec())
            return Error{QLatin1String(protocol::code::Internal), QStringLiteral("could not clear failed sign-ins")};
    }
    if (!tx.commit())
        return Error{QLatin1String(protocol::code::Internal), QStringLiteral("could not commit the password")};
    r.person = user->person;
    r.active = user->active;
    qCInfo(lcAuth, "password set for '%s'; %d session(s) ended", qPrintable(user->person.name), r.sessionsEnded);
    return r;
}

} // namespace plein::server
