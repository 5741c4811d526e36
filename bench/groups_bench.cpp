// groups_bench (issue 4): the personal timeline's pages from a replica holding N group posts
// in G groups (plus company-wide posts and news), read the way the client reads them
// (PersonalTimeline on a read-only connection). Prints p50/p99 of the first page and of a
// page deep in the history, in ms, as a table and one JSON line.
//
//   groups_bench [--posts 200000] [--groups 2000] [--runs 2000]
#include "BenchCommon.h"

#include "cache/Replica.h"
#include "groups/PersonalTimeline.h"
#include "model/Ids.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace plein;
using namespace plein::client;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 posts = bench::intArg(args, QStringLiteral("--posts"), 200000);
    const qint64 groups = bench::intArg(args, QStringLiteral("--groups"), 2000);
    const qint64 runs = bench::intArg(args, QStringLiteral("--runs"), 2000);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("replica.sqlite"));
    {
        auto db = Replica::open(path, QStringLiteral("fill"), Replica::Access::ReadWrite);
        if (!db) {
            qCritical("%s", qPrintable(db.error().message));
            return 1;
        }
        QSqlQuery q(db.value());
        q.exec(QStringLiteral("BEGIN"));
        const qint64 t0 = 1790000000000;
        QSqlQuery gp(db.value());
        gp.prepare(QStringLiteral("INSERT INTO group_posts (id, scope, group_id, author_id, text, created, pos, seq)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        QStringList groupIds;
        for (qint64 g = 0; g < groups; ++g)
            groupIds.append(ids::derived(QStringLiteral("bench:group:%1").arg(g)));
        for (qint64 i = 0; i < posts; ++i) {
            const QString &g = groupIds.at(i % groups);
            gp.addBindValue(ids::derived(QStringLiteral("bench:gp:%1").arg(i)));
            gp.addBindValue(QStringLiteral("group:") + g);
            gp.addBindValue(g);
            gp.addBindValue(ids::derived(QStringLiteral("bench:user:%1").arg(i % 1000)));
            gp.addBindValue(QStringLiteral("Group post %1 with some text about the project #plein").arg(i));
            gp.addBindValue(QVariant::fromValue(t0 + i * 7000));
            gp.addBindValue(QVariant::fromValue(i + 1));
            gp.addBindValue(QVariant::fromValue(i + 1));
            gp.exec();
        }
        QSqlQuery p(db.value());
        p.prepare(QStringLiteral("INSERT INTO posts (id, author_id, text, created, seq) VALUES (?, ?, ?, ?, ?)"));
        for (qint64 i = 0; i < posts / 10; ++i) {
            p.addBindValue(ids::derived(QStringLiteral("bench:p:%1").arg(i)));
            p.addBindValue(ids::derived(QStringLiteral("bench:user:%1").arg(i % 1000)));
            p.addBindValue(QStringLiteral("Company-wide post %1").arg(i));
            p.addBindValue(QVariant::fromValue(t0 + i * 70000 + 3));
            p.addBindValue(QVariant::fromValue(posts + i + 1));
            p.exec();
        }
        QSqlQuery n(db.value());
        n.prepare(QStringLiteral("INSERT INTO news (id, author_id, title, text, publish_at, state, created)"
                                 " VALUES (?, ?, ?, 'x', ?, 'published', ?)"));
        for (qint64 i = 0; i < 500; ++i) {
            n.addBindValue(ids::derived(QStringLiteral("bench:n:%1").arg(i)));
            n.addBindValue(ids::derived(QStringLiteral("bench:user:1")));
            n.addBindValue(QStringLiteral("News %1").arg(i));
            n.addBindValue(QVariant::fromValue(t0 + i * 2800000 + 5));
            n.addBindValue(QVariant::fromValue(t0 + i * 2800000 + 5));
            n.exec();
        }
        q.exec(QStringLiteral("COMMIT"));
        q.exec(QStringLiteral("ANALYZE"));
    }
    Replica::close(QStringLiteral("fill"));

    auto db = Replica::open(path, QStringLiteral("read"), Replica::Access::ReadOnly);
    if (!db)
        return 1;
    PersonalTimeline timeline(db.value());
    QList<double> first, deep;
    // A keyset in the middle of the history, as after scrolling back a long way.
    const QList<TimelineEntry> probe = timeline.page(50);
    if (probe.size() != 50) {
        qCritical("first page has %lld entries", qint64(probe.size()));
        return 1;
    }
    const qint64 middle = 1790000000000 + posts / 2 * 7000;
    for (qint64 r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        const auto page = timeline.page(50);
        first.append(t.nsecsElapsed() / 1e6);
        t.restart();
        const auto older = timeline.page(50, middle, QStringLiteral("~"));
        deep.append(t.nsecsElapsed() / 1e6);
        if (page.size() != 50 || older.size() != 50)
            return 1;
    }
    const double p99 = bench::percentile(first, 99);
    bench::printTable(QStringLiteral("personal timeline, %1 group posts in %2 groups").arg(posts).arg(groups),
                      {{QStringLiteral("first page p50 ms"), QString::number(bench::median(first), 'f', 3)},
                       {QStringLiteral("first page p99 ms"), QString::number(p99, 'f', 3)},
                       {QStringLiteral("deep page p50 ms"), QString::number(bench::median(deep), 'f', 3)},
                       {QStringLiteral("deep page p99 ms"), QString::number(bench::percentile(deep, 99), 'f', 3)}});
    bench::printJson(QStringLiteral("personal_timeline"),
                     {{QStringLiteral("group_posts"), double(posts)},
                      {QStringLiteral("groups"), double(groups)},
                      {QStringLiteral("first_page_p50_ms"), bench::median(first)},
                      {QStringLiteral("first_page_p99_ms"), p99},
                      {QStringLiteral("deep_page_p99_ms"), bench::percentile(deep, 99)}});
    return p99 < 5.0 ? 0 : 2;
}
