#include "features/timeline/PostsFeature.h"

#include "features/timeline/TimelineFeature.h"
#include "model/Ids.h"
#include "protocol/GroupMessages.h"
#include "protocol/Json.h"
#include "protocol/Limits.h"
#include "protocol/NewsMessages.h"
#include "protocol/PostMessages.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"
#include "store/Database.h"
#include "sync/ChangeLog.h"
#include "sync/Scopes.h"
#include "sync/Writer.h"

namespace plein::server {

namespace {

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

Error error(const char *code, const QString &message)
{
    return Error{k(code), message};
}

// Names nothing: a post in a secret group does not exist outside it.
Error notFound()
{
    return error(protocol::code::NotFound, QStringLiteral("no such post"));
}

Error internal(const QString &what)
{
    return error(protocol::code::Internal, QStringLiteral("could not %1").arg(what));
}

QString audienceOf(const QString &group)
{
    return group.isEmpty() ? k(protocol::audience::Org) : protocol::scope::make(protocol::scope::GroupPrefix, group);
}

bool isAdmin(const Person &p)
{
    return p.role == k(role::Admin);
}

bool setSeq(Database &db, const char *table, const QString &id, qint64 seq)
{
    Stmt s(db, QStringLiteral("UPDATE %1 SET seq = ? WHERE id = ?").arg(k(table)));
    s.bind(seq).bind(id);
    return s.exec();
}

// A comment found by id in either table.
struct CommentRow
{
    bool company = false;   // comments (on a company post), else post_comments
    protocol::PostComment c;
};

std::optional<CommentRow> findComment(Database &db, const QString &id)
{
    {
        Stmt s(db, QStringLiteral("SELECT post_id, author, text, created, edited, deleted FROM comments WHERE id = ?"));
        s.bind(id);
        if (s.exec() && s.next())
            return CommentRow{true, {id, s.value(0).toString(), {}, s.value(1).toString(), s.value(2).toString(),
                                     s.value(3).toLongLong(), s.value(4).toLongLong(), s.value(5).toInt() != 0}};
    }
    Stmt s(db, QStringLiteral("SELECT post, group_id, author, text, created, edited, deleted FROM post_comments"
                              " WHERE id = ?"));
    s.bind(id);
    if (s.exec() && s.next())
        return CommentRow{false, {id, s.value(0).toString(), s.value(1).toString(), s.value(2).toString(),
                                  s.value(3).toString(), s.value(4).toLongLong(), s.value(5).toLongLong(),
                                  s.value(6).toInt() != 0}};
    return std::nullopt;
}

// Logs a comment as it is now; the seq, 0 on failure.
qint64 logComment(Database &db, ChangeLog &log, const CommentRow &row, const QString &op)
{
    if (row.company) {
        const Comment c{row.c.id, row.c.post, row.c.author, row.c.text, row.c.created, row.c.edited, row.c.deleted};
        return log.append({k(protocol::audience::Org), k(protocol::kind::Comment), c.id, op, false, protocol::encode(c)},
                          ids::nowMs());
    }
    const qint64 seq = log.append({audienceOf(row.c.group), k(protocol::kind::PostComment), row.c.id, op, false,
                                   protocol::encode(row.c)},
                                  ids::nowMs());
    return seq != 0 && setSeq(db, "post_comments", row.c.id, seq) ? seq : 0;
}

} // namespace

void PostsFeature::registerHandlers(WriteHandlers &handlers)
{
    using Fn = Result<protocol::AckBody> (PostsFeature::*)(const Person &, const QString &, const QJsonObject &);
    // comment.create replaces TimelineFeature's handler and hands company posts back to it.
    const std::pair<const char *, Fn> writes[] = {
        {protocol::type::CommentCreate, &PostsFeature::comment},  {protocol::type::PostReact, &PostsFeature::react},
        {protocol::type::PostEdit, &PostsFeature::editPost},      {protocol::type::PostDelete, &PostsFeature::deletePost},
        {protocol::type::CommentEdit, &PostsFeature::editComment}, {protocol::type::CommentDelete, &PostsFeature::deleteComment},
    };
    for (const auto &w : writes)
        handlers.add(k(w.first), [this, fn = w.second](const Person &a, const QString &op, const QJsonObject &b) {
            return (this->*fn)(a, op, b);
        });
}

std::optional<Error> PostsFeature::checkGroup(const Person &actor, const QString &group, bool forDelete) const
{
    Stmt s(m_db, QStringLiteral("SELECT visibility FROM groups WHERE id = ?"));
    s.bind(group);
    if (!s.exec() || !s.next())
        return notFound();
    const bool secret = s.value(0).toString() == k(protocol::visibility::Secret);
    if (m_scopes.isMember(audienceOf(group), actor.id))
        return std::nullopt;
    if (secret)
        return notFound();
    if (forDelete && isAdmin(actor))
        return std::nullopt;
    return error(protocol::code::Forbidden, QStringLiteral("join the group to take part"));
}

Result<PostTarget> PostsFeature::target(const Person &actor, const QString &id, bool forDelete) const
{
    PostTarget t;
    t.id = id;
    bool found = false;
    {
        Stmt s(m_db, QStringLiteral("SELECT author, deleted FROM posts WHERE id = ?"));
        s.bind(id);
        if (s.exec() && s.next()) {
            found = true;
            t.kind = PostTarget::Kind::Company;
            t.author = s.value(0).toString();
            t.deleted = s.value(1).toInt() != 0;
        }
    }
    for (const auto &[table, kind] : {std::pair{"group_posts", PostTarget::Kind::Group},
                                      std::pair{"blog_pages", PostTarget::Kind::Blog}}) {
        if (found)
            break;
        Stmt s(m_db, QStringLiteral("SELECT author, group_id, deleted FROM %1 WHERE id = ?").arg(k(table)));
        s.bind(id);
        if (s.exec() && s.next()) {
            found = true;
            t.kind = kind;
            t.author = s.value(0).toString();
            t.group = s.value(1).toString();
            t.deleted = s.value(2).toInt() != 0;
        }
    }
    if (!found)
        return notFound();
    if (!t.group.isEmpty())
        if (auto e = checkGroup(actor, t.group, forDelete))
            return *e;
    if (t.deleted)
        return notFound();
    t.audience = audienceOf(t.group);
    return t;
}

Result<protocol::AckBody> PostsFeature::comment(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::CommentCreateBody>(body);
    if (!in)
        return in.error();
    auto t = target(actor, in->post);
    if (!t)
        return t.error();
    if (t->kind == PostTarget::Kind::Company)
        return m_timeline.createComment(actor, op, body);
    if (findComment(m_db, in->id))
        return error(protocol::code::Conflict, QStringLiteral("comment %1 already exists").arg(in->id));
    const CommentRow row{false, {in->id, t->id, t->group, actor.id, in->text, ids::nowMs(), 0, false}};
    Stmt s(m_db, QStringLiteral("INSERT INTO post_comments (id, post, group_id, author, text, created)"
                                " VALUES (?, ?, ?, ?, ?, ?)"));
    s.bind(row.c.id).bind(row.c.post).bind(row.c.group).bind(row.c.author).bind(row.c.text).bind(row.c.created);
    if (!s.exec())
        return internal(QStringLiteral("store the comment"));
    const qint64 seq = logComment(m_db, m_log, row, op);
    if (seq == 0)
        return internal(QStringLiteral("log the comment"));
    return protocol::AckBody{op, seq, row.c.id};
}

Result<protocol::AckBody> PostsFeature::react(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::PostReactBody>(body);
    if (!in)
        return in.error();
    auto t = target(actor, in->post);
    if (!t)
        return t.error();
    // A company post's like is like.set, so clients that only know `like` keep counting it.
    if (t->kind == PostTarget::Kind::Company && in->reaction == k(protocol::reaction::Like))
        return m_timeline.setLike(actor, op, protocol::encode(protocol::LikeSetBody{in->post, in->on}));
    const qint64 now = ids::nowMs();
    if (in->on) {
        Stmt s(m_db, QStringLiteral("INSERT INTO post_reactions (post, user_id, reaction, group_id, created)"
                                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT (post, user_id, reaction) DO NOTHING"));
        s.bind(t->id).bind(actor.id).bind(in->reaction).bind(t->group).bind(now);
        if (!s.exec())
            return internal(QStringLiteral("store the reaction"));
    } else {
        Stmt s(m_db, QStringLiteral("DELETE FROM post_reactions WHERE post = ? AND user_id = ? AND reaction = ?"));
        s.bind(t->id).bind(actor.id).bind(in->reaction);
        if (!s.exec())
            return internal(QStringLiteral("store the reaction"));
    }
    // Logged also when nothing changed, so the op always settles.
    const protocol::PostReaction r{t->id, t->group, actor.id, in->reaction, in->on};
    const QString id = protocol::postReactionId(r.post, r.user, r.reaction);
    const qint64 seq = m_log.append({t->audience, k(protocol::kind::PostReaction), id, op, false, protocol::encode(r)}, now);
    if (seq == 0)
        return internal(QStringLiteral("log the reaction"));
    if (in->on) {
        Stmt s(m_db, QStringLiteral("UPDATE post_reactions SET seq = ? WHERE post = ? AND user_id = ? AND reaction = ?"));
        s.bind(seq).bind(t->id).bind(actor.id).bind(in->reaction);
        if (!s.exec())
            return internal(QStringLiteral("store the reaction"));
    }
    return protocol::AckBody{op, seq, id};
}

Result<protocol::AckBody> PostsFeature::editPost(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::EditBody>(body);
    if (!in)
        return in.error();
    auto t = target(actor, in->id);
    if (!t)
        return t.error();
    if (t->kind == PostTarget::Kind::Blog)
        return error(protocol::code::BadRequest, QStringLiteral("edit a blog page with blog.save"));
    if (t->author != actor.id)
        return error(protocol::code::Forbidden, QStringLiteral("only the author edits a post"));
    const qint64 now = ids::nowMs();
    if (t->kind == PostTarget::Kind::Company) {
        Stmt u(m_db, QStringLiteral("UPDATE posts SET text = ?, edited = ? WHERE id = ?"));
        u.bind(in->text).bind(now).bind(t->id);
        Stmt s(m_db, QStringLiteral("SELECT created FROM posts WHERE id = ?"));
        s.bind(t->id);
        if (!u.exec() || !s.exec() || !s.next())
            return internal(QStringLiteral("store the post"));
        const Post p{t->id, t->author, in->text, s.value(0).toLongLong(), now, false};
        const qint64 seq = m_log.append({t->audience, k(protocol::kind::Post), p.id, op, false, protocol::encode(p)}, now);
        if (seq == 0)
            return internal(QStringLiteral("log the post"));
        return protocol::AckBody{op, seq, p.id};
    }
    Stmt u(m_db, QStringLiteral("UPDATE group_posts SET text = ?, edited = ? WHERE id = ?"));
    u.bind(in->text).bind(now).bind(t->id);
    Stmt s(m_db, QStringLiteral("SELECT created, pos FROM group_posts WHERE id = ?"));
    s.bind(t->id);
    if (!u.exec() || !s.exec() || !s.next())
        return internal(QStringLiteral("store the post"));
    const protocol::GroupPost p{t->id, t->group, t->author, in->text, s.value(0).toLongLong(), s.value(1).toLongLong(),
                                now, false};
    const qint64 seq = m_log.append({t->audience, k(protocol::kind::GroupPost), p.id, op, false, protocol::encode(p)}, now);
    if (seq == 0 || !setSeq(m_db, "group_posts", p.id, seq))
        return internal(QStringLiteral("log the post"));
    return protocol::AckBody{op, seq, p.id};
}

Result<protocol::AckBody> PostsFeature::deletePost(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::DeleteBody>(body);
    if (!in)
        return in.error();
    auto t = target(actor, in->id, true);
    if (!t)
        return t.error();
    if (t->author != actor.id && !isAdmin(actor))
        return error(protocol::code::Forbidden, QStringLiteral("only the author or an admin deletes a post"));
    const qint64 now = ids::nowMs();
    QString kind;
    QJsonObject tomb;
    if (t->kind == PostTarget::Kind::Company) {
        Stmt u(m_db, QStringLiteral("UPDATE posts SET text = '', deleted = 1 WHERE id = ?"));
        u.bind(t->id);
        Stmt s(m_db, QStringLiteral("SELECT created, edited FROM posts WHERE id = ?"));
        s.bind(t->id);
        if (!u.exec() || !s.exec() || !s.next())
            return internal(QStringLiteral("delete the post"));
        kind = k(protocol::kind::Post);
        tomb = protocol::encode(Post{t->id, t->author, {}, s.value(0).toLongLong(), s.value(1).toLongLong(), true});
    } else if (t->kind == PostTarget::Kind::Group) {
        Stmt u(m_db, QStringLiteral("UPDATE group_posts SET text = '', deleted = 1 WHERE id = ?"));
        u.bind(t->id);
        Stmt s(m_db, QStringLiteral("SELECT created, pos, edited FROM group_posts WHERE id = ?"));
        s.bind(t->id);
        if (!u.exec() || !s.exec() || !s.next())
            return internal(QStringLiteral("delete the post"));
        kind = k(protocol::kind::GroupPost);
        tomb = protocol::encode(protocol::GroupPost{t->id, t->group, t->author, {}, s.value(0).toLongLong(),
                                                    s.value(1).toLongLong(), s.value(2).toLongLong(), true});
    } else {
        Stmt u(m_db, QStringLiteral("UPDATE blog_pages SET title = '', text = '', deleted = 1 WHERE id = ?"));
        u.bind(t->id);
        Stmt s(m_db, QStringLiteral("SELECT created, edited FROM blog_pages WHERE id = ?"));
        s.bind(t->id);
        if (!u.exec() || !s.exec() || !s.next())
            return internal(QStringLiteral("delete the page"));
        kind = k(protocol::kind::BlogPage);
        tomb = protocol::encode(protocol::BlogPage{t->id, t->group, t->author, {}, {}, s.value(0).toLongLong(),
                                                   s.value(1).toLongLong(), true});
    }
    if (!scrub(m_db, kind, t->id, tomb))
        return internal(QStringLiteral("scrub the log"));
    const qint64 seq = m_log.append({t->audience, kind, t->id, op, false, tomb}, now);
    if (seq == 0)
        return internal(QStringLiteral("log the delete"));
    if (t->kind == PostTarget::Kind::Group && !setSeq(m_db, "group_posts", t->id, seq))
        return internal(QStringLiteral("log the delete"));
    if (t->kind == PostTarget::Kind::Blog && !setSeq(m_db, "blog_pages", t->id, seq))
        return internal(QStringLiteral("log the delete"));
    return protocol::AckBody{op, seq, t->id};
}

Result<protocol::AckBody> PostsFeature::editComment(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::EditBody>(body);
    if (!in)
        return in.error();
    if (in->text.size() > limits::MaxCommentChars)
        return error(protocol::code::TooLarge,
                     QStringLiteral("'text' is longer than %1 characters").arg(limits::MaxCommentChars));
    auto row = findComment(m_db, in->id);
    if (!row)
        return error(protocol::code::NotFound, QStringLiteral("no such comment"));
    if (!row->c.group.isEmpty())
        if (auto e = checkGroup(actor, row->c.group))
            return *e;
    if (row->c.deleted)
        return error(protocol::code::NotFound, QStringLiteral("no such comment"));
    if (row->c.author != actor.id)
        return error(protocol::code::Forbidden, QStringLiteral("only the author edits a comment"));
    row->c.text = in->text;
    row->c.edited = ids::nowMs();
    Stmt u(m_db, QStringLiteral("UPDATE %1 SET text = ?, edited = ? WHERE id = ?")
                     .arg(row->company ? QStringLiteral("comments") : QStringLiteral("post_comments")));
    u.bind(row->c.text).bind(row->c.edited).bind(row->c.id);
    if (!u.exec())
        return internal(QStringLiteral("store the comment"));
    const qint64 seq = logComment(m_db, m_log, *row, op);
    if (seq == 0)
        return internal(QStringLiteral("log the comment"));
    return protocol::AckBody{op, seq, row->c.id};
}

Result<protocol::AckBody> PostsFeature::deleteComment(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::DeleteBody>(body);
    if (!in)
        return in.error();
    auto row = findComment(m_db, in->id);
    if (!row)
        return error(protocol::code::NotFound, QStringLiteral("no such comment"));
    if (!row->c.group.isEmpty())
        if (auto e = checkGroup(actor, row->c.group, true))
            return *e;
    if (row->c.deleted)
        return error(protocol::code::NotFound, QStringLiteral("no such comment"));
    if (row->c.author != actor.id && !isAdmin(actor))
        return error(protocol::code::Forbidden, QStringLiteral("only the author or an admin deletes a comment"));
    row->c.text.clear();
    row->c.deleted = true;
    Stmt u(m_db, QStringLiteral("UPDATE %1 SET text = '', deleted = 1 WHERE id = ?")
                     .arg(row->company ? QStringLiteral("comments") : QStringLiteral("post_comments")));
    u.bind(row->c.id);
    if (!u.exec())
        return internal(QStringLiteral("delete the comment"));
    const QJsonObject tomb =
        row->company ? protocol::encode(Comment{row->c.id, row->c.post, row->c.author, {}, row->c.created, row->c.edited, true})
                     : protocol::encode(row->c);
    if (!scrub(m_db, row->company ? k(protocol::kind::Comment) : k(protocol::kind::PostComment), row->c.id, tomb))
        return internal(QStringLiteral("scrub the log"));
    const qint64 seq = logComment(m_db, m_log, *row, op);
    if (seq == 0)
        return internal(QStringLiteral("log the comment"));
    return protocol::AckBody{op, seq, row->c.id};
}

bool PostsFeature::scrub(Database &db, const QString &kind, const QString &entity, const QJsonObject &tombstone)
{
    Stmt s(db, QStringLiteral("UPDATE changes SET payload = ? WHERE kind = ? AND entity = ?"));
    s.bind(QString::fromUtf8(protocol::toJsonText(tombstone))).bind(kind).bind(entity);
    return s.exec();
}

QList<protocol::Change> PostsFeature::scopeExtras(Database &db, const QString &group, const QStringList &postIds,
                                                  bool withBlogPages)
{
    QList<protocol::Change> out;
    QStringList ids = postIds;
    if (withBlogPages) {
        Stmt s(db, QStringLiteral("SELECT id, author, title, text, created, edited, deleted, seq FROM blog_pages"
                                  " WHERE group_id = ? ORDER BY created DESC LIMIT 50"));
        s.bind(group);
        if (s.exec())
            while (s.next()) {
                const protocol::BlogPage p{s.value(0).toString(), group, s.value(1).toString(), s.value(2).toString(),
                                           s.value(3).toString(), s.value(4).toLongLong(), s.value(5).toLongLong(),
                                           s.value(6).toInt() != 0};
                out.append({qMax<qint64>(1, s.value(7).toLongLong()), k(protocol::kind::BlogPage), p.id, {}, false,
                            protocol::encode(p)});
                ids.append(p.id);
            }
    }
    for (const QString &post : std::as_const(ids)) {
        Stmt c(db, QStringLiteral("SELECT id, author, text, created, edited, deleted, seq FROM post_comments"
                                  " WHERE post = ? ORDER BY created"));
        c.bind(post);
        if (c.exec())
            while (c.next()) {
                const protocol::PostComment pc{c.value(0).toString(), post, group, c.value(1).toString(),
                                               c.value(2).toString(), c.value(3).toLongLong(), c.value(4).toLongLong(),
                                               c.value(5).toInt() != 0};
                out.append({qMax<qint64>(1, c.value(6).toLongLong()), k(protocol::kind::PostComment), pc.id, {}, false,
                            protocol::encode(pc)});
            }
        Stmt r(db, QStringLiteral("SELECT user_id, reaction, seq FROM post_reactions WHERE post = ?"));
        r.bind(post);
        if (r.exec())
            while (r.next()) {
                const protocol::PostReaction pr{post, group, r.value(0).toString(), r.value(1).toString(), true};
                out.append({qMax<qint64>(1, r.value(2).toLongLong()), k(protocol::kind::PostReaction),
                            protocol::postReactionId(pr.post, pr.user, pr.reaction), {}, false, protocol::encode(pr)});
            }
    }
    return out;
}

} // namespace plein::server
