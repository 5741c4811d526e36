#pragma once

#include <QWidget>

class QLabel;
class QListView;

namespace plein::client {

class PostDelegate;
class Session;

// Everything with one hashtag the user can see (company posts, group posts, blog pages),
// newest first, straight from the replica's hashtag index, so it works offline. One window
// per session, re-used: following another tag in it switches the tag.
class HashtagView : public QWidget
{
    Q_OBJECT
public:
    // Shows (creating once) the view for `tag` (without '#').
    static HashtagView *open(Session *session, const QString &tag, QWidget *near = nullptr);

    QString tag() const;
    QListView *view() const { return m_view; }
    PostDelegate *delegate() const { return m_delegate; }

private:
    HashtagView(Session *session, QWidget *parent);
    void setTag(const QString &tag);
    void updateCount();

    Session *m_session;
    QLabel *m_title;
    QLabel *m_count;
    QListView *m_view;
    PostDelegate *m_delegate;
};

// Follows a link from a post: http(s) opens the browser, "tag:<t>" the hashtag view; a
// "mention:<name>" shows who that is.
void followLink(Session *session, QWidget *from, const QString &href);

} // namespace plein::client
