#include "seed/DemoHome.h"

#include "Backend.h"
#include "Logging.h"
#include "model/Ids.h"
#include "protocol/HomeMessages.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"
#include "seed/DemoData.h"

namespace plein::server {

namespace {
using demo::user;
} // namespace

Result<int> DemoHome::run()
{
    using namespace protocol;
    int writes = 0;
    auto write = [&](const char *who, const char *type, const QJsonObject &body) -> Result<bool> {
        auto actor = m_backend.users.byName(QLatin1String(who));
        const WriteHandler *handler = m_backend.writeHandlers.find(QLatin1String(type));
        if (!actor || !handler)
            return Error{QLatin1String(code::Internal), QStringLiteral("demo home: no %1").arg(QLatin1String(who))};
        auto done = m_backend.writer.apply(actor->person, ids::create(), body, *handler);
        if (!done)
            return done.error();
        ++writes;
        return true;
    };
    auto follows = [&](const char *who, const char *kind, const QString &target) {
        return write(who, type::FollowSet, encode(FollowSetBody{QLatin1String(kind), target, true}));
    };
    // Anna follows two colleagues (her groups she follows as a member); two follow her.
    for (auto r : {follows("anna", follow::Person, user("milan")), follows("anna", follow::Person, user("eva")),
                   follows("priya", follow::Person, user("anna")), follows("milan", follow::Person, user("anna"))})
        if (!r)
            return r.error();

    // Colleagues mention her and react to what she wrote.
    const QString hello = ids::create();
    const QString question = ids::create();
    for (auto r : {write("anna", type::PostCreate,
                         encode(PostCreateBody{hello, QStringLiteral("Wie heeft er nog tips voor het nieuwe "
                                                                     "declaratieportaal? Ik zet een FAQ op.")})),
                   write("eva", type::PostCreate,
                         encode(PostCreateBody{question, QStringLiteral("@anna could you share the Q3 figures with "
                                                                        "Communications before Friday?")})),
                   write("milan", type::CommentCreate,
                         encode(CommentCreateBody{ids::create(), hello, QStringLiteral("Goed plan! Ik help mee.")})),
                   write("daan", type::CommentCreate,
                         encode(CommentCreateBody{ids::create(), hello,
                                                  QStringLiteral("@anna zet hem ook in de groep Kantoor Utrecht?")})),
                   write("milan", type::LikeSet, encode(LikeSetBody{hello, true})),
                   write("eva", type::LikeSet, encode(LikeSetBody{hello, true})),
                   write("priya", type::LikeSet, encode(LikeSetBody{hello, true}))})
        if (!r)
            return r.error();
    qCInfo(lcSeed, "demo home: %d writes (follows, mentions, comments, reactions)", writes);
    return writes;
}

} // namespace plein::server
