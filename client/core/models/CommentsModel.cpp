#include "models/CommentsModel.h"

#include <QSqlQuery>

namespace plein::client {

namespace {

// Every comments query walks comments_by_post (post_id, created, id).
QString select(const char *andWhere)
{
    return QStringLiteral("SELECT c.id, c.author_id, coalesce(u.display_name, ''), c.text, c.created, 0, 0, 0,"
                          " c.state, c.error, c.edited, c.deleted, '', '', '', '', 'comment'"
                          " FROM comments c LEFT JOIN users u ON u.id = c.author_id WHERE c.post_id = ? %1"
                          " ORDER BY c.created, c.id LIMIT ?")
        .arg(QLatin1String(andWhere));
}

} // namespace

CommentsModel::CommentsModel(const QSqlDatabase &db, QObject *parent) : CacheListModel(db, false, parent)
{
}

void CommentsModel::setPost(const QString &postId)
{
    if (postId == m_post)
        return;
    m_post = postId;
    reload();
    emit postChanged(m_post);
}

QList<ItemRow> CommentsModel::queryAfter(const ItemRow *after, int limit)
{
    bool ok = false;
    QSqlQuery &q = after ? m_sql.exec(select("AND (c.created, c.id) > (?, ?)"),
                                      {m_post, QVariant::fromValue(after->created), after->id, limit}, &ok)
                         : m_sql.exec(select(""), {m_post, limit}, &ok);
    return ok ? readRows(q) : QList<ItemRow>();
}

QList<ItemRow> CommentsModel::queryThrough(const ItemRow &last, int limit)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(select("AND (c.created, c.id) <= (?, ?)"),
                              {m_post, QVariant::fromValue(last.created), last.id, limit}, &ok);
    return ok ? readRows(q) : QList<ItemRow>();
}

} // namespace plein::client
