#include "store/UserStore.h"

#include "store/Database.h"

namespace plein::server {

namespace {
const QString selectColumns = QStringLiteral(
    "SELECT id, name, display_name, role, department, title, password_hash, created, active FROM users ");

std::optional<UserRecord> readUser(Stmt &s)
{
    if (!s.exec() || !s.next())
        return std::nullopt;
    UserRecord u;
    u.person.id = s.value(0).toString();
    u.person.name = s.value(1).toString();
    u.person.displayName = s.value(2).toString();
    u.person.role = s.value(3).toString();
    u.person.department = s.value(4).toString();
    u.person.title = s.value(5).toString();
    u.passwordHash = s.value(6).toString();
    u.created = s.value(7).toLongLong();
    u.active = s.value(8).toInt() != 0;
    return u;
}
} // namespace

std::optional<UserRecord> UserStore::byName(const QString &name)
{
    Stmt s(m_db, selectColumns + QStringLiteral("WHERE name = ?"));
    s.bind(name);
    return readUser(s);
}

std::optional<UserRecord> UserStore::byId(const QString &id)
{
    Stmt s(m_db, selectColumns + QStringLiteral("WHERE id = ?"));
    s.bind(id);
    return readUser(s);
}

bool UserStore::insert(const UserRecord &u)
{
    Stmt s(m_db, QStringLiteral("INSERT INTO users (id, name, display_name, role, department, title, password_hash,"
                                " created, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    s.bind(u.person.id)
        .bind(u.person.name)
        .bind(u.person.displayName)
        .bind(u.person.role)
        .bind(u.person.department)
        .bind(u.person.title)
        .bind(u.passwordHash)
        .bind(u.created)
        .bind(u.active ? 1 : 0);
    return s.exec();
}

qint64 UserStore::count()
{
    Stmt s(m_db, QStringLiteral("SELECT COUNT(*) FROM users"));
    if (!s.exec() || !s.next())
        return -1;
    return s.value(0).toLongLong();
}

} // namespace plein::server
