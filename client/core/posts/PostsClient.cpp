#include "posts/PostsClient.h"

#include "cache/LocalWriter.h"
#include "cache/Replica.h"
#include "model/Types.h"
#include "models/CommentsModel.h"
#include "posts/ContentModel.h"
#include "posts/PostCache.h"
#include "protocol/ScopeMessages.h"

#include <QSqlQuery>

namespace plein::client {

PostsClient::PostsClient(const QSqlDatabase &readDb, const QSqlDatabase &writeDb, QObject *parent)
    : QObject(parent), m_read(readDb), m_write(writeDb),
      m_groupPosts(new ContentModel(readDb, ContentModel::Mode::GroupPosts, this)),
      m_blogPages(new ContentModel(readDb, ContentModel::Mode::BlogPages, this)),
      m_tagged(new ContentModel(readDb, ContentModel::Mode::Tagged, this)),
      m_groupComments(new CommentsModel(readDb, this)), m_blogComments(new CommentsModel(readDb, this))
{
}

void PostsClient::refresh()
{
    m_groupPosts->refresh();
    m_blogPages->refresh();
    m_tagged->refresh();
    m_groupComments->refresh();
    m_blogComments->refresh();
}

template<typename R>
bool PostsClient::done(const R &result, QString *error)
{
    if (!result) {
        if (error)
            *error = result.error().message;
        return false;
    }
    emit wrote();
    return true;
}

bool PostsClient::react(const QString &postId, const QString &reaction, bool on, QString *error)
{
    return done(postcache::react(m_write, postId, reaction, on), error);
}

bool PostsClient::editPost(const QString &postId, const QString &text, QString *error)
{
    return done(postcache::editPost(m_write, postId, text), error);
}

bool PostsClient::deletePost(const QString &postId, QString *error)
{
    return done(postcache::deletePost(m_write, postId), error);
}

QString PostsClient::comment(const QString &postId, const QString &text, QString *error)
{
    if (postcache::kindOf(m_write, postId) == postcache::Kind::Company) {
        LocalWriter writer(m_write);
        auto w = writer.addComment(postId, text);
        return done(w, error) ? w->id : QString();
    }
    auto r = postcache::comment(m_write, postId, text);
    return done(r, error) ? r.value() : QString();
}

bool PostsClient::editComment(const QString &commentId, const QString &text, QString *error)
{
    return done(postcache::editComment(m_write, commentId, text), error);
}

bool PostsClient::deleteComment(const QString &commentId, QString *error)
{
    return done(postcache::deleteComment(m_write, commentId), error);
}

QString PostsClient::saveBlog(const QString &id, const QString &group, const QString &title, const QString &text,
                              QString *error)
{
    auto r = postcache::saveBlog(m_write, id, group, title, text);
    return done(r, error) ? r.value() : QString();
}

BlogPageView PostsClient::blogPage(const QString &id) const
{
    QSqlQuery q(m_read);
    q.prepare(QStringLiteral("SELECT b.group_id, coalesce(g.name, ''), b.author_id, coalesce(u.display_name, ''),"
                             " b.title, b.text, b.created, b.edited, b.state FROM blog_pages b"
                             " LEFT JOIN users u ON u.id = b.author_id LEFT JOIN groups g ON g.id = b.group_id"
                             " WHERE b.id = ? AND b.deleted = 0"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return {};
    return BlogPageView{id,
                        q.value(0).toString(),
                        q.value(1).toString(),
                        q.value(2).toString(),
                        q.value(3).toString(),
                        q.value(4).toString(),
                        q.value(5).toString(),
                        q.value(6).toLongLong(),
                        q.value(7).toLongLong(),
                        q.value(8).toInt() != 0};
}

QList<MentionCandidate> PostsClient::mentionCandidates(const QString &prefix, int limit) const
{
    const QString p = prefix.toLower();
    QSqlQuery q(m_read);
    // users is small next to posts; names and display names both match from the start of a word.
    q.prepare(QStringLiteral("SELECT name, display_name, id FROM users WHERE name LIKE ? ESCAPE '\\'"
                             " OR display_name LIKE ? ESCAPE '\\' OR display_name LIKE ? ESCAPE '\\'"
                             " ORDER BY display_name COLLATE NOCASE LIMIT ?"));
    QString escaped = p;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('%'), QStringLiteral("\\%"))
        .replace(QLatin1Char('_'), QStringLiteral("\\_"));
    q.addBindValue(escaped + QLatin1Char('%'));
    q.addBindValue(escaped + QLatin1Char('%'));
    q.addBindValue(QStringLiteral("% ") + escaped + QLatin1Char('%'));
    q.addBindValue(limit);
    QList<MentionCandidate> out;
    if (q.exec())
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
    return out;
}

QString PostsClient::myId() const
{
    return Replica::currentUserId(m_read);
}

bool PostsClient::mayDelete(const QString &authorId) const
{
    const QString me = myId();
    if (me.isEmpty())
        return false;
    if (authorId == me)
        return true;
    QSqlQuery q(m_read);
    q.prepare(QStringLiteral("SELECT role FROM users WHERE id = ?"));
    q.addBindValue(me);
    return q.exec() && q.next() && q.value(0).toString() == QLatin1String(role::Admin);
}

QList<QPair<QString, QString>> PostsClient::myGroups() const
{
    QSqlQuery q(m_read);
    q.prepare(QStringLiteral("SELECT g.id, g.name FROM groups g JOIN scopes s ON s.scope = 'group:' || g.id"
                             " ORDER BY g.name COLLATE NOCASE"));
    QList<QPair<QString, QString>> out;
    if (q.exec())
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toString()});
    return out;
}

} // namespace plein::client
