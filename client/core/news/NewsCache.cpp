#include "news/NewsCache.h"

#include "cache/CacheSql.h"
#include "cache/ChangeApplier.h"
#include "cache/LocalWrite.h"
#include "cache/Statements.h"
#include "cache/Replica.h"
#include "model/Ids.h"
#include "protocol/Limits.h"
#include "protocol/NewsMessages.h"
#include "protocol/Protocol.h"

#include <QSqlError>
#include <QSqlQuery>

namespace plein::client::newscache {

namespace {

using cachesql::cacheError;
using cachesql::run;
using cachesql::v;

Error bad(const protocol::Change &c, const QString &why)
{
    return cachesql::badChange(c, why);
}

Result<bool> applyArticle(Statements &sql, const protocol::Change &c, const QString &)
{
    if (c.deleted)
        return run(sql, QStringLiteral("DELETE FROM news WHERE id = ?"), {c.id}, c.id);
    auto a = protocol::decode<protocol::NewsArticle>(c.data);
    if (!a)
        return bad(c, a.error().message);
    return run(sql,
               QStringLiteral("INSERT INTO news (id, author_id, title, text, departments, locations, must_read, pinned,"
                              " publish_at, state, created, edited, seq) VALUES (?, ?, ?, ?, coalesce(?, ''), coalesce(?, ''), ?, ?, ?,"
                              " ?, ?, ?, ?)"
                              " ON CONFLICT (id) DO UPDATE SET author_id = excluded.author_id, title = excluded.title,"
                              " text = excluded.text, departments = excluded.departments, locations = excluded.locations,"
                              " must_read = excluded.must_read, pinned = excluded.pinned, publish_at = excluded.publish_at,"
                              " state = excluded.state, created = excluded.created, edited = excluded.edited,"
                              " seq = excluded.seq WHERE excluded.seq >= news.seq"),
               {a->id, a->author, a->title, a->text, a->departments.join(QLatin1Char('\n')),
                a->locations.join(QLatin1Char('\n')), a->mustRead ? 1 : 0, a->pinned ? 1 : 0, v(a->publishAt), a->state,
                v(a->created), v(a->edited), v(c.seq)},
               c.id);
}

Result<bool> applyComment(Statements &sql, const protocol::Change &c, const QString &)
{
    if (c.deleted)
        return run(sql, QStringLiteral("DELETE FROM news_comments WHERE id = ?"), {c.id}, c.id);
    auto m = protocol::decode<protocol::NewsComment>(c.data);
    if (!m)
        return bad(c, m.error().message);
    return run(sql,
               QStringLiteral("INSERT INTO news_comments (id, article, author_id, text, created, seq, state)"
                              " VALUES (?, ?, ?, ?, ?, ?, 0) ON CONFLICT (id) DO UPDATE SET text = excluded.text,"
                              " created = excluded.created, seq = excluded.seq, state = 0"),
               {m->id, m->article, m->author, m->text, v(m->created), v(c.seq)}, c.id);
}

Result<bool> applyReaction(Statements &sql, const protocol::Change &c, const QString &)
{
    auto r = protocol::decode<protocol::NewsReaction>(c.data);
    if (!r)
        return bad(c, r.error().message);
    // My own reactions are guarded (registerKinds): a later choice of mine wins.
    return run(sql,
               QStringLiteral("INSERT INTO news_reactions (article, user_id, reaction, is_on) VALUES (?, ?, ?, ?)"
                              " ON CONFLICT (article, user_id, reaction) DO UPDATE SET is_on = excluded.is_on"),
               {r->article, r->user, r->reaction, r->on ? 1 : 0}, c.id);
}

Result<bool> applyRead(Statements &sql, const protocol::Change &c, const QString &)
{
    auto s = protocol::decode<protocol::NewsReadState>(c.data);
    if (!s)
        return bad(c, s.error().message);
    // The server's times; a local acknowledgement not yet sent stays.
    return run(sql,
               QStringLiteral("INSERT INTO news_reads (article, read_at, acked_at) VALUES (?, ?, ?)"
                              " ON CONFLICT (article) DO UPDATE SET read_at = excluded.read_at,"
                              " acked_at = max(news_reads.acked_at, excluded.acked_at)"),
               {s->article, v(s->readAt), v(s->ackedAt)}, c.id);
}

Result<bool> applyStats(Statements &sql, const protocol::Change &c, const QString &)
{
    auto s = protocol::decode<protocol::NewsStats>(c.data);
    if (!s)
        return bad(c, s.error().message);
    return run(sql,
               QStringLiteral("INSERT INTO news_stats (article, audience_size, readers, acks, not_acked, seq)"
                              " VALUES (?, ?, ?, ?, coalesce(?, ''), ?) ON CONFLICT (article) DO UPDATE SET"
                              " audience_size = excluded.audience_size, readers = excluded.readers, acks = excluded.acks,"
                              " not_acked = excluded.not_acked, seq = excluded.seq WHERE excluded.seq >= news_stats.seq"),
               {s->article, v(s->audienceSize), v(s->readers), v(s->acks), s->notAcked.join(QLatin1Char('\n')),
                v(c.seq)},
               c.id);
}

Result<QString> me(const QSqlDatabase &db)
{
    return localwrite::me(db);
}

bool articleExists(const QSqlDatabase &db, const QString &article, bool *mustRead = nullptr)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT must_read FROM news WHERE id = ?"));
    q.addBindValue(article);
    if (!q.exec() || !q.next())
        return false;
    if (mustRead)
        *mustRead = q.value(0).toInt() != 0;
    return true;
}

// Runs `local` and enqueues the write in one transaction, with the pre-images of `touched`;
// the op id.
Result<QString> write(const QSqlDatabase &db, const char *type, const QString &entity, const QJsonObject &body,
                      const QList<undo::Rows> &touched, const std::function<QString(QSqlQuery &)> &local)
{
    return localwrite::record(db, type, entity, body, touched, [&](Statements &sql) {
        QSqlQuery q(sql.database());
        return local(q);
    });
}

Result<QString> readOrAck(const QSqlDatabase &db, const QString &article, bool ack)
{
    auto user = me(db);
    if (!user)
        return user.error();
    bool mustRead = false;
    if (!articleExists(db, article, &mustRead))
        return Error{QLatin1String(protocol::code::NotFound), QStringLiteral("no such article")};
    if (ack && !mustRead)
        return Error{QLatin1String(protocol::code::BadRequest), QStringLiteral("the article asks for no acknowledgement")};
    if (!ack) {
        // Read once is enough: opening it again sends nothing.
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT 1 FROM news_reads WHERE article = ?"));
        q.addBindValue(article);
        if (q.exec() && q.next())
            return QString();
    }
    const qint64 now = ids::nowMs();
    const undo::Rows state{QStringLiteral("news_reads"), {QStringLiteral("article")}, {article},
                           {QStringLiteral("read_at"), QStringLiteral("acked_at")}};
    return write(db, ack ? protocol::type::NewsAck : protocol::type::NewsRead, article,
                 protocol::encode(protocol::NewsIdBody{article}), {state}, [&](QSqlQuery &q) {
                     q.prepare(QStringLiteral("INSERT INTO news_reads (article, read_at, acked_at) VALUES (?, ?, ?)"
                                              " ON CONFLICT (article) DO UPDATE SET acked_at ="
                                              " CASE WHEN excluded.acked_at > 0 AND news_reads.acked_at = 0"
                                              " THEN excluded.acked_at ELSE news_reads.acked_at END"));
                     q.addBindValue(article);
                     q.addBindValue(v(now));
                     q.addBindValue(v(ack ? now : 0));
                     return q.exec() ? QString() : q.lastError().text();
                 });
}

} // namespace

QList<const char *> migration()
{
    return {
        // Lists are newline-separated names; state: scheduled | published.
        "CREATE TABLE news (id TEXT PRIMARY KEY, author_id TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL,"
        " departments TEXT NOT NULL DEFAULT '', locations TEXT NOT NULL DEFAULT '', must_read INTEGER NOT NULL DEFAULT 0,"
        " pinned INTEGER NOT NULL DEFAULT 0, publish_at INTEGER NOT NULL, state TEXT NOT NULL,"
        " created INTEGER NOT NULL, edited INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL DEFAULT 0)",
        // The news list: pinned first, then newest first.
        "CREATE INDEX news_order ON news (pinned DESC, publish_at DESC, id)",
        // The personal timeline merges news by time.
        "CREATE INDEX news_by_time ON news (publish_at DESC, id DESC)",
        // My own read state (news_read changes and my offline reads).
        "CREATE TABLE news_reads (article TEXT PRIMARY KEY, read_at INTEGER NOT NULL, acked_at INTEGER NOT NULL DEFAULT 0)"
        " WITHOUT ROWID",
        "CREATE TABLE news_comments (id TEXT PRIMARY KEY, article TEXT NOT NULL, author_id TEXT NOT NULL,"
        " text TEXT NOT NULL, created INTEGER NOT NULL, seq INTEGER NOT NULL DEFAULT 0, state INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX news_comments_by_article ON news_comments (article, created, id)",
        "CREATE TABLE news_reactions (article TEXT NOT NULL, user_id TEXT NOT NULL, reaction TEXT NOT NULL,"
        " is_on INTEGER NOT NULL, PRIMARY KEY (article, user_id, reaction)) WITHOUT ROWID",
        "CREATE TABLE news_stats (article TEXT PRIMARY KEY, audience_size INTEGER NOT NULL, readers INTEGER NOT NULL,"
        " acks INTEGER NOT NULL, not_acked TEXT NOT NULL DEFAULT '', seq INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID",
        // An unpublished article takes its comments and reactions with it.
        "CREATE TRIGGER news_cleanup AFTER DELETE ON news BEGIN"
        " DELETE FROM news_comments WHERE article = OLD.id; DELETE FROM news_reactions WHERE article = OLD.id;"
        " DELETE FROM news_stats WHERE article = OLD.id; END",
    };
}

void registerKinds(ChangeApplier &applier)
{
    applier.addKind(QLatin1String(protocol::kind::News), applyArticle);
    applier.addKind(QLatin1String(protocol::kind::NewsComment), applyComment);
    applier.addKind(QLatin1String(protocol::kind::NewsReaction), applyReaction);
    applier.addKind(QLatin1String(protocol::kind::NewsRead), applyRead);
    applier.addKind(QLatin1String(protocol::kind::NewsStats), applyStats);
    // My reactions and read marks: a later choice of mine, queued or acknowledged, wins over
    // an older copy (the entity of a reaction is its change id, article:user:reaction).
    applier.addGuard(QLatin1String(protocol::kind::NewsReaction), {QLatin1String(protocol::type::NewsReact)});
    applier.addGuard(QLatin1String(protocol::kind::NewsRead),
                     {QLatin1String(protocol::type::NewsRead), QLatin1String(protocol::type::NewsAck)},
                     [](const protocol::Change &c, const QString &) {
                         auto s = protocol::decode<protocol::NewsReadState>(c.data);
                         return s ? s->article : QString();
                     });
}

Result<QString> markRead(const QSqlDatabase &db, const QString &article)
{
    return readOrAck(db, article, false);
}

Result<QString> acknowledge(const QSqlDatabase &db, const QString &article)
{
    return readOrAck(db, article, true);
}

Result<QString> comment(const QSqlDatabase &db, const QString &article, const QString &text)
{
    auto valid = protocol::validateText(text, limits::MaxCommentChars, "text");
    if (!valid)
        return valid.error();
    auto user = me(db);
    if (!user)
        return user.error();
    if (!articleExists(db, article))
        return Error{QLatin1String(protocol::code::NotFound), QStringLiteral("no such article")};
    const QString id = ids::create();
    auto op = write(db, protocol::type::NewsComment, id,
                    protocol::encode(protocol::NewsCommentBody{id, article, valid.value()}), {}, [&](QSqlQuery &q) {
                        q.prepare(QStringLiteral("INSERT INTO news_comments (id, article, author_id, text, created, state)"
                                                 " VALUES (?, ?, ?, ?, ?, ?)"));
                        q.addBindValue(id);
                        q.addBindValue(article);
                        q.addBindValue(user.value());
                        q.addBindValue(valid.value());
                        q.addBindValue(v(ids::nowMs()));
                        q.addBindValue(rowstate::Pending);
                        return q.exec() ? QString() : q.lastError().text();
                    });
    if (!op)
        return op.error();
    return id;
}

Result<QString> react(const QSqlDatabase &db, const QString &article, const QString &reaction, bool on)
{
    if (!protocol::reaction::isValid(reaction))
        return Error{QLatin1String(protocol::code::BadRequest), QStringLiteral("unknown reaction")};
    auto user = me(db);
    if (!user)
        return user.error();
    if (!articleExists(db, article))
        return Error{QLatin1String(protocol::code::NotFound), QStringLiteral("no such article")};
    const QString entity = article + QLatin1Char(':') + user.value() + QLatin1Char(':') + reaction;
    const undo::Rows mine{QStringLiteral("news_reactions"),
                          {QStringLiteral("article"), QStringLiteral("user_id"), QStringLiteral("reaction")},
                          {article, user.value(), reaction}, {QStringLiteral("is_on")}};
    return write(db, protocol::type::NewsReact, entity,
                 protocol::encode(protocol::NewsReactBody{article, reaction, on}), {mine}, [&](QSqlQuery &q) {
                     q.prepare(QStringLiteral("INSERT INTO news_reactions (article, user_id, reaction, is_on)"
                                              " VALUES (?, ?, ?, ?) ON CONFLICT (article, user_id, reaction)"
                                              " DO UPDATE SET is_on = excluded.is_on"));
                     q.addBindValue(article);
                     q.addBindValue(user.value());
                     q.addBindValue(reaction);
                     q.addBindValue(on ? 1 : 0);
                     return q.exec() ? QString() : q.lastError().text();
                 });
}

} // namespace plein::client::newscache
