#include "news/NewsModel.h"

#include "cache/Replica.h"
#include "protocol/NewsMessages.h"

#include <QSqlQuery>

namespace plein::client {

NewsModel::NewsModel(const QSqlDatabase &db, QObject *parent) : RowListModel(parent), m_db(db)
{
    m_rows = load();
}

QList<NewsModel::Row> NewsModel::load() const
{
    QList<Row> rows;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT n.id, n.title, n.text, coalesce(u.display_name, ''), n.state, n.publish_at, n.pinned, n.must_read,"
            " r.read_at IS NOT NULL, coalesce(r.acked_at, 0) > 0, n.edited > 0, n.departments, n.locations,"
            " s.readers, coalesce(s.audience_size, 0), coalesce(s.acks, 0), coalesce(s.not_acked, ''),"
            " (SELECT count(*) FROM news_comments c WHERE c.article = n.id)"
            " FROM news n LEFT JOIN users u ON u.id = n.author_id LEFT JOIN news_reads r ON r.article = n.id"
            " LEFT JOIN news_stats s ON s.article = n.id ORDER BY n.pinned DESC, n.publish_at DESC, n.id")))
        return rows;
    QHash<QString, int> index;
    while (q.next()) {
        Row r;
        r.id = q.value(0).toString();
        r.title = q.value(1).toString();
        r.text = q.value(2).toString();
        r.authorName = q.value(3).toString();
        r.state = q.value(4).toString();
        r.publishAt = q.value(5).toLongLong();
        r.pinned = q.value(6).toInt() != 0;
        r.mustRead = q.value(7).toInt() != 0;
        r.read = q.value(8).toInt() != 0;
        r.acked = q.value(9).toInt() != 0;
        r.edited = q.value(10).toInt() != 0;
        r.targets = q.value(11).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                    + q.value(12).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        r.readers = q.value(13).isNull() ? -1 : q.value(13).toInt();
        r.audienceSize = q.value(14).toInt();
        r.acks = q.value(15).toInt();
        r.notAcked = q.value(16).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        r.commentCount = q.value(17).toInt();
        index.insert(r.id, int(rows.size()));
        rows.append(r);
    }
    // Reactions, and who has not acknowledged by name.
    const QString me = Replica::currentUserId(m_db);
    QSqlQuery rq(m_db);
    if (rq.exec(QStringLiteral("SELECT article, user_id, reaction FROM news_reactions WHERE is_on = 1"))) {
        while (rq.next()) {
            const auto it = index.constFind(rq.value(0).toString());
            if (it == index.constEnd())
                continue;
            Row &r = rows[*it];
            const QString reaction = rq.value(2).toString();
            r.reactions[reaction] = r.reactions.value(reaction).toInt() + 1;
            if (rq.value(1).toString() == me)
                r.mine.append(reaction);
        }
    }
    QSqlQuery names(m_db);
    names.prepare(QStringLiteral("SELECT display_name FROM users WHERE id = ?"));
    for (Row &r : rows) {
        for (QString &id : r.notAcked) {
            names.addBindValue(id);
            if (names.exec() && names.next())
                id = names.value(0).toString();
            names.finish();
        }
    }
    return rows;
}

void NewsModel::refresh()
{
    replaceRows(load());
}

QVariant NewsModel::data(const QModelIndex &index, int role) const
{
    const Row *row = rowAt(index);
    if (!row)
        return {};
    const Row &r = *row;
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return r.title;
    case IdRole: return r.id;
    case TextRole: return r.text;
    case AuthorNameRole: return r.authorName;
    case PublishAtRole: return QDateTime::fromMSecsSinceEpoch(r.publishAt).toLocalTime();
    case ScheduledRole: return r.state == QLatin1String(protocol::newsstate::Scheduled);
    case PinnedRole: return r.pinned;
    case MustReadRole: return r.mustRead;
    case ReadRole: return r.read;
    case AckedRole: return r.acked;
    case EditedRole: return r.edited;
    case TargetsRole: return r.targets;
    case ReadersRole: return r.readers;
    case AudienceSizeRole: return r.audienceSize;
    case AcksRole: return r.acks;
    case NotAckedRole: return r.notAcked;
    case ReactionCountsRole: return r.reactions;
    case MyReactionsRole: return r.mine;
    case CommentCountRole: return r.commentCount;
    default: return {};
    }
}

QHash<int, QByteArray> NewsModel::roleNames() const
{
    return {{IdRole, "id"}, {TitleRole, "title"}, {TextRole, "text"}, {AuthorNameRole, "authorName"},
            {PublishAtRole, "publishAt"}, {ScheduledRole, "scheduled"}, {PinnedRole, "pinned"},
            {MustReadRole, "mustRead"}, {ReadRole, "read"}, {AckedRole, "acked"}, {EditedRole, "edited"},
            {TargetsRole, "targets"}, {ReadersRole, "readers"}, {AudienceSizeRole, "audienceSize"},
            {AcksRole, "acks"}, {NotAckedRole, "notAcked"}, {ReactionCountsRole, "reactionCounts"},
            {MyReactionsRole, "myReactions"}, {CommentCountRole, "commentCount"}};
}

int NewsModel::unreadCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) {
        return !r.read && r.state == QLatin1String(protocol::newsstate::Published);
    }));
}

int NewsModel::mustReadOpenCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) {
        return r.mustRead && !r.acked && r.state == QLatin1String(protocol::newsstate::Published);
    }));
}

QList<NewsCommentRow> NewsModel::comments(const QString &article) const
{
    QList<NewsCommentRow> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT c.id, coalesce(u.display_name, ''), c.text, c.created, c.state FROM news_comments c"
                             " LEFT JOIN users u ON u.id = c.author_id WHERE c.article = ? ORDER BY c.created, c.id"));
    q.addBindValue(article);
    if (q.exec())
        while (q.next())
            out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong(),
                        q.value(4).toInt() != 0});
    return out;
}

} // namespace plein::client
