#pragma once

#include "protocol/Error.h"

#include <QJsonObject>
#include <QString>

// Groups: teams, departments, locations, projects and interest groups, each a scope
// "group:<id>" (ScopeMessages.h) with owners and members, and posts inside it.
namespace plein::protocol {

namespace kind {
inline constexpr char Group[] = "group";               // id: group id, data: GroupInfo
inline constexpr char GroupRequest[] = "group_request"; // id: "<group>:<user>", data: GroupRequest
inline constexpr char GroupPost[] = "group_post";      // id: post id, data: GroupPost
} // namespace kind

namespace groupkind {
inline constexpr char Team[] = "team";
inline constexpr char Department[] = "department";
inline constexpr char Location[] = "location";
inline constexpr char Project[] = "project";
inline constexpr char Interest[] = "interest";
bool isValid(const QString &k);
} // namespace groupkind

namespace visibility {
inline constexpr char Open[] = "open";       // anyone joins
inline constexpr char Closed[] = "closed";   // anyone asks, an owner approves
inline constexpr char Secret[] = "secret";   // invisible to non-members; owners add people
bool isValid(const QString &v);
} // namespace visibility

namespace limits_groups {
constexpr int MaxNameChars = 100;
constexpr int MaxDescriptionChars = 2000;
} // namespace limits_groups

struct GroupInfo
{
    QString id;
    QString name;
    QString description;
    QString kind;          // groupkind::*
    QString visibility;    // visibility::*
    QString creator;
    qint64 created = 0;
    bool operator==(const GroupInfo &) const = default;
};

// A pending request to join a closed group; deleted once handled or withdrawn.
struct GroupRequest
{
    QString group;
    QString user;
    qint64 at = 0;
    bool operator==(const GroupRequest &) const = default;
};

struct GroupPost
{
    QString id;
    QString group;
    QString author;
    QString text;          // Markdown
    qint64 created = 0;
    qint64 pos = 0;        // order key: the seq that created it
    qint64 edited = 0;     // 0: never edited (PostMessages.h: post.edit)
    bool deleted = false;  // a tombstone (post.delete): text empty, the row stays
    bool operator==(const GroupPost &) const = default;
};

// group.save: creates a group (the author becomes its owner) or changes its settings
// (owners; secret needs an admin).
struct GroupSaveBody { QString id; QString name; QString description; QString kind; QString visibility; };
// group.join and group.leave
struct GroupRefBody { QString group; };
// group.member: an owner adds, approves, promotes (role owner|member) or removes (role "").
struct GroupMemberBody { QString group; QString user; QString role; };
struct GroupPostBody { QString id; QString group; QString text; };

QJsonObject encode(const GroupInfo &);
QJsonObject encode(const GroupRequest &);
QJsonObject encode(const GroupPost &);
QJsonObject encode(const GroupSaveBody &);
QJsonObject encode(const GroupRefBody &);
QJsonObject encode(const GroupMemberBody &);
QJsonObject encode(const GroupPostBody &);

} // namespace plein::protocol
