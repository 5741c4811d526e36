// A message to a 500-member room reaching all 500 connected clients: a real plein-server
// seeded with 500 people, one room with all of them, 500 WebSocket sessions signed in and
// synced, then messages sent one at a time; for each, the time from sending until each
// session has it. Prints p50/p99/max over all deliveries.
//
//     chat_fanout [--clients 500] [--messages 40]
#include "ServerProcess.h"

#include "model/Ids.h"
#include "protocol/ChatMessages.h"
#include "protocol/Envelope.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>
#include <QWebSocket>

#include <algorithm>
#include <memory>
#include <vector>

using namespace plein;
using namespace plein::protocol;

namespace {
struct Client
{
    std::unique_ptr<QWebSocket> ws;
    QString userId;
    bool signedIn = false;
    bool synced = false;
    QHash<QString, qint64> got;   // message id -> ns on the clock
};

void send(QWebSocket &ws, const char *type, const QString &id, const QJsonObject &body, const QString &op = {})
{
    Envelope e;
    e.type = QLatin1String(type);
    e.id = id;
    e.op = op;
    e.body = body;
    ws.sendTextMessage(QString::fromUtf8(e.encode()));
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    QCommandLineOption clientsOpt(QStringLiteral("clients"), QStringLiteral("clients"), QStringLiteral("n"), QStringLiteral("500"));
    QCommandLineOption messagesOpt(QStringLiteral("messages"), QStringLiteral("messages"), QStringLiteral("n"), QStringLiteral("40"));
    parser.addOptions({clientsOpt, messagesOpt});
    parser.process(app);
    const int n = parser.value(clientsOpt).toInt();
    const int messages = parser.value(messagesOpt).toInt();

    test::ServerProcess server;
    if (server.runCommand({QStringLiteral("seed"), QStringLiteral("--people"), QString::number(n), QStringLiteral("--posts"),
                           QStringLiteral("0")}, {}, nullptr, nullptr, 300000) != 0)
        qFatal("seed failed");
    if (!server.start())
        qFatal("%s", qPrintable(server.errorString()));

    QElapsedTimer clock;
    clock.start();
    std::vector<Client> clients(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        Client &c = clients[size_t(i)];
        c.ws = std::make_unique<QWebSocket>();
        c.ws->setMaxAllowedIncomingMessageSize(64 * 1024 * 1024);
        QObject::connect(c.ws.get(), &QWebSocket::textMessageReceived, c.ws.get(), [&c, &clock](const QString &text) {
            auto e = Envelope::decode(text.toUtf8());
            if (!e)
                return;
            if (e->type == QLatin1String(type::AuthOk)) {
                c.signedIn = true;
                c.userId = e->body.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
            } else if (e->type == QLatin1String(type::SyncDone)) {
                c.synced = true;
            } else if (e->type == QLatin1String(type::Changes)) {
                auto b = decode<ChangesBody>(e->body);
                if (!b)
                    return;
                for (const Change &ch : b->changes)
                    if (ch.kind == QLatin1String(kind::ChatMessage))
                        c.got.insert(ch.id, clock.nsecsElapsed());
            }
        });
        const QString name = QStringLiteral("user%1").arg(i + 1, 5, 10, QLatin1Char('0'));
        QObject::connect(c.ws.get(), &QWebSocket::connected, c.ws.get(), [&c, name] {
            send(*c.ws, type::AuthLogin, ids::create(),
                 encode(LoginBody{name, QStringLiteral("plein-demo"), QStringLiteral("bench")}));
        });
        c.ws->open(server.url());
    }
    if (!QTest::qWaitFor([&] { return std::all_of(clients.cbegin(), clients.cend(), [](const Client &c) { return c.signedIn; }); },
                         600000))
        qFatal("not every client signed in");
    qInfo("%d clients signed in after %.1f s", n, clock.elapsed() / 1000.0);

    // One room with everyone, created by the first.
    QStringList members;
    for (int i = 1; i < n; ++i)
        members.append(clients.at(size_t(i)).userId);
    const QString room = ids::create();
    send(*clients[0].ws, type::ChatRoomCreate, {}, encode(ChatRoomCreateBody{room, QStringLiteral("Everyone"), false, members}),
         ids::create());
    for (Client &c : clients)
        send(*c.ws, type::Sync, ids::create(), encode(SyncBody{0}));
    if (!QTest::qWaitFor([&] { return std::all_of(clients.cbegin(), clients.cend(), [](const Client &c) { return c.synced; }); },
                         300000))
        qFatal("not every client synced");
    QTest::qWait(2000);   // room snapshots settle
    qInfo("synced; sending %d messages", messages);

    QList<double> latencies;
    for (int m = 0; m < messages; ++m) {
        const QString id = ids::create();
        const qint64 sent = clock.nsecsElapsed();
        send(*clients[size_t(m % n)].ws, type::ChatSend, {}, encode(ChatSendBody{id, room, QStringLiteral("Bericht %1").arg(m), {}}),
             ids::create());
        if (!QTest::qWaitFor([&] { return std::all_of(clients.cbegin(), clients.cend(), [&](const Client &c) { return c.got.contains(id); }); },
                             30000))
            qWarning("message %d did not reach everyone", m);
        for (const Client &c : clients)
            if (c.got.contains(id))
                latencies.append((c.got.value(id) - sent) / 1e6);
        QTest::qWait(50);
    }
    std::sort(latencies.begin(), latencies.end());
    auto pct = [&](double p) { return latencies.isEmpty() ? 0.0 : latencies.at(qMin(latencies.size() - 1, qsizetype(p * latencies.size()))); };
    qInfo("message to a %d-member room, %lld deliveries: p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 < 100 ms)", n,
          qlonglong(latencies.size()), pct(0.5), pct(0.99), latencies.isEmpty() ? 0.0 : latencies.last());
    return 0;
}
