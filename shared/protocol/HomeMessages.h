#pragma once

#include "protocol/Error.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// The personal side: follows, the start page layout and notifications. Every change here
// has the audience user:<me>, so it follows the user to each of their computers.
namespace plein::protocol {

namespace kind {
inline constexpr char Follow[] = "follow";             // id "<person|group>:<target>", data: Follow
inline constexpr char HomeLayout[] = "home_layout";    // id: my user id, data: HomeLayout
inline constexpr char Notification[] = "notification"; // id: notification id, data: Notification
inline constexpr char NotifyMute[] = "notify_mute";    // id: group id, data: NotifyMute
} // namespace kind

namespace follow {
inline constexpr char Person[] = "person";
inline constexpr char Group[] = "group";
bool isValidKind(const QString &k);
QString entity(const QString &kind, const QString &target);   // "<kind>:<target>"
} // namespace follow

namespace home {
constexpr int MaxWidgets = 24;
constexpr int MaxWidgetIdChars = 32;
// A widget id: 1..MaxWidgetIdChars of [a-z0-9._-]. The server keeps any well-formed id, so a
// client can add a widget kind without a server change; one it does not know it skips.
bool isValidWidgetId(const QString &id);
} // namespace home

namespace notify {
// What a notification is about. New kinds are appended; a client shows one it does not
// know as a plain line with its text.
inline constexpr char Mention[] = "mention";     // someone @mentioned me (item: the post or comment)
inline constexpr char Comment[] = "comment";     // a comment on my post (item: the comment, parent: the post)
inline constexpr char Reaction[] = "reaction";   // a reaction to my post (item: the post)
inline constexpr char MustRead[] = "must_read";  // a must-read article reached me (item: the article)
inline constexpr char ExpertQuestion[] = "expert_question";  // I was asked as an expert (item: the question)
inline constexpr char ExpertAnswer[] = "expert_answer";      // my question was answered (item: the question)
constexpr int MaxReadIds = 500;
constexpr int MaxTextChars = 200;
} // namespace notify

struct Follow
{
    QString kind;      // follow::Person | follow::Group
    QString target;    // the person's or the group's id
    bool on = true;
    qint64 at = 0;
    bool operator==(const Follow &) const = default;
};

struct HomeLayout
{
    QStringList widgets;   // top to bottom
    qint64 updated = 0;
    bool operator==(const HomeLayout &) const = default;
};

struct Notification
{
    QString id;
    QString kind;        // notify::*
    QString actor;       // who caused it
    QString item;        // the entity it is about
    QString itemKind;    // that entity's change kind (post, group_post, comment, news ...)
    QString parent;      // the post a comment belongs to; empty otherwise
    QString group;       // the group it happened in; empty when company-wide
    QString text;        // a short excerpt or the article title
    qint64 created = 0;
    bool read = false;
    bool operator==(const Notification &) const = default;
};

struct NotifyMute
{
    QString group;
    bool muted = false;
    bool operator==(const NotifyMute &) const = default;
};

// follow.set (write)
struct FollowSetBody { QString kind; QString target; bool on = true; };
// home.layout (write): the whole list replaces the stored one.
struct HomeLayoutBody { QStringList widgets; };
// notification.read (write): these ids, or with `all` every unread one.
struct NotificationReadBody { QStringList ids; bool all = false; };
// notification.mute (write)
struct NotifyMuteBody { QString group; bool muted = true; };

QJsonObject encode(const Follow &);
QJsonObject encode(const HomeLayout &);
QJsonObject encode(const Notification &);
QJsonObject encode(const NotifyMute &);
QJsonObject encode(const FollowSetBody &);
QJsonObject encode(const HomeLayoutBody &);
QJsonObject encode(const NotificationReadBody &);
QJsonObject encode(const NotifyMuteBody &);

template<typename T>
Result<T> decode(const QJsonObject &o);
template<> Result<Follow> decode<Follow>(const QJsonObject &o);
template<> Result<HomeLayout> decode<HomeLayout>(const QJsonObject &o);
template<> Result<Notification> decode<Notification>(const QJsonObject &o);
template<> Result<NotifyMute> decode<NotifyMute>(const QJsonObject &o);
template<> Result<FollowSetBody> decode<FollowSetBody>(const QJsonObject &o);
template<> Result<HomeLayoutBody> decode<HomeLayoutBody>(const QJsonObject &o);
template<> Result<NotificationReadBody> decode<NotificationReadBody>(const QJsonObject &o);
template<> Result<NotifyMuteBody> decode<NotifyMuteBody>(const QJsonObject &o);

} // namespace plein::protocol
