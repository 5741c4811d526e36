#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QSplitter;

namespace plein::client {

class CommentsPanel;
class Composer;
class PostDelegate;
class Session;

// Home: the company timeline from the replica, newest first, with a composer on top and the
// selected post's comments beside it. Reads only the session's models; writes through the
// session's commands, which work the same online and offline.
class TimelinePage : public QWidget
{
    Q_OBJECT
public:
    explicit TimelinePage(Session *session, QWidget *parent = nullptr);

    QListView *view() const;
    PostDelegate *delegate() const;
    Composer *composer() const;
    CommentsPanel *commentsPanel() const;

private:
    void submitPost(const QString &text);
    void openComments(const QModelIndex &index);
    void closeComments();
    void updateEmptyState();
    void showContextMenu(const QPoint &pos);
    void copyText(const QModelIndex &index);

    Session *m_session;
    QListView *m_view;
    PostDelegate *m_delegate;
    Composer *m_composer;
    CommentsPanel *m_comments;
    QSplitter *m_splitter;
    QLabel *m_empty;
};

} // namespace plein::client
