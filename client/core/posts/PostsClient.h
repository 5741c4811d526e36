#pragma once

#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace plein::client {

class CommentsModel;
class ContentModel;

// A person the composers offer when the user types @ (from the cached directory).
struct MentionCandidate
{
    QString name;          // sign-in name, what goes after @
    QString displayName;
    QString id;            // for the avatar's colour
    bool operator==(const MentionCandidate &) const = default;
};

// One blog page as the reader shows it.
struct BlogPageView
{
    QString id;
    QString group;         // empty: on the author's profile
    QString groupName;
    QString authorId;
    QString authorName;
    QString title;
    QString text;
    qint64 created = 0;
    qint64 edited = 0;
    bool pending = false;
};

// Posts beyond the company timeline, for the UI: a group's posts, blog pages and the hashtag
// view as models, comments for each, and the writes (reactions, edits, tombstone deletes,
// comments, blog pages), each into the replica at once and queued in the outbox.
// Lives on the UI thread with the session's read and write connections.
class PostsClient : public QObject
{
    Q_OBJECT
public:
    PostsClient(const QSqlDatabase &readDb, const QSqlDatabase &writeDb, QObject *parent = nullptr);

    ContentModel *groupPosts() const { return m_groupPosts; }   // setKey(group id)
    ContentModel *blogPages() const { return m_blogPages; }     // setKey(group id, or "" for all)
    ContentModel *tagged() const { return m_tagged; }           // setKey(tag)
    CommentsModel *groupComments() const { return m_groupComments; }  // setPost(): a group post's
    CommentsModel *blogComments() const { return m_blogComments; }    // setPost(): a blog page's

    // Writes: false or empty with *error on bad input (nothing queued then).
    bool react(const QString &postId, const QString &reaction, bool on, QString *error = nullptr);
    bool editPost(const QString &postId, const QString &text, QString *error = nullptr);
    bool deletePost(const QString &postId, QString *error = nullptr);
    // Any post: company posts, group posts, blog pages. The new comment's id.
    QString comment(const QString &postId, const QString &text, QString *error = nullptr);
    bool editComment(const QString &commentId, const QString &text, QString *error = nullptr);
    bool deleteComment(const QString &commentId, QString *error = nullptr);
    // A new page (id empty) in `group` or on the profile (group empty), or the user's own page.
    QString saveBlog(const QString &id, const QString &group, const QString &title, const QString &text,
                     QString *error = nullptr);

    BlogPageView blogPage(const QString &id) const;
    // People whose sign-in or display name starts with prefix (any word of it), active first.
    QList<MentionCandidate> mentionCandidates(const QString &prefix, int limit = 8) const;
    // Whether the current user may delete what `authorId` wrote (theirs, or an admin).
    bool mayDelete(const QString &authorId) const;
    QString myId() const;
    // The groups the user is a member of: id -> name (where blog pages may be written).
    QList<QPair<QString, QString>> myGroups() const;

public slots:
    void refresh();

signals:
    // A write went into the replica and the outbox: the session refreshes and sends.
    void wrote();

private:
    template<typename R>
    bool done(const R &result, QString *error);

    QSqlDatabase m_read;
    QSqlDatabase m_write;
    ContentModel *m_groupPosts;
    ContentModel *m_blogPages;
    ContentModel *m_tagged;
    CommentsModel *m_groupComments;
    CommentsModel *m_blogComments;
};

} // namespace plein::client
