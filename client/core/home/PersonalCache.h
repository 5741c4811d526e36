#pragma once

#include "cache/Undo.h"
#include "protocol/Error.h"

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

class QSqlQuery;

namespace plein::client {

class ChangeApplier;

// The personal side of the replica: follows, the start page layout, notifications and group
// mutes (one migration, the appliers of their change kinds), and the small helpers their
// writes share. Every write is a local row plus an outbox row in one transaction, so it
// works offline and goes out once.
namespace personalcache {

QList<const char *> migration();
void registerKinds(ChangeApplier &applier);

// The signed-in user's id, or auth_required before the first sign-in.
Result<QString> me(const QSqlDatabase &db);
// Runs `local` (an error text, empty when fine) and enqueues the write, in one transaction,
// with the pre-images of `touched` (cache/Undo.h); the op id.
Result<QString> write(const QSqlDatabase &db, const char *type, const QString &entity, const QJsonObject &body,
                      const QList<undo::Rows> &touched, const std::function<QString(QSqlQuery &)> &local);

// Follows. isFollowing: an explicit choice, else (groups) whether I am a member.
Result<QString> setFollow(const QSqlDatabase &db, const QString &kind, const QString &target, bool on);
bool isFollowing(const QSqlDatabase &db, const QString &kind, const QString &target);
QStringList followed(const QSqlDatabase &db, const QString &kind);

// The start page: the stored layout, else the default one.
QStringList defaultLayout();
QStringList layout(const QSqlDatabase &db, bool *stored = nullptr);
Result<QString> setLayout(const QSqlDatabase &db, const QStringList &widgets);

// Notifications.
int unreadCount(const QSqlDatabase &db);
Result<QString> markRead(const QSqlDatabase &db, const QStringList &ids);
Result<QString> markAllRead(const QSqlDatabase &db);
Result<QString> setMuted(const QSqlDatabase &db, const QString &group, bool muted);
bool isMuted(const QSqlDatabase &db, const QString &group);

} // namespace personalcache
} // namespace plein::client
