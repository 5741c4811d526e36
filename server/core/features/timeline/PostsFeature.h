#pragma once

#include "model/Types.h"
#include "protocol/Error.h"
#include "protocol/Messages.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace plein::server {

class ChangeLog;
class Database;
class Scopes;
class TimelineFeature;
class WriteHandlers;

// What the content writes act on: a company post, a group post or a blog page, found by id.
struct PostTarget
{
    enum class Kind { Company, Group, Blog };
    Kind kind = Kind::Company;
    QString id;
    QString author;
    QString group;      // empty for a company post and a blog page on a profile
    QString audience;   // org or group:<id>
    bool deleted = false;
};

// Reactions, edits and tombstone deletes shared by company posts, group posts and blog pages,
// and comments on group posts and blog pages (comment.create on a company post stays with
// TimelineFeature). Runs inside Writer's transaction like every handler.
//
// Who may do what: whoever may see a post (company: everyone; group: its members) reacts and
// comments. Only the author edits a post or comment; the author or an admin deletes one (an
// admin also in an open or closed group they are not in; a secret group stays invisible).
// A deleted or unknown target answers not_found, as does anything of a secret group to a
// non-member; a member-only action in an open or closed group answers forbidden.
class PostsFeature
{
public:
    PostsFeature(Database &db, Scopes &scopes, ChangeLog &log, TimelineFeature &timeline)
        : m_db(db), m_scopes(scopes), m_log(log), m_timeline(timeline)
    {
    }

    void registerHandlers(WriteHandlers &handlers);

    Result<protocol::AckBody> comment(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> react(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> editPost(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> deletePost(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> editComment(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> deleteComment(const Person &actor, const QString &op, const QJsonObject &body);

    // The target if the actor may act on it (see above); forDelete lets admins past membership.
    Result<PostTarget> target(const Person &actor, const QString &id, bool forDelete = false) const;
    // Whether `actor` may see (and so write to) the group; not_found or forbidden otherwise.
    std::optional<Error> checkGroup(const Person &actor, const QString &group, bool forDelete = false) const;

    // For a group's snapshot: the comments and reactions of these posts and the group's
    // newest blog pages with theirs, as they are now.
    static QList<protocol::Change> scopeExtras(Database &db, const QString &group, const QStringList &postIds,
                                               bool withBlogPages);

    // Replaces the payload of every earlier change of an entity with its tombstone, so a
    // deleted text is gone from the server's log too.
    static bool scrub(Database &db, const QString &kind, const QString &entity, const QJsonObject &tombstone);

private:
    Database &m_db;
    Scopes &m_scopes;
    ChangeLog &m_log;
    TimelineFeature &m_timeline;
};

} // namespace plein::server
