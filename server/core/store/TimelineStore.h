#pragma once

#include "model/Types.h"

#include <QString>

namespace plein::server {

class Database;

// posts, comments and likes. Callers hold the write transaction.
class TimelineStore
{
public:
    explicit TimelineStore(Database &db) : m_db(db) {}

    bool postExists(const QString &id);
    bool insertPost(const Post &p);
    bool commentExists(const QString &id);
    bool insertComment(const Comment &c);
    // One row per (post, user) while liked; unliking deletes it. Liking twice is a no-op.
    bool setLike(const Like &l, qint64 at);

    qint64 postCount();
    qint64 commentCount();
    qint64 likeCount();

private:
    qint64 count(const QString &sql);
    Database &m_db;
};

} // namespace plein::server
