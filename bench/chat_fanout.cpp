// A message to a 500-member room reaching all 500 connected clients: a real plein-server
// seeded with 500 people whose sessions are issued by `plein-server sessions issue` (no
// Argon2 check per connection), one room with all of them created by the first, 500
// connections on one thread (LoadClients) resumed and synced, then messages sent at a fixed
// rate by members in turn; for each, the time from sending until each session has it.
// Every session must get every message once: lost and duplicated are counted.
//
//     chat_fanout [--clients 500] [--messages 50] [--rate 5]
#include "BenchCommon.h"
#include "DeliveryTally.h"
#include "LoadClients.h"

#include "ServerProcess.h"
#include "model/Ids.h"
#include "protocol/ChatMessages.h"
#include "protocol/Envelope.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"
#include "seed/BulkSessions.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <vector>

using namespace plein;
using namespace plein::protocol;

using bench::frame;

namespace {
constexpr char Marker[] = "chatbench #";

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    bench::setProgramPaths();
    const QStringList args = app.arguments();
    const int n = int(bench::intArg(args, QStringLiteral("--clients"), 500));
    const int messages = int(bench::intArg(args, QStringLiteral("--messages"), 50));
    const int rate = int(bench::intArg(args, QStringLiteral("--rate"), 5));

    test::ServerProcess server;
    if (server.runCommand({QStringLiteral("seed"), QStringLiteral("--people"), QString::number(n), QStringLiteral("--posts"),
                           QStringLiteral("0")}, {}, nullptr, nullptr, 300000) != 0
        || server.runCommand({QStringLiteral("sessions"), QStringLiteral("issue")}) != 0)
        qFatal("seed failed");
    const auto sessions = server::BulkSessions::read(server.dataDir() + QStringLiteral("/issued-sessions.tsv"));
    if (sessions.size() < n)
        qFatal("only %lld sessions issued", qlonglong(sessions.size()));
    if (!server.start())
        qFatal("%s", qPrintable(server.errorString()));

    // Per connection: 0 resuming, 1 signed in, 2 syncing, 3 live.
    std::vector<quint8> state(size_t(n), 0);
    bench::DeliveryTally tally(Marker, n, messages);
    int signedIn = 0, ready = 0;
    bool roomMade = false;
    const QString room = ids::create();
    const QString roomOp = ids::create();

    bench::LoadClients load;
    load.setOnOpen([&](int c) {
        load.sendText(c, frame(type::AuthResume, encode(ResumeBody{sessions.at(c).token}), QStringLiteral("1")));
    });
    load.setOnText([&](int c, QByteArrayView text, qint64 now) {
        if (state[size_t(c)] == 3) {
            tally.scan(c, text, now);
            return;
        }
        const auto e = Envelope::decode(text.toByteArray());
        if (!e)
            return;
        if (e->type == QLatin1String(type::AuthOk) && state[size_t(c)] == 0) {
            state[size_t(c)] = 1;
            ++signedIn;
        } else if (e->re == roomOp) {
            roomMade = e->type == QLatin1String(type::Ack);
            if (!roomMade)
                qFatal("room not created: %s", text.toByteArray().constData());
        } else if (e->type == QLatin1String(type::SyncDone) && state[size_t(c)] == 2) {
            state[size_t(c)] = 3;
            ++ready;
        }
    });
    QElapsedTimer setup;
    setup.start();
    load.open(server.port(), n);
    if (!load.run([&] { return signedIn == n; }, 300000))
        qFatal("only %d of %d clients signed in", signedIn, n);
    qInfo("%d sessions resumed after %.1f s", n, setup.elapsed() / 1000.0);

    // One room with everyone, created by the first; then everyone syncs (and gets its snapshot).
    QStringList members;
    for (int i = 1; i < n; ++i)
        members.append(sessions.at(i).userId);
    load.sendText(0, frame(type::ChatRoomCreate, encode(ChatRoomCreateBody{room, QStringLiteral("Everyone"), false, members}),
                           {}, roomOp));
    if (!load.run([&] { return roomMade; }, 60000))
        qFatal("no answer to the room creation");
    const QByteArray sync = frame(type::Sync, encode(SyncBody{0}), QStringLiteral("2"));
    for (int i = 0; i < n; ++i) {
        state[size_t(i)] = 2;
        load.sendText(i, sync);
    }
    if (!load.run([&] { return ready == n; }, 300000))
        qFatal("only %d of %d clients synced", ready, n);
    load.run([] { return false; }, 1000);   // let the last snapshots settle
    qInfo("synced after %.1f s; sending %d messages, %d a second", setup.elapsed() / 1000.0, messages, rate);

    QElapsedTimer clock;
    clock.start();
    int next = 0;
    const qint64 expected = tally.expected();
    load.run([&] { return next >= messages && tally.delivered() >= expected; }, messages * 1000 / rate + 30000, [&] {
        while (next < messages && clock.elapsed() >= qint64(next) * 1000 / rate) {
            const QByteArray msg = frame(type::ChatSend,
                                         encode(ChatSendBody{ids::create(), room,
                                                             tally.text(next) + QStringLiteral(" end"), {}}),
                                         {}, ids::create());
            tally.sent(next, load.clock().nsecsElapsed());
            load.sendText(next % n, msg);
            ++next;
        }
    }, 2);
    load.run([] { return false; }, 500);   // late duplicates would come now
    const qint64 lost = tally.lost(), duplicated = tally.duplicated();
    const QList<double> &latencies = tally.latenciesMs();
    const double p50 = bench::percentile(latencies, 50), p99 = bench::percentile(latencies, 99),
                 max = bench::percentile(latencies, 100);
    bench::printTable(QStringLiteral("chat message to a %1-member room, %2 messages at %3/s").arg(n).arg(messages).arg(rate),
                      {{QStringLiteral("deliveries"), QStringLiteral("%1 of %2").arg(latencies.size()).arg(expected)},
                       {QStringLiteral("lost / duplicated"), QStringLiteral("%1 / %2").arg(lost).arg(duplicated)},
                       {QStringLiteral("p50"), QStringLiteral("%1 ms").arg(p50, 0, 'f', 1)},
                       {QStringLiteral("p99"), QStringLiteral("%1 ms (target < 100)").arg(p99, 0, 'f', 1)},
                       {QStringLiteral("max"), QStringLiteral("%1 ms").arg(max, 0, 'f', 1)},
                       {QStringLiteral("server RSS"), QStringLiteral("%1 MB").arg(bench::rssMb(server.pid()), 0, 'f', 1)}});
    bench::printJson(QStringLiteral("chat_fanout"), {{QStringLiteral("clients"), n},
                                                     {QStringLiteral("messages"), messages},
                                                     {QStringLiteral("rate_per_s"), rate},
                                                     {QStringLiteral("p50_ms"), qRound(p50 * 100) / 100.0},
                                                     {QStringLiteral("p99_ms"), qRound(p99 * 100) / 100.0},
                                                     {QStringLiteral("max_ms"), qRound(max * 100) / 100.0},
                                                     {QStringLiteral("lost"), double(lost)},
                                                     {QStringLiteral("duplicated"), double(duplicated)}});
    return 0;
}
