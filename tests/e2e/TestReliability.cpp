// Reliability under load, against real plein-server processes killed with SIGKILL:
// - 20 clients write while the server is killed and restarted several times; afterwards every
//   acknowledged op is on the server exactly once, and every unacknowledged one arrives
//   exactly once from its outbox.
// - A real `plein --sync-once` killed during its initial sync of a large server resumes
//   without duplicate rows and ends with the same content as a client that synced in one go.
#include "ServerProcess.h"

#include "cache/Replica.h"
#include "session/Session.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <memory>

using namespace plein;
using namespace plein::client;

namespace {

const QString Password = QStringLiteral("plein-demo");   // plein-server seed's password

// Runs `sql` on a SQLite file through a connection of its own; every row as strings.
QList<QStringList> rows(const QString &path, const QString &sql)
{
    const QString name = Replica::uniqueConnectionName(QStringLiteral("probe"));
    QList<QStringList> out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            QSqlQuery q(db);
            if (!q.exec(sql))
                qWarning() << sql << q.lastError().text();
            while (q.next()) {
                QStringList row;
                for (int i = 0; i < q.record().count(); ++i)
                    row.append(q.value(i).toString());
                out.append(row);
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

qint64 scalar(const QString &path, const QString &sql)
{
    const auto r = rows(path, sql);
    return r.isEmpty() ? -1 : r.constFirst().value(0).toLongLong();
}

// The replica's content, in a fixed order, for comparing two clients.
QList<QStringList> content(const QString &replica)
{
    QList<QStringList> all;
    all += rows(replica, QStringLiteral("SELECT id, name, display_name, department, title FROM users ORDER BY id"));
    all += rows(replica, QStringLiteral("SELECT id, author_id, text, created, like_count, comment_count, state FROM posts ORDER BY id"));
    all += rows(replica, QStringLiteral("SELECT id, post_id, author_id, text, created, state FROM comments ORDER BY id"));
    all += rows(replica, QStringLiteral("SELECT post_id, user_id, liked FROM likes ORDER BY post_id, user_id"));
    return all;
}

} // namespace

class TestReliability : public QObject
{
    Q_OBJECT
private slots:
    void writersSurviveServerKills();
    void killedInitialSyncResumes();
};

void TestReliability::writersSurviveServerKills()
{
    constexpr int Clients = 20;
    constexpr int Rounds = 3;
    constexpr int PerRound = 4;
    test::ServerProcess server;
    QCOMPARE(server.runCommand({QStringLiteral("seed"), QStringLiteral("--people"), QString::number(Clients),
                                QStringLiteral("--posts"), QStringLiteral("0")}),
             0);
    QVERIFY2(server.start(), qPrintable(server.errorString()));

    std::vector<std::unique_ptr<QTemporaryDir>> dirs;
    std::vector<std::unique_ptr<Session>> sessions;
    QSet<QString> acked;      // ops the server acknowledged
    int ackCount = 0;
    int synced = 0;
    for (int i = 0; i < Clients; ++i) {
        dirs.push_back(std::make_unique<QTemporaryDir>());
        auto s = std::make_unique<Session>(dirs.back()->path());
        QVERIFY(s->openAccount(server.url(), QStringLiteral("user%1").arg(i + 1, 5, 10, QLatin1Char('0'))));
        connect(s.get(), &Session::writeAcked, this, [&acked, &ackCount](const QString &op) {
            acked.insert(op);
            ++ackCount;
        });
        connect(s.get(), &Session::synced, this, [&synced] { ++synced; });
        s->signIn(Password);
        sessions.push_back(std::move(s));
    }
    QTRY_VERIFY_WITH_TIMEOUT(synced >= Clients, 30000);

    // Each round: every client writes, and the server is killed while the writes are in
    // flight (some acknowledged, some not), then comes back on the same port.
    QSet<QString> written;
    for (int round = 0; round < Rounds; ++round) {
        for (int k = 0; k < PerRound; ++k) {
            for (int i = 0; i < Clients; ++i) {
                const QString id = sessions[size_t(i)]->createPost(QStringLiteral("reliability r%1 c%2 n%3").arg(round).arg(i).arg(k));
                QVERIFY(!id.isEmpty());
                written.insert(id);
            }
            QTest::qWait(15);
        }
        const int ackedBefore = ackCount;
        server.kill();
        qInfo("round %d: server killed with %d of %lld writes acknowledged", round, ackedBefore, qint64(written.size()));
        QVERIFY2(server.restart(), qPrintable(server.errorString()));
    }
    // Every outbox drains: each client resends what was not acknowledged.
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(sessions.begin(), sessions.end(), [](const auto &s) { return s->pendingCount() == 0; }),
                             45000);
    QCOMPARE(ackCount, int(written.size()));   // one ack per write, none repeated
    QCOMPARE(acked.size(), written.size());
    for (auto &s : sessions)
        s->disconnectFromServer();
    QVERIFY(server.terminate());

    const QString db = QDir(server.dataDir()).filePath(QStringLiteral("plein.sqlite"));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM posts WHERE text LIKE 'reliability %'")), qint64(written.size()));
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(DISTINCT text) FROM posts WHERE text LIKE 'reliability %'")),
             qint64(written.size()));
    // One change in the log per post: nothing applied twice.
    QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM (SELECT entity FROM changes WHERE kind = 'post'"
                                       " GROUP BY entity HAVING count(*) > 1)")),
             0);
    for (const auto &r : rows(db, QStringLiteral("SELECT id FROM posts WHERE text LIKE 'reliability %'")))
        QVERIFY(written.contains(r.value(0)));
    // And every client holds all of them, settled.
    for (const auto &s : sessions) {
        QCOMPARE(scalar(s->replicaPath(), QStringLiteral("SELECT count(*) FROM posts WHERE text LIKE 'reliability %' AND state = 0")),
                 qint64(written.size()));
    }
}

void TestReliability::killedInitialSyncResumes()
{
    test::ServerProcess server;
    QByteArray seeded;
    QCOMPARE(server.runCommand({QStringLiteral("seed"), QStringLiteral("--people"), QStringLiteral("300"),
                                QStringLiteral("--posts"), QStringLiteral("12000"), QStringLiteral("--comments"),
                                QStringLiteral("12000"), QStringLiteral("--likes"), QStringLiteral("6000")},
                               {}, &seeded, nullptr, 120000),
             0);
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    // The directory adds a profile change per person and one per endorsement.
    const auto printed = [&seeded](const char *what) {
        const auto m = QRegularExpression(QStringLiteral("(\\d+) %1").arg(QLatin1String(what)))
                           .match(QString::fromUtf8(seeded));
        return m.hasMatch() ? m.captured(1).toLongLong() : -1;
    };
    QCOMPARE(printed("profiles"), 300);
    QVERIFY(printed("endorsements") > 0);
    const qint64 head = 300 + 12000 + 12000 + 6000 + printed("profiles") + printed("endorsements");
    const QString user = QStringLiteral("user00001");

    auto syncOnce = [&](const QString &profile) {
        auto p = std::make_unique<QProcess>();
        p->start(qEnvironmentVariable("PLEIN_CLIENT_BIN"),
                 {QStringLiteral("--sync-once"), QStringLiteral("--server"), server.url().toString(), QStringLiteral("--user"),
                  user, QStringLiteral("--password-stdin"), QStringLiteral("--profile"), profile});
        p->write(Password.toUtf8() + '\n');
        p->closeWriteChannel();
        return p;
    };

    QTemporaryDir killed;
    const QString replica = Replica::pathFor(killed.path(), server.url(), user);
    {
        auto first = syncOnce(killed.path());
        QVERIFY(first->waitForStarted());
        // Kill it once some batches are in, long before the end.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(replica)
                                     && scalar(replica, QStringLiteral("SELECT value FROM meta WHERE key = 'cursor'")) > 2000,
                                 60000);
        ::kill(pid_t(first->processId()), SIGKILL);
        QVERIFY(first->waitForFinished(10000));
        QCOMPARE(first->exitStatus(), QProcess::CrashExit);
    }
    const qint64 at = scalar(replica, QStringLiteral("SELECT value FROM meta WHERE key = 'cursor'"));
    qInfo("killed at cursor %lld of %lld", at, head);
    QVERIFY(at > 0 && at < head);

    // The same profile again: it resumes from its cursor.
    auto second = syncOnce(killed.path());
    QVERIFY(second->waitForFinished(90000));
    QVERIFY2(second->exitCode() == 0, second->readAllStandardError().constData());
    // A fresh profile in one go.
    QTemporaryDir fresh;
    auto whole = syncOnce(fresh.path());
    QVERIFY(whole->waitForFinished(90000));
    QVERIFY2(whole->exitCode() == 0, whole->readAllStandardError().constData());
    const QString freshReplica = Replica::pathFor(fresh.path(), server.url(), user);

    QCOMPARE(scalar(replica, QStringLiteral("SELECT value FROM meta WHERE key = 'cursor'")), head);
    QCOMPARE(scalar(replica, QStringLiteral("SELECT count(*) FROM posts")), 12000);
    QCOMPARE(scalar(replica, QStringLiteral("SELECT count(*) FROM comments")), 12000);
    // Counts kept on the post rows agree with the rows: no comment or like counted twice.
    QCOMPARE(scalar(replica, QStringLiteral("SELECT sum(comment_count) FROM posts")), 12000);
    QCOMPARE(scalar(replica, QStringLiteral("SELECT sum(like_count) FROM posts")),
             scalar(replica, QStringLiteral("SELECT count(*) FROM likes WHERE liked = 1")));
    const auto a = content(replica);
    const auto b = content(freshReplica);
    QCOMPARE(a.size(), b.size());
    QVERIFY(a == b);
}

QTEST_GUILESS_MAIN(TestReliability)
#include "TestReliability.moc"
