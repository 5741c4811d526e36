#pragma once

#include "protocol/Messages.h"
#include "protocol/ScopeMessages.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace plein::server {

class ChangeLog;
class Database;

// One page of a scope's content, as changes (see protocol::ScopePageBody).
struct ScopePage
{
    QList<protocol::Change> changes;
    qint64 oldest = 0;   // the order key to ask `history` with next
    bool more = false;   // older items exist
};

// Scoped audiences: closed audiences with members, "room:<id>" (chat) or "group:<id>"
// (groups). See "Scoped audiences" in docs/architecture.md.
//
// A feature that has scoped content:
//  1. writes each change of a scope with audience = the scope, and checks isMember() /
//     roleOf() in its write handlers;
//  2. changes membership only through setMember() / removeMember() (inside the writer's
//     transaction), which log a `member` change to the scope and a `scope` change to the
//     user, and bump generation() so live sync streams pick up the new audience;
//  3. registers a Pager for its prefix: it answers the newest items before an order key as
//     changes carrying the current state of each row and the seq of that row's last change.
//     The pager serves both the snapshot a new member (or a new computer) gets and the
//     `history` pages asked for later.
// Sync streams then never send a scope's old log to a member: a scope joined after the
// client's cursor arrives as one snapshot, newer changes follow live.
class Scopes
{
public:
    using Pager = std::function<ScopePage(const QString &scope, qint64 before, int limit)>;

    Scopes(Database &db, ChangeLog &log) : m_db(db), m_log(log) {}

    void addPager(const QString &prefix, Pager pager) { m_pagers.insert(prefix, std::move(pager)); }
    // Items of `scope` older than `before` (0: the newest) as an encoded frame of `type`
    // (scope.snapshot or history): as many of the `limit` items as fit the peer's message
    // limit; `more` and `oldest` say where the client goes on from, so a short page loses
    // nothing. The newest page also lists the current members as `member` changes.
    QByteArray pageFrame(const char *type, const QString &re, const QString &scope, qint64 before, int limit) const;

    // Membership writes; call inside a transaction. `role` is protocol::scope::Owner or
    // MemberRole. Joining again with another role changes the role and keeps the join.
    // False on a database error (the caller rolls back).
    bool setMember(const QString &scope, const QString &userId, const QString &role, const QString &op, qint64 at);
    bool removeMember(const QString &scope, const QString &userId, const QString &op, qint64 at);
    // Removes every membership of a scope (the scope itself is going away).
    bool removeScope(const QString &scope, const QString &op, qint64 at);

    // Empty when not a member.
    QString roleOf(const QString &scope, const QString &userId) const;
    bool isMember(const QString &scope, const QString &userId) const { return !roleOf(scope, userId).isEmpty(); }
    QStringList members(const QString &scope) const;
    // The user's scopes, each with the seq of the change that made them a member, plus the
    // scopes they read without membership (subscriptions, below).
    QHash<QString, qint64> scopesOf(const QString &userId) const;

    // Scopes a user reads without being a member (following an open group,
    // features/follows): scope -> the seq from which they read it. Streams carry them like
    // memberships; writes still need membership.
    using Subscriptions = std::function<QHash<QString, qint64>(const QString &userId)>;
    void setSubscriptions(Subscriptions s) { m_subscriptions = std::move(s); }
    // Whether the user reads the scope: a member or a subscriber.
    bool reads(const QString &scope, const QString &userId) const;

    // Moves whenever any membership may have changed; streams compare it to re-read.
    quint64 generation() const { return m_generation; }
    // Something else that decides who reads a scope changed (a follow, a group's visibility).
    void touch() { ++m_generation; }
    // A scope stops taking subscribers (an open group closed or went secret): whoever made
    // the subscriptions ends them, telling each subscriber's computers to purge it. Call
    // inside the writer's transaction; false on a database error.
    using SubscriptionsEnd = std::function<bool(const QString &scope, const QString &op, qint64 at)>;
    void setSubscriptionsEnd(SubscriptionsEnd f) { m_subscriptionsEnd = std::move(f); }
    bool endSubscriptions(const QString &scope, const QString &op, qint64 at)
    {
        ++m_generation;
        return !m_subscriptionsEnd || m_subscriptionsEnd(scope, op, at);
    }

private:
    QList<protocol::Change> memberChanges(const QString &scope) const;
    // The pager's page alone, without the member list.
    ScopePage contentPage(const QString &scope, qint64 before, int limit) const;

    Database &m_db;
    ChangeLog &m_log;
    QHash<QString, Pager> m_pagers;
    Subscriptions m_subscriptions;
    SubscriptionsEnd m_subscriptionsEnd;
    quint64 m_generation = 1;
};

} // namespace plein::server
