#pragma once

#include "groups/GroupsModel.h"

#include <QWidget>

class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace plein::client {

class CommentsPanel;
class PostDelegate;
class Session;

// Groups: my groups and the directory on the left; the chosen group on the right with its
// settings, join / ask / leave, the composer for members (@mention completion), its posts
// (a list view with the shared PostDelegate: Markdown, reactions, comments beside it, edit
// and delete), and for owners the people waiting for approval. Everything reads the replica and writes through
// the outbox, so it works offline.
class GroupsPage : public QWidget
{
    Q_OBJECT
public:
    explicit GroupsPage(Session *session, QWidget *parent = nullptr);

    bool openGroup(const QString &id);
    QString currentGroup() const { return m_current; }
    QListView *postList() const { return m_postList; }
    PostDelegate *postDelegate() const { return m_postDelegate; }
    CommentsPanel *commentsPanel() const { return m_comments; }

private:
    void showGroup();
    void newGroup();
    void sendPost();
    void openComments(const QModelIndex &index);
    void showPostMenu(const QPoint &pos);

    Session *m_session;
    QString m_current;
    QList<GroupRequestRow> m_shownRequests;
    QListView *m_list = nullptr;
    QWidget *m_detail = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_meta = nullptr;
    QLabel *m_description = nullptr;
    QPushButton *m_action = nullptr;
    QWidget *m_composer = nullptr;
    QPlainTextEdit *m_postEdit = nullptr;
    QLabel *m_requestsTitle = nullptr;
    QVBoxLayout *m_requestsLayout = nullptr;
    QLabel *m_postsTitle = nullptr;
    QListView *m_postList = nullptr;
    PostDelegate *m_postDelegate = nullptr;
    CommentsPanel *m_comments = nullptr;
};

} // namespace plein::client
