#pragma once

#include "model/Types.h"
#include "protocol/Error.h"
#include "protocol/Messages.h"

#include <QJsonObject>
#include <QString>

namespace plein::server {

class ChangeLog;
class Database;
class PostsFeature;
class WriteHandlers;

// Blog pages: long-form Markdown articles with a title, by any employee, in a group they are a
// member of (audience the group's scope) or on their own profile (group empty, audience org).
// blog.save creates a page or, for its author, replaces title and text (the page keeps its
// place: group and created do not change). Comments, reactions and deletes go through
// PostsFeature like those of any post.
class BlogFeature
{
public:
    BlogFeature(Database &db, ChangeLog &log, PostsFeature &posts) : m_db(db), m_log(log), m_posts(posts) {}

    void registerHandlers(WriteHandlers &handlers);

    Result<protocol::AckBody> save(const Person &actor, const QString &op, const QJsonObject &body);

private:
    Database &m_db;
    ChangeLog &m_log;
    PostsFeature &m_posts;
};

} // namespace plein::server
