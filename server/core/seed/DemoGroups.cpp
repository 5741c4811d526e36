#include "seed/DemoGroups.h"

#include "Backend.h"
#include "Logging.h"
#include "model/Ids.h"
#include "protocol/GroupMessages.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"
#include "seed/DemoData.h"

namespace plein::server {

namespace {
using demo::HourMs;

struct GroupSpec
{
    const char *key;
    const char *name;
    const char *description;
    const char *kind;
    const char *visibility;
    QList<const char *> owners;
    QList<const char *> members;
    QList<const char *> posts;     // newest last; each by the members in turn
};

using demo::user;
} // namespace

Result<int> DemoGroups::run(qint64 anchor)
{
    if (anchor == 0)
        anchor = ids::nowMs() / HourMs * HourMs;
    using namespace protocol;
    const QList<GroupSpec> specs = {
        {"finance", "Finance", "Everyone in Finance: closing, budgets and the odd cake.", groupkind::Department,
         visibility::Open, {"anna"}, {"pieter", "femke", "oliver", "noor", "samuel"},
         {"Reminder: expense claims for November by Friday, please.",
          "De begroting voor 2027 staat in de gedeelde map. Opmerkingen graag voor de 10e.",
          "Cake in the kitchen for **Femke's** tenth anniversary!"}},
        {"utrecht", "Kantoor Utrecht", "Alles over ons kantoor aan de Catharijnesingel.", groupkind::Location,
         visibility::Open, {"daan"}, {"anna", "eva", "milan", "bram", "tess", "julia", "lars"},
         {"De fietsenstalling is vanaf maandag weer open.", "Lunch on the roof terrace today if the sun stays out.",
          "Nieuwe vergaderruimte 'De Dom' is te boeken via de agenda."}},
        {"running", "Hardloopclub", "Every Thursday at 12:15, 5 or 10 km around the park.", groupkind::Interest,
         visibility::Open, {"milan"}, {"anna", "james", "priya", "lucas", "fleur", "sem"},
         {"Donderdag lopen we de lange route langs de Vecht.", "Who is in for the Singelloop in October?",
          "New personal best for @priya: 10 km in 47 minutes! #hardlopen"}},
        {"intranet", "Project Plein", "Rolling out the new intranet: planning, feedback, launch.", groupkind::Project,
         visibility::Closed, {"eva", "daan"}, {"anna", "james", "lotte", "harry", "jesse"},
         {"Pilot with Finance and IT starts next week.", "Feedback van de pilot: zoeken moet sneller, de rest is top.",
          "Launch date confirmed: **1 February**. #plein"}},
        {"platform", "Platform Team", "The platform engineers' team room.", groupkind::Team, visibility::Closed,
         {"harry"}, {"jesse", "mohammed", "lucy", "daan"},
         {"Deploy window moves to Tuesday 07:00.", "Retro notes are in the wiki."}},
        {"acquisition", "Project Nightingale", "Confidential: the acquisition team.", groupkind::Project,
         visibility::Secret, {"willem"}, {"anna", "sanne", "daan"},
         {"Due diligence starts Monday. Keep this group to yourselves.", "Data room access is set up for everyone here."}},
    };
    Transaction tx(m_backend.db);
    if (!tx.ok())
        return Error{QLatin1String(code::Internal), QStringLiteral("the database is busy")};
    auto fail = [](const QString &what) { return Error{QLatin1String(code::Internal), what}; };
    int made = 0;
    int postNo = 0;
    for (const GroupSpec &spec : specs) {
        const qint64 created = anchor - (30 - made) * 24 * HourMs;
        const GroupInfo g{ids::derived(QStringLiteral("demo:group:") + QLatin1String(spec.key)),
                          QString::fromUtf8(spec.name), QString::fromUtf8(spec.description), QLatin1String(spec.kind),
                          QLatin1String(spec.visibility), user(spec.owners.first()), created};
        const QString scope = scope::make(scope::GroupPrefix, g.id);
        Stmt ins(m_backend.db, QStringLiteral("INSERT INTO groups (id, name, description, kind, visibility, creator,"
                                              " created, seq) VALUES (?, ?, ?, ?, ?, ?, ?, 0)"));
        ins.bind(g.id).bind(g.name).bind(g.description).bind(g.kind).bind(g.visibility).bind(g.creator).bind(g.created);
        if (!ins.exec())
            return fail(QStringLiteral("cannot store demo groups"));
        for (const char *o : spec.owners)
            if (!m_backend.scopes.setMember(scope, user(o), QLatin1String(scope::Owner), {}, created))
                return fail(QStringLiteral("cannot add demo owners"));
        for (const char *m : spec.members)
            if (!m_backend.scopes.setMember(scope, user(m), QLatin1String(scope::MemberRole), {}, created + HourMs))
                return fail(QStringLiteral("cannot add demo members"));
        const bool secret = g.visibility == QLatin1String(visibility::Secret);
        const qint64 gseq = m_backend.log.append(
            {secret ? scope : QLatin1String(audience::Org), QLatin1String(kind::Group), g.id, {}, false, encode(g)},
            created);
        Stmt setSeq(m_backend.db, QStringLiteral("UPDATE groups SET seq = ? WHERE id = ?"));
        setSeq.bind(gseq).bind(g.id);
        if (gseq == 0 || !setSeq.exec())
            return fail(QStringLiteral("cannot log demo groups"));
        QList<const char *> authors = spec.owners + spec.members;
        for (qsizetype i = 0; i < spec.posts.size(); ++i) {
            const qint64 at = anchor - qint64(spec.posts.size() - i) * 26 * HourMs - (postNo % 5) * HourMs;
            GroupPost p{ids::derived(QStringLiteral("demo:group:%1:post:%2").arg(QLatin1String(spec.key)).arg(i)), g.id,
                        user(authors.at((i * 2 + 1) % authors.size())), QString::fromUtf8(spec.posts.at(i)), at, 0};
            p.pos = m_backend.log.head() + 1;
            const qint64 seq = m_backend.log.append({scope, QLatin1String(kind::GroupPost), p.id, {}, false, encode(p)}, at);
            Stmt post(m_backend.db, QStringLiteral("INSERT INTO group_posts (id, group_id, author, text, created, pos, seq)"
                                                   " VALUES (?, ?, ?, ?, ?, ?, ?)"));
            post.bind(p.id).bind(p.group).bind(p.author).bind(p.text).bind(p.created).bind(p.pos).bind(seq);
            if (seq == 0 || !post.exec())
                return fail(QStringLiteral("cannot store demo group posts"));
            ++postNo;
        }
        ++made;
    }
    // A pending request: Emily would like to join the intranet project.
    const QString intranet = ids::derived(QStringLiteral("demo:group:intranet"));
    const GroupRequest req{intranet, user("emily"), anchor - 3 * HourMs};
    Stmt r(m_backend.db, QStringLiteral("INSERT INTO group_requests (group_id, user_id, at) VALUES (?, ?, ?)"));
    r.bind(req.group).bind(req.user).bind(req.at);
    if (!r.exec())
        return fail(QStringLiteral("cannot store the demo request"));
    for (const char *who : {"emily", "eva", "daan"})
        m_backend.log.append({audience::user(user(who)), QLatin1String(kind::GroupRequest),
                              req.group + QLatin1Char(':') + req.user, {}, false, encode(req)},
                             req.at);
    if (!tx.commit())
        return fail(QStringLiteral("cannot commit demo groups"));
    qCInfo(lcSeed, "demo groups: %d groups, %d posts", made, postNo);
    return made;
}

} // namespace plein::server
