#include "cache/LocalWriter.h"

#include "cache/LocalWrite.h"
#include "cache/Outbox.h"
#include "cache/Statements.h"
#include "cache/Replica.h"
#include "model/Ids.h"
#include "protocol/Limits.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"

#include <QSqlError>
#include <QSqlQuery>

namespace plein::client {

namespace {

// One statement for the local row and the outbox row of `w`, in one transaction with the
// pre-images of `touched` (cache/LocalWrite.h).
Result<LocalWriter::Written> record(const QSqlDatabase &db, const char *type, const LocalWriter::Written &w,
                                    const QJsonObject &body, const QString &statement, const QVariantList &values,
                                    const QList<undo::Rows> &touched = {})
{
    auto op = localwrite::record(
        db, type, w.id, body, touched,
        [&](Statements &sql) {
            bool ok = false;
            QSqlQuery &q = sql.exec(statement, values, &ok);
            const QString e = ok ? QString() : q.lastError().text();
            q.finish();
            return e;
        },
        w.op);
    if (!op)
        return op.error();
    return w;
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
    return record(m_db, protocol::type::PostCreate, w, protocol::encode(protocol::PostCreateBody{w.id, valid.value()}),
                  QStringLiteral("INSERT INTO posts (id, author_id, text, created, state, op) VALUES (?, ?, ?, ?, ?, ?)"),
                  {w.id, me.value(), valid.value(), QVariant::fromValue(ids::nowMs()), rowstate::Pending, w.op});
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
    return record(m_db, protocol::type::CommentCreate, w,
                  protocol::encode(protocol::CommentCreateBody{w.id, postId, valid.value()}),
                  QStringLiteral("INSERT INTO comments (id, post_id, author_id, text, created, state, op)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?)"),
                  {w.id, postId, me.value(), valid.value(), QVariant::fromValue(ids::nowMs()), rowstate::Pending, w.op});
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
    return record(m_db, protocol::type::LikeSet, Written{postId, ids::create()},
                  protocol::encode(protocol::LikeSetBody{postId, liked}),
                  QStringLiteral("INSERT INTO likes (post_id, user_id, liked) VALUES (?, ?, ?)"
                                 " ON CONFLICT (post_id, user_id) DO UPDATE SET liked = excluded.liked"),
                  {postId, me.value(), liked ? 1 : 0}, {mine});
}

} // namespace plein::client
