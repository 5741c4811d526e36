#pragma once

#include "models/CacheListModel.h"

namespace plein::client {

// The company timeline from the replica, newest first, 50 posts a page. Roles: Roles.h.
class TimelineModel : public CacheListModel
{
    Q_OBJECT
public:
    // db: a read connection on this thread. The first page loads at once.
    explicit TimelineModel(const QSqlDatabase &db, QObject *parent = nullptr);

protected:
    QList<ItemRow> queryAfter(const ItemRow *after, int limit) override;
    QList<ItemRow> queryThrough(const ItemRow &last, int limit) override;
    bool isPostRow() const override { return true; }
};

} // namespace plein::client
