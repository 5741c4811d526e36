#pragma once

#include "models/CacheListModel.h"

namespace plein::client {

// The comments of one post from the replica, oldest first, 50 a page. Roles: Roles.h (the
// post-only roles LikeCount, CommentCount and LikedByMe are empty here).
class CommentsModel : public CacheListModel
{
    Q_OBJECT
public:
    explicit CommentsModel(const QSqlDatabase &db, QObject *parent = nullptr);

    QString post() const { return m_post; }
    // Shows the comments of postId (an empty id shows nothing).
    void setPost(const QString &postId);

signals:
    void postChanged(const QString &postId);

protected:
    QList<ItemRow> queryAfter(const ItemRow *after, int limit) override;
    QList<ItemRow> queryThrough(const ItemRow &last, int limit) override;
    bool isBound() const override { return !m_post.isEmpty(); }
    bool isPostRow() const override { return false; }

private:
    QString m_post;
};

} // namespace plein::client
