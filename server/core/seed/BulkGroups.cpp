#include "seed/BulkGroups.h"

#include "Backend.h"
#include "Logging.h"
#include "model/Ids.h"
#include "protocol/GroupMessages.h"
#include "protocol/PostMessages.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"

#include <QRandomGenerator>
#include <QSet>

namespace plein::server {

namespace {
constexpr qint64 HourMs = 60 * 60 * 1000;

const char *const Kinds[] = {protocol::groupkind::Team, protocol::groupkind::Department, protocol::groupkind::Location,
                             protocol::groupkind::Project, protocol::groupkind::Interest};
const char *const Topics[] = {"Kwartaalcijfers", "Roadmap", "Lunchwandeling", "Onboarding", "Security",
                              "Klantreis",       "Data",    "Duurzaamheid",   "Hardlopen",  "Fotografie",
                              "Release",         "Budget",  "Planning",       "Koffie",     "Innovatie"};
const char *const Lines[] = {
    "Kort overleg om 10:00 in de kleine zaal.",
    "The draft is in the shared folder, comments welcome.",
    "Wie neemt de notulen deze week?",
    "Great work everyone on the release!",
    "Reminder: the retro is moved to Thursday.",
    "Nieuwe versie van het **plan** staat online.",
    "Can someone review the budget sheet before Friday?",
    "Foto's van de teamdag staan in het album.",
};
} // namespace

Result<BulkGroupsReport> seedGroups(Backend &b, const QStringList &people, int groups, quint32 seed, int batchRows)
{
    using namespace protocol;
    BulkGroupsReport report;
    if (people.isEmpty() || groups <= 0)
        return report;
    QRandomGenerator rng(seed ^ 0x9e3779b9u);
    auto fail = [](const QString &what) { return Error{QLatin1String(code::Internal), what}; };
    const qint64 anchor = ids::nowMs() / HourMs * HourMs;
    int inBatch = 0;
    bool open = false;
    auto step = [&](int rows) {
        if (!open) {
            if (!b.db.begin())
                return false;
            open = true;
        }
        inBatch += rows;
        if (inBatch >= batchRows) {
            inBatch = 0;
            open = false;
            return b.db.commit();
        }
        return true;
    };
    for (int n = 0; n < groups; ++n) {
        const int roll = int(rng.bounded(10));
        const char *vis = roll < 6 ? visibility::Open : roll < 9 ? visibility::Closed : visibility::Secret;
        const QString owner = people.at(int(rng.bounded(people.size())));
        const qint64 created = anchor - qint64(60 + rng.bounded(300)) * 24 * HourMs;
        const GroupInfo g{ids::derived(QStringLiteral("bulk:group:%1:%2").arg(seed).arg(n)),
                          QStringLiteral("%1 %2").arg(QLatin1String(Topics[n % std::size(Topics)])).arg(n + 1),
                          QStringLiteral("Group %1 of the seeded organisation.").arg(n + 1),
                          QLatin1String(Kinds[n % std::size(Kinds)]), QLatin1String(vis), owner, created};
        const QString scope = scope::make(scope::GroupPrefix, g.id);
        if (!step(1))
            return fail(QStringLiteral("cannot begin"));
        {
            Stmt ins(b.db, QStringLiteral("INSERT INTO groups (id, name, description, kind, visibility, creator, created,"
                                          " seq) VALUES (?, ?, ?, ?, ?, ?, ?, 0)"));
            ins.bind(g.id).bind(g.name).bind(g.description).bind(g.kind).bind(g.visibility).bind(g.creator).bind(created);
            if (!ins.exec())
                return fail(QStringLiteral("cannot store groups"));
        }
        const bool secret = g.visibility == QLatin1String(visibility::Secret);
        const qint64 gseq = b.log.append(
            {secret ? scope : QLatin1String(audience::Org), QLatin1String(kind::Group), g.id, {}, false, encode(g)},
            created);
        {
            Stmt setSeq(b.db, QStringLiteral("UPDATE groups SET seq = ? WHERE id = ?"));
            setSeq.bind(gseq).bind(g.id);
            if (gseq == 0 || !setSeq.exec())
                return fail(QStringLiteral("cannot log groups"));
        }
        if (!b.scopes.setMember(scope, owner, QLatin1String(scope::Owner), {}, created))
            return fail(QStringLiteral("cannot add owners"));
        QStringList members{owner};
        const int want = qMin(int(people.size()), 3 + int(rng.bounded(38)));
        QSet<QString> in{owner};
        for (int tries = 0; members.size() < want && tries < want * 4; ++tries) {
            const QString p = people.at(int(rng.bounded(people.size())));
            if (in.contains(p))
                continue;
            in.insert(p);
            members.append(p);
            if (!b.scopes.setMember(scope, p, QLatin1String(scope::MemberRole), {}, created + HourMs))
                return fail(QStringLiteral("cannot add members"));
        }
        report.memberships += int(members.size());
        if (!step(int(members.size()) * 2))
            return fail(QStringLiteral("cannot commit"));
        const int posts = 5 + int(rng.bounded(11));
        for (int i = 0; i < posts; ++i) {
            const qint64 at = created + qint64(i + 1) * (anchor - created) / (posts + 1);
            GroupPost p{ids::derived(QStringLiteral("bulk:group:%1:%2:post:%3").arg(seed).arg(n).arg(i)), g.id,
                        members.at(int(rng.bounded(members.size()))),
                        QLatin1String(Lines[rng.bounded(int(std::size(Lines)))]), at, 0};
            p.pos = b.log.head() + 1;
            const qint64 seq = b.log.append({scope, QLatin1String(kind::GroupPost), p.id, {}, false, encode(p)}, at);
            Stmt post(b.db, QStringLiteral("INSERT INTO group_posts (id, group_id, author, text, created, pos, seq)"
                                           " VALUES (?, ?, ?, ?, ?, ?, ?)"));
            post.bind(p.id).bind(p.group).bind(p.author).bind(p.text).bind(p.created).bind(p.pos).bind(seq);
            if (seq == 0 || !post.exec())
                return fail(QStringLiteral("cannot store group posts"));
            ++report.posts;
            if (!step(1))
                return fail(QStringLiteral("cannot commit"));
        }
        // Blog pages take no draws from rng, so the rest of the data stays as it was.
        for (int page = 0; page < 2; ++page) {
            const bool inGroup = page == 0;
            if (inGroup ? n % 3 != 0 : n % 5 != 1)
                continue;
            const QString topic = QLatin1String(Topics[n % std::size(Topics)]);
            const BlogPage bp{ids::derived(QStringLiteral("bulk:group:%1:%2:blog:%3").arg(seed).arg(n).arg(page)),
                              inGroup ? g.id : QString(), inGroup ? members.at(1 % members.size()) : owner,
                              QStringLiteral("%1: how we work").arg(topic),
                              QStringLiteral("## Why\nNotes on **%1** for everyone who joins.\n\n## How\n"
                                             "- Ask in the group first\n- Write it down\n\nMore in "
                                             "[the wiki](https://example.com/wiki/%2). #%2")
                                  .arg(topic, topic.toLower()),
                              anchor - qint64(n % 30 + 1) * 24 * HourMs, 0, false};
            const qint64 seq = b.log.append({inGroup ? scope : QLatin1String(audience::Org),
                                             QLatin1String(kind::BlogPage), bp.id, {}, false, encode(bp)},
                                            bp.created);
            Stmt ins(b.db, QStringLiteral("INSERT INTO blog_pages (id, group_id, author, title, text, created, seq)"
                                          " VALUES (?, ?, ?, ?, ?, ?, ?)"));
            ins.bind(bp.id).bind(bp.group).bind(bp.author).bind(bp.title).bind(bp.text).bind(bp.created).bind(seq);
            if (seq == 0 || !ins.exec())
                return fail(QStringLiteral("cannot store blog pages"));
            ++report.blogPages;
            if (!step(1))
                return fail(QStringLiteral("cannot commit"));
        }
        ++report.groups;
    }
    if (open && !b.db.commit())
        return fail(QStringLiteral("cannot commit groups"));
    b.scopes.touch();
    qCInfo(lcSeed, "seeded %d groups, %d memberships, %d group posts, %d blog pages", report.groups, report.memberships,
           report.posts, report.blogPages);
    return report;
}

} // namespace plein::server
