#pragma once

#include "protocol/Error.h"
#include "protocol/Messages.h"

#include <QJsonObject>
#include <QList>
#include <QString>

// Scoped audiences on the wire (see "Scopes" in docs/protocol.md). A scope is a closed
// audience with members: "room:<id>" (chat) or "group:<id>" (groups). Its changes reach
// members only; a member's replica holds recent content per scope and fetches older
// content on demand with `history`.
namespace plein::protocol {

namespace kind {
// Audience user:<me>: I am (or, deleted, am no longer) a member of a scope. id = scope.
inline constexpr char Scope[] = "scope";
// Audience = the scope: someone's membership of it. id = "<scope>:<user>".
inline constexpr char Member[] = "member";
} // namespace kind

namespace scope {
inline constexpr char RoomPrefix[] = "room";
inline constexpr char GroupPrefix[] = "group";
inline constexpr char Owner[] = "owner";
inline constexpr char MemberRole[] = "member";
QString make(const char *prefix, const QString &id);   // "room:<id>"
// "room" or "group" plus a UUID; anything else is not a scope.
bool isValid(const QString &scope);
QString prefixOf(const QString &scope);
QString idOf(const QString &scope);
bool isValidRole(const QString &role);
constexpr int SnapshotSize = 50;     // newest items per scope a new member or computer gets
constexpr int MaxHistoryPage = 200;  // items per `history` answer
} // namespace scope

// data of kind::Scope and kind::Member changes.
struct Membership
{
    QString scope;
    QString user;
    QString role;           // scope::Owner | scope::MemberRole
    qint64 joined = 0;      // server time of joining
    bool operator==(const Membership &) const = default;
};

// `history` request: items of `scope` older than `before` (a feature's order key, taken
// from the previous page's `oldest`; 0 = the newest), at most `limit`.
struct HistoryBody
{
    QString scope;
    qint64 before = 0;
    int limit = scope::SnapshotSize;
};

// `scope.snapshot` (pushed) and `history.page` (the answer to `history`): rows of one
// scope as changes. Their seqs may be below the client's cursor: the client applies them
// as upserts guarded by each row's own seq and never moves its cursor for them.
// `oldest` is the order key to pass as the next `before`; `more` says older items exist.
struct ScopePageBody
{
    QString scope;
    QList<Change> changes;
    qint64 oldest = 0;
    bool more = false;
};

QJsonObject encode(const Membership &);
QJsonObject encode(const HistoryBody &);
QJsonObject encode(const ScopePageBody &);
template<> Result<Membership> decode<Membership>(const QJsonObject &o);
template<> Result<HistoryBody> decode<HistoryBody>(const QJsonObject &o);
template<> Result<ScopePageBody> decode<ScopePageBody>(const QJsonObject &o);

} // namespace plein::protocol
