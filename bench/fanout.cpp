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
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <atomic>
#include <memory>
#include <vector>

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

// What the shards share with the sender: when each post was sent (ns on one monotonic
// clock, 0 until sent) and how many connections are in sync.
struct Shared
{
    QElapsedTimer clock;
    std::vector<std::atomic<qint64>> sentAt;
    std::atomic<int> ready{0};
    std::atomic<qint64> delivered{0};
    explicit Shared(int posts) : sentAt(size_t(posts)) { clock.start(); }
};

// A share of the connections on a thread of its own: one event loop polling a thousand
// sockets spends its time in poll() itself, which would measure this process, not the server.
class Shard : public QObject
{
public:
    Shard(Shared &shared, QUrl url, QString token) : m_shared(shared), m_url(std::move(url)), m_token(std::move(token)) {}
    void open(int count);    // on the shard's thread
    void closeAll();         // on the shard's thread
    std::vector<std::unique_ptr<Receiver>> receivers;
    QList<double> latencies;

private:
    Shared &m_shared;
    QUrl m_url;
    QString m_token;
};

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    // Block in the event loop (a timer wakes it to check): processEvents with a time limit
    // returns at once when idle and would spin a core of this machine.
    QElapsedTimer t;
    t.start();
    QTimer wake;
    wake.start(5);
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
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

void Shard::open(int count)
{
    for (int i = 0; i < count; ++i) {
        auto r = std::make_unique<Receiver>();
        r->socket = std::make_unique<QWebSocket>();
        Receiver *rp = r.get();
        QWebSocket *ws = rp->socket.get();
        const QString token = m_token;
        QObject::connect(ws, &QWebSocket::connected, ws, [ws, token] {
            send(ws, protocol::type::AuthResume, protocol::encode(protocol::ResumeBody{token}), QStringLiteral("1"));
        });
        QObject::connect(ws, &QWebSocket::textMessageReceived, ws, [this, rp, ws](const QString &text) {
            const qint64 now = m_shared.clock.nsecsElapsed();
            auto e = protocol::Envelope::decode(text.toUtf8());
            if (!e)
                return;
            if (e->type == QLatin1String(protocol::type::AuthOk)) {
                send(ws, protocol::type::Sync, protocol::encode(protocol::SyncBody{0}), QStringLiteral("2"));
            } else if (e->type == QLatin1String(protocol::type::SyncDone)) {
                if (!rp->ready) {
                    rp->ready = true;
                    ++m_shared.ready;
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
                    if (++rp->seen[n] != 1 || n < 0 || size_t(n) >= m_shared.sentAt.size())
                        continue;
                    const qint64 sent = m_shared.sentAt[size_t(n)].load();
                    if (sent > 0)
                        latencies.append(double(now - sent) / 1e6);
                    ++m_shared.delivered;
                }
            }
        });
        ws->open(m_url);
        receivers.push_back(std::move(r));
        // Open in waves so that the server's accept queue is never pressed.
        if ((i + 1) % 25 == 0)
            QThread::msleep(20);
    }
}

void Shard::closeAll()
{
    for (const auto &r : receivers)
        r->socket->abort();
    for (auto &r : receivers)
        r->socket.reset();
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
    QWebSocket auth;
    const QString token = login(&auth, server.url(), QStringLiteral("user00001"));
    auth.close();
    if (token.isEmpty()) {
        fprintf(stderr, "sign-in failed\n");
        return run;
    }

    const int total = rate * seconds;
    Shared shared(total);
    const int shardCount = qBound(1, clients / 125, 8);
    std::vector<std::unique_ptr<QThread>> threads;
    std::vector<std::unique_ptr<Shard>> shards;
    for (int i = 0; i < shardCount; ++i) {
        auto thread = std::make_unique<QThread>();
        auto shard = std::make_unique<Shard>(shared, server.url(), token);
        shard->moveToThread(thread.get());
        thread->start();
        const int count = clients / shardCount + (i < clients % shardCount ? 1 : 0);
        QMetaObject::invokeMethod(shard.get(), [s = shard.get(), count] { s->open(count); });
        threads.push_back(std::move(thread));
        shards.push_back(std::move(shard));
    }
    auto ready = [&shared] { return shared.ready.load(); };
    if (!waitFor([&ready, clients] { return ready() == clients; }, 120000)) {
        run.connectFailures = clients - ready();
        fprintf(stderr, "  only %d of %d connections synced\n", ready(), clients);
    }
    fprintf(stderr, "  %d connections synced in %.1f s (%d threads); server RSS %.1f MB\n", ready(),
            double(shared.clock.elapsed()) / 1000.0, shardCount, bench::rssMb(server.pid()));

    // The sender: its own sign-in, then one post every 1000/rate ms.
    QWebSocket senderSocket;
    const QString senderToken = login(&senderSocket, server.url(), QStringLiteral("user00002"));
    if (senderToken.isEmpty()) {
        fprintf(stderr, "sender sign-in failed\n");
        return run;
    }
    QElapsedTimer runTimer;
    runTimer.start();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    int next = 0;
    double peakRss = 0;
    QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
        // Catch up on any ticks the timer missed, so the rate holds.
        while (next < total && runTimer.elapsed() >= qint64(next) * 1000 / rate) {
            shared.sentAt[size_t(next)].store(shared.clock.nsecsElapsed());
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
    waitFor([&] { return next >= total && shared.delivered.load() >= expected; }, seconds * 1000 + 30000);
    // Late duplicates would come now, if any.
    waitFor([] { return false; }, 500);
    run.seconds = double(runTimer.nsecsElapsed()) / 1e9;
    run.sent = next;
    peakRss = qMax(peakRss, bench::rssMb(server.pid()));
    run.serverRssMb = peakRss;
    for (auto &shard : shards) {
        QMetaObject::invokeMethod(shard.get(), [s = shard.get()] { s->closeAll(); }, Qt::BlockingQueuedConnection);
        run.latencies += shard->latencies;
        for (const auto &r : shard->receivers) {
            for (int n = 0; n < total; ++n) {
                const int times = r->seen.value(n);
                if (times == 0)
                    ++run.lost;
                else
                    run.duplicated += times - 1;
            }
        }
    }
    for (auto &t : threads) {
        t->quit();
        t->wait();
    }
    shards.clear();
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
