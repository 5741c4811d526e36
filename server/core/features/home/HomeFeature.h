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
class WriteHandlers;

// The start page layout: the widgets a user picked, top to bottom, stored per user and sent
// to the user's own audience (kind `home_layout`), so it follows them to every computer.
// The server checks the form of widget ids only; which widgets exist is the client's
// business (client/ui/home/WidgetRegistry), so adding one needs no server change.
class HomeFeature
{
public:
    HomeFeature(Database &db, ChangeLog &log) : m_db(db), m_log(log) {}

    void registerHandlers(WriteHandlers &handlers);
    Result<protocol::AckBody> setLayout(const Person &actor, const QString &op, const QJsonObject &body);
    // Stores and logs a layout (also used by the demo seed); the seq, 0 on failure.
    qint64 store(const QString &userId, const QStringList &widgets, const QString &op, qint64 at);
    std::optional<protocol::HomeLayout> layoutOf(const QString &userId) const;

private:
    Database &m_db;
    ChangeLog &m_log;
};

} // namespace plein::server
