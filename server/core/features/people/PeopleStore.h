#pragma once

#include "model/Types.h"
#include "protocol/PeopleMessages.h"

#include <QByteArray>
#include <QList>
#include <QLoggingCategory>
#include <QString>

#include <optional>

namespace plein::server {

Q_DECLARE_LOGGING_CATEGORY(lcPeople)

class Database;

struct StoredPhoto
{
    QString hash;
    QString owner;
    int width = 0;
    int height = 0;
    QByteArray original;
    QByteArray small;
    QByteArray medium;
};

// The people tables: profiles (beyond users), photos, endorsements, expert questions and
// answers, and the aggregated search gaps. Plain reads and writes; rules live in PeopleFeature.
class PeopleStore
{
public:
    explicit PeopleStore(Database &db) : m_db(db) {}

    // The profile of a user (defaults when no row exists yet), with `active` from users.
    // Empty when no such user.
    std::optional<protocol::Profile> profile(const QString &userId);
    bool saveProfile(const protocol::Profile &p, qint64 at);
    QString employeeIdOf(const QString &userId);
    // The user id holding this employee id, or empty.
    QString userByEmployeeId(const QString &employeeId);
    bool setEmployeeId(const QString &userId, const QString &employeeId);
    // Active users with an employee id: employee id -> user id.
    QList<std::pair<QString, QString>> activeEmployees();
    QString managerOf(const QString &userId);

    // users columns that admins manage.
    bool setUserFields(const QString &userId, const QString &name, const QString &displayName, const QString &title,
                       const QString &department);
    bool setActive(const QString &userId, bool active);
    // Revokes every live token of the user; the number revoked, or -1 on failure.
    int revokeSessions(const QString &userId, qint64 at);

    bool insertPhoto(const StoredPhoto &p, qint64 at);
    bool photoOwnedBy(const QString &hash, const QString &owner);
    // One size ("s", "m" or "o") of a stored photo; empty when unknown.
    QByteArray photoBytes(const QString &hash, const QString &size);

    bool hasEndorsement(const QString &person, const QString &skill, const QString &by);
    bool setEndorsement(const QString &person, const QString &skill, const QString &by, bool endorsed, qint64 at);

    bool questionExists(const QString &id);
    std::optional<protocol::Question> question(const QString &id);
    bool insertQuestion(const protocol::Question &q);
    bool answerExists(const QString &id);
    bool insertAnswer(const protocol::Answer &a);

    bool recordGap(const QString &term, qint64 at);
    QList<protocol::Gap> gaps(int limit);

private:
    Database &m_db;
};

} // namespace plein::server
