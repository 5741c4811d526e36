// cache_queries: p50 and p99 of the queries the views run on a replica with N cached rows
// (default 1,000,000, the cold_start profile): the timeline's first page, its next pages,
// a post's comments, and ranked full-text search. Each goes through the client core's own
// models (TimelineModel, CommentsModel) and PostSearch on a read-only connection.
//
//   cache_queries [--rows N] [--profile DIR] [--iterations N]
#include "BenchCommon.h"
#include "CacheProfile.h"

#include "cache/Replica.h"
#include "models/CommentsModel.h"
#include "models/TimelineModel.h"
#include "search/PostSearch.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlQuery>

using namespace plein;

namespace {
double ms(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}
QString fmt(const QList<double> &v)
{
    return QStringLiteral("p50 %1 ms   p99 %2 ms   max %3 ms   (n=%4)")
        .arg(bench::percentile(v, 50), 0, 'f', 3)
        .arg(bench::percentile(v, 99), 0, 'f', 3)
        .arg(bench::percentile(v, 100), 0, 'f', 3)
        .arg(v.size());
}
double r3(double v)
{
    return qRound(v * 1000) / 1000.0;
}
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    bench::setProgramPaths();
    const QStringList args = app.arguments();
    const qint64 rows = bench::intArg(args, QStringLiteral("--rows"), 1'000'000);
    const int iterations = int(bench::intArg(args, QStringLiteral("--iterations"), 200));
    const QString dir = bench::stringArg(args, QStringLiteral("--profile"),
                                         QDir::temp().filePath(QStringLiteral("plein-bench-cache-%1").arg(rows)));
    const bench::CacheProfile p = bench::ensureCacheProfile(dir, rows);
    if (p.dir.isEmpty())
        return 1;

    const QString conn = client::Replica::uniqueConnectionName(QStringLiteral("bench-read"));
    QList<double> first, next, comments, search;
    int searchHits = 0;
    {
        auto db = client::Replica::open(p.replicaPath(), conn, client::Replica::Access::ReadOnly);
        if (!db) {
            fprintf(stderr, "%s\n", qPrintable(db.error().message));
            return 1;
        }
        // Timeline: a fresh model loads its first page; fetchMore loads the next one.
        for (int i = 0; i < iterations; ++i) {
            QElapsedTimer t;
            t.start();
            client::TimelineModel model(db.value());
            first.append(ms(t));
            if (i < 20) {
                for (int page = 0; page < 20 && model.canFetchMore({}); ++page) {
                    QElapsedTimer tp;
                    tp.start();
                    model.fetchMore({});
                    next.append(ms(tp));
                }
            }
        }
        // Comments of posts picked at random (most posts have a few; some have many).
        QList<QString> posts;
        {
            QSqlQuery q(db.value());
            q.exec(QStringLiteral("SELECT id FROM posts WHERE comment_count > 0 ORDER BY random() LIMIT %1").arg(iterations * 2));
            while (q.next())
                posts.append(q.value(0).toString());
        }
        client::CommentsModel cm(db.value());
        for (const QString &id : std::as_const(posts)) {
            QElapsedTimer t;
            t.start();
            cm.setPost(id);
            comments.append(ms(t));
        }
        // Ranked search: what people type, Dutch and English, whole words and prefixes.
        const QStringList queries = {
            QStringLiteral("koffie"), QStringLiteral("klant"), QStringLiteral("Aurora"), QStringLiteral("planning tool"),
            QStringLiteral("customer portal"), QStringLiteral("warehouse"), QStringLiteral("sponsorloop"),
            QStringLiteral("vpn"), QStringLiteral("trainees"), QStringLiteral("Zuidas"), QStringLiteral("duurzaam"),
            QStringLiteral("information security"), QStringLiteral("Eindhoven"), QStringLiteral("vergaderzaal Amstel"),
            QStringLiteral("quarter result"), QStringLiteral("Groningen"), QStringLiteral("the"), QStringLiteral("de"),
            QStringLiteral("Harbour schedule"), QStringLiteral("vakantie")};
        client::PostSearch searcher(db.value());
        for (int i = 0; i < iterations; ++i) {
            const QString &query = queries.at(i % queries.size());
            QElapsedTimer t;
            t.start();
            const auto hits = searcher.search(query, 50);
            search.append(ms(t));
            searchHits += int(hits.size());
        }
    }
    client::Replica::close(conn);

    QList<double> pages = first + next + comments;
    const bool pagesOk = bench::percentile(pages, 99) < 5;
    const bool searchOk = bench::percentile(search, 99) < 50;
    bench::printTable(QStringLiteral("cache_queries: %1 cached rows (%2 people, %3 posts, %4 comments, %5 likes)")
                          .arg(rows).arg(p.people).arg(p.posts).arg(p.comments).arg(p.likes),
                      {{QStringLiteral("timeline first page"), fmt(first)},
                       {QStringLiteral("timeline next page"), fmt(next)},
                       {QStringLiteral("comments of a post"), fmt(comments)},
                       {QStringLiteral("ranked search"), fmt(search) + QStringLiteral("  %1 hits/query").arg(searchHits / qMax(1, iterations))},
                       {QStringLiteral("target"), QStringLiteral("pages p99 < 5 ms: %1; search p99 < 50 ms: %2")
                                                      .arg(pagesOk ? QStringLiteral("met") : QStringLiteral("MISSED"),
                                                           searchOk ? QStringLiteral("met") : QStringLiteral("MISSED"))}});
    bench::printJson(QStringLiteral("cache_queries"),
                     {{QStringLiteral("timeline_p50_ms"), r3(bench::percentile(first, 50))},
                      {QStringLiteral("timeline_p99_ms"), r3(bench::percentile(first, 99))},
                      {QStringLiteral("next_page_p50_ms"), r3(bench::percentile(next, 50))},
                      {QStringLiteral("next_page_p99_ms"), r3(bench::percentile(next, 99))},
                      {QStringLiteral("comments_p50_ms"), r3(bench::percentile(comments, 50))},
                      {QStringLiteral("comments_p99_ms"), r3(bench::percentile(comments, 99))},
                      {QStringLiteral("search_p50_ms"), r3(bench::percentile(search, 50))},
                      {QStringLiteral("search_p99_ms"), r3(bench::percentile(search, 99))},
                      {QStringLiteral("cached_rows"), double(rows)}});
    return 0;
}
