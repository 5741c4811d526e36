#pragma once

#include "model/Types.h"
#include "protocol/Error.h"
#include "protocol/HomeMessages.h"
#include "protocol/Messages.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace plein::server {

class ChangeLog;
class Database;
class Scopes;
class WriteHandlers;

// The recipient's side of notifications (Notifier makes them): marking read, which is sent
// to the user's own audience so every computer clears the badge, and muting a group.
class NotificationsFeature
{
public:
    NotificationsFeature(Database &db, Scopes &scopes, ChangeLog &log) : m_db(db), m_scopes(scopes), m_log(log) {}

    void registerHandlers(WriteHandlers &handlers);
    Result<protocol::AckBody> markRead(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> mute(const Person &actor, const QString &op, const QJsonObject &body);

private:
    std::optional<protocol::Notification> load(const QString &id, const QString &userId) const;

    Database &m_db;
    Scopes &m_scopes;
    ChangeLog &m_log;
};

} // namespace plein::server
