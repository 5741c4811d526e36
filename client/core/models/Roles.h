#pragma once

#include <Qt>

namespace plein::client {

// Roles shared by TimelineModel and CommentsModel rows. Qt::DisplayRole is the text.
enum ItemRole {
    IdRole = Qt::UserRole + 1,
    AuthorIdRole,
    AuthorNameRole,       // display name
    AuthorInitialsRole,   // "AV" for Anna de Vries
    TextRole,
    CreatedRole,          // QDateTime, local time
    LikeCountRole,        // int (posts)
    CommentCountRole,     // int (posts)
    LikedByMeRole,        // bool (posts)
    StateRole,            // ItemState
    ErrorRole,            // QString: why a write failed
    // Added with edits, deletes, reactions and blog pages (posts/PostCache.h)
    EditedRole,           // QDateTime of the last edit; invalid when never edited
    DeletedRole,          // bool: a tombstone, shown as "deleted"
    ReactionsRole,        // QVariantMap reaction -> count, like included (posts)
    MyReactionsRole,      // QStringList: the current user's reactions, like included (posts)
    TitleRole,            // QString: a blog page's title
    ContextRole,          // QString: the group an item is in, empty when company-wide
    ItemKindRole,         // QString: "post", "group_post" or "blog_page"
};

enum class ItemState { Sent = 0, Pending = 1, Failed = 2 };

} // namespace plein::client
