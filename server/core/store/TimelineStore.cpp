#include "store/TimelineStore.h"

#include "store/Database.h"

namespace plein::server {

bool TimelineStore::postExists(const QString &id)
{
    Stmt s(m_db, QStringLiteral("SELECT 1 FROM posts WHERE id = ?"));
    s.bind(id);
    return s.exec() && s.next();
}

bool TimelineStore::insertPost(const Post &p)
{
    Stmt s(m_db, QStringLiteral("INSERT INTO posts (id, author, text, created) VALUES (?, ?, ?, ?)"));
    s.bind(p.id).bind(p.author).bind(p.text).bind(p.created);
    return s.exec();
}

bool TimelineStore::commentExists(const QString &id)
{
    Stmt s(m_db, QStringLiteral("SELECT 1 FROM comments WHERE id = ?"));
    s.bind(id);
    return s.exec() && s.next();
}

bool TimelineStore::insertComment(const Comment &c)
{
    Stmt s(m_db, QStringLiteral("INSERT INTO comments (id, post_id, author, text, created) VALUES (?, ?, ?, ?, ?)"));
    s.bind(c.id).bind(c.post).bind(c.author).bind(c.text).bind(c.created);
    return s.exec();
}

bool TimelineStore::setLike(const Like &l, qint64 at)
{
    if (l.liked) {
        // Plain INSERT ... WHERE NOT EXISTS reads the same in SQLite and PostgreSQL.
        Stmt s(m_db, QStringLiteral("INSERT INTO likes (post_id, user_id, created) SELECT ?, ?, ?"
                                    " WHERE NOT EXISTS (SELECT 1 FROM likes WHERE post_id = ? AND user_id = ?)"));
        s.bind(l.post).bind(l.user).bind(at).bind(l.post).bind(l.user);
        return s.exec();
    }
    Stmt s(m_db, QStringLiteral("DELETE FROM likes WHERE post_id = ? AND user_id = ?"));
    s.bind(l.post).bind(l.user);
    return s.exec();
}

qint64 TimelineStore::count(const QString &sql)
{
    Stmt s(m_db, sql);
    if (!s.exec() || !s.next())
        return -1;
    return s.value(0).toLongLong();
}

qint64 TimelineStore::postCount()
{
    return count(QStringLiteral("SELECT COUNT(*) FROM posts"));
}

qint64 TimelineStore::commentCount()
{
    return count(QStringLiteral("SELECT COUNT(*) FROM comments"));
}

qint64 TimelineStore::likeCount()
{
    return count(QStringLiteral("SELECT COUNT(*) FROM likes"));
}

} // namespace plein::server
