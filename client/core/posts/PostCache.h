#pragma once

#include "protocol/Error.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace plein::client {

class ChangeApplier;
class Statements;

// Posts in the replica beyond the company timeline's first shape: edits and tombstones of
// posts, group posts and comments, comments on group posts and blog pages (in `comments`,
// with the group's scope so leaving purges them), reactions, blog pages, and the hashtag
// index (protocol::people::hashtags, the shared rule) over posts, group posts and blog pages.
//
// The writes put the change into the replica at once and queue it in the outbox in one
// transaction, like every write; each answers the op (or the new entity id where it makes one).
namespace postcache {

QList<const char *> migration();
// Takes over `post`, `comment` and `group_post` (they now carry edited/deleted) and adds
// `post_comment`, `post_reaction` and `blog_page`.
void registerKinds(ChangeApplier &applier);

enum class Kind { None, Company, Group, Blog };
// Which table holds a post id.
Kind kindOf(const QSqlDatabase &db, const QString &postId);

Result<QString> react(const QSqlDatabase &db, const QString &postId, const QString &reaction, bool on);
Result<QString> editPost(const QSqlDatabase &db, const QString &postId, const QString &text);
Result<QString> deletePost(const QSqlDatabase &db, const QString &postId);
// A comment on a group post or blog page (company posts: LocalWriter::addComment); the new id.
Result<QString> comment(const QSqlDatabase &db, const QString &postId, const QString &text);
Result<QString> editComment(const QSqlDatabase &db, const QString &commentId, const QString &text);
Result<QString> deleteComment(const QSqlDatabase &db, const QString &commentId);
// Creates a page (id empty) in a group or, with group empty, on the user's profile, or
// replaces title and text of the user's page; the page id.
Result<QString> saveBlog(const QSqlDatabase &db, const QString &id, const QString &group, const QString &title,
                         const QString &text);

// Rewrites the hashtag rows of one item from its text (none when deleted).
bool indexTags(Statements &sql, const QString &itemId, const char *kind, const QString &text, qint64 created,
               const QVariant &scope);
// Indexes every cached company post, group post and blog page with indexTags (replica
// migration 9: rows cached before the index existed were only indexed when they changed).
// Runs inside the caller's transaction; the number of items that have a tag.
Result<int> backfillHashtags(const QSqlDatabase &db);

} // namespace postcache
} // namespace plein::client
