#pragma once

#include "features/people/PeopleStore.h"
#include "features/people/PhotoService.h"
#include "model/Types.h"
#include "protocol/Error.h"
#include "protocol/Messages.h"
#include "protocol/PeopleMessages.h"

#include <QJsonObject>
#include <QString>

#include <functional>

namespace plein::server {

class ChangeLog;
class RequestHandlers;
class UserStore;
class WriteHandlers;

// The directory and the Kennisconnector on the server.
//
// Writes (each inside Writer's transaction): profile.update with a per-field rule (own
// fields by the person, admin fields by admins), person.active (admins; deactivation ends
// the person's sessions), skill.endorse, expert.ask (notices to the chosen experts) and
// expert.answer (a notice to the asker). Requests: photo.upload, photo.get, expert.gap and
// expert.gaps (admins).
class PeopleFeature
{
public:
    PeopleFeature(PeopleStore &store, UserStore &users, ChangeLog &log);

    void registerHandlers(WriteHandlers &writes, RequestHandlers &requests);
    // Called after a deactivation commits, to close the person's live connections.
    void setEndSessions(std::function<void(const QString &userId)> f) { m_endSessions = std::move(f); }

    Result<protocol::AckBody> updateProfile(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> setActive(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> endorse(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> ask(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> answer(const Person &actor, const QString &op, const QJsonObject &body);

    // Shared with the directory import: logs the `user` and/or `profile` change of a person.
    // 0 on failure, else the last seq written.
    qint64 logPerson(const QString &userId, bool user, bool profile, const QString &op, qint64 at);
    // Deactivates (inside the caller's transaction): users.active, sessions revoked, profile change.
    qint64 deactivate(const QString &userId, const QString &op, qint64 at);
    // Would `manager` as manager of `person` make a loop?
    bool makesLoop(const QString &person, const QString &manager);

    PhotoService &photos() { return m_photos; }

private:
    PeopleStore &m_store;
    UserStore &m_users;
    ChangeLog &m_log;
    PhotoService m_photos;
    std::function<void(const QString &)> m_endSessions;
};

} // namespace plein::server
