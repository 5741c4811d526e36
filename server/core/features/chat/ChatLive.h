#pragma once

#include "model/Types.h"
#include "protocol/ChatMessages.h"
#include "protocol/Envelope.h"
#include "protocol/Error.h"

#include <QElapsedTimer>
#include <QHash>
#include <QString>
#include <QStringList>

#include <optional>

namespace plein::server {

class Hub;
class Scopes;

// The ephemeral side of chat: typing indicators and presence. Nothing here touches the
// database or the change log; frames go straight to the live sessions that may see them.
class ChatLive
{
public:
    ChatLive(Scopes &scopes, Hub &hub) : m_scopes(scopes), m_hub(hub) {}

    // Typing from `actor` in a room: relayed to the room's other live members, at most
    // once per MinTypingGapMs per user and room (more is dropped without an answer).
    std::optional<Error> typing(const Person &actor, const QJsonObject &body);
    std::optional<Error> setStatus(const Person &actor, const QJsonObject &body);

    // A signed-in session of `userId` started or ended; the first makes them online, the
    // last offline, and everyone hears of it.
    void sessionStarted(const QString &userId);
    void sessionEnded(const QString &userId);
    // Everyone not offline, for a session that just signed in.
    protocol::Envelope snapshot() const;
    QString statusOf(const QString &userId) const;
    // Everyone with a signed-in session now.
    QStringList onlineUsers() const { return m_presence.keys(); }

    static constexpr int MinTypingGapMs = 1000;

private:
    void broadcast(const QString &userId, const QString &status);

    Scopes &m_scopes;
    Hub &m_hub;
    struct UserPresence
    {
        int sessions = 0;
        QString chosen;   // online | away | dnd, as last set by any of their computers
    };
    QHash<QString, UserPresence> m_presence;
    QHash<QString, qint64> m_lastTyping;   // "<user>|<room>" -> ms since m_clock started
    QElapsedTimer m_clock;
};

} // namespace plein::server
