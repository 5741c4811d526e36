#include "features/people/PeopleStore.h"

#include "store/Database.h"

namespace plein::server {

Q_LOGGING_CATEGORY(lcPeople, "plein.server.people")

namespace {
QString joinLines(const QStringList &l)
{
    return l.join(QLatin1Char('\n'));
}

QStringList splitLines(const QString &s)
{
    return s.isEmpty() ? QStringList() : s.split(QLatin1Char('\n'));
}
} // namespace

std::optional<protocol::Profile> PeopleStore::profile(const QString &userId)
{
    Stmt s(m_db, QStringLiteral("SELECT u.active, p.email, p.phone, p.bio, p.location, p.manager, p.start_date,"
                                " p.skills, p.languages, p.photo, p.user_id FROM users u"
                                " LEFT JOIN profiles p ON p.user_id = u.id WHERE u.id = ?"));
    s.bind(userId);
    if (!s.exec() || !s.next())
        return std::nullopt;
    protocol::Profile p;
    p.id = userId;
    p.active = s.value(0).toInt() != 0;
    p.email = s.value(1).toString();
    p.phone = s.value(2).toString();
    p.bio = s.value(3).toString();
    p.location = s.value(4).toString();
    p.manager = s.value(5).toString();
    p.startDate = s.value(6).toString();
    p.skills = splitLines(s.value(7).toString());
    p.languages = splitLines(s.value(8).toString());
    p.photo = s.value(9).toString();
    return p;
}

bool PeopleStore::saveProfile(const protocol::Profile &p, qint64 at)
{
    Stmt s(m_db, QStringLiteral("INSERT INTO profiles (user_id, email, phone, bio, location, manager, start_date,"
                                " skills, languages, photo, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                " ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, phone = excluded.phone,"
                                " bio = excluded.bio, location = excluded.location, manager = excluded.manager,"
                                " start_date = excluded.start_date, skills = excluded.skills,"
                                " languages = excluded.languages, photo = excluded.photo, updated = excluded.updated"));
    s.bind(p.id)
        .bind(p.email)
        .bind(p.phone)
        .bind(p.bio)
        .bind(p.location)
        .bind(p.manager)
        .bind(p.startDate)
        .bind(joinLines(p.skills))
        .bind(joinLines(p.languages))
        .bind(p.photo)
        .bind(at);
    return s.exec();
}

QString PeopleStore::employeeIdOf(const QString &userId)
{
    Stmt s(m_db, QStringLiteral("SELECT employee_id FROM profiles WHERE user_id = ?"));
    s.bind(userId);
    return s.exec() && s.next() ? s.value(0).toString() : QString();
}

QString PeopleStore::userByEmployeeId(const QString &employeeId)
{
    Stmt s(m_db, QStringLiteral("SELECT user_id FROM profiles WHERE employee_id = ?"));
    s.bind(employeeId);
    return s.exec() && s.next() ? s.value(0).toString() : QString();
}

bool PeopleStore::setEmployeeId(const QString &userId, const QString &employeeId)
{
    Stmt s(m_db, QStringLiteral("INSERT INTO profiles (user_id, employee_id) VALUES (?, ?)"
                                " ON CONFLICT (user_id) DO UPDATE SET employee_id = excluded.employee_id"));
    s.bind(userId).bind(employeeId);
    return s.exec();
}

QList<std::pair<QString, QString>> PeopleStore::activeEmployees()
{
    Stmt s(m_db, QStringLiteral("SELECT p.employee_id, u.id FROM profiles p JOIN users u ON u.id = p.user_id"
                                " WHERE u.active = 1 AND p.employee_id IS NOT NULL ORDER BY p.employee_id"));
    QList<std::pair<QString, QString>> out;
    if (!s.exec())
        return out;
    while (s.next())
        out.append({s.value(0).toString(), s.value(1).toString()});
    return out;
}

QString PeopleStore::managerOf(const QString &userId)
{
    Stmt s(m_db, QStringLiteral("SELECT manager FROM profiles WHERE user_id = ?"));
    s.bind(userId);
    return s.exec() && s.next() ? s.value(0).toString() : QString();
}

bool PeopleStore::setUserFields(const QString &userId, const QString &name, const QString &displayName,
                                const QString &title, const QString &department)
{
    Stmt s(m_db, QStringLiteral("UPDATE users SET name = ?, display_name = ?, title = ?, department = ? WHERE id = ?"));
    s.bind(name).bind(displayName).bind(title).bind(department).bind(userId);
    return s.exec();
}

bool PeopleStore::setActive(const QString &userId, bool active)
{
    Stmt s(m_db, QStringLiteral("UPDATE users SET active = ? WHERE id = ?"));
    s.bind(active ? 1 : 0).bind(userId);
    return s.exec();
}

int PeopleStore::revokeSessions(const QString &userId, qint64 at)
{
    Stmt s(m_db, QStringLiteral("UPDATE sessions SET revoked = ? WHERE user_id = ? AND revoked IS NULL"));
    s.bind(at).bind(userId);
    if (!s.exec())
        return -1;
    return s.query().numRowsAffected();
}

bool PeopleStore::insertPhoto(const StoredPhoto &p, qint64 at)
{
    Stmt s(m_db, QStringLiteral("INSERT INTO photos (hash, owner, width, height, original, small, medium, created)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hash, owner) DO NOTHING"));
    s.bind(p.hash).bind(p.owner).bind(p.width).bind(p.height).bind(p.original).bind(p.small).bind(p.medium).bind(at);
    return s.exec();
}

bool PeopleStore::photoOwnedBy(const QString &hash, const QString &owner)
{
    Stmt s(m_db, QStringLiteral("SELECT 1 FROM photos WHERE hash = ? AND owner = ?"));
    s.bind(hash).bind(owner);
    return s.exec() && s.next();
}

QByteArray PeopleStore::photoBytes(const QString &hash, const QString &size)
{
    const QString column = size == QLatin1String(protocol::people::SizeSmall)    ? QStringLiteral("small")
                           : size == QLatin1String(protocol::people::SizeMedium) ? QStringLiteral("medium")
                                                                                   : QStringLiteral("original");
    Stmt s(m_db, QStringLiteral("SELECT %1 FROM photos WHERE hash = ? LIMIT 1").arg(column));
    s.bind(hash);
    return s.exec() && s.next() ? s.value(0).toByteArray() : QByteArray();
}

bool PeopleStore::hasEndorsement(const QString &person, const QString &skill, const QString &by)
{
    Stmt s(m_db, QStringLiteral("SELECT 1 FROM endorsements WHERE person = ? AND skill = ? AND by_user = ?"));
    s.bind(person).bind(skill).bind(by);
    return s.exec() && s.next();
}

bool PeopleStore::setEndorsement(const QString &person, const QString &skill, const QString &by, bool endorsed,
                                 qint64 at)
{
    if (endorsed) {
        Stmt s(m_db, QStringLiteral("INSERT INTO endorsements (person, skill, by_user, created) VALUES (?, ?, ?, ?)"
                                    " ON CONFLICT (person, skill, by_user) DO NOTHING"));
        s.bind(person).bind(skill).bind(by).bind(at);
        return s.exec();
    }
    Stmt s(m_db, QStringLiteral("DELETE FROM endorsements WHERE person = ? AND skill = ? AND by_user = ?"));
    s.bind(person).bind(skill).bind(by);
    return s.exec();
}

bool PeopleStore::questionExists(const QString &id)
{
    Stmt s(m_db, QStringLiteral("SELECT 1 FROM expert_questions WHERE id = ?"));
    s.bind(id);
    return s.exec() && s.next();
}

std::optional<protocol::Question> PeopleStore::question(const QString &id)
{
    Stmt s(m_db, QStringLiteral("SELECT asker, topic, text, experts, created FROM expert_questions WHERE id = ?"));
    s.bind(id);
    if (!s.exec() || !s.next())
        return std::nullopt;
    return protocol::Question{id, s.value(0).toString(), s.value(1).toString(), s.value(2).toString(),
                              splitLines(s.value(3).toString()), s.value(4).toLongLong()};
}

bool PeopleStore::insertQuestion(const protocol::Question &q)
{
    Stmt s(m_db, QStringLiteral("INSERT INTO expert_questions (id, asker, topic, text, experts, created)"
                                " VALUES (?, ?, ?, ?, ?, ?)"));
    s.bind(q.id).bind(q.asker).bind(q.topic).bind(q.text).bind(joinLines(q.experts)).bind(q.created);
    return s.exec();
}

bool PeopleStore::answerExists(const QString &id)
{
    Stmt s(m_db, QStringLiteral("SELECT 1 FROM expert_answers WHERE id = ?"));
    s.bind(id);
    return s.exec() && s.next();
}

bool PeopleStore::insertAnswer(const protocol::Answer &a)
{
    Stmt s(m_db, QStringLiteral("INSERT INTO expert_answers (id, question, author, text, created) VALUES (?, ?, ?, ?, ?)"));
    s.bind(a.id).bind(a.question).bind(a.author).bind(a.text).bind(a.created);
    return s.exec();
}

bool PeopleStore::recordGap(const QString &term, qint64 at)
{
    Stmt s(m_db, QStringLiteral("INSERT INTO search_gaps (term, count, last) VALUES (?, 1, ?)"
                                " ON CONFLICT (term) DO UPDATE SET count = count + 1, last = excluded.last"));
    s.bind(term).bind(at);
    return s.exec();
}

QList<protocol::Gap> PeopleStore::gaps(int limit)
{
    Stmt s(m_db, QStringLiteral("SELECT term, count, last FROM search_gaps ORDER BY count DESC, last DESC LIMIT ?"));
    s.bind(limit);
    QList<protocol::Gap> out;
    if (!s.exec())
        return out;
    while (s.next())
        out.append({s.value(0).toString(), s.value(1).toInt(), s.value(2).toLongLong()});
    return out;
}

} // namespace plein::server
