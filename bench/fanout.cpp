// fanout: this load process opens N client connections on loopback (one sign-in, then
// auth.resume with its token on every connection, so the server does not run N Argon2
// checks), syncs each to sync.done, and one sender posts at a fixed rate. For every post
// and every connection the delivery latency (sent to received, same monotonic clock) is
// recorded; every delivered post is checked: none lost, none duplicated. One JSON line per N.
//
//   fanout [--clients 100,1000] [--rate 10] [--seconds 10]
#include "BenchCommon.h"

#include "ServerProcess.h"
#include "model/Ids.h"
#include "protocol/Envelope.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"
#include "seed/DemoSeed.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonObject>
#include <QTimer>
#include <QWebSocket>

#include <memory>

using namespace plein;

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

// One connection: resume, sync, then count live posts.
struct Receiver
{
    std::unique_ptr<QWebSocket> socket;
    bool ready = false;
    QHash<int, int> seen;   // post number -> times delivered
};

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return done();
}

void send(QWebSocket *ws, const char *type, const QJsonObject &body, const QString &id = {}, const QString &op = {})
{
    protocol::Envelope e;
    e.type = QLatin1String(type);
    e.id = id;
    e.op = op;
    e.body = body;
    ws->sendTextMessage(QString::fromUtf8(e.encode()));
}

// Signs in with the password on a new socket; returns the token (empty on failure).
QString login(QWebSocket *ws, const QUrl &url, const QString &user)
{
    QString token;
    QObject::connect(ws, &QWebSocket::textMessageReceived, ws, [&token](const QString &text) {
        auto e = protocol::Envelope::decode(text.toUtf8());
        if (e && e->type == QLatin1String(protocol::type::AuthOk)) {
            auto ok = protocol::decode<protocol::AuthOkBody>(e->body);
            if (ok)
                token = ok->token;
        }
    });
    ws->open(url);
    if (!waitFor([ws] { return ws->state() == QAbstractSocket::ConnectedState; }, 10000))
        return {};
    send(ws, protocol::type::AuthLogin,
         protocol::encode(protocol::LoginBody{user, QLatin1String(server::DemoSeed::DemoPassword), QStringLiteral("bench")}),
         QStringLiteral("1"));
    waitFor([&token] { return !token.isEmpty(); }, 30000);
    ws->disconnect();
    return token;
}

Run runOnce(int clients, int rate, int seconds)
{
    Run run;
    run.clients = clients;
    test::ServerProcess server;
    if (server.runCommand({QStringLiteral("seed"), QStringLiteral("--people"), QStringLiteral("2"),
                           QStringLiteral("--posts"), QStringLiteral("0")}) != 0
        || !server.start()) {
        fprintf(stderr, "server: %s\n", qPrintable(server.errorString()));
        return run;
    }
    QElapsedTimer clock;
    clock.start();
    QHash<int, qint64> sentAt;   // post number -> ns on `clock`

    QWebSocket auth;
    const QString token = login(&auth, server.url(), QStringLiteral("user00001"));
    auth.close();
    if (token.isEmpty()) {
        fprintf(stderr, "sign-in failed\n");
        return run;
    }

    std::vector<std::unique_ptr<Receiver>> receivers;
    receivers.reserve(size_t(clients));
    int ready = 0;
    for (int i = 0; i < clients; ++i) {
        auto r = std::make_unique<Receiver>();
        r->socket = std::make_unique<QWebSocket>();
        Receiver *rp = r.get();
        QWebSocket *ws = rp->socket.get();
        ws->setReadBufferSize(0);
        QObject::connect(ws, &QWebSocket::connected, ws, [ws, token] {
            send(ws, protocol::type::AuthResume, protocol::encode(protocol::ResumeBody{token}), QStringLiteral("1"));
        });
        QObject::connect(ws, &QWebSocket::textMessageReceived, ws, [rp, ws, &ready, &sentAt, &run, &clock](const QString &text) {
            const qint64 now = clock.nsecsElapsed();
            auto e = protocol::Envelope::decode(text.toUtf8());
            if (!e)
                return;
            if (e->type == QLatin1String(protocol::type::AuthOk)) {
                send(ws, protocol::type::Sync, protocol::encode(protocol::SyncBody{0}), QStringLiteral("2"));
            } else if (e->type == QLatin1String(protocol::type::SyncDone)) {
                if (!rp->ready) {
                    rp->ready = true;
                    ++ready;
                }
            } else if (e->type == QLatin1String(protocol::type::Changes) && e->re.isEmpty()) {
                auto body = protocol::decode<protocol::ChangesBody>(e->body);
                if (!body)
                    return;
                for (const protocol::Change &c : body->changes) {
                    if (c.kind != QLatin1String(protocol::kind::Post))
                        continue;
                    const QString text = c.data.value(QLatin1String("text")).toString();
                    if (!text.startsWith(QLatin1String(Marker)))
                        continue;
                    const int n = text.mid(int(qstrlen(Marker))).toInt();
                    if (++rp->seen[n] == 1 && sentAt.contains(n))
                        run.latencies.append(double(now - sentAt.value(n)) / 1e6);
                }
            }
        });
        ws->open(server.url());
        receivers.push_back(std::move(r));
        // Open in waves so that the accept queue and the sign-in timeout are never pressed.
        if ((i + 1) % 50 == 0)
            waitFor([&ready, i] { return ready >= i + 1 - 50; }, 30000);
    }
    if (!waitFor([&ready, clients] { return ready == clients; }, 120000)) {
        run.connectFailures = clients - ready;
        fprintf(stderr, "  only %d of %d connections synced\n", ready, clients);
    }
    fprintf(stderr, "  %d connections synced in %.1f s; server RSS %.1f MB\n", ready,
            double(clock.elapsed()) / 1000.0, bench::rssMb(server.pid()));

    // The sender: its own sign-in, then one post every 1000/rate ms.
    QWebSocket senderSocket;
    const QString senderToken = login(&senderSocket, server.url(), QStringLiteral("user00002"));
    if (senderToken.isEmpty()) {
        fprintf(stderr, "sender sign-in failed\n");
        return run;
    }
    const int total = rate * seconds;
    QElapsedTimer runTimer;
    runTimer.start();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    int next = 0;
    double peakRss = 0;
    QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
        // Catch up on any ticks the timer missed, so the rate holds.
        while (next < total && runTimer.elapsed() >= qint64(next) * 1000 / rate) {
            sentAt.insert(next, clock.nsecsElapsed());
            send(&senderSocket, protocol::type::PostCreate,
                 protocol::encode(protocol::PostCreateBody{ids::create(), QStringLiteral("%1%2").arg(QLatin1String(Marker)).arg(next)}),
                 {}, ids::create());
            ++next;
        }
        if (next % rate == 0)
            peakRss = qMax(peakRss, bench::rssMb(server.pid()));
        if (next >= total)
            tick.stop();
    });
    tick.start(qMax(1, 1000 / rate / 2));
    const qint64 expected = qint64(total) * clients;
    waitFor([&] { return next >= total && qint64(run.latencies.size()) >= expected; }, seconds * 1000 + 30000);
    // Late duplicates would come now, if any.
    waitFor([] { return false; }, 500);
    run.seconds = double(runTimer.nsecsElapsed()) / 1e9;
    run.sent = next;
    peakRss = qMax(peakRss, bench::rssMb(server.pid()));
    run.serverRssMb = peakRss;
    for (const auto &r : receivers) {
        for (int n = 0; n < total; ++n) {
            const int times = r->seen.value(n);
            if (times == 0)
                ++run.lost;
            else
                run.duplicated += times - 1;
        }
    }
    for (const auto &r : receivers)
        r->socket->abort();
    senderSocket.abort();
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
