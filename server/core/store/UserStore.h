#pragma once

#include "model/Types.h"

#include <QString>

#include <optional>

namespace plein::server {

class Database;

struct UserRecord
{
    Person person;
    QString passwordHash;   // PHC string (argon2id)
    qint64 created = 0;
    bool active = true;
};

// The users table: accounts with their password hash. Person is what clients may see.
class UserStore
{
public:
    explicit UserStore(Database &db) : m_db(db) {}

    std::optional<UserRecord> byName(const QString &name);
    std::optional<UserRecord> byId(const QString &id);
    bool insert(const UserRecord &user);
    qint64 count();

private:
    Database &m_db;
};

} // namespace plein::server
