#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QModelIndex;

namespace plein::client {

class Composer;
class Session;

// The comments of the selected post beside the timeline: the post it belongs to, its
// comments (the session's CommentsModel) and a composer for a new comment.
class CommentsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CommentsPanel(Session *session, QWidget *parent = nullptr);

    // Shows the comments of the post at postIndex (a TimelineModel index).
    void showPost(const QModelIndex &postIndex);
    QString postId() const;

signals:
    void closeRequested();

private:
    void submit(const QString &text);
    void updateEmptyState();

    Session *m_session;
    QString m_postId;
    QLabel *m_postAuthor;
    QLabel *m_postText;
    QListView *m_view;
    QLabel *m_empty;
    Composer *m_composer;
};

} // namespace plein::client
