#include "search/PostSearch.h"

#include <QRegularExpression>
#include <QSqlQuery>

namespace plein::client {

QString PostSearch::matchExpression(const QString &query)
{
    // Letters and digits make words; everything else (FTS5 operators too) separates them.
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}_]+"));
    const QStringList words = query.split(separators, Qt::SkipEmptyParts);
    QStringList terms;
    for (qsizetype i = 0; i < words.size() && terms.size() < 16; ++i)
        terms.append(QLatin1Char('"') + words.at(i) + QLatin1Char('"'));
    if (terms.isEmpty())
        return {};
    // A prefix of one to three letters ("de", "the") expands to thousands of words whose
    // match lists FTS5 must merge; such a word is taken whole.
    if (words.at(qMin(words.size(), qsizetype(16)) - 1).size() >= MinPrefixChars)
        terms.last() += QLatin1Char('*');
    return terms.join(QLatin1Char(' '));
}

QString PostSearch::sql()
{
    // Each side takes its best `limit` hits by bm25 (FTS5's rank, lower is better) before
    // any join, so the joins touch at most 2 x limit rows; a post keeps its best hit, and a
    // hit in a comment counts half.
    return QStringLiteral(
        "SELECT p.id, p.author_id, coalesce(u.display_name, ''), p.text, p.created, p.like_count, p.comment_count,"
        " p.state, p.error, h.rank"
        " FROM (SELECT r, min(rank) AS rank FROM ("
        "   SELECT * FROM (SELECT rowid AS r, rank FROM posts_fts WHERE posts_fts MATCH ? AND rowid >= ?"
        "    ORDER BY rank LIMIT ?)"
        "   UNION ALL"
        "   SELECT p2.rowid AS r, h.rank * 0.5 AS rank"
        "   FROM (SELECT rowid AS cr, rank FROM comments_fts WHERE comments_fts MATCH ? AND rowid >= ?"
        "    ORDER BY rank LIMIT ?) h"
        "   JOIN comments c ON c.rowid = h.cr JOIN posts p2 ON p2.id = c.post_id)"
        "  GROUP BY r ORDER BY rank LIMIT ?) h"
        " JOIN posts p ON p.rowid = h.r LEFT JOIN users u ON u.id = p.author_id"
        " ORDER BY h.rank, p.created DESC");
}

QList<ItemRow> PostSearch::search(const QString &query, int limit)
{
    const QString match = matchExpression(query);
    if (match.isEmpty() || limit <= 0)
        return {};
    // bm25 scores every match it ranks, so a word found in a large part of the cache (the,
    // de) would cost in proportion to the cache: each side ranks only its newest
    // RankedMatches matches (rowids grow with arrival, so newest means most recently synced).
    auto floor = [this, &match](const char *table) -> qint64 {
        bool found = false;
        QSqlQuery &b = m_sql.exec(QStringLiteral("SELECT rowid FROM %1 WHERE %1 MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?")
                                      .arg(QLatin1String(table)),
                                  {match, RankedMatches - 1}, &found);
        const qint64 rowid = found && b.next() ? b.value(0).toLongLong() : 0;
        b.finish();
        return rowid;
    };
    const qint64 postFloor = floor("posts_fts");
    const qint64 commentFloor = floor("comments_fts");
    bool ok = false;
    QSqlQuery &q = m_sql.exec(sql(), {match, postFloor, limit, match, commentFloor, limit, limit}, &ok);
    QList<ItemRow> rows;
    while (ok && q.next()) {
        ItemRow r;
        r.id = q.value(0).toString();
        r.authorId = q.value(1).toString();
        r.authorName = q.value(2).toString();
        r.text = q.value(3).toString();
        r.created = q.value(4).toLongLong();
        r.likeCount = q.value(5).toInt();
        r.commentCount = q.value(6).toInt();
        r.state = q.value(7).toInt();
        r.error = q.value(8).toString();
        rows.append(r);
    }
    q.finish();
    return rows;
}

} // namespace plein::client
