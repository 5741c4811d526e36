#pragma once

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace plein::client {

// One entry of the personal timeline.
struct TimelineEntry
{
    enum class Kind { Post, GroupPost, News };
    Kind kind = Kind::Post;
    QString id;
    QString authorId;
    QString text;        // post text, or the article title for news
    QString groupId;     // group posts only
    qint64 created = 0;
    bool operator==(const TimelineEntry &) const = default;
};

// The personal timeline from the replica: company-wide posts, published news, and the group
// posts of followed groups (my groups unless I unfollowed one, and open groups I follow) or
// by people I follow, newest first, keyset-paged on (created, id). Each source is read as
// its own ordered, limited index range (group posts through the partial index over
// `in_feed`, kept by triggers, see home/PersonalCache.cpp) and the three are merged, so the
// first page costs the same with 200,000 cached posts as with 200.
//
//     PersonalTimeline t(db);
//     auto first = t.page(30);
//     auto next = t.page(30, first.last().created, first.last().id);
class PersonalTimeline
{
public:
    explicit PersonalTimeline(const QSqlDatabase &db) : m_db(db) {}

    // Entries strictly older than (beforeCreated, beforeId); 0/empty for the first page.
    QList<TimelineEntry> page(int limit, qint64 beforeCreated = 0, const QString &beforeId = {}) const;

private:
    QSqlDatabase m_db;
};

} // namespace plein::client
