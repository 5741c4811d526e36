#pragma once

#include "model/Types.h"
#include "protocol/Error.h"

#include <QString>

#include <optional>

namespace plein::server {

class ChangeLog;
class Database;
class UserStore;

struct NewUser
{
    QString id;            // empty: a new random id
    QString name;
    QString displayName;
    QString role = QStringLiteral("employee");
    QString department;
    QString title;
    QString password;      // hashed here, unless passwordHash is given
    QString passwordHash;  // a PHC string made earlier (seeding hashes one password once)
    qint64 created = 0;    // 0: now
};

// Creating accounts: validation, hashing, the users row and its `user` change (audience
// org, so every client's directory learns of the new person).
class Accounts
{
public:
    Accounts(Database &db, UserStore &users, ChangeLog &log) : m_db(db), m_users(users), m_log(log) {}

    // In its own transaction. bad_request/too_large for invalid fields, conflict for a
    // name that is taken.
    Result<Person> addUser(const NewUser &user);
    // Inside the caller's transaction (bulk seeding).
    Result<Person> insertUser(const NewUser &user);

    static std::optional<Error> validate(const NewUser &user);

    struct PasswordSet
    {
        Person person;
        int sessionsEnded = 0;
        bool active = true;
    };
    // An administrator's password (re)set: an imported person's first password, or a
    // forgotten one. The person's sessions end (a reset shuts out whoever had the old one)
    // and their failed sign-ins are forgotten. not_found for an unknown name.
    Result<PasswordSet> setPassword(const QString &name, const QString &password);

private:
    Database &m_db;
    UserStore &m_users;
    ChangeLog &m_log;
};

} // namespace plein::server
