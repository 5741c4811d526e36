#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace plein::client {

class Session;
class SettingsPage;
class StatusIndicator;
class TimelinePage;
class HomePage;
class NotificationBell;
class NotificationsPage;
class TokenStore;

// The shell: a navigation sidebar, one page per entry in a stack, the connection status in
// the status bar and the account menu. Pages do the work; this class only hosts them.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Page { Home, News, Groups, Blogs, Chat, People, Experts, Documents, Analytics, Settings };
    Q_ENUM(Page)

    MainWindow(const QString &profileDir, Session *session, TokenStore *tokens, QWidget *parent = nullptr);

    void showPage(Page page);
    Page currentPage() const;
    TimelinePage *timelinePage() const;
    HomePage *homePage() const { return m_home; }
    // Notifications are not a navigation entry but the bell in the sidebar's header.
    void showNotifications();
    NotificationsPage *notificationsPage() const { return m_notifications; }
    StatusIndicator *statusIndicator() const;

signals:
    void signOutRequested();

private:
    QWidget *buildSidebar();
    void addPage(Page page, const QString &label, QWidget *widget);
    void refreshUser();
    void refreshKeychainNote();
    void showAbout();
    void updateUnread(int unread);

    Session *m_session;
    TokenStore *m_tokens;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_pages = nullptr;
    TimelinePage *m_timeline = nullptr;
    HomePage *m_home = nullptr;
    NotificationsPage *m_notifications = nullptr;
    NotificationBell *m_bell = nullptr;
    SettingsPage *m_settings = nullptr;
    StatusIndicator *m_status = nullptr;
    QLabel *m_keychainNote = nullptr;
    QLabel *m_userAvatar = nullptr;
    QLabel *m_userName = nullptr;
    QLabel *m_userDetail = nullptr;
};

} // namespace plein::client
