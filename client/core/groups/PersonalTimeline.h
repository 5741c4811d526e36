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

// The personal timeline from the replica: company-wide posts, the posts of my groups (the
// replica holds only groups I am a member of, so membership is the follow) and published
// news, newest first, keyset-paged on (created, id). Each source is read as its own
// ordered, limited index range and the three are merged, so the first page costs the same
// with 200,000 cached posts as with 200.
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
