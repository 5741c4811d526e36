// fanout: this load process opens N client connections on loopback, all on one thread
// (LoadClients: epoll, no Qt socket per connection), each resuming a session issued with
// `plein-server sessions issue` (so the server does not run N Argon2 checks), syncs each to
// sync.done, and one sender posts at a fixed rate. For every post
// and every connection the delivery latency (sent to received, same monotonic clock) is
// recorded; every delivered post is checked: none lost, none duplicated. One JSON line per N.
//
//   fanout [--clients 100,1000] [--rate 10] [--seconds 10]
#include "BenchCommon.h"
#include "DeliveryTally.h"
#include "LoadClients.h"

#include "ServerProcess.h"
#include "model/Ids.h"
#include "protocol/Envelope.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"
#include "seed/BulkSessions.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>

#include <vector>

using namespace plein;

using bench::frame;

namespace {

constexpr char Marker[] = "fanout #";

struct Run
{
    int clients = 0;
    int sent = 0;
    QList<double> latencies;
    qint64 lost = 0;
    qint64 duplicated = 0;
    double seconds = 0;
    double serverRssMb = 0;
    int connectFailures = 0;
};

Run runOnce(int clients, int rate, int seconds)
{
    Run run;
    run.clients = clients;
    test::ServerProcess server;
    QByteArray out;
    QByteArray err;
    // Two people: every receiving connection is the first, the sender the second. Their
    // sessions are issued by the server's admin command (no Argon2 check per connection).
    if (server.runCommand({QStringLiteral("seed"), QStringLiteral("--people"), QStringLiteral("2"),
                           QStringLiteral("--posts"), QStringLiteral("0")}) != 0
        || server.runCommand({QStringLiteral("sessions"), QStringLiteral("issue")}, {}, &out, &err) != 0
        || !server.start()) {
        fprintf(stderr, "server: %s %s\n", qPrintable(server.errorString()), err.constData());
        return run;
    }
    const auto sessions = server::BulkSessions::read(server.dataDir() + QStringLiteral("/issued-sessions.tsv"));
    if (sessions.size() < 2) {
        fprintf(stderr, "no sessions issued\n");
        return run;
    }

    const int total = rate * seconds;
    const int senderIndex = clients;
    // Per connection: 0 resuming, 1 syncing, 2 live.
    std::vector<quint8> state(size_t(clients + 1), 0);
    bench::DeliveryTally tally(Marker, clients, total);
    int ready = 0;
    bool senderReady = false;
    const QByteArray receiverResume = frame(protocol::type::AuthResume, protocol::encode(protocol::ResumeBody{sessions.at(0).token}),
                                            QStringLiteral("1"));
    const QByteArray senderResume = frame(protocol::type::AuthResume, protocol::encode(protocol::ResumeBody{sessions.at(1).token}),
                                          QStringLiteral("1"));
    const QByteArray syncRequest = frame(protocol::type::Sync, protocol::encode(protocol::SyncBody{0}), QStringLiteral("2"));

    bench::LoadClients load;
    load.setOnOpen([&](int conn) { load.sendText(conn, conn == senderIndex ? senderResume : receiverResume); });
    load.setOnText([&](int conn, QByteArrayView text, qint64 now) {
        if (state[size_t(conn)] == 2) {
            tally.scan(conn, text, now);
            return;
        }
        const auto e = protocol::Envelope::decode(text.toByteArray());
        if (!e)
            return;
        if (e->type == QLatin1String(protocol::type::AuthOk)) {
            if (conn == senderIndex) {
                senderReady = true;
            } else {
                state[size_t(conn)] = 1;
                load.sendText(conn, syncRequest);
            }
        } else if (e->type == QLatin1String(protocol::type::SyncDone) && state[size_t(conn)] == 1) {
            state[size_t(conn)] = 2;
            ++ready;
        }
    });
    QElapsedTimer setup;
    setup.start();
    load.open(server.port(), clients + 1);
    if (!load.run([&] { return ready == clients && senderReady; }, 120000)) {
        run.connectFailures = clients - ready;
        fprintf(stderr, "  only %d of %d connections synced (%d failed)\n", ready, clients, load.failed());
    }
    fprintf(stderr, "  %d connections synced in %.1f s (one thread); server RSS %.1f MB\n", ready,
            double(setup.elapsed()) / 1000.0, bench::rssMb(server.pid()));

    // The sender: one post every 1000/rate ms, on the same clock as the arrivals.
    QElapsedTimer runTimer;
    runTimer.start();
    int next = 0;
    double peakRss = 0;
    qint64 lastRss = -1000;
    auto tick = [&] {
        while (next < total && runTimer.elapsed() >= qint64(next) * 1000 / rate) {
            const QByteArray post = frame(protocol::type::PostCreate,
                                          protocol::encode(protocol::PostCreateBody{
                                              ids::create(), tally.text(next)}),
                                          {}, ids::create());
            tally.sent(next, load.clock().nsecsElapsed());
            load.sendText(senderIndex, post);
            ++next;
        }
        if (runTimer.elapsed() - lastRss >= 1000) {
            lastRss = runTimer.elapsed();
            peakRss = qMax(peakRss, bench::rssMb(server.pid()));
        }
    };
    load.run([&] { return next >= total && tally.delivered() >= tally.expected(); }, seconds * 1000 + 30000, tick, 2);
    // Late duplicates would come now, if any.
    load.run([] { return false; }, 500);
    run.seconds = double(runTimer.nsecsElapsed()) / 1e9;
    run.sent = next;
    peakRss = qMax(peakRss, bench::rssMb(server.pid()));
    run.serverRssMb = peakRss;
    load.closeAll();
    run.latencies = tally.latenciesMs();
    run.lost = tally.lost();
    run.duplicated = tally.duplicated();
    return run;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    bench::setProgramPaths();
    const QStringList args = app.arguments();
    const QStringList counts = bench::stringArg(args, QStringLiteral("--clients"), QStringLiteral("100,1000")).split(QLatin1Char(','));
    const int rate = int(bench::intArg(args, QStringLiteral("--rate"), 10));
    const int seconds = int(bench::intArg(args, QStringLiteral("--seconds"), 10));

    QList<Run> runs;
    for (const QString &c : counts) {
        fprintf(stderr, "fanout: %s clients, %d posts/s for %d s\n", qPrintable(c), rate, seconds);
        runs.append(runOnce(c.toInt(), rate, seconds));
    }
    QList<QPair<QString, QString>> rows;
    for (const Run &r : runs) {
        const double delivered = double(r.latencies.size());
        rows.append({QStringLiteral("%1 clients").arg(r.clients),
                     QStringLiteral("p50 %1 ms  p95 %2 ms  p99 %3 ms  %4 msgs/s  lost %5  duplicated %6  server RSS %7 MB")
                         .arg(bench::percentile(r.latencies, 50), 0, 'f', 2)
                         .arg(bench::percentile(r.latencies, 95), 0, 'f', 2)
                         .arg(bench::percentile(r.latencies, 99), 0, 'f', 2)
                         .arg(qRound(delivered / qMax(0.001, r.seconds)))
                         .arg(r.lost)
                         .arg(r.duplicated)
                         .arg(r.serverRssMb, 0, 'f', 1)});
    }
    bench::printTable(QStringLiteral("fanout: one sender, %1 posts/s for %2 s, loopback").arg(rate).arg(seconds), rows);
    for (const Run &r : runs) {
        bench::printJson(QStringLiteral("fanout"),
                         {{QStringLiteral("clients"), r.clients},
                          {QStringLiteral("posts_sent"), r.sent},
                          {QStringLiteral("rate_per_s"), rate},
                          {QStringLiteral("p50_ms"), qRound(bench::percentile(r.latencies, 50) * 100) / 100.0},
                          {QStringLiteral("p95_ms"), qRound(bench::percentile(r.latencies, 95) * 100) / 100.0},
                          {QStringLiteral("p99_ms"), qRound(bench::percentile(r.latencies, 99) * 100) / 100.0},
                          {QStringLiteral("msgs_per_s"), qRound(double(r.latencies.size()) / qMax(0.001, r.seconds))},
                          {QStringLiteral("lost"), double(r.lost)},
                          {QStringLiteral("duplicated"), double(r.duplicated)},
                          {QStringLiteral("server_rss_mb"), qRound(r.serverRssMb * 10) / 10.0}});
    }
    return 0;
}
