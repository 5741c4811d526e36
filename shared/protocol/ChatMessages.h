#pragma once

#include "protocol/Error.h"
#include "protocol/Messages.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// Chat (docs/protocol.md, "Chat"): rooms are scopes "room:<id>" (ScopeMessages.h).
namespace plein::protocol {

namespace kind {
inline constexpr char ChatRoom[] = "chat.room";          // audience the room; id = room id
inline constexpr char ChatMessage[] = "chat.message";    // audience the room; id = message id
inline constexpr char ChatReaction[] = "chat.reaction";  // audience the room; id = "<message>:<user>:<emoji>"
inline constexpr char ChatState[] = "chat.state";        // audience user:<me>; id = room id
} // namespace kind

namespace chat {
constexpr int MaxMessageChars = 10000;
constexpr int MaxRoomNameChars = 80;
constexpr int MaxEmojiChars = 16;
constexpr int MaxMembersOnCreate = 1000;
constexpr int TypingIntervalMs = 2000;   // a client sends chat.typing at most this often per room
inline constexpr char Online[] = "online";
inline constexpr char Away[] = "away";
inline constexpr char Dnd[] = "dnd";
inline constexpr char Offline[] = "offline";
bool isValidStatus(const QString &s, bool allowOffline);
} // namespace chat

// Entities (data of the change kinds above)
struct ChatRoom
{
    QString id;
    QString name;          // empty for direct rooms
    bool direct = false;
    QString creator;
    qint64 created = 0;
    bool operator==(const ChatRoom &) const = default;
};

struct ChatMessage
{
    QString id;
    QString room;
    QString author;
    QString text;          // Markdown; empty when deleted
    qint64 created = 0;
    qint64 pos = 0;        // order in the room (server-given, increasing); history pages by it
    qint64 edited = 0;     // server time of the last edit, 0 if never
    bool deleted = false;
    QString replyTo;       // the message answered, or empty
    bool operator==(const ChatMessage &) const = default;
};

struct ChatReaction
{
    QString message;
    QString room;
    QString user;
    QString emoji;
    bool operator==(const ChatReaction &) const = default;
};

struct ChatState
{
    QString room;
    qint64 readPos = 0;    // the pos of the last message read
    bool muted = false;
    bool operator==(const ChatState &) const = default;
};

// Writes (each with an op)
struct ChatRoomCreateBody { QString id; QString name; bool direct = false; QStringList members; };
struct ChatMemberBody { QString room; QString user; QString role; };   // add (role) or remove
struct ChatSendBody { QString id; QString room; QString text; QString replyTo; };
struct ChatEditBody { QString id; QString text; };
struct ChatDeleteBody { QString id; };
struct ChatReactBody { QString message; QString emoji; bool on = true; };
struct ChatReadBody { QString room; qint64 pos = 0; };
struct ChatMuteBody { QString room; bool muted = true; };
// Ephemeral (no op; never stored)
struct ChatTypingBody { QString room; QString user; };                 // user: set by the server
struct PresenceSetBody { QString status; };
struct PresenceEntry { QString user; QString status; };
struct PresenceBody { QList<PresenceEntry> users; };

QJsonObject encode(const ChatRoom &);
QJsonObject encode(const ChatMessage &);
QJsonObject encode(const ChatReaction &);
QJsonObject encode(const ChatState &);
QJsonObject encode(const ChatRoomCreateBody &);
QJsonObject encode(const ChatMemberBody &);
QJsonObject encode(const ChatSendBody &);
QJsonObject encode(const ChatEditBody &);
QJsonObject encode(const ChatDeleteBody &);
QJsonObject encode(const ChatReactBody &);
QJsonObject encode(const ChatReadBody &);
QJsonObject encode(const ChatMuteBody &);
QJsonObject encode(const ChatTypingBody &);
QJsonObject encode(const PresenceSetBody &);
QJsonObject encode(const PresenceBody &);

template<> Result<ChatRoom> decode<ChatRoom>(const QJsonObject &o);
template<> Result<ChatMessage> decode<ChatMessage>(const QJsonObject &o);
template<> Result<ChatReaction> decode<ChatReaction>(const QJsonObject &o);
template<> Result<ChatState> decode<ChatState>(const QJsonObject &o);
template<> Result<ChatRoomCreateBody> decode<ChatRoomCreateBody>(const QJsonObject &o);
template<> Result<ChatMemberBody> decode<ChatMemberBody>(const QJsonObject &o);
template<> Result<ChatSendBody> decode<ChatSendBody>(const QJsonObject &o);
template<> Result<ChatEditBody> decode<ChatEditBody>(const QJsonObject &o);
template<> Result<ChatDeleteBody> decode<ChatDeleteBody>(const QJsonObject &o);
template<> Result<ChatReactBody> decode<ChatReactBody>(const QJsonObject &o);
template<> Result<ChatReadBody> decode<ChatReadBody>(const QJsonObject &o);
template<> Result<ChatMuteBody> decode<ChatMuteBody>(const QJsonObject &o);
template<> Result<ChatTypingBody> decode<ChatTypingBody>(const QJsonObject &o);
template<> Result<PresenceSetBody> decode<PresenceSetBody>(const QJsonObject &o);
template<> Result<PresenceBody> decode<PresenceBody>(const QJsonObject &o);

} // namespace plein::protocol
