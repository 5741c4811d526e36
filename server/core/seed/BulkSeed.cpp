#include "seed/BulkSeed.h"

#include "Backend.h"
#include "Logging.h"
#include "auth/Password.h"
#include "model/Ids.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"
#include "seed/DemoData.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

namespace plein::server {

namespace {
constexpr qint64 HourMs = 3600 * 1000;

Error error(const char *code, const QString &message)
{
    return Error{QLatin1String(code), message};
}
} // namespace

Result<SeedReport> BulkSeed::run(const BulkSeedOptions &o)
{
    SeedReport report;
    if (o.people < 1 || o.posts < 0 || o.comments < 0 || o.likes < 0 || o.batchRows < 1 || o.days < 1)
        return error(protocol::code::BadRequest, QStringLiteral("people must be at least 1; counts must not be negative"));
    if ((o.comments > 0 || o.likes > 0) && o.posts == 0)
        return error(protocol::code::BadRequest, QStringLiteral("comments and likes need posts"));
    if (qint64(o.likes) > qint64(o.posts) * o.people)
        return error(protocol::code::BadRequest, QStringLiteral("more likes than (post, person) pairs"));
    if (m_backend.users.count() != 0 || m_backend.log.head() != 0)
        return error(protocol::code::Conflict, QStringLiteral("the database is not empty; seed a fresh data dir"));

    QElapsedTimer timer;
    timer.start();
    QRandomGenerator rng(RandomSeed);
    const qint64 anchor = o.anchor ? o.anchor : (ids::nowMs() / HourMs) * HourMs;
    const qint64 start = anchor - qint64(o.days) * 24 * HourMs;
    auto hash = password::hash(QLatin1String(DemoSeed::DemoPassword));
    if (!hash)
        return hash.error();

    const auto &names = demo::people();
    const auto &postTexts = demo::postTexts();
    const auto &commentTexts = demo::commentTexts();
    const QString org = QLatin1String(protocol::audience::Org);
    qint64 rows = 0;
    qint64 inBatch = 0;
    bool open = false;
    // Rows go in batches: ensureOpen() before a row, rowDone() after it commits a full batch.
    auto ensureOpen = [&]() -> bool {
        if (!open)
            open = m_backend.db.begin();
        return open;
    };
    auto rowDone = [&]() -> bool {
        ++rows;
        if (++inBatch < o.batchRows)
            return true;
        inBatch = 0;
        open = false;
        if (!m_backend.db.commit())
            return false;
        if (m_progress)
            m_progress(rows);
        return true;
    };
    auto fail = [&](const QString &what) {
        m_backend.db.rollback();
        return error(protocol::code::Internal, QStringLiteral("seeding stopped at row %1: %2").arg(rows).arg(what));
    };

    QList<QString> userIds;
    userIds.reserve(o.people);
    for (int i = 0; i < o.people; ++i) {
        const demo::PersonSpec &spec = names.at(i % names.size());
        NewUser u;
        u.name = QStringLiteral("user%1").arg(i + 1, 5, 10, QLatin1Char('0'));
        u.id = ids::derived(QStringLiteral("bulk:user:") + u.name);
        u.displayName = QStringLiteral("%1 %2").arg(QString::fromUtf8(spec.displayName)).arg(i + 1);
        u.role = QLatin1String(role::Employee);
        u.department = QString::fromUtf8(spec.department);
        u.title = QString::fromUtf8(spec.title);
        u.passwordHash = hash.value();
        u.created = start;
        if (!ensureOpen())
            return fail(QStringLiteral("transaction"));
        auto p = m_backend.accounts.insertUser(u);
        if (!p)
            return fail(p.error().message);
        if (!rowDone())
            return fail(QStringLiteral("commit"));
        userIds.append(p->id);
    }
    report.users = o.people;

    // Comments and likes follow the posts at the same average rate, each on a random post
    // already written, so every reference is valid and times only go forward.
    QList<QString> postIds;
    postIds.reserve(o.posts);
    QList<int> likesPerPost(o.posts, 0);
    const qint64 span = anchor - start;
    qint64 commentsDue = 0, likesDue = 0;
    for (int n = 0; n < o.posts; ++n) {
        const qint64 at = start + span * n / qMax(1, o.posts);
        const Post post{ids::derived(QStringLiteral("bulk:post:%1").arg(n)), userIds.at(rng.bounded(o.people)),
                        QStringLiteral("%1 (#%2)").arg(QString::fromUtf8(postTexts.at(rng.bounded(int(postTexts.size()))))).arg(n),
                        at};
        if (!ensureOpen() || !m_backend.timeline.insertPost(post)
            || !m_backend.log.append({org, QLatin1String(protocol::kind::Post), post.id, {}, false, protocol::encode(post)}, at)
            || !rowDone())
            return fail(QStringLiteral("post"));
        postIds.append(post.id);
        ++report.posts;

        commentsDue += o.comments;
        while (commentsDue >= o.posts) {
            commentsDue -= o.posts;
            const int target = int(rng.bounded(n + 1));
            const Comment c{ids::derived(QStringLiteral("bulk:comment:%1").arg(report.comments)), postIds.at(target),
                            userIds.at(rng.bounded(o.people)),
                            QString::fromUtf8(commentTexts.at(rng.bounded(int(commentTexts.size())))), at};
            if (!ensureOpen() || !m_backend.timeline.insertComment(c)
                || !m_backend.log.append({org, QLatin1String(protocol::kind::Comment), c.id, {}, false, protocol::encode(c)}, at)
                || !rowDone())
                return fail(QStringLiteral("comment"));
            ++report.comments;
        }
        likesDue += o.likes;
        while (likesDue >= o.posts) {
            likesDue -= o.posts;
            // Each post's k-th like comes from a different person: (post*7 + k) mod people.
            int target = int(rng.bounded(n + 1));
            for (int tries = 0; likesPerPost.at(target) >= o.people && tries <= n; ++tries)
                target = (target + 1) % (n + 1);
            if (likesPerPost.at(target) >= o.people)
                continue;   // every post so far is liked by everyone; drop this one
            const int k = likesPerPost[target]++;
            const Like l{postIds.at(target), userIds.at(int((qint64(target) * 7 + k) % o.people)), true};
            if (!ensureOpen() || !m_backend.timeline.setLike(l, at)
                || !m_backend.log.append({org, QLatin1String(protocol::kind::Like), l.post + QLatin1Char(':') + l.user, {},
                                          false, protocol::encode(l)},
                                         at)
                || !rowDone())
                return fail(QStringLiteral("like"));
            ++report.likes;
        }
    }
    if (open && !m_backend.db.commit())
        return fail(QStringLiteral("commit"));
    if (m_progress)
        m_progress(rows);
    report.seeded = true;
    qCInfo(lcSeed, "seeded %d people, %d posts, %d comments, %d likes (%lld entities, as many changes) in %lld ms",
           report.users, report.posts, report.comments, report.likes, rows, timer.elapsed());
    return report;
}

} // namespace plein::server
