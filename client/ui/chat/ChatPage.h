#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QSystemTrayIcon;
class QTimer;

namespace plein::client {

class ChatClient;
class MessageDelegate;
class Session;

// The chat page: rooms on the left (unread and mention badges, presence), the open room on
// the right (messages with code blocks, replies and reactions, a "new" line and a jump to
// it, typing indicator, composer with reply), search across or within rooms from the local
// index, and tray notifications for rooms not in view.
class ChatPage : public QWidget
{
    Q_OBJECT
public:
    explicit ChatPage(Session *session, QWidget *parent = nullptr);

    void openRoom(const QString &roomId);
    void search(const QString &text);
    bool jumpToFirstUnread();
    QListView *roomView() const { return m_rooms; }
    QListView *messageView() const { return m_messages; }
    QListWidget *resultsView() const { return m_results; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void send();
    void updateHeader();
    void onCacheChanged();
    void showMessageMenu(const QPoint &pos);
    void showRoomMenu(const QPoint &pos);
    void newRoom();
    void addPerson();
    void setReply(const QString &messageId);
    void activity();
    QString userIdByName(const QString &name) const;

    Session *m_session;
    ChatClient *m_chat;
    QListView *m_rooms;
    QLineEdit *m_search;
    QStackedWidget *m_stack;
    QListView *m_messages;
    MessageDelegate *m_delegate = nullptr;
    QListWidget *m_results;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_typing;
    QLabel *m_replyLabel;
    QWidget *m_replyBar;
    QPushButton *m_jump;
    QPushButton *m_addPerson;
    QComboBox *m_status;
    QPlainTextEdit *m_composer;
    QSystemTrayIcon *m_tray = nullptr;
    QTimer *m_idle;
    QString m_replyTo;
    QString m_editing;   // a failed message being edited for retry
    QString m_firstUnread;
    bool m_away = false;
};

} // namespace plein::client
