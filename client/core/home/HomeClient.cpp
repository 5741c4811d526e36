#include "home/HomeClient.h"

#include "Logging.h"
#include "home/PersonalCache.h"
#include "home/PersonalTimelineModel.h"
#include "notifications/NotificationsModel.h"
#include "protocol/HomeMessages.h"

#include <QDateTime>

namespace plein::client {

namespace {
template<typename R>
bool done(const R &r, QString *error)
{
    if (r)
        return true;
    if (error)
        *error = r.error().message;
    qCWarning(lcSession) << "personal write refused:" << r.error().message;
    return false;
}
} // namespace

HomeClient::HomeClient(const QSqlDatabase &readDb, const QSqlDatabase &writeDb, QObject *parent)
    : QObject(parent), m_read(readDb), m_write(writeDb),
      m_timeline(new PersonalTimelineModel(readDb, 30, this)),
      m_notifications(new NotificationsModel(readDb, {}, this)),
      m_mentions(new NotificationsModel(readDb, {QLatin1String(protocol::notify::Mention)}, this))
{
    m_layout = personalcache::layout(m_read);
    refresh();
}

bool HomeClient::setFollowing(const QString &kind, const QString &target, bool on, QString *error)
{
    if (!done(personalcache::setFollow(m_write, kind, target, on), error))
        return false;
    emit wrote();
    return true;
}

bool HomeClient::isFollowing(const QString &kind, const QString &target) const
{
    return personalcache::isFollowing(m_read, kind, target);
}

QStringList HomeClient::followed(const QString &kind) const
{
    return personalcache::followed(m_read, kind);
}

QStringList HomeClient::layout() const
{
    return m_layout;
}

bool HomeClient::setLayout(const QStringList &widgets, QString *error)
{
    if (!done(personalcache::setLayout(m_write, widgets), error))
        return false;
    emit wrote();
    return true;
}

bool HomeClient::markRead(const QStringList &ids)
{
    if (ids.isEmpty())
        return true;
    if (!done(personalcache::markRead(m_write, ids.mid(0, protocol::notify::MaxReadIds)), nullptr))
        return false;
    emit wrote();
    return true;
}

bool HomeClient::markAllRead()
{
    if (m_unread == 0)
        return true;
    if (!done(personalcache::markAllRead(m_write), nullptr))
        return false;
    emit wrote();
    return true;
}

bool HomeClient::setGroupMuted(const QString &groupId, bool muted)
{
    if (!done(personalcache::setMuted(m_write, groupId, muted), nullptr))
        return false;
    emit wrote();
    return true;
}

bool HomeClient::isGroupMuted(const QString &groupId) const
{
    return personalcache::isMuted(m_read, groupId);
}

QString HomeClient::describe(const QString &kind, const QString &actorName, const QString &groupName)
{
    const QString who = actorName.isEmpty() ? tr("Someone") : actorName;
    if (kind == QLatin1String(protocol::notify::Mention))
        return groupName.isEmpty() ? tr("%1 mentioned you").arg(who) : tr("%1 mentioned you in %2").arg(who, groupName);
    if (kind == QLatin1String(protocol::notify::Comment))
        return tr("%1 commented on your post").arg(who);
    if (kind == QLatin1String(protocol::notify::Reaction))
        return tr("%1 reacted to your post").arg(who);
    if (kind == QLatin1String(protocol::notify::MustRead))
        return tr("Must read: please read and confirm");
    if (kind == QLatin1String(protocol::notify::ExpertQuestion))
        return tr("%1 asked you a question as an expert").arg(who);
    if (kind == QLatin1String(protocol::notify::ExpertAnswer))
        return tr("%1 answered your question").arg(who);
    return tr("%1: %2").arg(who, kind);
}

void HomeClient::refresh()
{
    m_timeline->refresh();
    m_notifications->refresh();
    m_mentions->refresh();
    const QStringList layout = personalcache::layout(m_read);
    if (layout != m_layout) {
        m_layout = layout;
        emit layoutChanged(m_layout);
    }
    const int unread = personalcache::unreadCount(m_read);
    if (unread != m_unread) {
        m_unread = unread;
        emit unreadCountChanged(unread);
    }
    // New unread ones since last time go to the tray; what was there at start-up does not,
    // nor does a backlog a new computer syncs (older than an hour). Several at once are one
    // message, not a flood.
    QList<const NotificationRow *> fresh;
    const qint64 recent = QDateTime::currentMSecsSinceEpoch() - 60 * 60 * 1000;
    for (int r = m_notifications->rowCount() - 1; r >= 0; --r) {
        const NotificationRow &n = m_notifications->row(r);
        if (m_seen.contains(n.id))
            continue;
        m_seen.insert(n.id);
        // The Experts page already announces questions and answers in the tray.
        const bool announced = n.kind == QLatin1String(protocol::notify::ExpertQuestion)
                               || n.kind == QLatin1String(protocol::notify::ExpertAnswer);
        if (m_primed && !n.read && n.created >= recent && !announced)
            fresh.append(&n);
    }
    m_primed = true;
    if (fresh.size() == 1)
        emit notify(fresh.constFirst()->id, describe(fresh.constFirst()->kind, fresh.constFirst()->actorName,
                                                     fresh.constFirst()->groupName),
                    fresh.constFirst()->text);
    else if (fresh.size() > 1)
        emit notify(fresh.constLast()->id, tr("%n new notifications", nullptr, int(fresh.size())),
                    describe(fresh.constLast()->kind, fresh.constLast()->actorName, fresh.constLast()->groupName));
}

} // namespace plein::client
