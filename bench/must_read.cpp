// must_read (issue 4): publishing a company-wide must-read article to a large organisation.
// The data dir is prepared in-process before the server starts: `--people` people with a
// directory (BulkSeed, as `plein-server seed` makes it), person 1 an editor, sessions issued
// as `plein-server sessions issue` does. Then `--online` of them connect (LoadClients on
// one thread: resume, sync from the seeded head, wait), plus the editor and four probes
// that ping in turn, one ping about every 6 ms. The editor publishes `--articles` must-read
// articles to everyone, one after the other once every online person was told of the last.
//
// Prints, per article: publish latency (news.save sent to ack), the event-loop stall (the
// longest ping round trip while the article goes out, against the longest one before), and
// when the online people got the must-read notification (p50/p99/max after the send); at
// the end the notification rows the server holds. One JSON line.
//
// --plain publishes ordinary articles instead and waits for the article itself: the cost of
// the article's own fan-out, for comparison.
//
//   must_read [--people 10000] [--online 200] [--articles 3] [--plain]
#include "BenchCommon.h"
#include "LoadClients.h"

#include "Backend.h"
#include "ServerProcess.h"
#include "model/Ids.h"
#include "protocol/Envelope.h"
#include "protocol/NewsMessages.h"
#include "protocol/Protocol.h"
#include "seed/BulkSeed.h"
#include "seed/BulkSessions.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>

#include <vector>

using namespace plein;

using bench::frame;

namespace {

constexpr int Probes = 4;
constexpr int PingGapMs = 25;   // per probe: under the per-connection request budget

int countOf(QByteArrayView text, QByteArrayView what)
{
    int n = 0;
    for (qsizetype at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + what.size()))
        ++n;
    return n;
}

qint64 count(server::Backend &b, const QString &sql)
{
    server::Stmt s(b.db, sql);
    return (s.exec() && s.next()) ? s.value(0).toLongLong() : -1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    bench::setProgramPaths();
    const QStringList args = app.arguments();
    const int people = int(bench::intArg(args, QStringLiteral("--people"), 10000));
    const int online = qBound(1, int(bench::intArg(args, QStringLiteral("--online"), 200)), people - 1);
    const int articles = qMax(1, int(bench::intArg(args, QStringLiteral("--articles"), 3)));
    const bool plain = args.contains(QStringLiteral("--plain"));
    const QByteArray awaited = plain ? QByteArray("\"kind\":\"news\"") : QByteArray("\"kind\":\"must_read\"");

    test::ServerProcess server;
    QList<server::BulkSessions::Issued> sessions;
    qint64 head = 0;
    QElapsedTimer prep;
    prep.start();
    {
        server::Backend backend(QStringLiteral("must-read-prepare"));
        QString error;
        if (!backend.open(server.dataDir(), &error)) {
            qCritical("%s", qPrintable(error));
            return 1;
        }
        server::BulkSeedOptions o;
        o.people = people;
        o.posts = 0;
        server::BulkSeed seed(backend);
        auto report = seed.run(o);
        if (!report) {
            qCritical("seed: %s", qPrintable(report.error().message));
            return 1;
        }
        server::Stmt editor(backend.db, QStringLiteral("UPDATE users SET role = 'editor' WHERE name = 'user00001'"));
        if (!editor.exec())
            return 1;
        auto issued = server::BulkSessions::issue(backend, online + 1, 24LL * 3600 * 1000, QStringLiteral("bench"));
        if (!issued || issued->size() != online + 1)
            return 1;
        sessions = *issued;
        head = backend.log.head();
    }
    qInfo("prepared %d people in %.1f s", people, double(prep.elapsed()) / 1000);
    if (!server.start()) {
        qCritical("%s", qPrintable(server.errorString()));
        return 1;
    }

    // Connections: 0 the editor, 1..online the readers, then the probes (as the editor).
    const int editorConn = 0;
    const int firstProbe = online + 1;
    const int total = online + 1 + Probes;
    std::vector<quint8> synced(size_t(total), 0);
    std::vector<int> told(size_t(total), 0);   // must-read notifications seen per reader
    int ready = 0;
    int authed = 0;
    const QByteArray sync = frame(protocol::type::Sync, protocol::encode(protocol::SyncBody{head}), QStringLiteral("2"));
    bench::LoadClients load;
    // Per article: when it was sent, its ack, the readers told so far and their delays.
    qint64 sentAt = 0, ackAt = 0;
    int current = -1;
    int toldNow = 0;
    QList<double> delays;
    // Pings: one outstanding per probe; the longest round trip in the current window.
    std::vector<qint64> pingAt(size_t(Probes), 0);
    double worstRtt = 0;
    load.setOnOpen([&](int c) {
        const int who = c >= firstProbe ? 0 : c;
        load.sendText(c, frame(protocol::type::AuthResume, protocol::encode(protocol::ResumeBody{sessions.at(who).token}),
                               QStringLiteral("1")));
        if (c != editorConn && c < firstProbe)
            load.sendText(c, sync);
    });
    load.setOnText([&](int c, QByteArrayView text, qint64 now) {
        if (text.contains("\"auth.ok\"") && (c == editorConn || c >= firstProbe))
            ++authed;
        if (c >= firstProbe) {
            if (text.contains("\"pong\"") && pingAt[size_t(c - firstProbe)] > 0) {
                worstRtt = qMax(worstRtt, double(now - pingAt[size_t(c - firstProbe)]) / 1e6);
                pingAt[size_t(c - firstProbe)] = 0;
            }
            return;
        }
        if (c == editorConn) {
            if (text.contains("\"ack\"") && ackAt == 0)
                ackAt = now;
            return;
        }
        if (!synced[size_t(c)]) {
            if (text.contains("\"sync.done\"")) {
                synced[size_t(c)] = 1;
                ++ready;
            }
            return;
        }
        const int n = countOf(text, awaited);
        if (n > 0 && told[size_t(c)] <= current) {
            told[size_t(c)] += n;
            ++toldNow;
            delays.append(double(now - sentAt) / 1e6);
        }
    });
    load.open(server.port(), total);
    if (!load.run([&] { return ready >= online && authed >= 1 + Probes; }, 300000)) {
        qCritical("only %d of %d readers in sync", ready, online);
        return 1;
    }

    // Probes ping in turn, PingGapMs apart each, offset so one goes out every ~6 ms.
    QElapsedTimer clock;
    clock.start();
    int nextPing = 0;
    auto pinger = [&] {
        const qint64 slot = clock.elapsed() * Probes / PingGapMs;
        while (nextPing <= slot) {
            const int p = nextPing % Probes;
            if (pingAt[size_t(p)] == 0) {
                pingAt[size_t(p)] = load.clock().nsecsElapsed();
                load.sendText(firstProbe + p, frame(protocol::type::Ping, {}, QString::number(nextPing)));
            }
            ++nextPing;
        }
    };
    load.run([] { return false; }, 1000, pinger, 1);   // a quiet second for the baseline
    const double quietRtt = worstRtt;

    QList<double> publishMs, stallMs, p50s, p99s, lastMs;
    for (current = 0; current < articles; ++current) {
        worstRtt = 0;
        ackAt = 0;
        toldNow = 0;
        delays.clear();
        protocol::NewsSaveBody a;
        a.id = ids::create();
        a.title = QStringLiteral("Must read %1: the new travel policy").arg(current);
        a.text = QStringLiteral("Please read and confirm.");
        a.mustRead = !plain;
        sentAt = load.clock().nsecsElapsed();
        load.sendText(editorConn, frame(protocol::type::NewsSave, protocol::encode(a), {}, ids::create()));
        const bool all = load.run([&] { return ackAt > 0 && toldNow >= online; }, 120000, pinger, 1);
        load.run([] { return false; }, 300, pinger, 1);   // the tail of the work, and any duplicate
        if (!all)
            qWarning("article %d: %d of %d online readers told", current, toldNow, online);
        publishMs.append(ackAt > 0 ? double(ackAt - sentAt) / 1e6 : -1);
        stallMs.append(worstRtt);
        p50s.append(bench::median(delays));
        p99s.append(bench::percentile(delays, 99));
        lastMs.append(bench::percentile(delays, 100));
        qInfo("article %d: ack %.1f ms, longest ping %.1f ms, %d of %d told, p99 %.1f ms", current, publishMs.last(),
              worstRtt, toldNow, online, p99s.last());
    }
    int duplicated = 0, missing = 0;
    for (int c = 1; c <= online; ++c) {
        duplicated += qMax(0, told[size_t(c)] - articles);
        missing += qMax(0, articles - told[size_t(c)]);
    }
    const double serverRss = bench::rssMb(server.pid());
    load.closeAll();
    server.terminate();

    qint64 rows = -1, changes = -1;
    {
        server::Backend backend(QStringLiteral("must-read-count"));
        if (backend.open(server.dataDir())) {
            rows = count(backend, QStringLiteral("SELECT COUNT(*) FROM notifications WHERE kind = 'must_read'"));
            changes = count(backend, QStringLiteral("SELECT COUNT(*) FROM changes WHERE kind = 'notification'"));
        }
    }
    const auto ms = [](double v) { return QString::number(v, 'f', 1); };
    bench::printTable(QStringLiteral("%1 to everyone: %2 people, %3 online")
                          .arg(plain ? QStringLiteral("plain article") : QStringLiteral("must-read"))
                          .arg(people)
                          .arg(online),
                      {{QStringLiteral("publish ms (median / max)"),
                        ms(bench::median(publishMs)) + QStringLiteral(" / ") + ms(bench::percentile(publishMs, 100))},
                       {QStringLiteral("event-loop stall ms (longest ping, max)"), ms(bench::percentile(stallMs, 100))},
                       {QStringLiteral("longest ping when quiet ms"), ms(quietRtt)},
                       {QStringLiteral("online told p50 / p99 / last ms"),
                        ms(bench::median(p50s)) + QStringLiteral(" / ") + ms(bench::median(p99s)) + QStringLiteral(" / ")
                            + ms(bench::percentile(lastMs, 100))},
                       {QStringLiteral("missing / duplicated"), QStringLiteral("%1 / %2").arg(missing).arg(duplicated)},
                       {QStringLiteral("must-read rows after"), QString::number(rows)},
                       {QStringLiteral("notification changes after"), QString::number(changes)},
                       {QStringLiteral("server RSS"), QStringLiteral("%1 MB").arg(serverRss, 0, 'f', 1)}});
    bench::printJson(QStringLiteral("must_read"), {{QStringLiteral("people"), people},
                                                   {QStringLiteral("online"), online},
                                                   {QStringLiteral("articles"), articles},
                                                   {QStringLiteral("plain"), plain},
                                                   {QStringLiteral("publish_ms_median"), bench::median(publishMs)},
                                                   {QStringLiteral("publish_ms_max"), bench::percentile(publishMs, 100)},
                                                   {QStringLiteral("stall_ms_max"), bench::percentile(stallMs, 100)},
                                                   {QStringLiteral("quiet_ping_ms_max"), quietRtt},
                                                   {QStringLiteral("told_p99_ms"), bench::median(p99s)},
                                                   {QStringLiteral("missing"), missing},
                                                   {QStringLiteral("duplicated"), duplicated},
                                                   {QStringLiteral("must_read_rows"), double(rows)}});
    return missing == 0 && duplicated == 0 ? 0 : 2;
}
