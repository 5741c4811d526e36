// group_fanout (issue 4): a post to a group of N members reaches every connected member.
// The data dir is prepared in-process before the server starts: N people, one session
// token each (so no Argon2 per connection), and one open group with all of them as members.
// Then N connections resume, sync (each gets the group's snapshot) and wait; one member
// posts in the group at a fixed rate and every delivery's latency (sent to received, one
// monotonic clock) is recorded. Prints p50/p99/max in ms and checks none lost.
//
//   group_fanout [--members 1000] [--posts 20] [--rate 5] [--threads 4]
#include "BenchCommon.h"

#include "Backend.h"
#include "ServerProcess.h"
#include "auth/Password.h"
#include "auth/Tokens.h"
#include "model/Ids.h"
#include "protocol/Envelope.h"
#include "protocol/GroupMessages.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

using namespace plein;

namespace {

constexpr char Marker[] = "group fanout #";

struct Shared
{
    QElapsedTimer clock;
    std::vector<std::atomic<qint64>> sentAt;
    std::atomic<int> ready{0};
    std::atomic<qint64> delivered{0};
    std::mutex lock;
    QList<double> latencies;
    explicit Shared(int posts) : sentAt(size_t(posts)) { clock.start(); }
};

void send(QWebSocket *ws, const char *type, const QJsonObject &body, const QString &id = {}, const QString &op = {})
{
    protocol::Envelope e;
    e.type = QLatin1String(type);
    e.id = id;
    e.op = op;
    e.body = body;
    ws->sendTextMessage(QString::fromUtf8(e.encode()));
}

// The connections of one thread.
class Shard : public QObject
{
public:
    Shard(Shared &shared, QUrl url, QStringList tokens) : m_shared(shared), m_url(std::move(url)), m_tokens(std::move(tokens)) {}
    void open()
    {
        for (const QString &token : std::as_const(m_tokens)) {
            auto *ws = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
            connect(ws, &QWebSocket::connected, ws, [ws, token] {
                send(ws, protocol::type::AuthResume, protocol::encode(protocol::ResumeBody{token}), QStringLiteral("1"));
                send(ws, protocol::type::Sync, protocol::encode(protocol::SyncBody{0}), QStringLiteral("2"));
            });
            connect(ws, &QWebSocket::textMessageReceived, ws, [this](const QString &text) {
                const qint64 now = m_shared.clock.nsecsElapsed();
                if (text.contains(QLatin1String("\"sync.done\""))) {
                    ++m_shared.ready;
                    return;
                }
                const int at = text.indexOf(QLatin1String(Marker));
                if (at < 0 || !text.contains(QLatin1String("\"changes\"")))
                    return;
                int n = 0;
                for (qsizetype i = at + qsizetype(qstrlen(Marker)); i < text.size() && text.at(i).isDigit(); ++i)
                    n = n * 10 + text.at(i).digitValue();
                if (n < 0 || size_t(n) >= m_shared.sentAt.size() || m_shared.sentAt[size_t(n)] == 0)
                    return;
                const double ms = (now - m_shared.sentAt[size_t(n)]) / 1e6;
                ++m_shared.delivered;
                std::lock_guard<std::mutex> g(m_shared.lock);
                m_shared.latencies.append(ms);
            });
            ws->open(m_url);
        }
    }

private:
    Shared &m_shared;
    QUrl m_url;
    QStringList m_tokens;
};

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    QTimer wake;
    wake.start(5);
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return done();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    bench::setProgramPaths();
    const QStringList args = app.arguments();
    const int members = int(bench::intArg(args, QStringLiteral("--members"), 1000));
    const int posts = int(bench::intArg(args, QStringLiteral("--posts"), 20));
    const int rate = int(bench::intArg(args, QStringLiteral("--rate"), 5));
    const int threads = int(bench::intArg(args, QStringLiteral("--threads"), 4));

    test::ServerProcess server;
    QStringList tokens;
    const QString group = ids::create();
    {
        server::Backend backend(QStringLiteral("group-fanout-prepare"));
        QString error;
        if (!backend.open(server.dataDir(), &error)) {
            qCritical("%s", qPrintable(error));
            return 1;
        }
        auto hash = server::password::hash(QStringLiteral("bench-password"));
        if (!hash)
            return 1;
        server::Transaction tx(backend.db);
        const qint64 now = ids::nowMs();
        const QString scope = protocol::scope::make(protocol::scope::GroupPrefix, group);
        for (int i = 0; i < members; ++i) {
            server::NewUser u;
            u.name = QStringLiteral("member%1").arg(i, 5, 10, QLatin1Char('0'));
            u.displayName = QStringLiteral("Member %1").arg(i);
            u.passwordHash = hash.value();
            auto p = backend.accounts.insertUser(u);
            if (!p)
                return 1;
            const QString token = server::tokens::create();
            backend.sessions.insert({server::tokens::hash(token), p->id, QStringLiteral("bench"), now,
                                     now + 24LL * 3600 * 1000, 0});
            tokens.append(token);
            if (i == 0) {
                server::Stmt g(backend.db, QStringLiteral("INSERT INTO groups (id, name, description, kind, visibility, creator,"
                                                  " created, seq) VALUES (?, 'Everyone', '', 'interest', 'open', ?, ?, 0)"));
                g.bind(group).bind(p->id).bind(now);
                g.exec();
            }
            backend.scopes.setMember(scope, p->id, QLatin1String(i == 0 ? protocol::scope::Owner : protocol::scope::MemberRole),
                                     {}, now);
        }
        if (!tx.commit())
            return 1;
    }
    if (!server.start()) {
        qCritical("%s", qPrintable(server.errorString()));
        return 1;
    }
    Shared shared(posts);
    std::vector<std::unique_ptr<QThread>> pool;
    std::vector<Shard *> shards;
    for (int t = 0; t < threads; ++t) {
        QStringList mine;
        for (int i = t; i < members; i += threads)
            mine.append(tokens.at(i));
        auto thread = std::make_unique<QThread>();
        auto *shard = new Shard(shared, server.url(), mine);
        shard->moveToThread(thread.get());
        QObject::connect(thread.get(), &QThread::finished, shard, &QObject::deleteLater);
        thread->start();
        QMetaObject::invokeMethod(shard, [shard] { shard->open(); });
        shards.push_back(shard);
        pool.push_back(std::move(thread));
    }
    if (!waitFor([&] { return shared.ready.load() >= members; }, 180000)) {
        qCritical("only %d of %d members in sync", shared.ready.load(), members);
        return 1;
    }
    // The sender: one more connection as member 0.
    QWebSocket sender;
    sender.open(server.url());
    waitFor([&] { return sender.state() == QAbstractSocket::ConnectedState; }, 10000);
    send(&sender, protocol::type::AuthResume, protocol::encode(protocol::ResumeBody{tokens.first()}), QStringLiteral("1"));
    QElapsedTimer run;
    run.start();
    for (int n = 0; n < posts; ++n) {
        waitFor([&] { return run.elapsed() >= n * 1000 / rate; }, 60000);
        shared.sentAt[size_t(n)] = shared.clock.nsecsElapsed();
        send(&sender, protocol::type::GroupPost,
             protocol::encode(protocol::GroupPostBody{ids::create(), group, QStringLiteral("%1%2 end").arg(QLatin1String(Marker)).arg(n)}),
             {}, ids::create());
    }
    const qint64 expected = qint64(posts) * members;
    waitFor([&] { return shared.delivered.load() >= expected; }, 60000);
    for (auto &t : pool) {
        t->quit();
        t->wait();
    }
    QList<double> lat;
    {
        std::lock_guard<std::mutex> g(shared.lock);
        lat = shared.latencies;
    }
    const double p99 = bench::percentile(lat, 99);
    bench::printTable(QStringLiteral("post to a %1-member group").arg(members),
                      {{QStringLiteral("deliveries"), QStringLiteral("%1 of %2").arg(lat.size()).arg(expected)},
                       {QStringLiteral("p50 ms"), QString::number(bench::median(lat), 'f', 1)},
                       {QStringLiteral("p99 ms"), QString::number(p99, 'f', 1)},
                       {QStringLiteral("max ms"), QString::number(bench::percentile(lat, 100), 'f', 1)}});
    bench::printJson(QStringLiteral("group_fanout"), {{QStringLiteral("members"), members},
                                                      {QStringLiteral("posts"), posts},
                                                      {QStringLiteral("delivered"), double(lat.size())},
                                                      {QStringLiteral("lost"), double(expected - lat.size())},
                                                      {QStringLiteral("p50_ms"), bench::median(lat)},
                                                      {QStringLiteral("p99_ms"), p99}});
    return lat.size() == expected && p99 < 100 ? 0 : 2;
}
