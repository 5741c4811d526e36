#pragma once

#include "model/Types.h"
#include "protocol/ChatMessages.h"
#include "protocol/Error.h"
#include "protocol/Messages.h"
#include "sync/Scopes.h"

#include <QJsonObject>
#include <QString>

namespace plein::server {

class ChangeLog;
class Database;
class UserStore;
class WriteHandlers;

// Chat rooms and messages. A room is the scope "room:<id>" (sync/Scopes.h): its
// members are the scope's members, every change of the room is logged to that scope, and
// this feature's pager serves snapshots and history. Handlers run inside Writer's
// transaction; a non-member gets not_found for anything of a room, as if it did not exist.
class ChatFeature
{
public:
    ChatFeature(Database &db, ChangeLog &log, Scopes &scopes, UserStore &users)
        : m_db(db), m_log(log), m_scopes(scopes), m_users(users)
    {
    }

    // Registers the chat.* writes and the "room" pager.
    void registerHandlers(WriteHandlers &handlers);

    Result<protocol::AckBody> createRoom(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> addMember(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> removeMember(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> send(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> edit(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> remove(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> react(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> markRead(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> mute(const Person &actor, const QString &op, const QJsonObject &body);

    ScopePage page(const QString &scope, qint64 before, int limit) const;

    static QString scopeOf(const QString &roomId);
    static QString reactionId(const QString &message, const QString &user, const QString &emoji);

    // Seeding only: the time the handlers stamp on what they write (0: the real clock), so
    // demo conversations carry believable, spread-out times.
    void setClock(qint64 ms) { m_clock = ms; }

private:
    qint64 stampNow() const;
    std::optional<protocol::ChatRoom> room(const QString &id) const;
    std::optional<protocol::ChatMessage> message(const QString &id, qint64 *seq = nullptr) const;
    // The message if the actor is a member of its room (else not_found, which says nothing
    // more); with ownVerb ("edits"), only if the actor wrote it (else forbidden).
    Result<protocol::ChatMessage> memberMessage(const Person &actor, const QString &id,
                                                const char *ownVerb = nullptr) const;
    // Logs the message to its room; the ack of the write that made the change.
    Result<protocol::AckBody> logMessage(const protocol::ChatMessage &m, const QString &op, qint64 at);
    Result<protocol::AckBody> writeState(const Person &actor, const QString &op, const QString &room,
                                         std::optional<qint64> readPos, std::optional<bool> muted);

    Database &m_db;
    ChangeLog &m_log;
    Scopes &m_scopes;
    UserStore &m_users;
    qint64 m_clock = 0;
};

} // namespace plein::server
