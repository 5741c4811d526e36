#pragma once

#include "protocol/Error.h"

#include <QSqlDatabase>
#include <QString>

namespace plein::client {

// The user's writes: each puts the entity into the replica as pending and appends its
// outbox row in one transaction, so a write is either fully recorded (and will be sent)
// or not at all. Ids of entities and ops are made here.
class LocalWriter
{
public:
    explicit LocalWriter(const QSqlDatabase &db) : m_db(db) {}

    struct Written
    {
        QString id;   // entity id (the post id for likes)
        QString op;
    };
    Result<Written> createPost(const QString &text);
    Result<Written> addComment(const QString &postId, const QString &text);
    Result<Written> setLiked(const QString &postId, bool liked);

private:
    Result<QString> currentUser() const;
    bool postExists(const QString &postId) const;

    QSqlDatabase m_db;
};

} // namespace plein::client
