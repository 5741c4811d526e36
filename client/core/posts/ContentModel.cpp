#include "posts/ContentModel.h"

#include <QSqlQuery>

namespace plein::client {

namespace {

// The reactions columns of the shared layout for the row alias `x`: every reaction, and mine.
QString reactions(const char *x)
{
    return QStringLiteral("(SELECT group_concat(reaction) FROM post_reactions r WHERE r.post_id = %1.id),"
                          " (SELECT group_concat(reaction) FROM post_reactions r WHERE r.post_id = %1.id"
                          " AND r.user_id = :me)")
        .arg(QLatin1String(x));
}

} // namespace

ContentModel::ContentModel(const QSqlDatabase &db, Mode mode, QObject *parent)
    : CacheListModel(db, true, parent), m_mode(mode)
{
    reload();
}

void ContentModel::setKey(const QString &key)
{
    if (key == m_key)
        return;
    m_key = key;
    reload();
}

QList<ItemRow> ContentModel::queryAfter(const ItemRow *after, int limit)
{
    return query("<", after, limit);
}

QList<ItemRow> ContentModel::queryThrough(const ItemRow &last, int limit)
{
    return query(">=", &last, limit);
}

QList<ItemRow> ContentModel::query(const char *cmp, const ItemRow *edge, int limit)
{
    QString sql;
    QString keyCols;
    switch (m_mode) {
    case Mode::GroupPosts:
        // group_posts_by_group (group_id, created DESC, id DESC)
        keyCols = QStringLiteral("(g.created, g.id)");
        sql = QStringLiteral("SELECT g.id, g.author_id, coalesce(u.display_name, ''), g.text, g.created, 0,"
                             " (SELECT count(*) FROM comments c WHERE c.post_id = g.id), 0, g.state, NULL,"
                             " g.edited, g.deleted, %1, '', '', 'group_post'"
                             " FROM group_posts g LEFT JOIN users u ON u.id = g.author_id WHERE g.group_id = :key %2"
                             " ORDER BY g.created DESC, g.id DESC LIMIT :limit")
                  .arg(reactions("g"));
        break;
    case Mode::BlogPages:
        // blog_pages_newest (created DESC, id DESC); a group's pages are few
        keyCols = QStringLiteral("(b.created, b.id)");
        sql = QStringLiteral("SELECT b.id, b.author_id, coalesce(u.display_name, ''), b.text, b.created, 0,"
                             " (SELECT count(*) FROM comments c WHERE c.post_id = b.id), 0, b.state, NULL,"
                             " b.edited, b.deleted, %1, b.title, coalesce(gr.name, ''), 'blog_page'"
                             " FROM blog_pages b LEFT JOIN users u ON u.id = b.author_id"
                             " LEFT JOIN groups gr ON gr.id = b.group_id"
                             " WHERE (:all = 1 OR b.group_id = :key) AND b.deleted = 0 %2"
                             " ORDER BY b.created DESC, b.id DESC LIMIT :limit")
                  .arg(reactions("b"));
        break;
    case Mode::Tagged:
        // hashtags_by_tag (tag, created DESC, item_id DESC), then one row by primary key per item
        keyCols = QStringLiteral("(h.created, h.item_id)");
        sql = QStringLiteral(
            "SELECT h.item_id, coalesce(p.author_id, g.author_id, b.author_id),"
            " coalesce(u.display_name, ''), coalesce(p.text, g.text, b.text), h.created, coalesce(p.like_count, 0),"
            " (SELECT count(*) FROM comments c WHERE c.post_id = h.item_id),"
            " EXISTS (SELECT 1 FROM likes l WHERE l.post_id = h.item_id AND l.user_id = :me2 AND l.liked = 1),"
            " coalesce(p.state, g.state, b.state), NULL, coalesce(p.edited, g.edited, b.edited), 0,"
            " (SELECT group_concat(reaction) FROM post_reactions r WHERE r.post_id = h.item_id),"
            " (SELECT group_concat(reaction) FROM post_reactions r WHERE r.post_id = h.item_id AND r.user_id = :me),"
            " coalesce(b.title, ''), coalesce(gr.name, ''), h.kind"
            " FROM hashtags h LEFT JOIN posts p ON h.kind = 'post' AND p.id = h.item_id"
            " LEFT JOIN group_posts g ON h.kind = 'group_post' AND g.id = h.item_id"
            " LEFT JOIN blog_pages b ON h.kind = 'blog_page' AND b.id = h.item_id"
            " LEFT JOIN users u ON u.id = coalesce(p.author_id, g.author_id, b.author_id)"
            " LEFT JOIN groups gr ON gr.id = coalesce(g.group_id, b.group_id)"
            " WHERE h.tag = :key %2 ORDER BY h.created DESC, h.item_id DESC LIMIT :limit");
        break;
    }
    sql = sql.arg(edge ? QStringLiteral("AND %1 %2 (:created, :id)").arg(keyCols, QLatin1String(cmp)) : QString());
    QSqlQuery q(m_sql.database());
    q.prepare(sql);
    // Each named placeholder appears once: the SQLite driver binds only one occurrence of a name.
    q.bindValue(QStringLiteral(":me"), currentUserId());
    if (m_mode == Mode::BlogPages)
        q.bindValue(QStringLiteral(":all"), m_key.isEmpty() ? 1 : 0);
    if (m_mode == Mode::Tagged)
        q.bindValue(QStringLiteral(":me2"), currentUserId());
    q.bindValue(QStringLiteral(":key"), m_key);
    q.bindValue(QStringLiteral(":limit"), limit);
    if (edge) {
        q.bindValue(QStringLiteral(":created"), QVariant::fromValue(edge->created));
        q.bindValue(QStringLiteral(":id"), edge->id);
    }
    if (!q.exec())
        return {};
    return readRows(q);
}

} // namespace plein::client
