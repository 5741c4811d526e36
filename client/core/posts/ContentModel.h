#pragma once

#include "models/CacheListModel.h"

namespace plein::client {

// Posts other than the company timeline's, from the replica, newest first, 50 a page, in the
// shared row layout (models/Roles.h): one group's posts, blog pages (all the user can see,
// or one group's), or everything with a hashtag (company posts, group posts, blog pages)
// through the replica's hashtag index. Every query walks an index.
class ContentModel : public CacheListModel
{
    Q_OBJECT
public:
    enum class Mode { GroupPosts, BlogPages, Tagged };

    ContentModel(const QSqlDatabase &db, Mode mode, QObject *parent = nullptr);

    // The group (GroupPosts; BlogPages: empty for every page), or the tag (Tagged, without '#').
    void setKey(const QString &key);
    QString key() const { return m_key; }

protected:
    QList<ItemRow> queryAfter(const ItemRow *after, int limit) override;
    QList<ItemRow> queryThrough(const ItemRow &last, int limit) override;
    bool isBound() const override { return m_mode == Mode::BlogPages || !m_key.isEmpty(); }
    bool isPostRow() const override { return true; }

private:
    QList<ItemRow> query(const char *cmp, const ItemRow *edge, int limit);

    Mode m_mode;
    QString m_key;
};

} // namespace plein::client
