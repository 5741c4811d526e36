#include "models/TimelineModel.h"

#include <QSqlQuery>

namespace plein::client {

namespace {

// Every timeline query walks posts_timeline (created DESC, id DESC); counts are columns.
QString select(const char *where)
{
    return QStringLiteral("SELECT p.id, p.author_id, coalesce(u.display_name, ''), p.text, p.created,"
                          " p.like_count, p.comment_count,"
                          " EXISTS (SELECT 1 FROM likes l WHERE l.post_id = p.id AND l.user_id = ? AND l.liked = 1),"
                          " p.state, p.error, p.edited, p.deleted,"
                          " (SELECT group_concat(reaction) FROM post_reactions r WHERE r.post_id = p.id),"
                          " (SELECT group_concat(reaction) FROM post_reactions r WHERE r.post_id = p.id AND r.user_id = ?),"
                          " '', '', 'post'"
                          " FROM posts p LEFT JOIN users u ON u.id = p.author_id %1"
                          " ORDER BY p.created DESC, p.id DESC LIMIT ?")
        .arg(QLatin1String(where));
}

} // namespace

TimelineModel::TimelineModel(const QSqlDatabase &db, QObject *parent) : CacheListModel(db, true, parent)
{
    reload();
}

QList<ItemRow> TimelineModel::queryAfter(const ItemRow *after, int limit)
{
    bool ok = false;
    const QString me = currentUserId();
    QSqlQuery &q = after ? m_sql.exec(select("WHERE (p.created, p.id) < (?, ?)"),
                                      {me, me, QVariant::fromValue(after->created), after->id, limit}, &ok)
                         : m_sql.exec(select(""), {me, me, limit}, &ok);
    return ok ? readRows(q) : QList<ItemRow>();
}

QList<ItemRow> TimelineModel::queryThrough(const ItemRow &last, int limit)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(select("WHERE (p.created, p.id) >= (?, ?)"),
                              {currentUserId(), currentUserId(), QVariant::fromValue(last.created), last.id, limit}, &ok);
    return ok ? readRows(q) : QList<ItemRow>();
}

} // namespace plein::client
