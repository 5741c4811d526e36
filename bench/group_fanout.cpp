// group_fanout (issue 4): a post to a group of N members reaches every connected member.
// The data dir is prepared in-process before the server starts: N people and one open
// group with all of them as members; their sessions are issued as `plein-server sessions
// issue` does (BulkSessions: no Argon2 per connection). Then N connections on one thread
// (LoadClients) resume, sync (each gets the group's snapshot) and wait; one member posts in
// the group at a fixed rate and every delivery's latency (sent to received, one monotonic
// clock) is recorded. Prints p50/p99/max in ms, lost and duplicated; one JSON line.
//
//   group_fanout [--members 1000] [--posts 20] [--rate 5]
#include "BenchCommon.h"
#include "DeliveryTally.h"
#include "LoadClients.h"

#include "Backend.h"
#include "ServerProcess.h"
#include "auth/Password.h"
#include "model/Ids.h"
#include "protocol/Envelope.h"
#include "protocol/GroupMessages.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"
#include "seed/BulkSessions.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>

#include <vector>

using namespace plein;

using bench::frame;

namespace {

constexpr char Marker[] = "group fanout #";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    bench::setProgramPaths();
    const QStringList args = app.arguments();
    const int members = int(bench::intArg(args, QStringLiteral("--members"), 1000));
    const int posts = int(bench::intArg(args, QStringLiteral("--posts"), 20));
    const int rate = int(bench::intArg(args, QStringLiteral("--rate"), 5));

    test::ServerProcess server;
    QList<server::BulkSessions::Issued> sessions;
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
        auto issued = server::BulkSessions::issue(backend, members, 24LL * 3600 * 1000, QStringLiteral("bench"));
        if (!issued || issued->size() != members)
            return 1;
        sessions = *issued;
    }
    if (!server.start()) {
        qCritical("%s", qPrintable(server.errorString()));
        return 1;
    }
    // The members' names sort as they were made, so member 0 (the owner) is the first.
    const int senderIndex = members;   // one more connection, as member 0
    std::vector<quint8> state(size_t(members) + 1, 0);   // 0 resuming and syncing, 1 live
    bench::DeliveryTally tally(Marker, members, posts);
    int ready = 0;
    bool senderReady = false;
    const QByteArray sync = frame(protocol::type::Sync, protocol::encode(protocol::SyncBody{0}), QStringLiteral("2"));
    bench::LoadClients load;
    load.setOnOpen([&](int c) {
        load.sendText(c, frame(protocol::type::AuthResume,
                               protocol::encode(protocol::ResumeBody{sessions.at(c == senderIndex ? 0 : c).token}),
                               QStringLiteral("1")));
        if (c != senderIndex)
            load.sendText(c, sync);
    });
    load.setOnText([&](int c, QByteArrayView text, qint64 now) {
        if (c == senderIndex) {
            senderReady = senderReady || text.contains("\"auth.ok\"");
            return;
        }
        if (state[size_t(c)] == 0) {
            if (text.contains("\"sync.done\"")) {
                state[size_t(c)] = 1;
                ++ready;
            }
            return;
        }
        tally.scan(c, text, now);
    });
    load.open(server.port(), members + 1);
    if (!load.run([&] { return ready >= members && senderReady; }, 180000)) {
        qCritical("only %d of %d members in sync", ready, members);
        return 1;
    }
    QElapsedTimer run;
    run.start();
    int next = 0;
    const qint64 expected = tally.expected();
    load.run([&] { return next >= posts && tally.delivered() >= expected; }, posts * 1000 / rate + 60000, [&] {
        while (next < posts && run.elapsed() >= qint64(next) * 1000 / rate) {
            const QByteArray post = frame(protocol::type::GroupPost,
                                          protocol::encode(protocol::GroupPostBody{
                                              ids::create(), group, tally.text(next) + QStringLiteral(" end")}),
                                          {}, ids::create());
            tally.sent(next, load.clock().nsecsElapsed());
            load.sendText(senderIndex, post);
            ++next;
        }
    }, 2);
    load.run([] { return false; }, 500);   // late duplicates would come now
    const qint64 lost = tally.lost(), duplicated = tally.duplicated();
    const QList<double> &lat = tally.latenciesMs();
    const double p99 = bench::percentile(lat, 99);
    bench::printTable(QStringLiteral("post to a %1-member group").arg(members),
                      {{QStringLiteral("deliveries"), QStringLiteral("%1 of %2").arg(lat.size()).arg(expected)},
                       {QStringLiteral("p50 ms"), QString::number(bench::median(lat), 'f', 1)},
                       {QStringLiteral("p99 ms"), QString::number(p99, 'f', 1)},
                       {QStringLiteral("max ms"), QString::number(bench::percentile(lat, 100), 'f', 1)},
                       {QStringLiteral("lost / duplicated"), QStringLiteral("%1 / %2").arg(lost).arg(duplicated)},
                       {QStringLiteral("server RSS"), QStringLiteral("%1 MB").arg(bench::rssMb(server.pid()), 0, 'f', 1)}});
    bench::printJson(QStringLiteral("group_fanout"), {{QStringLiteral("members"), members},
                                                      {QStringLiteral("posts"), posts},
                                                      {QStringLiteral("delivered"), double(lat.size())},
                                                      {QStringLiteral("lost"), double(lost)},
                                                      {QStringLiteral("duplicated"), double(duplicated)},
                                                      {QStringLiteral("p50_ms"), bench::median(lat)},
                                                      {QStringLiteral("p99_ms"), p99}});
    return lost == 0 && duplicated == 0 && p99 < 100 ? 0 : 2;
}
