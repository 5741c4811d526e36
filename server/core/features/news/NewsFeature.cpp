#include "features/news/NewsFeature.h"

#include "features/news/NewsStore.h"
#include "model/Ids.h"
#include "protocol/Protocol.h"
#include "sync/ChangeLog.h"
#include "sync/Writer.h"

namespace plein::server {

namespace {

QString latin(const char *s)
{
    return QLatin1String(s);
}

Error error(const char *code, const QString &message)
{
    return Error{latin(code), message};
}

Error notFound(const QString &id)
{
    return error(protocol::code::NotFound, QStringLiteral("no article %1").arg(id));
}

Error editorsOnly()
{
    return error(protocol::code::Forbidden, QStringLiteral("only editors and admins manage news"));
}

Error internal(const QString &what)
{
    return error(protocol::code::Internal, QStringLiteral("could not %1").arg(what));
}

} // namespace

void NewsFeature::registerHandlers(WriteHandlers &handlers)
{
    using namespace protocol;
    handlers.add(latin(type::NewsSave), [this](const Person &a, const QString &op, const QJsonObject &b) {
        return save(a, op, b);
    });
    handlers.add(latin(type::NewsPin), [this](const Person &a, const QString &op, const QJsonObject &b) {
        return pin(a, op, b);
    });
    handlers.add(latin(type::NewsUnpublish), [this](const Person &a, const QString &op, const QJsonObject &b) {
        return unpublish(a, op, b);
    });
    handlers.add(latin(type::NewsRead), [this](const Person &a, const QString &op, const QJsonObject &b) {
        return read(a, op, b, false);
    });
    handlers.add(latin(type::NewsAck), [this](const Person &a, const QString &op, const QJsonObject &b) {
        return read(a, op, b, true);
    });
    handlers.add(latin(type::NewsComment), [this](const Person &a, const QString &op, const QJsonObject &b) {
        return comment(a, op, b);
    });
    handlers.add(latin(type::NewsReact), [this](const Person &a, const QString &op, const QJsonObject &b) {
        return react(a, op, b);
    });
}

bool NewsFeature::isEditor(const Person &p)
{
    return p.role == QLatin1String(role::Editor) || p.role == QLatin1String(role::Admin);
}

QStringList NewsFeature::readerAudiences(const protocol::NewsArticle &a)
{
    if (a.departments.isEmpty() && a.locations.isEmpty())
        return {latin(protocol::audience::Org)};
    QStringList out;
    for (const QString &d : a.departments)
        out.append(protocol::audience::department(d));
    for (const QString &l : a.locations)
        out.append(protocol::audience::location(l));
    return out;
}

QStringList NewsFeature::allAudiences(const protocol::NewsArticle &a)
{
    QStringList out;
    if (a.state == QLatin1String(protocol::newsstate::Published))
        out = readerAudiences(a);
    out.append(latin(protocol::audience::Editors));
    return out;
}

qint64 NewsFeature::logArticle(const protocol::NewsArticle &a, const QStringList &audiences, const QString &op,
                               bool deleted)
{
    const qint64 now = ids::nowMs();
    qint64 seq = 0;
    const QJsonObject data = deleted ? QJsonObject{{QStringLiteral("id"), a.id}} : protocol::encode(a);
    for (const QString &aud : audiences) {
        seq = m_log.append({aud, latin(protocol::kind::News), a.id, op, deleted, data}, now);
        if (seq == 0)
            return 0;
    }
    return seq;
}

qint64 NewsFeature::logStats(const protocol::NewsArticle &a, const QString &op)
{
    const protocol::NewsStats st = m_store.stats(a);
    return m_log.append({latin(protocol::audience::Editors), latin(protocol::kind::NewsStats), a.id, op, false,
                         protocol::encode(st)},
                        ids::nowMs());
}

bool NewsFeature::reachChanged(const protocol::NewsArticle &a, const QString &op)
{
    if (m_reachChanged) {
        m_reachChanged(a.id);
        return true;
    }
    return logStats(a, op) != 0;
}

Result<protocol::NewsArticle> NewsFeature::visibleArticle(const Person &actor, const QString &id)
{
    const auto row = m_store.article(id);
    if (!row || row->unpublished)
        return notFound(id);
    if (isEditor(actor))
        return row->article;
    if (row->article.state != QLatin1String(protocol::newsstate::Published) || !m_store.isTargeted(row->article, actor))
        return notFound(id);
    return row->article;
}

Result<protocol::NewsArticle> NewsFeature::managedArticle(const Person &actor, const QString &id)
{
    if (!isEditor(actor))
        return editorsOnly();
    return visibleArticle(actor, id);
}

Result<protocol::AckBody> NewsFeature::save(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::NewsSaveBody>(body);
    if (!in)
        return in.error();
    if (!isEditor(actor))
        return editorsOnly();
    const qint64 now = ids::nowMs();
    const auto existing = m_store.article(in->id);
    protocol::NewsArticle a;
    a.id = in->id;
    a.author = existing ? existing->article.author : actor.id;
    a.title = in->title;
    a.text = in->text;
    a.departments = in->departments;
    a.locations = in->locations;
    a.mustRead = in->mustRead;
    a.pinned = in->pinned;
    const bool scheduled = in->publishAt > now;
    const bool wasLive = existing && !existing->unpublished
                         && existing->article.state == QLatin1String(protocol::newsstate::Published);
    a.state = latin(scheduled ? protocol::newsstate::Scheduled : protocol::newsstate::Published);
    a.publishAt = scheduled ? in->publishAt : (wasLive ? existing->article.publishAt : now);
    a.created = existing ? existing->article.created : now;
    a.edited = existing ? now : 0;
    if (!m_store.save(a))
        return internal(QStringLiteral("store the article"));

    // Audiences that saw it and no longer do get a delete; the rest get the new version.
    QStringList gone;
    if (wasLive) {
        const QStringList keep = allAudiences(a);
        for (const QString &aud : readerAudiences(existing->article))
            if (!keep.contains(aud))
                gone.append(aud);
    }
    if (!gone.isEmpty() && logArticle(a, gone, op, true) == 0)
        return internal(QStringLiteral("log the article"));
    qint64 seq = logArticle(a, allAudiences(a), op, false);
    if (seq == 0)
        return internal(QStringLiteral("log the article"));
    if (!scheduled && !reachChanged(a, op))
        return internal(QStringLiteral("log the reach"));
    if (m_scheduleChanged)
        m_scheduleChanged();
    return protocol::AckBody{op, seq, a.id};
}

qint64 NewsFeature::publishScheduled(const QString &id)
{
    auto row = m_store.article(id);
    if (!row || row->unpublished)
        return 0;
    protocol::NewsArticle a = row->article;
    a.state = latin(protocol::newsstate::Published);
    if (!m_store.setPublished(id))
        return 0;
    const qint64 seq = logArticle(a, allAudiences(a), {}, false);
    return seq != 0 && reachChanged(a, {}) ? seq : 0;
}

Result<protocol::AckBody> NewsFeature::pin(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::NewsPinBody>(body);
    if (!in)
        return in.error();
    auto a = managedArticle(actor, in->id);
    if (!a)
        return a.error();
    protocol::NewsArticle art = a.value();
    art.pinned = in->pinned;
    if (!m_store.setPinned(art.id, art.pinned))
        return internal(QStringLiteral("pin the article"));
    const qint64 seq = logArticle(art, allAudiences(art), op, false);
    if (seq == 0)
        return internal(QStringLiteral("log the article"));
    return protocol::AckBody{op, seq, art.id};
}

Result<protocol::AckBody> NewsFeature::unpublish(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::NewsIdBody>(body);
    if (!in)
        return in.error();
    auto a = managedArticle(actor, in->id);
    if (!a)
        return a.error();
    if (!m_store.setUnpublished(a->id))
        return internal(QStringLiteral("unpublish the article"));
    const qint64 seq = logArticle(a.value(), allAudiences(a.value()), op, true);
    if (seq == 0)
        return internal(QStringLiteral("log the article"));
    if (m_scheduleChanged)
        m_scheduleChanged();
    return protocol::AckBody{op, seq, a->id};
}

Result<protocol::AckBody> NewsFeature::read(const Person &actor, const QString &op, const QJsonObject &body, bool ack)
{
    auto in = protocol::decode<protocol::NewsIdBody>(body);
    if (!in)
        return in.error();
    auto a = visibleArticle(actor, in->id);
    if (!a)
        return a.error();
    if (a->state != QLatin1String(protocol::newsstate::Published))
        return error(protocol::code::BadRequest, QStringLiteral("the article is not published yet"));
    if (ack && !a->mustRead)
        return error(protocol::code::BadRequest, QStringLiteral("the article asks for no acknowledgement"));
    const auto state = m_store.markRead(a->id, actor.id, ack, ids::nowMs());
    if (!state)
        return internal(QStringLiteral("record the read"));
    const QString id = a->id + QLatin1Char(':') + actor.id;
    qint64 seq = m_log.append({protocol::audience::user(actor.id), latin(protocol::kind::NewsRead), id, op, false,
                               protocol::encode(*state)},
                              ids::nowMs());
    if (seq == 0 || !reachChanged(a.value(), op))
        return internal(QStringLiteral("log the read"));
    return protocol::AckBody{op, seq, id};
}

Result<protocol::AckBody> NewsFeature::comment(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::NewsCommentBody>(body);
    if (!in)
        return in.error();
    auto a = visibleArticle(actor, in->article);
    if (!a)
        return a.error();
    if (m_store.commentExists(in->id))
        return error(protocol::code::Conflict, QStringLiteral("comment %1 already exists").arg(in->id));
    const protocol::NewsComment c{in->id, a->id, actor.id, in->text, ids::nowMs()};
    if (!m_store.insertComment(c))
        return internal(QStringLiteral("store the comment"));
    qint64 seq = 0;
    for (const QString &aud : allAudiences(a.value())) {
        seq = m_log.append({aud, latin(protocol::kind::NewsComment), c.id, op, false, protocol::encode(c)}, c.created);
        if (seq == 0)
            return internal(QStringLiteral("log the comment"));
    }
    return protocol::AckBody{op, seq, c.id};
}

Result<protocol::AckBody> NewsFeature::react(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::NewsReactBody>(body);
    if (!in)
        return in.error();
    auto a = visibleArticle(actor, in->article);
    if (!a)
        return a.error();
    const protocol::NewsReaction r{a->id, actor.id, in->reaction, in->on};
    const qint64 now = ids::nowMs();
    if (!m_store.setReaction(r, now))
        return internal(QStringLiteral("store the reaction"));
    const QString id = r.article + QLatin1Char(':') + r.user + QLatin1Char(':') + r.reaction;
    qint64 seq = 0;
    for (const QString &aud : allAudiences(a.value())) {
        seq = m_log.append({aud, latin(protocol::kind::NewsReaction), id, op, false, protocol::encode(r)}, now);
        if (seq == 0)
            return internal(QStringLiteral("log the reaction"));
    }
    return protocol::AckBody{op, seq, id};
}

} // namespace plein::server
