#include "posts/PostCache.h"

#include "cache/CacheSql.h"
#include "cache/ChangeApplier.h"
#include "cache/LocalWrite.h"
#include "cache/LocalWriter.h"
#include "cache/Outbox.h"
#include "cache/Replica.h"
#include "cache/Statements.h"
#include "cache/Transaction.h"
#include "model/Ids.h"
#include "protocol/GroupMessages.h"
#include "protocol/Limits.h"
#include "protocol/NewsMessages.h"
#include "protocol/PeopleMessages.h"
#include "protocol/PostMessages.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"

#include <QSqlError>

#include <functional>
#include <optional>

namespace plein::client::postcache {

namespace {

constexpr char TagPost[] = "post";
constexpr char TagGroupPost[] = "group_post";
constexpr char TagBlog[] = "blog_page";

using cachesql::run;
using cachesql::v;

Error bad(const protocol::Change &c, const QString &why)
{
    return cachesql::badChange(c, why);
}

Error cacheError(const QString &message)
{
    return Error{QStringLiteral("cache"), message};
}

// The scope of rows of a group, NULL for company-wide ones.
QVariant scopeOf(const QString &group)
{
    return group.isEmpty() ? QVariant() : QVariant(protocol::scope::make(protocol::scope::GroupPrefix, group));
}

Result<bool> tagged(Statements &sql, const QString &id, const char *kind, const QString &text, qint64 created,
                    const QVariant &scope)
{
    if (!indexTags(sql, id, kind, text, created, scope))
        return cacheError(QStringLiteral("hashtags of %1").arg(id));
    return true;
}

// Upserts a row guarded by seq and, when it changed (not an older copy, such as a snapshot
// row below what is cached), rewrites its hashtag rows from `tagText`.
Result<bool> upsertTagged(Statements &sql, const QString &upsert, const QVariantList &values, const QString &id,
                          const char *tagKind, const QString &tagText, qint64 created, const QVariant &scope)
{
    bool changed = false;
    auto r = run(sql, upsert, values, id, &changed);
    if (!r || !changed)
        return r;
    return tagged(sql, id, tagKind, tagText, created, scope);
}

Result<bool> applyPost(Statements &sql, const protocol::Change &c, const QString &)
{
    if (c.deleted) {   // a removal (not a tombstone): from older servers only
        indexTags(sql, c.id, TagPost, {}, 0, {});
        return run(sql, QStringLiteral("DELETE FROM posts WHERE id = ?"), {c.id}, c.id);
    }
    auto p = protocol::decode<Post>(c.data);
    if (!p)
        return bad(c, p.error().message);
    if (p->id != c.id)
        return bad(c, QStringLiteral("data.id does not match"));
    auto r = run(sql,
                 QStringLiteral("INSERT INTO posts (id, author_id, text, created, seq, state, error, op, edited, deleted)"
                                " VALUES (?, ?, ?, ?, ?, 0, NULL, NULL, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                                " author_id = excluded.author_id, text = excluded.text, created = excluded.created,"
                                " seq = excluded.seq, state = 0, error = NULL, op = NULL, edited = excluded.edited,"
                                " deleted = excluded.deleted"),
                 {p->id, p->author, p->text, v(p->created), v(c.seq), v(p->edited), p->deleted ? 1 : 0}, c.id);
    if (!r)
        return r;
    return tagged(sql, p->id, TagPost, p->deleted ? QString() : p->text, p->created, {});
}

Result<bool> applyComment(Statements &sql, const protocol::Change &c, const QString &)
{
    if (c.deleted)
        return run(sql, QStringLiteral("DELETE FROM comments WHERE id = ?"), {c.id}, c.id);
    auto cm = protocol::decode<Comment>(c.data);
    if (!cm)
        return bad(c, cm.error().message);
    return run(sql,
               QStringLiteral("INSERT INTO comments (id, post_id, author_id, text, created, seq, state, error, op, edited,"
                              " deleted) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, NULL, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                              " post_id = excluded.post_id, author_id = excluded.author_id, text = excluded.text,"
                              " created = excluded.created, seq = excluded.seq, state = 0, error = NULL, op = NULL,"
                              " edited = excluded.edited, deleted = excluded.deleted"),
               {cm->id, cm->post, cm->author, cm->text, v(cm->created), v(c.seq), v(cm->edited), cm->deleted ? 1 : 0},
               c.id);
}

Result<bool> applyGroupPost(Statements &sql, const protocol::Change &c, const QString &)
{
    if (c.deleted) {
        indexTags(sql, c.id, TagGroupPost, {}, 0, {});
        return run(sql, QStringLiteral("DELETE FROM group_posts WHERE id = ?"), {c.id}, c.id);
    }
    auto p = protocol::decode<protocol::GroupPost>(c.data);
    if (!p)
        return bad(c, p.error().message);
    return upsertTagged(
        sql,
        QStringLiteral("INSERT INTO group_posts (id, scope, group_id, author_id, text, created, pos, seq, state, edited,"
                       " deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                       " text = excluded.text, created = excluded.created, pos = excluded.pos, seq = excluded.seq,"
                       " state = 0, edited = excluded.edited, deleted = excluded.deleted"
                       " WHERE excluded.seq >= group_posts.seq OR group_posts.state <> 0"),
        {p->id, scopeOf(p->group), p->group, p->author, p->text, v(p->created), v(p->pos), v(c.seq), v(p->edited),
         p->deleted ? 1 : 0},
        p->id, TagGroupPost, p->deleted ? QString() : p->text, p->created, scopeOf(p->group));
}

Result<bool> applyPostComment(Statements &sql, const protocol::Change &c, const QString &)
{
    if (c.deleted)
        return run(sql, QStringLiteral("DELETE FROM comments WHERE id = ?"), {c.id}, c.id);
    auto cm = protocol::decode<protocol::PostComment>(c.data);
    if (!cm)
        return bad(c, cm.error().message);
    return run(sql,
               QStringLiteral("INSERT INTO comments (id, post_id, author_id, text, created, seq, state, error, op, edited,"
                              " deleted, scope) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, NULL, ?, ?, ?)"
                              " ON CONFLICT (id) DO UPDATE SET text = excluded.text, created = excluded.created,"
                              " seq = excluded.seq, state = 0, error = NULL, op = NULL, edited = excluded.edited,"
                              " deleted = excluded.deleted, scope = excluded.scope"
                              " WHERE excluded.seq >= comments.seq OR comments.state <> 0"),
               {cm->id, cm->post, cm->author, cm->text, v(cm->created), v(c.seq), v(cm->edited), cm->deleted ? 1 : 0,
                scopeOf(cm->group)},
               c.id);
}

Result<bool> applyReaction(Statements &sql, const protocol::Change &c, const QString &)
{
    auto r = protocol::decode<protocol::PostReaction>(c.data);
    if (!r)
        return bad(c, r.error().message);
    // My own reactions are guarded (registerKinds): a queued or acknowledged later choice wins.
    if (c.deleted || !r->on)
        return run(sql, QStringLiteral("DELETE FROM post_reactions WHERE post_id = ? AND user_id = ? AND reaction = ?"),
                   {r->post, r->user, r->reaction}, c.id);
    return run(sql,
               QStringLiteral("INSERT INTO post_reactions (post_id, user_id, reaction, scope, seq) VALUES (?, ?, ?, ?, ?)"
                              " ON CONFLICT (post_id, user_id, reaction) DO UPDATE SET seq = excluded.seq"),
               {r->post, r->user, r->reaction, scopeOf(r->group), v(c.seq)}, c.id);
}

Result<bool> applyBlog(Statements &sql, const protocol::Change &c, const QString &)
{
    if (c.deleted) {
        indexTags(sql, c.id, TagBlog, {}, 0, {});
        return run(sql, QStringLiteral("DELETE FROM blog_pages WHERE id = ?"), {c.id}, c.id);
    }
    auto p = protocol::decode<protocol::BlogPage>(c.data);
    if (!p)
        return bad(c, p.error().message);
    return upsertTagged(
        sql,
        QStringLiteral("INSERT INTO blog_pages (id, scope, group_id, author_id, title, text, created, edited, deleted, seq,"
                       " state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT (id) DO UPDATE SET"
                       " title = excluded.title, text = excluded.text, edited = excluded.edited,"
                       " deleted = excluded.deleted, seq = excluded.seq, state = 0"
                       " WHERE excluded.seq >= blog_pages.seq OR blog_pages.state <> 0"),
        {p->id, scopeOf(p->group), p->group, p->author, p->title, p->text, v(p->created), v(p->edited),
         p->deleted ? 1 : 0, v(c.seq)},
        p->id, TagBlog, p->deleted ? QString() : p->title + QLatin1Char('\n') + p->text, p->created, scopeOf(p->group));
}

Result<QString> me(const QSqlDatabase &db)
{
    return localwrite::me(db);
}

Error notFound(const QString &what)
{
    return Error{QLatin1String(protocol::code::NotFound), QStringLiteral("no such %1").arg(what)};
}

// Runs `local` and enqueues the write in one transaction, with the pre-images of `touched`;
// the op.
Result<QString> write(const QSqlDatabase &db, const char *type, const QString &entity, const QJsonObject &body,
                      const QList<undo::Rows> &touched, const std::function<QString(Statements &)> &local,
                      const QString &op = {})
{
    return localwrite::record(db, type, entity, body, touched, local, op);
}

// What a refusal puts back (cache/Undo.h). Counts and feed flags are derived: they stay out.
undo::Rows postRow(Kind kind, const QString &id)
{
    if (kind == Kind::Blog)
        return {QStringLiteral("blog_pages"), {QStringLiteral("id")}, {id},
                {QStringLiteral("title"), QStringLiteral("text"), QStringLiteral("edited"), QStringLiteral("deleted"),
                 QStringLiteral("seq")}};
    return {kind == Kind::Company ? QStringLiteral("posts") : QStringLiteral("group_posts"), {QStringLiteral("id")}, {id},
            {QStringLiteral("text"), QStringLiteral("edited"), QStringLiteral("deleted"), QStringLiteral("seq")}};
}

undo::Rows tagRows(const QString &id)
{
    return {QStringLiteral("hashtags"), {QStringLiteral("item_id")}, {id},
            {QStringLiteral("tag"), QStringLiteral("item_id"), QStringLiteral("kind"), QStringLiteral("created"),
             QStringLiteral("scope")},
            true};
}

undo::Rows commentRow(const QString &id)
{
    return {QStringLiteral("comments"), {QStringLiteral("id")}, {id},
            {QStringLiteral("text"), QStringLiteral("edited"), QStringLiteral("deleted"), QStringLiteral("seq")}};
}

// Runs one statement; the error text, empty on success.
QString exec(Statements &sql, const QString &text, const QVariantList &values)
{
    bool ok = false;
    QSqlQuery &q = sql.exec(text, values, &ok);
    const QString e = ok ? QString() : q.lastError().text();
    q.finish();
    return e;
}

struct CommentInfo
{
    QString author;
    QVariant scope;
    bool deleted = false;
};

std::optional<CommentInfo> commentInfo(const QSqlDatabase &db, const QString &id)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT author_id, scope, deleted FROM comments WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return CommentInfo{q.value(0).toString(), q.value(1), q.value(2).toInt() != 0};
}

} // namespace

bool indexTags(Statements &sql, const QString &itemId, const char *kind, const QString &text, qint64 created,
               const QVariant &scope)
{
    if (!run(sql, QStringLiteral("DELETE FROM hashtags WHERE item_id = ?"), {itemId}, itemId))
        return false;
    for (const QString &tag : protocol::people::hashtags(text))
        if (!run(sql,
                 QStringLiteral("INSERT INTO hashtags (tag, item_id, kind, created, scope) VALUES (?, ?, ?, ?, ?)"
                                " ON CONFLICT (tag, item_id) DO NOTHING"),
                 {tag, itemId, QLatin1String(kind), v(created), scope}, itemId))
            return false;
    return true;
}

Result<int> backfillHashtags(const QSqlDatabase &db)
{
    Statements sql(db);
    // The same text each live path indexes, by indexTags (so by the one shared rule). A tag
    // needs a '#', so rows without one are skipped unread by the rule.
    struct Source
    {
        const char *kind;
        const char *select;   // id, text, created, group ('' for none)
    };
    const Source sources[] = {
        {TagPost, "SELECT id, text, created, '' FROM posts WHERE deleted = 0 AND instr(text, '#') > 0"},
        {TagGroupPost, "SELECT id, text, created, group_id FROM group_posts WHERE deleted = 0 AND instr(text, '#') > 0"},
        {TagBlog, "SELECT id, title || char(10) || text, created, group_id FROM blog_pages"
                  " WHERE deleted = 0 AND instr(title || char(10) || text, '#') > 0"},
    };
    int tagged = 0;
    for (const Source &source : sources) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QLatin1String(source.select)))
            return cacheError(QStringLiteral("hashtags of cached %1: %2").arg(QLatin1String(source.kind),
                                                                               q.lastError().text()));
        while (q.next()) {
            const QString id = q.value(0).toString();
            if (!indexTags(sql, id, source.kind, q.value(1).toString(), q.value(2).toLongLong(),
                           scopeOf(q.value(3).toString())))
                return cacheError(QStringLiteral("hashtags of %1").arg(id));
            ++tagged;
        }
    }
    return tagged;
}

QList<const char *> migration()
{
    return {
        "ALTER TABLE posts ADD COLUMN edited INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE posts ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE comments ADD COLUMN edited INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE comments ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0",
        // Comments on group posts carry the group's scope, so leaving the group purges them.
        "ALTER TABLE comments ADD COLUMN scope TEXT",
        "ALTER TABLE group_posts ADD COLUMN edited INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE group_posts ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0",
        // Every reaction except a company post's like (that stays in likes).
        "CREATE TABLE post_reactions (post_id TEXT NOT NULL, user_id TEXT NOT NULL, reaction TEXT NOT NULL,"
        " scope TEXT, seq INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (post_id, user_id, reaction)) WITHOUT ROWID",
        // scope: NULL for a page on a profile (company-wide).
        "CREATE TABLE blog_pages (id TEXT PRIMARY KEY, scope TEXT, group_id TEXT NOT NULL DEFAULT '',"
        " author_id TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL, created INTEGER NOT NULL,"
        " edited INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL DEFAULT 0,"
        " state INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX blog_pages_newest ON blog_pages (created DESC, id DESC)",
        // The hashtag view: everything with a tag, newest first, keyset-paged on (created, item_id).
        "CREATE TABLE hashtags (tag TEXT NOT NULL, item_id TEXT NOT NULL, kind TEXT NOT NULL,"
        " created INTEGER NOT NULL, scope TEXT, PRIMARY KEY (tag, item_id)) WITHOUT ROWID",
        "CREATE INDEX hashtags_by_tag ON hashtags (tag, created DESC, item_id DESC)",
        "CREATE INDEX hashtags_by_item ON hashtags (item_id)",
    };
}

void registerKinds(ChangeApplier &applier)
{
    applier.addKind(QLatin1String(protocol::kind::Post), applyPost);
    applier.addKind(QLatin1String(protocol::kind::Comment), applyComment);
    applier.addKind(QLatin1String(protocol::kind::GroupPost), applyGroupPost);
    applier.addKind(QLatin1String(protocol::kind::PostComment), applyPostComment);
    applier.addKind(QLatin1String(protocol::kind::PostReaction), applyReaction);
    applier.addKind(QLatin1String(protocol::kind::BlogPage), applyBlog);
    // A late server copy never undoes the user's queued edit or delete of the same row.
    const QStringList postWrites{QLatin1String(protocol::type::PostEdit), QLatin1String(protocol::type::PostDelete),
                                 QLatin1String(protocol::type::BlogSave)};
    const QStringList commentWrites{QLatin1String(protocol::type::CommentEdit),
                                    QLatin1String(protocol::type::CommentDelete)};
    for (const char *k : {protocol::kind::Post, protocol::kind::GroupPost, protocol::kind::BlogPage})
        applier.addGuard(QLatin1String(k), postWrites);
    for (const char *k : {protocol::kind::Comment, protocol::kind::PostComment})
        applier.addGuard(QLatin1String(k), commentWrites);
    // My reactions: a copy from before my last choice (the echo of an earlier toggle) must
    // not bring the old one back, neither while the choice is queued nor after its ack.
    applier.addGuard(QLatin1String(protocol::kind::PostReaction), {QLatin1String(protocol::type::PostReact)},
                     [](const protocol::Change &c, const QString &me) {
                         auto r = protocol::decode<protocol::PostReaction>(c.data);
                         return r && r->user == me ? r->post + QLatin1Char(':') + r->reaction : QString();
                     });
    applier.addGuard(QLatin1String(protocol::kind::Like), {QLatin1String(protocol::type::LikeSet)},
                     [](const protocol::Change &c, const QString &me) {
                         auto l = protocol::decode<Like>(c.data);
                         return l && l->user == me ? l->post : QString();
                     });
}

Kind kindOf(const QSqlDatabase &db, const QString &postId)
{
    for (const auto &[table, kind] : {std::pair{"posts", Kind::Company}, std::pair{"group_posts", Kind::Group},
                                      std::pair{"blog_pages", Kind::Blog}}) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT 1 FROM %1 WHERE id = ? AND deleted = 0").arg(QLatin1String(table)));
        q.addBindValue(postId);
        if (q.exec() && q.next())
            return kind;
    }
    return Kind::None;
}

namespace {
// The group of a group post or blog page, "" for company-wide ones.
QString groupOf(const QSqlDatabase &db, const QString &postId)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT group_id FROM group_posts WHERE id = ? UNION ALL"
                             " SELECT group_id FROM blog_pages WHERE id = ?"));
    q.addBindValue(postId);
    q.addBindValue(postId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}
} // namespace

Result<QString> react(const QSqlDatabase &db, const QString &postId, const QString &reaction, bool on)
{
    if (!protocol::reaction::isValid(reaction))
        return Error{QLatin1String(protocol::code::BadRequest), QStringLiteral("unknown reaction")};
    auto user = me(db);
    if (!user)
        return user.error();
    const Kind kind = kindOf(db, postId);
    if (kind == Kind::None)
        return notFound(QStringLiteral("post"));
    if (kind == Kind::Company && reaction == QLatin1String(protocol::reaction::Like)) {
        LocalWriter writer(db);
        auto w = writer.setLiked(postId, on);
        if (!w)
            return w.error();
        return w->op;
    }
    const QVariant scope = scopeOf(groupOf(db, postId));
    const undo::Rows mine{QStringLiteral("post_reactions"),
                          {QStringLiteral("post_id"), QStringLiteral("user_id"), QStringLiteral("reaction")},
                          {postId, user.value(), reaction},
                          {QStringLiteral("scope"), QStringLiteral("seq")}};
    return write(db, protocol::type::PostReact, postId + QLatin1Char(':') + reaction,
                 protocol::encode(protocol::PostReactBody{postId, reaction, on}), {mine}, [&](Statements &sql) {
                     return on ? exec(sql,
                                      QStringLiteral("INSERT INTO post_reactions (post_id, user_id, reaction, scope)"
                                                     " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"),
                                      {postId, user.value(), reaction, scope})
                               : exec(sql,
                                      QStringLiteral("DELETE FROM post_reactions WHERE post_id = ? AND user_id = ?"
                                                     " AND reaction = ?"),
                                      {postId, user.value(), reaction});
                 });
}

Result<QString> editPost(const QSqlDatabase &db, const QString &postId, const QString &text)
{
    auto valid = protocol::validateText(text, limits::MaxPostChars, "text");
    if (!valid)
        return valid.error();
    auto user = me(db);
    if (!user)
        return user.error();
    const Kind kind = kindOf(db, postId);
    if (kind != Kind::Company && kind != Kind::Group)
        return notFound(QStringLiteral("post"));
    const QString table = kind == Kind::Company ? QStringLiteral("posts") : QStringLiteral("group_posts");
    return write(db, protocol::type::PostEdit, postId, protocol::encode(protocol::EditBody{postId, valid.value()}),
                 {postRow(kind, postId), tagRows(postId)}, [&](Statements &sql) {
                     QString e = exec(sql, QStringLiteral("UPDATE %1 SET text = ?, edited = ? WHERE id = ?").arg(table),
                                      {valid.value(), v(ids::nowMs()), postId});
                     if (e.isEmpty()) {
                         bool ok = false;
                         QSqlQuery &q = sql.exec(QStringLiteral("SELECT created, %1 FROM %2 WHERE id = ?")
                                                     .arg(kind == Kind::Company ? QStringLiteral("NULL")
                                                                                : QStringLiteral("scope"),
                                                          table),
                                                 {postId}, &ok);
                         const qint64 created = ok && q.next() ? q.value(0).toLongLong() : 0;
                         const QVariant scope = ok ? q.value(1) : QVariant();
                         q.finish();
                         if (!indexTags(sql, postId, kind == Kind::Company ? TagPost : TagGroupPost, valid.value(),
                                        created, scope))
                             e = QStringLiteral("hashtags");
                     }
                     return e;
                 });
}

Result<QString> deletePost(const QSqlDatabase &db, const QString &postId)
{
    auto user = me(db);
    if (!user)
        return user.error();
    const Kind kind = kindOf(db, postId);
    if (kind == Kind::None)
        return notFound(QStringLiteral("post"));
    const QString sql = kind == Kind::Company ? QStringLiteral("UPDATE posts SET text = '', deleted = 1 WHERE id = ?")
                        : kind == Kind::Group
                            ? QStringLiteral("UPDATE group_posts SET text = '', deleted = 1 WHERE id = ?")
                            : QStringLiteral("UPDATE blog_pages SET title = '', text = '', deleted = 1 WHERE id = ?");
    return write(db, protocol::type::PostDelete, postId, protocol::encode(protocol::DeleteBody{postId}),
                 {postRow(kind, postId), tagRows(postId)}, [&](Statements &s) {
                     const QString e = exec(s, sql, {postId});
                     return e.isEmpty() ? exec(s, QStringLiteral("DELETE FROM hashtags WHERE item_id = ?"), {postId}) : e;
                 });
}

Result<QString> comment(const QSqlDatabase &db, const QString &postId, const QString &text)
{
    auto valid = protocol::validateText(text, limits::MaxCommentChars, "text");
    if (!valid)
        return valid.error();
    auto user = me(db);
    if (!user)
        return user.error();
    if (kindOf(db, postId) == Kind::None)
        return notFound(QStringLiteral("post"));
    const QString id = ids::create();
    const QString op = ids::create();
    const QVariant scope = scopeOf(groupOf(db, postId));
    auto done = write(
        db, protocol::type::CommentCreate, id, protocol::encode(protocol::CommentCreateBody{id, postId, valid.value()}), {},
        [&](Statements &sql) {
            return exec(sql,
                        QStringLiteral("INSERT INTO comments (id, post_id, author_id, text, created, state, op, scope)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                        {id, postId, user.value(), valid.value(), v(ids::nowMs()), rowstate::Pending, op, scope});
        },
        op);
    if (!done)
        return done.error();
    return id;
}

Result<QString> editComment(const QSqlDatabase &db, const QString &commentId, const QString &text)
{
    auto valid = protocol::validateText(text, limits::MaxCommentChars, "text");
    if (!valid)
        return valid.error();
    auto user = me(db);
    if (!user)
        return user.error();
    const auto info = commentInfo(db, commentId);
    if (!info || info->deleted)
        return notFound(QStringLiteral("comment"));
    return write(db, protocol::type::CommentEdit, commentId,
                 protocol::encode(protocol::EditBody{commentId, valid.value()}), {commentRow(commentId)},
                 [&](Statements &sql) {
                     return exec(sql, QStringLiteral("UPDATE comments SET text = ?, edited = ? WHERE id = ?"),
                                 {valid.value(), v(ids::nowMs()), commentId});
                 });
}

Result<QString> deleteComment(const QSqlDatabase &db, const QString &commentId)
{
    auto user = me(db);
    if (!user)
        return user.error();
    const auto info = commentInfo(db, commentId);
    if (!info || info->deleted)
        return notFound(QStringLiteral("comment"));
    return write(db, protocol::type::CommentDelete, commentId, protocol::encode(protocol::DeleteBody{commentId}),
                 {commentRow(commentId)}, [&](Statements &sql) {
                     return exec(sql, QStringLiteral("UPDATE comments SET text = '', deleted = 1 WHERE id = ?"),
                                 {commentId});
                 });
}

Result<QString> saveBlog(const QSqlDatabase &db, const QString &id, const QString &group, const QString &title,
                         const QString &text)
{
    const protocol::BlogSaveBody body{id.isEmpty() ? ids::create() : id, group, title, text};
    auto decoded = protocol::decode<protocol::BlogSaveBody>(protocol::encode(body));
    if (!decoded)
        return decoded.error();
    protocol::BlogSaveBody page = decoded.value();
    auto *valid = &page;
    auto user = me(db);
    if (!user)
        return user.error();
    QString pageGroup = group;
    if (!id.isEmpty()) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT group_id FROM blog_pages WHERE id = ? AND deleted = 0"));
        q.addBindValue(id);
        if (!q.exec() || !q.next())
            return notFound(QStringLiteral("page"));
        pageGroup = q.value(0).toString();
        valid->group = pageGroup;
    }
    const qint64 now = ids::nowMs();
    QList<undo::Rows> touched;
    if (!id.isEmpty())
        touched = {postRow(Kind::Blog, valid->id), tagRows(valid->id)};
    auto op = write(db, protocol::type::BlogSave, valid->id, protocol::encode(page), touched, [&](Statements &sql) {
        QString e = id.isEmpty()
                        ? exec(sql,
                               QStringLiteral("INSERT INTO blog_pages (id, scope, group_id, author_id, title, text,"
                                              " created, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                               {valid->id, scopeOf(pageGroup), pageGroup, user.value(), valid->title, valid->text, v(now),
                                rowstate::Pending})
                        : exec(sql, QStringLiteral("UPDATE blog_pages SET title = ?, text = ?, edited = ? WHERE id = ?"),
                               {valid->title, valid->text, v(now), valid->id});
        if (e.isEmpty() && !indexTags(sql, valid->id, TagBlog, valid->title + QLatin1Char('\n') + valid->text, now,
                                      scopeOf(pageGroup)))
            e = QStringLiteral("hashtags");
        return e;
    });
    if (!op)
        return op.error();
    return valid->id;
}

} // namespace plein::client::postcache
