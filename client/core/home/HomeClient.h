#pragma once

#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QStringList>

namespace plein::client {

class NotificationsModel;
class PersonalTimelineModel;

// The personal side for the UI: follows, the start page layout, the personal timeline and
// notifications. Reads go through the read connection; writes go through the write
// connection as a local row plus an outbox row (personalcache), so all of them work offline.
class HomeClient : public QObject
{
    Q_OBJECT
public:
    HomeClient(const QSqlDatabase &readDb, const QSqlDatabase &writeDb, QObject *parent = nullptr);

    // Follows: kind is "person" or "group". Groups I am a member of count as followed
    // unless I unfollowed them.
    bool setFollowing(const QString &kind, const QString &target, bool on, QString *error = nullptr);
    bool isFollowing(const QString &kind, const QString &target) const;
    QStringList followed(const QString &kind) const;

    // The start page: widget ids top to bottom (the default until the user changes it).
    QStringList layout() const;
    bool setLayout(const QStringList &widgets, QString *error = nullptr);

    PersonalTimelineModel *timeline() const { return m_timeline; }
    NotificationsModel *notifications() const { return m_notifications; }
    NotificationsModel *mentions() const { return m_mentions; }
    int unreadCount() const { return m_unread; }
    bool markRead(const QStringList &ids);
    bool markAllRead();
    bool setGroupMuted(const QString &groupId, bool muted);
    bool isGroupMuted(const QString &groupId) const;
    // One line for a notification ("Bert mentioned you in Hardlopen").
    static QString describe(const QString &kind, const QString &actorName, const QString &groupName);

signals:
    void wrote();   // a local write is committed: send it
    void layoutChanged(const QStringList &widgets);
    void unreadCountChanged(int unread);
    // Notifications that arrived since the last refresh, unread and recent (for the tray):
    // one, or a summary of several (id: the newest).
    void notify(const QString &id, const QString &title, const QString &text);

public slots:
    void refresh();

private:
    QSqlDatabase m_read;
    QSqlDatabase m_write;
    PersonalTimelineModel *m_timeline;
    NotificationsModel *m_notifications;
    NotificationsModel *m_mentions;
    QStringList m_layout;
    int m_unread = 0;
    QSet<QString> m_seen;   // notification ids already reported
    bool m_primed = false;
};

} // namespace plein::client
