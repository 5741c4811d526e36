#include "groups/PersonalTimeline.h"

#include <QSqlQuery>

#include <limits>

namespace plein::client {

QList<TimelineEntry> PersonalTimeline::page(int limit, qint64 beforeCreated, const QString &beforeId) const
{
    QList<TimelineEntry> out;
    const qint64 created = beforeCreated > 0 ? beforeCreated : std::numeric_limits<qint64>::max();
    // Row values compare (created, id) in one index seek; each branch stops after `limit`.
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT * FROM (SELECT 0 AS k, id, author_id, text, '' AS g, created FROM posts"
        "  WHERE (created, id) < (?, ?) ORDER BY created DESC, id DESC LIMIT ?)"
        " UNION ALL SELECT * FROM (SELECT 1, id, author_id, text, group_id, created FROM group_posts"
        "  WHERE in_feed = 1 AND (created, id) < (?, ?) ORDER BY created DESC, id DESC LIMIT ?)"
        " UNION ALL SELECT * FROM (SELECT 2, id, author_id, title, '', publish_at FROM news"
        "  WHERE state = 'published' AND (publish_at, id) < (?, ?) ORDER BY publish_at DESC, id DESC LIMIT ?)"
        " ORDER BY 6 DESC, 2 DESC LIMIT ?"));
    // An id sorts after every real id when no keyset is given ('~' > any UUID digit).
    const QString id = beforeCreated > 0 ? beforeId : QStringLiteral("~");
    for (int i = 0; i < 3; ++i) {
        q.addBindValue(QVariant::fromValue(created));
        q.addBindValue(id);
        q.addBindValue(limit);
    }
    q.addBindValue(limit);
    if (!q.exec())
        return out;
    while (q.next()) {
        TimelineEntry e;
        e.kind = static_cast<TimelineEntry::Kind>(q.value(0).toInt());
        e.id = q.value(1).toString();
        e.authorId = q.value(2).toString();
        e.text = q.value(3).toString();
        e.groupId = q.value(4).toString();
        e.created = q.value(5).toLongLong();
        out.append(e);
    }
    return out;
}

} // namespace plein::client
