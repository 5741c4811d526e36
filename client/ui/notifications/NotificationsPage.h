#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace plein::client {

class Session;

// Notifications, newest first: mentions, comments and reactions on my posts, must-read news.
// Unread ones carry a dot; clicking one marks it read, "Mark all as read" clears them all
// (offline too; the read state follows the user to their other computers).
class NotificationsPage : public QWidget
{
    Q_OBJECT
public:
    explicit NotificationsPage(Session *session, QWidget *parent = nullptr);

signals:
    // The user opened a notification about this item (of change kind itemKind).
    void itemRequested(const QString &itemKind, const QString &item);

private:
    void updateCount(int unread);

    Session *m_session;
    QListView *m_list = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_markAll = nullptr;
};

} // namespace plein::client
