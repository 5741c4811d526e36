// initial_sync: an empty client profile syncs to sync.done from a plein-server seeded with
// P people and N posts with comments, through the real client core (Session, SyncEngine,
// ChangeApplier); items per second end to end. In the same run, the same rows are inserted
// by a plain SQLite loop (prepared INSERTs, 500 rows a transaction like a sync batch) into a
// fresh replica with the same schema, pragmas (as the sync connection sets them) and
// triggers on the same disk: the ceiling.
//
//   initial_sync [--people 10000] [--posts 200000] [--comments 200000] [--likes 0]
#include "BenchCommon.h"

#include "ServerProcess.h"
#include "cache/Replica.h"
#include "seed/DemoSeed.h"
#include "session/Session.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <memory>
#include <vector>

using namespace plein;

namespace {

struct Table
{
    QString name;
    QString columns;
    int width = 0;
    QList<QVariantList> rows;
};

// The synced rows, read back so that the ceiling writes exactly the same data.
QList<Table> readBack(const QSqlDatabase &db)
{
    QList<Table> tables = {
        {QStringLiteral("users"), QStringLiteral("id, name, display_name, role, department, title, seq"), 7, {}},
        {QStringLiteral("posts"), QStringLiteral("id, author_id, text, created, seq"), 5, {}},
        {QStringLiteral("comments"), QStringLiteral("id, post_id, author_id, text, created, seq"), 6, {}},
        {QStringLiteral("likes"), QStringLiteral("post_id, user_id, liked, seq"), 4, {}},
        // The seeded directory: a profile per person and the endorsements between colleagues.
        {QStringLiteral("profiles"),
         QStringLiteral("id, email, phone, bio, location, manager, start_date, skills, languages, photo, active, seq"), 12, {}},
        {QStringLiteral("endorsements"), QStringLiteral("skill, person, by_user, seq"), 4, {}},
    };
    for (Table &t : tables) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.exec(QStringLiteral("SELECT %1 FROM %2").arg(t.columns, t.name));
        while (q.next()) {
            QVariantList row;
            for (int i = 0; i < t.width; ++i)
                row.append(q.value(i));
            t.rows.append(row);
        }
    }
    return tables;
}

// Rows are interleaved in seq order, as the sync delivers them.
double ceiling(const QString &path, const QList<Table> &tables, qint64 *items)
{
    const QString conn = client::Replica::uniqueConnectionName(QStringLiteral("ceiling"));
    double seconds = -1;
    {
        auto opened = client::Replica::open(path, conn, client::Replica::Access::ReadWrite);
        if (!opened)
            return -1;
        QSqlDatabase db = opened.value();
        // The same durability as the sync engine's connection (SyncEngine::openReplica).
        QSqlQuery(db).exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
        struct Source { const Table *t; qsizetype next = 0; std::unique_ptr<QSqlQuery> insert; };
        std::vector<Source> sources;
        for (const Table &t : tables) {
            auto q = std::make_unique<QSqlQuery>(db);
            QStringList marks(t.width, QStringLiteral("?"));
            q->prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(t.name, t.columns, marks.join(QLatin1Char(','))));
            sources.push_back({&t, 0, std::move(q)});
        }
        QElapsedTimer timer;
        timer.start();
        qint64 n = 0;
        bool open = false;
        for (;;) {
            // The source whose next row has the lowest seq (the last column).
            Source *best = nullptr;
            for (Source &s : sources) {
                if (s.next < s.t->rows.size()
                    && (!best || s.t->rows.at(s.next).constLast().toLongLong() < best->t->rows.at(best->next).constLast().toLongLong()))
                    best = &s;
            }
            if (!best)
                break;
            if (!open)
                open = db.transaction();
            const QVariantList &row = best->t->rows.at(best->next++);
            for (int i = 0; i < row.size(); ++i)
                best->insert->bindValue(i, row.at(i));
            if (!best->insert->exec())
                fprintf(stderr, "ceiling insert failed: %s\n", qPrintable(best->insert->lastError().text()));
            if (++n % 500 == 0) {
                db.commit();
                open = false;
            }
        }
        if (open)
            db.commit();
        seconds = double(timer.nsecsElapsed()) / 1e9;
        *items = n;
        sources.clear();
    }
    client::Replica::close(conn);
    return seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    bench::setProgramPaths();
    const QStringList args = app.arguments();
    const qint64 people = bench::intArg(args, QStringLiteral("--people"), 10000);
    const qint64 posts = bench::intArg(args, QStringLiteral("--posts"), 200000);
    const qint64 comments = bench::intArg(args, QStringLiteral("--comments"), 200000);
    const qint64 likes = bench::intArg(args, QStringLiteral("--likes"), 0);

    QTemporaryDir work(QDir::temp().filePath(QStringLiteral("plein-bench-sync-XXXXXX")));
    const QString dataDir = QDir(work.path()).filePath(QStringLiteral("server"));
    QElapsedTimer seedTimer;
    seedTimer.start();
    QByteArray out, err;
    const int rc = bench::run(bench::serverBinary(),
                              {QStringLiteral("--data-dir"), dataDir, QStringLiteral("seed"), QStringLiteral("--people"),
                               QString::number(people), QStringLiteral("--posts"), QString::number(posts),
                               QStringLiteral("--comments"), QString::number(comments), QStringLiteral("--likes"),
                               QString::number(likes)},
                              &out, &err);
    if (rc != 0) {
        fprintf(stderr, "seed failed (%d): %s\n", rc, err.constData());
        return 1;
    }
    const double seedS = double(seedTimer.elapsed()) / 1000.0;
    fprintf(stderr, "  %s", out.constData());

    test::ServerProcess server(dataDir);
    if (!server.start()) {
        fprintf(stderr, "server: %s\n", qPrintable(server.errorString()));
        return 1;
    }

    const QString profile = QDir(work.path()).filePath(QStringLiteral("client"));
    qint64 items = 0;
    double syncS = -1;
    QString replicaPath;
    {
        client::Session session(profile);
        QString error;
        if (!session.openAccount(server.url(), QStringLiteral("user00001"), &error)) {
            fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        QEventLoop loop;
        bool ok = false;
        QObject::connect(&session, &client::Session::synced, &loop, [&] { ok = true; loop.quit(); });
        QObject::connect(&session, &client::Session::signInFailed, &loop, [&] { loop.quit(); });
        QTimer::singleShot(600000, &loop, &QEventLoop::quit);
        QElapsedTimer timer;
        timer.start();
        session.signIn(QLatin1String(server::DemoSeed::DemoPassword));
        loop.exec();
        syncS = double(timer.nsecsElapsed()) / 1e9;
        if (!ok) {
            fprintf(stderr, "the sync did not finish\n");
            return 1;
        }
        items = session.cursor();
        replicaPath = session.replicaPath();
        session.disconnectFromServer();
    }
    server.terminate();

    QList<Table> tables;
    {
        const QString conn = client::Replica::uniqueConnectionName(QStringLiteral("readback"));
        {
            auto db = client::Replica::open(replicaPath, conn, client::Replica::Access::ReadOnly);
            if (db)
                tables = readBack(db.value());
        }
        client::Replica::close(conn);
    }
    qint64 ceilingItems = 0;
    const double ceilingS = ceiling(QDir(work.path()).filePath(QStringLiteral("ceiling/replica.sqlite")), tables, &ceilingItems);
    if (ceilingS <= 0 || ceilingItems != items) {
        fprintf(stderr, "the ceiling run wrote %lld rows, the sync %lld\n", ceilingItems, items);
        return 1;
    }
    const double rate = double(items) / syncS;
    const double ceilingRate = double(ceilingItems) / ceilingS;
    const double ratio = rate / ceilingRate;
    bench::printTable(QStringLiteral("initial_sync: %1 people, %2 posts, %3 comments, %4 likes").arg(people).arg(posts).arg(comments).arg(likes),
                      {{QStringLiteral("seed (plein-server seed)"), QStringLiteral("%1 s, %2 rows/s").arg(seedS, 0, 'f', 1).arg(qRound(double(items) / seedS))},
                       {QStringLiteral("sync to sync.done"), QStringLiteral("%1 items in %2 s").arg(items).arg(syncS, 0, 'f', 2)},
                       {QStringLiteral("items/s end to end"), QString::number(qRound(rate))},
                       {QStringLiteral("plain SQLite loop"), QStringLiteral("%1 s, %2 rows/s").arg(ceilingS, 0, 'f', 2).arg(qRound(ceilingRate))},
                       {QStringLiteral("ratio"), QStringLiteral("%1 (target >= 0.5: %2)").arg(ratio, 0, 'f', 2)
                                                     .arg(ratio >= 0.5 ? QStringLiteral("met") : QStringLiteral("MISSED"))}});
    bench::printJson(QStringLiteral("initial_sync"),
                     {{QStringLiteral("items"), double(items)},
                      {QStringLiteral("seconds"), qRound(syncS * 100) / 100.0},
                      {QStringLiteral("items_per_s"), qRound(rate)},
                      {QStringLiteral("ceiling_items_per_s"), qRound(ceilingRate)},
                      {QStringLiteral("ratio"), qRound(ratio * 100) / 100.0},
                      {QStringLiteral("seed_s"), qRound(seedS * 10) / 10.0}});
    return 0;
}
