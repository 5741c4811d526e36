#pragma once

#include <QString>
#include <QtGlobal>

// Plain value types shared by server, client and tests. Times are milliseconds since the
// Unix epoch, UTC. Ids are UUID strings without braces (see Ids.h).
namespace plein {

struct Person
{
    QString id;
    QString name;         // sign-in name, unique, lower case
    QString displayName;
    QString role;         // employee | editor | admin
    QString department;
    QString title;
    bool operator==(const Person &) const = default;
};

struct Post
{
    QString id;
    QString author;       // Person id
    QString text;
    qint64 created = 0;
    qint64 edited = 0;     // 0: never edited
    bool deleted = false;  // a tombstone: text empty, the row stays
    bool operator==(const Post &) const = default;
};

struct Comment
{
    QString id;
    QString post;         // Post id
    QString author;
    QString text;
    qint64 created = 0;
    qint64 edited = 0;
    bool deleted = false;
    bool operator==(const Comment &) const = default;
};

struct Like
{
    QString post;
    QString user;
    bool liked = true;
    bool operator==(const Like &) const = default;
};

namespace role {
inline constexpr char Employee[] = "employee";
inline constexpr char Editor[] = "editor";
inline constexpr char Admin[] = "admin";
bool isValid(const QString &r);
} // namespace role

} // namespace plein
