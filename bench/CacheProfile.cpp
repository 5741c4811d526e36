#include "CacheProfile.h"

#include "cache/ChangeApplier.h"
#include "cache/Replica.h"
#include "model/Ids.h"
#include "protocol/Messages.h"
#include "seed/BulkSeed.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTextStream>

namespace plein::bench {

namespace {
// The server URL the replica belongs to: nothing listens there, so the client stays offline.
const char *const OfflineServer = "ws://127.0.0.1:9";
// Ten sync batches per transaction: the same rows through the same ChangeApplier, with a
// tenth of the commits (the profile is built once and only its contents are measured).
constexpr int Batch = 5000;
} // namespace

QString CacheProfile::replicaPath() const
{
    return client::Replica::pathFor(dir, server, userName);
}

CacheProfile ensureCacheProfile(const QString &dir, qint64 rows, bool *built)
{
    CacheProfile p;
    p.dir = QDir(dir).absolutePath();
    p.server = QUrl(QString::fromLatin1(OfflineServer));
    p.rows = rows;
    p.people = qMax<qint64>(10, rows / 100);
    p.posts = rows * 25 / 100;
    p.comments = rows * 50 / 100;
    p.likes = rows - p.people - p.posts - p.comments;
    const QList<server::BulkPerson> org = server::BulkSeed::organisation(int(p.people), 7031);
    p.userId = org.constFirst().id;
    if (built)
        *built = false;

    const QString marker = QDir(p.dir).filePath(QStringLiteral("bench-rows"));
    {
        QFile m(marker);
        // Rebuilt when the row count or the replica schema differs.
        const QByteArray wanted = QByteArray::number(rows) + ' ' + QByteArray::number(client::Replica::latestVersion());
        if (m.open(QIODevice::ReadOnly) && m.readAll().trimmed() == wanted && QFile::exists(p.replicaPath()))
            return p;
    }
    QDir(p.dir).removeRecursively();
    QDir().mkpath(p.dir);
    if (built)
        *built = true;

    QTextStream err(stderr);
    QElapsedTimer timer;
    timer.start();
    const QString conn = client::Replica::uniqueConnectionName(QStringLiteral("bench-build"));
    bool ok = true;
    {
        auto db = client::Replica::open(p.replicaPath(), conn, client::Replica::Access::ReadWrite);
        if (!db) {
            err << "cannot open the replica: " << db.error().message << Qt::endl;
            return {};
        }
        // A profile is only valid once its marker is written (at the end), so it is built with
        // no fsync and a page cache large enough for the indexes being filled.
        QSqlQuery(db.value()).exec(QStringLiteral("PRAGMA synchronous = OFF"));
        QSqlQuery(db.value()).exec(QStringLiteral("PRAGMA cache_size = -262144"));
        client::Replica::setMeta(db.value(), QLatin1String(client::metakey::UserId), p.userId);
        client::ChangeApplier applier(db.value());
        QRandomGenerator rng(4242);
        QList<protocol::Change> batch;
        qint64 seq = 0;
        auto flush = [&]() {
            if (batch.isEmpty() || !ok)
                return;
            auto r = applier.apply(batch);
            if (!r) {
                err << "apply failed: " << r.error().message << Qt::endl;
                ok = false;
            }
            batch.clear();
            if (seq % 100000 < Batch)
                err << "  cache: " << seq << " rows, " << timer.elapsed() / 1000.0 << " s" << Qt::endl;
        };
        auto add = [&](const char *kind, const QString &id, const QJsonObject &data) {
            batch.append(protocol::Change{++seq, QLatin1String(kind), id, {}, false, data});
            if (batch.size() >= Batch)
                flush();
        };
        for (const server::BulkPerson &person : org)
            add(protocol::kind::User, person.id,
                protocol::encode(Person{person.id, person.name, person.displayName, QStringLiteral("employee"),
                                        person.department, person.title}));
        // A year of history; comments and likes follow posts at the same average rate.
        const qint64 end = 1'790'000'000'000;
        const qint64 span = 365LL * 24 * 3600 * 1000;
        QList<QString> postIds;
        postIds.reserve(p.posts);
        qint64 commentsDue = 0, likesDue = 0, comments = 0;
        QList<int> likesPerPost(p.posts, 0);
        for (qint64 n = 0; n < p.posts && ok; ++n) {
            const qint64 at = end - span + span * n / p.posts;
            const auto &author = org.at(server::BulkSeed::skewedIndex(rng, int(org.size())));
            const Post post{ids::derived(QStringLiteral("bench:post:%1").arg(n)), author.id,
                            server::BulkSeed::postText(rng, author.dutch), at};
            add(protocol::kind::Post, post.id, protocol::encode(post));
            postIds.append(post.id);
            for (commentsDue += p.comments; commentsDue >= p.posts; commentsDue -= p.posts) {
                const int target = int(postIds.size()) - 1 - server::BulkSeed::skewedIndex(rng, int(postIds.size()));
                const auto &who = org.at(server::BulkSeed::skewedIndex(rng, int(org.size())));
                const Comment c{ids::derived(QStringLiteral("bench:comment:%1").arg(comments++)), postIds.at(target),
                                who.id, server::BulkSeed::commentText(rng, who.dutch), at};
                add(protocol::kind::Comment, c.id, protocol::encode(c));
            }
            for (likesDue += p.likes; likesDue >= p.posts; likesDue -= p.posts) {
                const int target = int(postIds.size()) - 1 - server::BulkSeed::skewedIndex(rng, int(postIds.size()));
                const int k = likesPerPost[target]++ % int(org.size());
                const Like l{postIds.at(target), org.at(int((qint64(target) * 7 + k) % org.size())).id, true};
                add(protocol::kind::Like, l.post + QLatin1Char(':') + l.user, protocol::encode(l));
            }
        }
        flush();
        if (ok) {
            QSqlQuery q(db.value());
            q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        err << "  cache: " << seq << " rows in " << timer.elapsed() / 1000.0 << " s" << Qt::endl;
    }
    client::Replica::close(conn);
    if (!ok)
        return {};
    QFile m(marker);
    if (m.open(QIODevice::WriteOnly))
        m.write(QByteArray::number(rows) + ' ' + QByteArray::number(client::Replica::latestVersion()));
    return p;
}

} // namespace plein::bench
