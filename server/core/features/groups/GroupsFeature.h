#pragma once

#include "model/Types.h"
#include "protocol/Error.h"
#include "protocol/GroupMessages.h"
#include "protocol/Messages.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace plein::server {

class ChangeLog;
class Database;
class Scopes;
class WriteHandlers;
struct ScopePage;

// Groups on scoped audiences: each group is the scope "group:<id>".
//
// Who sees what: an open or closed group's settings (kind `group`) go to `org`, so everyone
// can find and join or ask; a secret group's go only to its scope, so a non-member never
// receives its id or name. Posts (kind `group_post`) and membership go to the scope only.
// A join request (kind `group_request`) goes to the asker and to each owner.
//
// Who may do what: anyone creates open and closed groups, editors and admins also secret
// ones; owners change settings and manage members (add, approve, promote, remove); anyone
// joins an open group and asks to join a closed one; members post and leave. A secret group
// answers not_found to everyone outside it, as if it did not exist.
class GroupsFeature
{
public:
    GroupsFeature(Database &db, Scopes &scopes, ChangeLog &log) : m_db(db), m_scopes(scopes), m_log(log) {}

    void registerHandlers(WriteHandlers &handlers);

    Result<protocol::AckBody> save(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> join(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> leave(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> member(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> post(const Person &actor, const QString &op, const QJsonObject &body);

    ScopePage page(const QString &scope, qint64 before, int limit) const;

private:
    std::optional<protocol::GroupInfo> group(const QString &id, qint64 *seq = nullptr) const;
    // The group if the actor may know it exists; not_found otherwise.
    Result<protocol::GroupInfo> visibleGroup(const Person &actor, const QString &id) const;
    // The group a GroupRefBody names, if the actor may see it.
    Result<protocol::GroupInfo> referencedGroup(const Person &actor, const QJsonObject &body) const;
    bool isOwner(const QString &group, const QString &userId) const;
    QStringList owners(const QString &group) const;
    bool hasRequest(const QString &group, const QString &userId) const;
    // Logs the settings to where they belong; the seq, 0 on failure.
    qint64 logGroup(const protocol::GroupInfo &g, const QString &op, bool deleted, const QString &audience);
    qint64 logRequest(const protocol::GroupRequest &r, const QString &op, bool deleted);

    Database &m_db;
    Scopes &m_scopes;
    ChangeLog &m_log;
};

} // namespace plein::server
