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
};

enum class ItemState { Sent = 0, Pending = 1, Failed = 2 };

} // namespace plein::client
