#include "features/timeline/TimelineFeature.h"

#include "Logging.h"
#include "model/Ids.h"
#include "protocol/Protocol.h"
#include "store/TimelineStore.h"
#include "sync/Audience.h"
#include "sync/ChangeLog.h"
#include "sync/Writer.h"

namespace plein::server {

namespace {
Error error(const char *code, const QString &message)
{
    return Error{QLatin1String(code), message};
}

const QString &org()
{
    static const QString a = QLatin1String(protocol::audience::Org);
    return a;
}

Error forbidden()
{
    return error(protocol::code::Forbidden, QStringLiteral("you may not write to the company timeline"));
}
} // namespace

void TimelineFeature::registerHandlers(WriteHandlers &handlers)
{
    handlers.add(QLatin1String(protocol::type::PostCreate),
                 [this](const Person &a, const QString &op, const QJsonObject &b) { return createPost(a, op, b); });
    handlers.add(QLatin1String(protocol::type::CommentCreate),
                 [this](const Person &a, const QString &op, const QJsonObject &b) { return createComment(a, op, b); });
    handlers.add(QLatin1String(protocol::type::LikeSet),
                 [this](const Person &a, const QString &op, const QJsonObject &b) { return setLike(a, op, b); });
}

QString TimelineFeature::likeId(const QString &postId, const QString &userId)
{
    return postId + QLatin1Char(':') + userId;
}

Result<protocol::AckBody> TimelineFeature::createPost(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::PostCreateBody>(body);
    if (!in)
        return in.error();
    if (!audience::mayWrite(actor, org()))
        return forbidden();
    // Replays were answered before this runs, so an existing id belongs to another op.
    if (m_store.postExists(in->id))
        return error(protocol::code::Conflict, QStringLiteral("post %1 already exists").arg(in->id));
    const Post p{in->id, actor.id, in->text, ids::nowMs()};
    if (!m_store.insertPost(p))
        return error(protocol::code::Internal, QStringLiteral("could not store the post"));
    const qint64 seq = m_log.append({org(), QLatin1String(protocol::kind::Post), p.id, op, false, protocol::encode(p)},
                                    p.created);
    if (seq == 0)
        return error(protocol::code::Internal, QStringLiteral("could not log the post"));
    return protocol::AckBody{op, seq, p.id};
}

Result<protocol::AckBody> TimelineFeature::createComment(const Person &actor, const QString &op,
                                                         const QJsonObject &body)
{
    auto in = protocol::decode<protocol::CommentCreateBody>(body);
    if (!in)
        return in.error();
    if (!audience::mayWrite(actor, org()))
        return forbidden();
    if (!m_store.postExists(in->post))
        return error(protocol::code::NotFound, QStringLiteral("post %1 does not exist").arg(in->post));
    if (m_store.commentExists(in->id))
        return error(protocol::code::Conflict, QStringLiteral("comment %1 already exists").arg(in->id));
    const Comment c{in->id, in->post, actor.id, in->text, ids::nowMs()};
    if (!m_store.insertComment(c))
        return error(protocol::code::Internal, QStringLiteral("could not store the comment"));
    const qint64 seq = m_log.append(
        {org(), QLatin1String(protocol::kind::Comment), c.id, op, false, protocol::encode(c)}, c.created);
    if (seq == 0)
        return error(protocol::code::Internal, QStringLiteral("could not log the comment"));
    return protocol::AckBody{op, seq, c.id};
}

Result<protocol::AckBody> TimelineFeature::setLike(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::LikeSetBody>(body);
    if (!in)
        return in.error();
    if (!audience::mayWrite(actor, org()))
        return forbidden();
    if (!m_store.postExists(in->post))
        return error(protocol::code::NotFound, QStringLiteral("post %1 does not exist").arg(in->post));
    const Like l{in->post, actor.id, in->liked};
    const qint64 now = ids::nowMs();
    if (!m_store.setLike(l, now))
        return error(protocol::code::Internal, QStringLiteral("could not store the like"));
    // Every like.set is logged, also one that changes nothing, so its op always settles.
    const QString id = likeId(l.post, l.user);
    const qint64 seq =
        m_log.append({org(), QLatin1String(protocol::kind::Like), id, op, false, protocol::encode(l)}, now);
    if (seq == 0)
        return error(protocol::code::Internal, QStringLiteral("could not log the like"));
    return protocol::AckBody{op, seq, id};
}

} // namespace plein::server
