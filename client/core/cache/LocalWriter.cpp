#include "cache/LocalWriter.h"

#include "cache/LocalWrite.h"
#include "cache/Outbox.h"
#include "cache/Statements.h"
#include "cache/Replica.h"
#include "cache/Transaction.h"
#include "model/Ids.h"
#include "protocol/Limits.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"

#include <QSqlError>
#include <QSqlQuery>

namespace plein::client {

namespace {

Error cacheError(const QString &message)
{
    return Error{QStringLiteral("cache"), message};
}

} // namespace

Result<QString> LocalWriter::currentUser() const
{
    const QString me = Replica::currentUserId(m_db);
    if (me.isEmpty())
        return Error{QLatin1String(protocol::code::AuthRequired), QStringLiteral("sign in once before writing")};
    return me;
}

bool LocalWriter::postExists(const QString &postId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM posts WHERE id = ?"));
    q.addBindValue(postId);
    return q.exec() && q.next();
}

Result<LocalWriter::Written> LocalWriter::createPost(const QString &text)
{
    auto valid = protocol::validateText(text, limits::MaxPostChars, "text");
    if (!valid)
        return valid.error();
    auto me = currentUser();
    if (!me)
        return me.error();
    const Written w{ids::create(), ids::create()};
    Transaction tx(m_db);
    if (!tx.isActive())
        return cacheError(tx.error());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO posts (id, author_id, text, created, state, op) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(w.id);
    q.addBindValue(me.value());
    q.addBindValue(valid.value());
    q.addBindValue(QVariant::fromValue(ids::nowMs()));
    q.addBindValue(rowstate::Pending);
    q.addBindValue(w.op);
    if (!q.exec())
        return cacheError(q.lastError().text());
    QString error;
    if (!Outbox::enqueue(m_db, QLatin1String(protocol::type::PostCreate), w.op, w.id,
                         protocol::encode(protocol::PostCreateBody{w.id, valid.value()}), &error))
        return cacheError(error);
    if (!tx.commit())
        return cacheError(tx.error());
    return w;
}

Result<LocalWriter::Written> LocalWriter::addComment(const QString &postId, const QString &text)
{
    auto valid = protocol::validateText(text, limits::MaxCommentChars, "text");
    if (!valid)
        return valid.error();
    auto me = currentUser();
    if (!me)
        return me.error();
    if (!postExists(postId))
        return Error{QLatin1String(protocol::code::NotFound), QStringLiteral("no such post")};
    const Written w{ids::create(), ids::create()};
    Transaction tx(m_db);
    if (!tx.isActive())
        return cacheError(tx.error());
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO comments (id, post_id, author_id, text, created, state, op)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(w.id);
    q.addBindValue(postId);
    q.addBindValue(me.value());
    q.addBindValue(valid.value());
    q.addBindValue(QVariant::fromValue(ids::nowMs()));
    q.addBindValue(rowstate::Pending);
    q.addBindValue(w.op);
    if (!q.exec())
        return cacheError(q.lastError().text());
    QString error;
    if (!Outbox::enqueue(m_db, QLatin1String(protocol::type::CommentCreate), w.op, w.id,
                         protocol::encode(protocol::CommentCreateBody{w.id, postId, valid.value()}), &error))
        return cacheError(error);
    if (!tx.commit())
        return cacheError(tx.error());
    return w;
}

Result<LocalWriter::Written> LocalWriter::setLiked(const QString &postId, bool liked)
{
    auto me = currentUser();
    if (!me)
        return me.error();
    if (!postExists(postId))
        return Error{QLatin1String(protocol::code::NotFound), QStringLiteral("no such post")};
    const undo::Rows mine{QStringLiteral("likes"), {QStringLiteral("post_id"), QStringLiteral("user_id")},
                          {postId, me.value()}, {QStringLiteral("liked"), QStringLiteral("seq")}};
    auto op = localwrite::record(m_db, protocol::type::LikeSet, postId, protocol::encode(protocol::LikeSetBody{postId, liked}),
                                 {mine}, [&](Statements &sql) {
                                     bool ok = false;
                                     QSqlQuery &q = sql.exec(
                                         QStringLiteral("INSERT INTO likes (post_id, user_id, liked) VALUES (?, ?, ?)"
                                                        " ON CONFLICT (post_id, user_id) DO UPDATE SET liked = excluded.liked"),
                                         {postId, me.value(), liked ? 1 : 0}, &ok);
                                     const QString e = ok ? QString() : q.lastError().text();
                                     q.finish();
                                     return e;
                                 });
    if (!op)
        return op.error();
    return Written{postId, op.value()};
}

} // namespace plein::client
