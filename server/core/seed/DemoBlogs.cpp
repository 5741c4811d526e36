#include "seed/DemoBlogs.h"

#include "Backend.h"
#include "Logging.h"
#include "model/Ids.h"
#include "protocol/NewsMessages.h"
#include "protocol/PostMessages.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"
#include "seed/DemoData.h"

namespace plein::server {

namespace {
using demo::HourMs;

struct CommentSpec
{
    const char *author;
    const char *text;
};

struct PageSpec
{
    const char *key;
    const char *author;
    const char *group;       // a DemoGroups key; nullptr: on the author's profile
    const char *title;
    const char *text;
    int hoursAgo;
    QList<CommentSpec> comments;
    QList<const char *> reactors;   // each reacts once, with the reactions in turn
};

using demo::user;
} // namespace

Result<int> DemoBlogs::run(qint64 anchor)
{
    if (anchor == 0)
        anchor = ids::nowMs() / HourMs * HourMs;
    using namespace protocol;
    const QList<PageSpec> specs = {
        {"pilot", "eva", nullptr, "Vijf lessen uit de pilot van Plein",
         "## Waarom een pilot\n"
         "Voordat iedereen overstapt, werkten **Finance** en **IT** zes weken met Plein. Dit hebben we geleerd.\n\n"
         "## De lessen\n"
         "1. Zoeken moet *meteen* werken, ook zonder verbinding\n"
         "2. Groepen per project worden veel meer gebruikt dan afdelingsgroepen\n"
         "3. Nieuws met een leesbevestiging wordt echt gelezen\n"
         "4. Meldingen: liever weinig en goed dan veel\n"
         "5. Een profielfoto maakt het verschil\n\n"
         "## Hoe verder\n"
         "De planning staat in de groep Project Plein; vragen kunnen bij @daan of mij. "
         "Meer over de aanpak: [de handleiding](https://example.com/plein/handleiding). #plein",
         30,
         {{"anna", "Punt 4 herken ik helemaal. Fijn dat jullie dat meenemen!"},
          {"willem", "Mooi overzicht, Eva. Dit delen we in het MT."},
          {"priya", "Zoeken offline was voor ons in IT de grootste winst."}},
         {"anna", "daan", "james", "willem", "sanne", "priya", "lotte"}},
        {"oncall", "harry", nullptr, "Our on-call rotation, explained",
         "## Who is on call\n"
         "Every week one platform engineer carries the pager, from **Monday 09:00** to the next Monday.\n\n"
         "## What counts as an incident\n"
         "- The intranet or chat is down for more than five minutes\n"
         "- Sign-in fails for a whole department\n"
         "- Backups did not run overnight\n\n"
         "## How to reach us\n"
         "Call the service desk first; they page whoever is on call. The schedule is in "
         "[the platform wiki](https://example.com/wiki/on-call). Please do not message us directly at night. "
         "#platform",
         80,
         {{"jesse", "Added the swap procedure to the wiki as well."},
          {"julia", "Helpful for the service desk, thanks Harry!"}},
         {"jesse", "mohammed", "lucy", "julia", "daan"}},
        {"singelloop", "milan", "running", "Trainingsschema voor de Singelloop",
         "## Acht weken naar de 10 km\n"
         "Voor wie in oktober meeloopt: dit schema bouwt rustig op, drie keer per week.\n\n"
         "1. Week 1-2: 3 x 25 minuten rustig\n"
         "2. Week 3-4: een van de drie met 4 x 3 minuten tempo\n"
         "3. Week 5-6: de lange route langs de Vecht op donderdag\n"
         "4. Week 7-8: afbouwen, de laatste week alleen kort\n\n"
         "## Inschrijven\n"
         "Schrijf je in via [de site van de loop](https://example.com/singelloop); de teamcode staat "
         "hieronder in de reacties. #hardlopen",
         54,
         {{"priya", "Week 3 is waar het pijn gaat doen, maar ik doe mee!"},
          {"fleur", "Teamcode graag, dan schrijf ik me vandaag nog in."},
          {"milan", "Teamcode is PLEIN2026."}},
         {"priya", "anna", "fleur", "sem", "lucas"}},
        {"migration", "daan", "intranet", "How we move the old intranet's pages",
         "## Scope\n"
         "About **1,400** pages live on the old intranet. We move what people still open and archive the rest.\n\n"
         "## Steps\n"
         "- Export every page with its owner and last visit\n"
         "- Owners keep, merge or archive their pages in February\n"
         "- Kept pages become blog pages in their department's group\n\n"
         "## Open questions\n"
         "What do we do with pages whose owner has left? Ideas welcome below, or in the "
         "[project board](https://example.com/plein/board). #plein",
         12,
         {{"eva", "Pages without an owner could go to the department's group owner."},
          {"lotte", "I can help Communications with the archive choices."}},
         {"eva", "anna", "james", "harry"}},
        {"closing", "anna", "finance", "Closing the books: our checklist",
         "## Before 20 December\n"
         "- Send open invoices to accounts payable\n"
         "- Check your cost centre's commitments\n\n"
         "## Before 6 January\n"
         "1. Accruals booked\n"
         "2. Bank reconciliations signed off\n"
         "3. The year-end report drafted\n\n"
         "The templates are in [the finance portal](https://example.com/finance/year-end); "
         "questions go to @pieter or me. #finance",
         20,
         {{"pieter", "I'll take the bank reconciliations again this year."},
          {"femke", "Could we add the VAT return to the January list?"}},
         {"pieter", "femke", "oliver", "noor"}},
    };
    Transaction tx(m_backend.db);
    if (!tx.ok())
        return Error{QLatin1String(code::Internal), QStringLiteral("the database is busy")};
    auto fail = [](const QString &what) { return Error{QLatin1String(code::Internal), what}; };
    auto setSeq = [this](const QString &sql, const QStringList &keys, qint64 seq) {
        Stmt s(m_backend.db, sql);
        s.bind(seq);
        for (const QString &k : keys)
            s.bind(k);
        return seq != 0 && s.exec();
    };
    const QStringList reactions = reaction::all();
    int written = 0;
    for (const PageSpec &spec : specs) {
        const QString group = spec.group ? ids::derived(QStringLiteral("demo:group:") + QLatin1String(spec.group))
                                         : QString();
        const QString aud = group.isEmpty() ? QLatin1String(audience::Org) : scope::make(scope::GroupPrefix, group);
        const qint64 created = anchor - qint64(spec.hoursAgo) * HourMs;
        const BlogPage page{ids::derived(QStringLiteral("demo:blog:") + QLatin1String(spec.key)), group,
                            user(spec.author), QString::fromUtf8(spec.title), QString::fromUtf8(spec.text), created, 0,
                            false};
        Stmt ins(m_backend.db, QStringLiteral("INSERT INTO blog_pages (id, group_id, author, title, text, created)"
                                              " VALUES (?, ?, ?, ?, ?, ?)"));
        ins.bind(page.id).bind(page.group).bind(page.author).bind(page.title).bind(page.text).bind(page.created);
        if (!ins.exec()
            || !setSeq(QStringLiteral("UPDATE blog_pages SET seq = ? WHERE id = ?"), {page.id},
                       m_backend.log.append({aud, QLatin1String(kind::BlogPage), page.id, {}, false, encode(page)},
                                            created)))
            return fail(QStringLiteral("cannot store demo blog pages"));
        for (qsizetype i = 0; i < spec.comments.size(); ++i) {
            const CommentSpec &cs = spec.comments.at(i);
            const PostComment c{ids::derived(QStringLiteral("demo:blog:%1:comment:%2").arg(QLatin1String(spec.key)).arg(i)),
                                page.id, group, user(cs.author), QString::fromUtf8(cs.text),
                                created + (i + 1) * 2 * HourMs, 0, false};
            Stmt s(m_backend.db, QStringLiteral("INSERT INTO post_comments (id, post, group_id, author, text, created)"
                                                " VALUES (?, ?, ?, ?, ?, ?)"));
            s.bind(c.id).bind(c.post).bind(c.group).bind(c.author).bind(c.text).bind(c.created);
            if (!s.exec()
                || !setSeq(QStringLiteral("UPDATE post_comments SET seq = ? WHERE id = ?"), {c.id},
                           m_backend.log.append({aud, QLatin1String(kind::PostComment), c.id, {}, false, encode(c)},
                                                c.created)))
                return fail(QStringLiteral("cannot store demo blog comments"));
        }
        for (qsizetype i = 0; i < spec.reactors.size(); ++i) {
            const PostReaction r{page.id, group, user(spec.reactors.at(i)), reactions.at(i % reactions.size()), true};
            const qint64 at = created + (i + 1) * HourMs / 2;
            Stmt s(m_backend.db, QStringLiteral("INSERT INTO post_reactions (post, user_id, reaction, group_id, created)"
                                                " VALUES (?, ?, ?, ?, ?)"));
            s.bind(r.post).bind(r.user).bind(r.reaction).bind(r.group).bind(at);
            if (!s.exec()
                || !setSeq(QStringLiteral("UPDATE post_reactions SET seq = ? WHERE post = ? AND user_id = ?"
                                          " AND reaction = ?"),
                           {r.post, r.user, r.reaction},
                           m_backend.log.append({aud, QLatin1String(kind::PostReaction),
                                                 postReactionId(r.post, r.user, r.reaction), {}, false, encode(r)},
                                                at)))
                return fail(QStringLiteral("cannot store demo blog reactions"));
        }
        ++written;
    }
    if (!tx.commit())
        return fail(QStringLiteral("cannot commit demo blog pages"));
    qCInfo(lcSeed, "demo blogs: %d pages", written);
    return written;
}

} // namespace plein::server
