#pragma once

#include "model/Types.h"
#include "protocol/Error.h"
#include "protocol/Messages.h"

#include <QJsonObject>
#include <QString>

namespace plein::server {

class ChangeLog;
class TimelineStore;
class WriteHandlers;

// The company timeline: post.create, comment.create and like.set. Each handler runs inside
// Writer's transaction: decode and validate with the shared codec, authorise, write the
// entity and its change (audience org), answer the ack.
class TimelineFeature
{
public:
    TimelineFeature(TimelineStore &store, ChangeLog &log) : m_store(store), m_log(log) {}

    void registerHandlers(WriteHandlers &handlers);

    Result<protocol::AckBody> createPost(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> createComment(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> setLike(const Person &actor, const QString &op, const QJsonObject &body);

    static QString likeId(const QString &postId, const QString &userId);

private:
    TimelineStore &m_store;
    ChangeLog &m_log;
};

} // namespace plein::server
