#pragma once

#include "model/Types.h"
#include "protocol/Error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// Typed bodies of every message, with one codec used for the wire and for anything cached
// or stored as JSON. encode() never fails; decode<T>() validates types, presence and the
// limits in Limits.h and answers an Error with a stable code (bad_request or too_large).
namespace plein::protocol {

// One entry of the change log as the client sees it.
struct Change
{
    qint64 seq = 0;
    QString kind;        // one of kind::*
    QString id;          // entity id (for likes: "<post>:<user>")
    QString op;          // the op that caused it, when one did
    bool deleted = false;
    QJsonObject data;    // the entity; decode with decode<Person>() etc. according to kind
    bool operator==(const Change &) const = default;
};

namespace kind {
inline constexpr char User[] = "user";
inline constexpr char Post[] = "post";
inline constexpr char Comment[] = "comment";
inline constexpr char Like[] = "like";
} // namespace kind

struct HelloBody { int protocol = 0; QString agent; };
struct LoginBody { QString user; QString password; QString device; };
struct ResumeBody { QString token; };
struct AuthOkBody { QString token; qint64 expires = 0; Person user; };
struct SyncBody { qint64 since = 0; };
struct ChangesBody { QList<Change> changes; };
struct SyncDoneBody { qint64 head = 0; };
struct AckBody { QString op; qint64 seq = 0; QString id; };
struct PostCreateBody { QString id; QString text; };
struct CommentCreateBody { QString id; QString post; QString text; };
struct LikeSetBody { QString post; bool liked = true; };
struct ErrorBody { QString code; QString message; int retryAfter = -1; };

QJsonObject encode(const Person &);
QJsonObject encode(const Post &);
QJsonObject encode(const Comment &);
QJsonObject encode(const Like &);
QJsonObject encode(const Change &);
QJsonObject encode(const HelloBody &);
QJsonObject encode(const LoginBody &);
QJsonObject encode(const ResumeBody &);
QJsonObject encode(const AuthOkBody &);
QJsonObject encode(const SyncBody &);
QJsonObject encode(const ChangesBody &);
QJsonObject encode(const SyncDoneBody &);
QJsonObject encode(const AckBody &);
QJsonObject encode(const PostCreateBody &);
QJsonObject encode(const CommentCreateBody &);
QJsonObject encode(const LikeSetBody &);
QJsonObject encode(const ErrorBody &);

template<typename T>
Result<T> decode(const QJsonObject &o);

// Text rules shared by the composer and the server: trimmed, not empty, within the limit.
Result<QString> validateText(const QString &text, int maxChars, const char *field);
// A sign-in name: 1..MaxUserNameChars of [a-z0-9._-].
bool isValidUserName(const QString &name);
// The sign-in names a text @mentions, lowercased, each once, in order of appearance. An @ inside a
// word or an address (anna@example.com, example.com/@anna) is not a mention; trailing dots and
// dashes belong to the sentence, not the name.
QStringList mentionedNames(const QString &text);

} // namespace plein::protocol
