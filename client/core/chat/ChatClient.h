#pragma once

#include "chat/ChatSearch.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSqlDatabase>
#include <QStringList>
#include <QTimer>

namespace plein::client {

class MessageListModel;
class RoomListModel;
class SyncEngine;

// Chat for the UI: the room list and the open room's messages (read connection), the
// user's chat writes (write connection, through the outbox), and the ephemeral side:
// typing indicators, presence, and which new messages deserve a notification.
class ChatClient : public QObject
{
    Q_OBJECT
public:
    ChatClient(const QSqlDatabase &readDb, const QSqlDatabase &writeDb, SyncEngine *engine, QObject *parent = nullptr);
    ~ChatClient() override;

    RoomListModel *rooms() const { return m_rooms; }
    MessageListModel *messages() const { return m_messages; }

    // The room in view: its messages load, it gets no notifications, and it is marked read.
    void openRoom(const QString &roomId);
    QString currentRoom() const { return m_current; }
    // Scrolling up: an older page from the cache, else from the server (false: nothing more).
    bool loadOlder();
    void markCurrentRead();

    // Writes; each returns the id (or empty with *error).
    QString send(const QString &roomId, const QString &text, const QString &replyTo = {}, QString *error = nullptr);
    bool edit(const QString &messageId, const QString &text, QString *error = nullptr);
    bool remove(const QString &messageId, QString *error = nullptr);
    bool react(const QString &messageId, const QString &emoji, bool on);
    bool setMuted(const QString &roomId, bool muted);
    QString createRoom(const QString &name, const QStringList &members, bool direct, QString *error = nullptr);
    // The direct room with this person, made (and queued, so offline too) when there is none.
    QString directRoom(const QString &userId, QString *error = nullptr);
    bool addMember(const QString &roomId, const QString &userId);
    bool removeMember(const QString &roomId, const QString &userId);
    bool leave(const QString &roomId);

    // Typing in a room: sent at most once per protocol::chat::TypingIntervalMs.
    void typing(const QString &roomId);
    QStringList typingIn(const QString &roomId) const;   // display names
    // online | away | dnd (offline is the absence of a session).
    void setStatus(const QString &status);
    QString status() const { return m_status; }
    QString presenceOf(const QString &userId) const;

    QList<ChatHit> search(const QString &query, const QString &roomId = {}) const;
    QString myId() const;
    // The person with this sign-in name, from the replica (empty when unknown).
    QString userIdFor(const QString &name) const;

signals:
    void wrote();                                  // a local write is committed: send it
    void typingChanged(const QString &roomId);
    void presenceChanged(const QString &userId);
    // A new message from someone else in an unmuted room (or a mention), not in view.
    void notify(const QString &roomId, const QString &title, const QString &text, bool mention);

public slots:
    void refresh();

private:
    void onEphemeral(const QString &type, const QJsonObject &body);
    void sendEphemeral(const QString &type, const QJsonObject &body);
    void checkNotifications();
    QString nameOf(const QString &userId) const;

    QSqlDatabase m_read;
    QSqlDatabase m_write;
    SyncEngine *m_engine;
    RoomListModel *m_rooms;
    MessageListModel *m_messages;
    QString m_current;
    QString m_status;
    QHash<QString, QString> m_presence;
    QHash<QString, QHash<QString, qint64>> m_typing;   // room -> user -> until (ms on m_clock)
    QHash<QString, qint64> m_typingSent;                // room -> when we last sent
    QElapsedTimer m_clock;
    QTimer m_typingExpiry;
    qint64 m_notifiedPos = -1;
};

} // namespace plein::client
