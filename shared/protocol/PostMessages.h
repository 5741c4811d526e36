#pragma once

#include "protocol/Error.h"

#include <QJsonObject>
#include <QString>

// Content features shared by company posts, group posts and blog pages: reactions, edits and
// tombstone deletes of posts and comments, comments on group posts and blog pages, and blog
// pages themselves. A "post" here is any of the three; the server finds which by its id.
namespace plein::protocol {

namespace kind {
inline constexpr char PostComment[] = "post_comment";    // id: comment id, data: PostComment
inline constexpr char PostReaction[] = "post_reaction";  // id: "<post>:<user>:<reaction>", data: PostReaction
inline constexpr char BlogPage[] = "blog_page";          // id: page id, data: BlogPage
} // namespace kind

namespace limits_blog {
constexpr int MaxTitleChars = 200;
constexpr int MaxTextChars = 50000;
} // namespace limits_blog

// A comment on a group post or a blog page (comments on company posts stay kind `comment`).
// group: the group of the post, empty for a blog page on a profile (company-wide).
struct PostComment
{
    QString id;
    QString post;
    QString group;
    QString author;
    QString text;          // empty once deleted
    qint64 created = 0;
    qint64 edited = 0;     // 0: never edited
    bool deleted = false;  // a tombstone: the row stays so threads keep their shape
    bool operator==(const PostComment &) const = default;
};

// One person's reaction on a group post or blog page, and every reaction other than `like` on
// a company post (a company post's like stays kind `like`, so older clients keep counting it).
struct PostReaction
{
    QString post;
    QString group;         // as in PostComment
    QString user;
    QString reaction;      // protocol::reaction::* (NewsMessages.h)
    bool on = true;
    bool operator==(const PostReaction &) const = default;
};

// A long-form Markdown article with a title, in a group (audience the group's scope) or on its
// author's profile (group empty, audience org).
struct BlogPage
{
    QString id;
    QString group;
    QString author;
    QString title;
    QString text;
    qint64 created = 0;
    qint64 edited = 0;
    bool deleted = false;
    bool operator==(const BlogPage &) const = default;
};

// post.react: any of the reactions on a company post, group post or blog page.
struct PostReactBody { QString post; QString reaction; bool on = true; };
// post.edit and comment.edit: the author's new text.
struct EditBody { QString id; QString text; };
// post.delete (company post, group post or blog page) and comment.delete.
struct DeleteBody { QString id; };
// blog.save: creates a page, or (same id, its author) replaces title and text.
struct BlogSaveBody { QString id; QString group; QString title; QString text; };

QJsonObject encode(const PostComment &);
QJsonObject encode(const PostReaction &);
QJsonObject encode(const BlogPage &);
QJsonObject encode(const PostReactBody &);
QJsonObject encode(const EditBody &);
QJsonObject encode(const DeleteBody &);
QJsonObject encode(const BlogSaveBody &);

// "<post>:<user>:<reaction>"
QString postReactionId(const QString &post, const QString &user, const QString &reaction);

} // namespace plein::protocol
