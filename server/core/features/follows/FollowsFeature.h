#pragma once

#include "model/Types.h"
#include "protocol/Error.h"
#include "protocol/Messages.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace plein::server {

class ChangeLog;
class Database;
class Scopes;
class WriteHandlers;

// Follows of people and groups, stored per user on the server and sent to the user's own
// audience (kind `follow`), so every computer of theirs agrees.
//
// What a follow delivers:
//  - a person: nothing extra on the wire. Their company-wide posts reach everyone anyway,
//    and their group posts reach whoever reads the group; the personal timeline picks them
//    out of the cache.
//  - an open group, by a non-member: a subscription to its scope (Scopes::setSubscriptions).
//    The follower's streams get the group's snapshot and its new posts like a member's, but
//    cannot write to it. Unfollowing ends it with a `scope` change with `deleted` to the
//    follower, which purges the group's content from their cache.
//  - closed and secret groups are followed by members only (others get forbidden, or
//    not_found for a secret group). Members follow their groups by default; an explicit
//    unfollow only takes the group out of their personal timeline.
class FollowsFeature
{
public:
    FollowsFeature(Database &db, Scopes &scopes, ChangeLog &log) : m_db(db), m_scopes(scopes), m_log(log) {}

    void registerHandlers(WriteHandlers &handlers);

    Result<protocol::AckBody> set(const Person &actor, const QString &op, const QJsonObject &body);

    // Open groups the user follows without being a member: scope -> seq of the follow.
    QHash<QString, qint64> subscriptions(const QString &userId) const;
    // An open group closed: each follower who is not a member gets the purge of its scope.
    bool endSubscriptions(const QString &scope, const QString &op, qint64 at);
    // Who explicitly follows a person or group (for seeds and notifications).
    QStringList followers(const QString &kind, const QString &target) const;

private:
    Database &m_db;
    Scopes &m_scopes;
    ChangeLog &m_log;
};

} // namespace plein::server
