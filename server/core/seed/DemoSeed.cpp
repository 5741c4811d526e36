#include "seed/DemoSeed.h"

#include "Backend.h"
#include "Logging.h"
#include "auth/Password.h"
#include "model/Ids.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"
#include "seed/DemoData.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <variant>

namespace plein::server {

namespace {
constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 HourMs = 60 * MinuteMs;
constexpr qint64 DayMs = 24 * HourMs;

// One row of the timeline to write, kept until all are made so they can go in time order.
struct Event
{
    qint64 at = 0;
    int order = 0;                                // tie-breaker: generation order
    std::variant<Post, Comment, Like> entity;
};

Error internal(const QString &message)
{
    return Error{QLatin1String(protocol::code::Internal), message};
}

// A moment after `from` and no later than `anchor`, mostly within the next two days.
qint64 after(QRandomGenerator &rng, qint64 from, qint64 anchor)
{
    const qint64 room = anchor - from;
    if (room <= MinuteMs)
        return from + room / 2;
    const qint64 span = qMin<qint64>(room, 2 * DayMs);
    return from + MinuteMs + qint64(rng.bounded(quint32(span / MinuteMs))) * MinuteMs;
}
} // namespace

DemoSeed::DemoSeed(Backend &backend) : m_backend(backend) {}

Result<SeedReport> DemoSeed::run()
{
    SeedReport report;
    if (m_backend.users.count() != 0 || m_backend.log.head() != 0) {
        qCInfo(lcSeed, "the database already holds data; demo data not added");
        return report;
    }
    QElapsedTimer timer;
    timer.start();
    const qint64 anchor = m_anchor ? m_anchor : (ids::nowMs() / HourMs) * HourMs;
    QRandomGenerator rng(RandomSeed);

    auto hash = password::hash(QLatin1String(DemoPassword));
    if (!hash)
        return hash.error();

    const auto &people = demo::people();
    QList<Person> persons;
    Transaction tx(m_backend.db);
    if (!tx.ok())
        return internal(QStringLiteral("the database is busy"));

    for (qsizetype i = 0; i < people.size(); ++i) {
        const demo::PersonSpec &s = people.at(i);
        NewUser u;
        u.name = QLatin1String(s.name);
        u.id = demo::user(s.name);
        u.displayName = QString::fromUtf8(s.displayName);
        u.role = QLatin1String(s.role);
        u.department = QString::fromUtf8(s.department);
        u.title = QString::fromUtf8(s.title);
        u.passwordHash = hash.value();
        u.created = anchor - (Days + 1) * DayMs + i * MinuteMs;
        auto p = m_backend.accounts.insertUser(u);
        if (!p)
            return p.error();
        persons.append(p.value());
    }
    report.users = int(persons.size());

    const auto &posts = demo::postTexts();
    const auto &comments = demo::commentTexts();
    QList<Event> events;
    int order = 0;
    for (int n = 0; n < PostCount; ++n) {
        // Office hours (08:00-18:00 UTC) on one of the last `Days` days, never in the future.
        const qint64 day = anchor / DayMs * DayMs - qint64(rng.bounded(Days)) * DayMs;
        qint64 at = day + 8 * HourMs + qint64(rng.bounded(10 * 60)) * MinuteMs;
        if (at >= anchor)
            at = anchor - qint64(1 + rng.bounded(8 * 60)) * MinuteMs;
        const Person &author = persons.at(rng.bounded(int(persons.size())));
        Post post{ids::derived(QStringLiteral("demo:post:%1").arg(n)), author.id,
                  QString::fromUtf8(posts.at(rng.bounded(int(posts.size())))), at};
        events.append({at, order++, post});

        const int commentCount = int(rng.bounded(6)) - 1;   // -1 means none, as does 0
        for (int c = 0; c < commentCount; ++c) {
            const qint64 cat = after(rng, at, anchor);
            const Person &who = persons.at(rng.bounded(int(persons.size())));
            Comment comment{ids::derived(QStringLiteral("demo:comment:%1:%2").arg(n).arg(c)), post.id, who.id,
                            QString::fromUtf8(comments.at(rng.bounded(int(comments.size())))), cat};
            events.append({cat, order++, comment});
        }
        const int likeCount = int(rng.bounded(13));
        QList<int> likers;
        for (int l = 0; l < likeCount; ++l) {
            const int who = int(rng.bounded(int(persons.size())));
            if (likers.contains(who))
                continue;
            likers.append(who);
            events.append({after(rng, at, anchor), order++, Like{post.id, persons.at(who).id, true}});
        }
    }
    std::sort(events.begin(), events.end(),
              [](const Event &a, const Event &b) { return a.at != b.at ? a.at < b.at : a.order < b.order; });

    const QString org = QLatin1String(protocol::audience::Org);
    for (const Event &e : std::as_const(events)) {
        bool ok = false;
        ChangeRecord change{org, {}, {}, {}, false, {}};
        if (const Post *p = std::get_if<Post>(&e.entity)) {
            ok = m_backend.timeline.insertPost(*p);
            change.kind = QLatin1String(protocol::kind::Post);
            change.entity = p->id;
            change.data = protocol::encode(*p);
            ++report.posts;
        } else if (const Comment *c = std::get_if<Comment>(&e.entity)) {
            ok = m_backend.timeline.insertComment(*c);
            change.kind = QLatin1String(protocol::kind::Comment);
            change.entity = c->id;
            change.data = protocol::encode(*c);
            ++report.comments;
        } else if (const Like *l = std::get_if<Like>(&e.entity)) {
            ok = m_backend.timeline.setLike(*l, e.at);
            change.kind = QLatin1String(protocol::kind::Like);
            change.entity = l->post + QLatin1Char(':') + l->user;
            change.data = protocol::encode(*l);
            ++report.likes;
        }
        if (!ok || m_backend.log.append(change, e.at) == 0)
            return internal(QStringLiteral("could not write the demo timeline"));
    }
    if (!tx.commit())
        return internal(QStringLiteral("could not commit the demo data"));
    report.seeded = true;
    qCInfo(lcSeed, "demo data: %d people, %d posts, %d comments, %d likes in %lld ms", report.users, report.posts,
           report.comments, report.likes, timer.elapsed());
    return report;
}

} // namespace plein::server
