#include "seed/DemoNews.h"

#include "Backend.h"
#include "Logging.h"
#include "model/Ids.h"
#include "protocol/NewsMessages.h"
#include "protocol/Protocol.h"
#include "seed/DemoData.h"

namespace plein::server {

namespace {
using demo::HourMs;

struct ArticleSpec
{
    const char *key;
    const char *author;
    const char *title;
    const char *text;
    QStringList departments;
    bool mustRead;
    bool pinned;
    qint64 hoursAgo;   // negative: scheduled for later
    int readers;       // how many demo people read it (the first ones in the audience)
    int acks;
};

using demo::user;
} // namespace

Result<int> DemoNews::run(qint64 anchor)
{
    if (anchor == 0)
        anchor = ids::nowMs() / HourMs * HourMs;
    const QList<ArticleSpec> specs = {
        {"expenses", "sanne", "New expense policy from 1 January",
         "From **1 January** all expenses go through the new portal.\n\n"
         "- Submit receipts within **30 days**\n- Travel by train is the default for trips under 300 km\n"
         "- Your manager approves within five working days\n\n"
         "Please read the full policy and confirm below that you have read and understood it.",
         {}, true, true, 50, 30, 22},
        {"survey", "eva", "Uitkomsten medewerkersonderzoek 2026",
         "Dank aan iedereen die meedeed: **87%** vulde de vragenlijst in.\n\n"
         "De drie punten waar we mee aan de slag gaan:\n\n1. Minder vergaderen op vrijdag\n"
         "2. Meer ruimte voor opleiding\n3. Betere koffie (ja, echt)\n\nIn januari volgen sessies per afdeling.",
         {}, false, false, 30, 36, 0},
        {"closing", "eva", "Finance: year-end closing schedule",
         "The books close on **6 January**. Please send open invoices to accounts payable before 20 December.",
         {QStringLiteral("Finance")}, false, false, 20, 4, 0},
        {"newcolleagues", "james", "Welcome to our new colleagues",
         "This month five new colleagues joined us in IT, Sales and Operations. Say hello when you see them "
         "at the coffee machine!",
         {}, false, false, 5, 12, 0},
        {"coffee", "james", "Nieuwe koffiemachines op alle verdiepingen",
         "Vanaf maandag staan er nieuwe koffiemachines op elke verdieping. Bonen uit fairtrade-teelt, "
         "en eindelijk ook havermelk.",
         {}, false, false, 200, 40, 0},
        {"drinks", "eva", "Christmas drinks on 18 December",
         "Save the date: drinks in the atrium from 16:00. Scheduled to go out later.", {}, false, false, -48, 0, 0},
    };
    QList<Person> people;
    {
        Stmt s(m_backend.db, QStringLiteral("SELECT id, name, display_name, role, department, title FROM users"
                                            " WHERE active = 1 ORDER BY created, id"));
        if (!s.exec())
            return Error{QLatin1String(protocol::code::Internal), QStringLiteral("cannot read people")};
        while (s.next())
            people.append({s.value(0).toString(), s.value(1).toString(), s.value(2).toString(), s.value(3).toString(),
                           s.value(4).toString(), s.value(5).toString()});
    }
    Transaction tx(m_backend.db);
    if (!tx.ok())
        return Error{QLatin1String(protocol::code::Internal), QStringLiteral("the database is busy")};
    auto fail = [](const QString &what) { return Error{QLatin1String(protocol::code::Internal), what}; };
    const QString editors = QLatin1String(protocol::audience::Editors);
    int written = 0;
    for (const ArticleSpec &spec : specs) {
        protocol::NewsArticle a;
        a.id = ids::derived(QStringLiteral("demo:news:") + QLatin1String(spec.key));
        a.author = user(spec.author);
        a.title = QString::fromUtf8(spec.title);
        a.text = QString::fromUtf8(spec.text);
        a.departments = spec.departments;
        a.mustRead = spec.mustRead;
        a.pinned = spec.pinned;
        a.publishAt = anchor - spec.hoursAgo * HourMs;
        a.created = spec.hoursAgo < 0 ? anchor - HourMs : a.publishAt;
        const bool scheduled = spec.hoursAgo < 0;
        a.state = QLatin1String(scheduled ? protocol::newsstate::Scheduled : protocol::newsstate::Published);
        if (!m_backend.news.save(a))
            return fail(QStringLiteral("cannot store demo news"));
        QStringList audiences = scheduled ? QStringList() : NewsFeature::readerAudiences(a);
        audiences.append(editors);
        for (const QString &aud : audiences)
            if (m_backend.log.append({aud, QLatin1String(protocol::kind::News), a.id, {}, false, protocol::encode(a)},
                                     a.created)
                == 0)
                return fail(QStringLiteral("cannot log demo news"));
        ++written;
        if (scheduled)
            continue;
        int read = 0;
        for (qsizetype i = 0; i < people.size() && read < spec.readers; ++i) {
            const Person &p = people.at((i * 7 + spec.hoursAgo) % people.size());
            if (!m_backend.news.isTargeted(a, p))
                continue;
            const qint64 at = a.publishAt + (read + 1) * 7 * 60 * 1000;
            const auto state = m_backend.news.markRead(a.id, p.id, read < spec.acks, at);
            if (!state)
                return fail(QStringLiteral("cannot store demo reads"));
            m_backend.log.append({protocol::audience::user(p.id), QLatin1String(protocol::kind::NewsRead),
                                  a.id + QLatin1Char(':') + p.id, {}, false, protocol::encode(*state)},
                                 at);
            if (read % 3 == 0) {
                const QString r = protocol::reaction::all().at((read / 3) % protocol::reaction::all().size());
                const protocol::NewsReaction reaction{a.id, p.id, r, true};
                m_backend.news.setReaction(reaction, at);
                for (const QString &aud : audiences)
                    m_backend.log.append({aud, QLatin1String(protocol::kind::NewsReaction),
                                          a.id + QLatin1Char(':') + p.id + QLatin1Char(':') + r, {}, false,
                                          protocol::encode(reaction)},
                                         at);
            }
            if (read == 2 || read == 9) {
                const protocol::NewsComment c{ids::derived(QStringLiteral("demo:news:%1:comment:%2")
                                                               .arg(QLatin1String(spec.key))
                                                               .arg(read)),
                                              a.id, p.id,
                                              read == 2 ? QStringLiteral("Helder, dank voor de uitleg!")
                                                        : QStringLiteral("Thanks, this is really useful."),
                                              at};
                m_backend.news.insertComment(c);
                for (const QString &aud : audiences)
                    m_backend.log.append({aud, QLatin1String(protocol::kind::NewsComment), c.id, {}, false,
                                          protocol::encode(c)},
                                         at);
            }
            ++read;
        }
        m_backend.log.append({editors, QLatin1String(protocol::kind::NewsStats), a.id, {}, false,
                              protocol::encode(m_backend.news.stats(a))},
                             anchor);
    }
    if (!tx.commit())
        return fail(QStringLiteral("cannot commit demo news"));
    m_backend.newsScheduler.rearmSoon();
    qCInfo(lcSeed, "demo news: %d articles", written);
    return written;
}

} // namespace plein::server
