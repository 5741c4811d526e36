#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QModelIndex;

namespace plein::client {

class CommentsModel;
class Composer;
class Session;

// The comments of the selected post beside a list of posts: the post it belongs to, its
// comments (the session's CommentsModel, or the one given: group posts and blog pages have
// their own) and a composer for a new comment with @mention completion. Comments render
// their Markdown; the user's own can be edited and deleted from the context menu.
class CommentsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CommentsPanel(Session *session, QWidget *parent = nullptr, CommentsModel *model = nullptr);

    // Shows the comments of the post at postIndex (a row of any post model).
    void showPost(const QModelIndex &postIndex);
    QString postId() const;
    QListView *view() const { return m_view; }
    Composer *composer() const { return m_composer; }

signals:
    void closeRequested();

private:
    void submit(const QString &text);
    void updateEmptyState();

    void showContextMenu(const QPoint &pos);

    Session *m_session;
    CommentsModel *m_model;
    QString m_postId;
    QLabel *m_postAuthor;
    QLabel *m_postText;
    QListView *m_view;
    QLabel *m_empty;
    Composer *m_composer;
};

} // namespace plein::client
