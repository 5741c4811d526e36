#include "home/PersonalCache.h"

#include "cache/CacheSql.h"
#include "cache/ChangeApplier.h"
#include "cache/LocalWrite.h"
#include "cache/Replica.h"
#include "cache/Statements.h"
#include "model/Ids.h"
#include "protocol/HomeMessages.h"
#include "protocol/Protocol.h"

#include <QSqlError>
#include <QSqlQuery>

namespace plein::client::personalcache {

namespace {

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

using cachesql::cacheError;
using cachesql::run;
using cachesql::v;

Error bad(const protocol::Change &c, const QString &why)
{
    return cachesql::badChange(c, why);
}

Result<bool> applyFollow(Statements &sql, const protocol::Change &c, const QString &)
{
    auto f = protocol::decode<protocol::Follow>(c.data);
    if (!f)
        return bad(c, f.error().message);
    return run(sql,
               QStringLiteral("INSERT INTO follows (kind, target, is_on, seq) VALUES (?, ?, ?, ?)"
                              " ON CONFLICT (kind, target) DO UPDATE SET is_on = excluded.is_on, seq = excluded.seq"
                              " WHERE excluded.seq >= follows.seq"),
               {f->kind, f->target, f->on ? 1 : 0, v(c.seq)}, c.id);
}

Result<bool> applyLayout(Statements &sql, const protocol::Change &c, const QString &)
{
    auto l = protocol::decode<protocol::HomeLayout>(c.data);
    if (!l)
        return bad(c, l.error().message);
    return run(sql,
               QStringLiteral("INSERT INTO home_layout (id, widgets, updated, seq) VALUES (1, ?, ?, ?)"
                              " ON CONFLICT (id) DO UPDATE SET widgets = excluded.widgets, updated = excluded.updated,"
                              " seq = excluded.seq WHERE excluded.seq >= home_layout.seq"),
               {l->widgets.join(QLatin1Char('\n')), v(l->updated), v(c.seq)}, c.id);
}

Result<bool> applyNotification(Statements &sql, const protocol::Change &c, const QString &)
{
    auto n = protocol::decode<protocol::Notification>(c.data);
    if (!n)
        return bad(c, n.error().message);
    // Read never goes back to unread: a mark made here offline wins over an older copy.
    return run(sql,
               QStringLiteral("INSERT INTO notifications (id, kind, actor, item, item_kind, parent, group_id, text, created,"
                              " is_read, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                              " ON CONFLICT (id) DO UPDATE SET is_read = max(notifications.is_read, excluded.is_read),"
                              " seq = max(notifications.seq, excluded.seq)"),
               {n->id, n->kind, n->actor, n->item, n->itemKind, n->parent, n->group, n->text, v(n->created),
                n->read ? 1 : 0, v(c.seq)},
               c.id);
}

Result<bool> applyMute(Statements &sql, const protocol::Change &c, const QString &)
{
    auto m = protocol::decode<protocol::NotifyMute>(c.data);
    if (!m)
        return bad(c, m.error().message);
    return run(sql,
               QStringLiteral("INSERT INTO notify_mutes (group_id, muted) VALUES (?, ?)"
                              " ON CONFLICT (group_id) DO UPDATE SET muted = excluded.muted"),
               {m->group, m->muted ? 1 : 0}, c.id);
}

// Whether a group post belongs in the personal timeline: the group is followed (an
// explicit choice, else membership) or its author is.
#define PLEIN_IN_FEED(G, A)                                                                                       \
    "(coalesce((SELECT is_on FROM follows WHERE kind = 'group' AND target = " G "),"                             \
    " EXISTS (SELECT 1 FROM scopes WHERE scope = 'group:' || " G "))"                                              \
    " OR EXISTS (SELECT 1 FROM follows WHERE kind = 'person' AND target = " A " AND is_on = 1))"

#define PLEIN_REFRESH_FEED(X)                                                                                     \
    " UPDATE group_posts SET in_feed = " PLEIN_IN_FEED("group_posts.group_id", "group_posts.author_id")         \
    " WHERE " X ".kind = 'group' AND group_id = " X ".target;"                                                     \
    " UPDATE group_posts SET in_feed = " PLEIN_IN_FEED("group_posts.group_id", "group_posts.author_id")         \
    " WHERE " X ".kind = 'person' AND author_id = " X ".target;"

} // namespace

QList<const char *> migration()
{
    return {
        // Follows: kind person | group. is_on 0 is an explicit unfollow (members follow their
        // groups unless they say otherwise).
        "CREATE TABLE follows (kind TEXT NOT NULL, target TEXT NOT NULL, is_on INTEGER NOT NULL,"
        " seq INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (kind, target)) WITHOUT ROWID",
        // The personal timeline reads group posts through a partial index over the ones in my
        // feed, so its first page is one short index range however many posts are cached.
        // in_feed is kept by triggers as posts arrive and follows or memberships change.
        "ALTER TABLE group_posts ADD COLUMN in_feed INTEGER NOT NULL DEFAULT 0",
        "CREATE INDEX group_posts_feed ON group_posts (created DESC, id DESC) WHERE in_feed = 1",
        "CREATE INDEX group_posts_by_author ON group_posts (author_id)",
        "UPDATE group_posts SET in_feed = " PLEIN_IN_FEED("group_posts.group_id", "group_posts.author_id"),
        "CREATE TRIGGER group_posts_feed_insert AFTER INSERT ON group_posts BEGIN"
        " UPDATE group_posts SET in_feed = " PLEIN_IN_FEED("NEW.group_id", "NEW.author_id") " WHERE id = NEW.id; END",
        "CREATE TRIGGER follows_feed_insert AFTER INSERT ON follows BEGIN" PLEIN_REFRESH_FEED("NEW") " END",
        "CREATE TRIGGER follows_feed_update AFTER UPDATE OF is_on ON follows BEGIN" PLEIN_REFRESH_FEED("NEW") " END",
        "CREATE TRIGGER follows_feed_delete AFTER DELETE ON follows BEGIN" PLEIN_REFRESH_FEED("OLD") " END",
        "CREATE TRIGGER scopes_feed_insert AFTER INSERT ON scopes WHEN NEW.scope LIKE 'group:%' BEGIN"
        " UPDATE group_posts SET in_feed = " PLEIN_IN_FEED("group_posts.group_id", "group_posts.author_id")
        " WHERE group_id = substr(NEW.scope, 7); END",
        "CREATE TRIGGER scopes_feed_delete AFTER DELETE ON scopes WHEN OLD.scope LIKE 'group:%' BEGIN"
        " UPDATE group_posts SET in_feed = " PLEIN_IN_FEED("group_posts.group_id", "group_posts.author_id")
        " WHERE group_id = substr(OLD.scope, 7); END",
        // The start page: one row, widget ids one per line, top to bottom.
        "CREATE TABLE home_layout (id INTEGER PRIMARY KEY CHECK (id = 1), widgets TEXT NOT NULL,"
        " updated INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL DEFAULT 0)",
        // Notifications, newest first; the unread count reads a partial index.
        "CREATE TABLE notifications (id TEXT PRIMARY KEY, kind TEXT NOT NULL, actor TEXT NOT NULL DEFAULT '',"
        " item TEXT NOT NULL DEFAULT '', item_kind TEXT NOT NULL DEFAULT '', parent TEXT NOT NULL DEFAULT '',"
        " group_id TEXT NOT NULL DEFAULT '', text TEXT NOT NULL DEFAULT '', created INTEGER NOT NULL,"
        " is_read INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX notifications_recent ON notifications (created DESC, id DESC)",
        "CREATE INDEX notifications_unread ON notifications (created) WHERE is_read = 0",
        "CREATE TABLE notify_mutes (group_id TEXT PRIMARY KEY, muted INTEGER NOT NULL) WITHOUT ROWID",
    };
}

void registerKinds(ChangeApplier &applier)
{
    applier.addKind(k(protocol::kind::Follow), applyFollow);
    applier.addKind(k(protocol::kind::HomeLayout), applyLayout);
    applier.addKind(k(protocol::kind::Notification), applyNotification);
    applier.addKind(k(protocol::kind::NotifyMute), applyMute);
    // A choice of mine still queued (or acknowledged, its change not here yet) wins over an
    // older copy from the server; if it is refused, the held copies land after all.
    applier.addGuard(k(protocol::kind::Follow), {k(protocol::type::FollowSet)});
    applier.addGuard(k(protocol::kind::HomeLayout), {k(protocol::type::HomeLayoutSet)});
    applier.addGuard(k(protocol::kind::NotifyMute), {k(protocol::type::NotificationMute)});
}

Result<QString> me(const QSqlDatabase &db)
{
    return localwrite::me(db);
}

Result<QString> write(const QSqlDatabase &db, const char *type, const QString &entity, const QJsonObject &body,
                      const QList<undo::Rows> &touched, const std::function<QString(QSqlQuery &)> &local)
{
    return localwrite::record(db, type, entity, body, touched, [&](Statements &sql) {
        QSqlQuery q(sql.database());
        return local(q);
    });
}

Result<QString> setFollow(const QSqlDatabase &db, const QString &kind, const QString &target, bool on)
{
    if (!protocol::follow::isValidKind(kind) || !ids::isValid(target))
        return Error{k(protocol::code::BadRequest), QStringLiteral("follow a person or a group by id")};
    auto user = me(db);
    if (!user)
        return user.error();
    if (kind == k(protocol::follow::Person) && target == user.value())
        return Error{k(protocol::code::BadRequest), QStringLiteral("you cannot follow yourself")};
    return write(db, protocol::type::FollowSet, protocol::follow::entity(kind, target),
                 protocol::encode(protocol::FollowSetBody{kind, target, on}),
                 {{QStringLiteral("follows"), {QStringLiteral("kind"), QStringLiteral("target")}, {kind, target},
                   {QStringLiteral("is_on"), QStringLiteral("seq")}}},
                 [&](QSqlQuery &q) {
                     q.prepare(QStringLiteral("INSERT INTO follows (kind, target, is_on) VALUES (?, ?, ?)"
                                              " ON CONFLICT (kind, target) DO UPDATE SET is_on = excluded.is_on"));
                     q.addBindValue(kind);
                     q.addBindValue(target);
                     q.addBindValue(on ? 1 : 0);
                     return q.exec() ? QString() : q.lastError().text();
                 });
}

bool isFollowing(const QSqlDatabase &db, const QString &kind, const QString &target)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT coalesce((SELECT is_on FROM follows WHERE kind = ? AND target = ?),"
                             " ? = 'group' AND EXISTS (SELECT 1 FROM scopes WHERE scope = 'group:' || ?))"));
    q.addBindValue(kind);
    q.addBindValue(target);
    q.addBindValue(kind);
    q.addBindValue(target);
    return q.exec() && q.next() && q.value(0).toInt() != 0;
}

QStringList followed(const QSqlDatabase &db, const QString &kind)
{
    QStringList out;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT target FROM follows WHERE kind = ? AND is_on = 1 ORDER BY target"));
    q.addBindValue(kind);
    if (q.exec())
        while (q.next())
            out.append(q.value(0).toString());
    return out;
}

QStringList defaultLayout()
{
    return {QStringLiteral("news"), QStringLiteral("timeline"), QStringLiteral("mentions"), QStringLiteral("groups"),
            QStringLiteral("colleagues")};
}

QStringList layout(const QSqlDatabase &db, bool *stored)
{
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT widgets FROM home_layout WHERE id = 1")) && q.next()) {
        if (stored)
            *stored = true;
        return q.value(0).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    if (stored)
        *stored = false;
    return defaultLayout();
}

Result<QString> setLayout(const QSqlDatabase &db, const QStringList &widgets)
{
    // The same rules the server applies, so a bad layout fails here and not later.
    auto valid = protocol::decode<protocol::HomeLayoutBody>(protocol::encode(protocol::HomeLayoutBody{widgets}));
    if (!valid)
        return valid.error();
    auto user = me(db);
    if (!user)
        return user.error();
    const undo::Rows stored{QStringLiteral("home_layout"), {QStringLiteral("id")}, {1},
                            {QStringLiteral("widgets"), QStringLiteral("updated"), QStringLiteral("seq")}};
    return write(db, protocol::type::HomeLayoutSet, user.value(), protocol::encode(valid.value()), {stored},
                 [&](QSqlQuery &q) {
        q.prepare(QStringLiteral("INSERT INTO home_layout (id, widgets, updated) VALUES (1, ?, ?)"
                                 " ON CONFLICT (id) DO UPDATE SET widgets = excluded.widgets, updated = excluded.updated"));
        q.addBindValue(widgets.join(QLatin1Char('\n')));
        q.addBindValue(v(ids::nowMs()));
        return q.exec() ? QString() : q.lastError().text();
    });
}

int unreadCount(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    return (q.exec(QStringLiteral("SELECT count(*) FROM notifications WHERE is_read = 0")) && q.next())
               ? q.value(0).toInt()
               : 0;
}

Result<QString> markRead(const QSqlDatabase &db, const QStringList &idList)
{
    if (idList.isEmpty() || idList.size() > protocol::notify::MaxReadIds)
        return Error{k(protocol::code::BadRequest), QStringLiteral("mark 1-%1 notifications").arg(protocol::notify::MaxReadIds)};
    auto user = me(db);
    if (!user)
        return user.error();
    QList<undo::Rows> marks;
    for (const QString &id : idList)
        marks.append({QStringLiteral("notifications"), {QStringLiteral("id")}, {id}, {QStringLiteral("is_read")}});
    return write(db, protocol::type::NotificationRead, idList.constFirst(),
                 protocol::encode(protocol::NotificationReadBody{idList, false}), marks, [&](QSqlQuery &q) {
                     q.prepare(QStringLiteral("UPDATE notifications SET is_read = 1 WHERE id = ?"));
                     for (const QString &id : idList) {
                         q.addBindValue(id);
                         if (!q.exec())
                             return q.lastError().text();
                     }
                     return QString();
                 });
}

Result<QString> markAllRead(const QSqlDatabase &db)
{
    auto user = me(db);
    if (!user)
        return user.error();
    return write(db, protocol::type::NotificationRead, user.value(),
                 protocol::encode(protocol::NotificationReadBody{{}, true}), {}, [&](QSqlQuery &q) {
                     return q.exec(QStringLiteral("UPDATE notifications SET is_read = 1 WHERE is_read = 0"))
                                ? QString()
                                : q.lastError().text();
                 });
}

Result<QString> setMuted(const QSqlDatabase &db, const QString &group, bool muted)
{
    if (!ids::isValid(group))
        return Error{k(protocol::code::BadRequest), QStringLiteral("mute a group by id")};
    auto user = me(db);
    if (!user)
        return user.error();
    return write(db, protocol::type::NotificationMute, group, protocol::encode(protocol::NotifyMuteBody{group, muted}),
                 {{QStringLiteral("notify_mutes"), {QStringLiteral("group_id")}, {group}, {QStringLiteral("muted")}}},
                 [&](QSqlQuery &q) {
                     q.prepare(QStringLiteral("INSERT INTO notify_mutes (group_id, muted) VALUES (?, ?)"
                                              " ON CONFLICT (group_id) DO UPDATE SET muted = excluded.muted"));
                     q.addBindValue(group);
                     q.addBindValue(muted ? 1 : 0);
                     return q.exec() ? QString() : q.lastError().text();
                 });
}

bool isMuted(const QSqlDatabase &db, const QString &group)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT muted FROM notify_mutes WHERE group_id = ?"));
    q.addBindValue(group);
    return q.exec() && q.next() && q.value(0).toInt() != 0;
}

} // namespace plein::client::personalcache
