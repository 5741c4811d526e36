// End to end: real plein-server processes (killed and restarted on the same data dir and
// port) and client cores, several Sessions in one process, each with its own profile.
#include "ServerProcess.h"

#include "cache/LocalWriter.h"
#include "cache/Outbox.h"
#include "cache/Replica.h"
#include "model/Ids.h"
#include "models/CommentsModel.h"
#include "models/Roles.h"
#include "models/TimelineModel.h"
#include "protocol/Envelope.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"
#include "session/Session.h"
#include "session/SyncOnce.h"
#include "sync/SyncEngine.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

using namespace plein;
using namespace plein::client;

namespace {

const QString Password = QStringLiteral("correct horse battery");

// One client: a profile dir and a Session on it.
struct Client
{
    QTemporaryDir dir;
    std::unique_ptr<Session> session;
    QString token;
    Session *operator->() const { return session.get(); }
};

// A value from a session's replica through a connection of its own.
QVariant replicaValue(const QString &path, const QString &sql, const QVariantList &values = {})
{
    const QString name = Replica::uniqueConnectionName(QStringLiteral("probe"));
    QVariant v;
    {
        auto db = Replica::open(path, name, Replica::Access::ReadOnly);
        if (db) {
            QSqlQuery q(db.value());
            q.prepare(sql);
            for (const QVariant &value : values)
                q.addBindValue(value);
            if (q.exec() && q.next())
                v = q.value(0);
            else
                qWarning() << sql << q.lastError().text();
        }
    }
    Replica::close(name);
    return v;
}

qint64 count(const Client &c, const QString &sql, const QVariantList &values = {})
{
    return replicaValue(c->replicaPath(), sql, values).toLongLong();
}

// Counts log lines that report a rate_limited answer, then passes them on.
std::atomic<int> g_rateLimited{0};
QtMessageHandler g_previousHandler = nullptr;
void countingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.contains(QLatin1String("rate_limited")))
        ++g_rateLimited;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

bool isSignedIn(const Client &c)
{
    return c.session && c->connectionState() == Session::ConnectionState::Online;
}

} // namespace

class TestSyncE2E : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void postReachesAConnectedClientWithinASecond();
    void offlineWritesReachTheServerOnceInOrder();
    void crashRightAfterAnAckLosesAndDuplicatesNothing();
    void restartedClientReadsItsCacheWithoutAServer();
    void refusedWriteIsMarkedFailedAndTheRestGoOn();
    void signOutRevokesTheToken();
    void longQueueIsPacedUnderTheRateLimit();
    void rateLimitedWritesAreResentAndLandOnce();
    void syncOnceCommandLine();
    void syncOnceInProcess();

private:
    // Opens a session for user on c's profile and waits for its first sync.done.
    bool connectClient(Client &c, const QString &user, QString *why);
    QUrl url() const { return m_server->url(); }

    std::unique_ptr<test::ServerProcess> m_server;
};

void TestSyncE2E::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    g_previousHandler = qInstallMessageHandler(countingHandler);
    m_server = std::make_unique<test::ServerProcess>();
    for (const auto &[name, display] : {std::pair{"anna", "Anna de Vries"}, std::pair{"bram", "Bram Jansen"},
                                        std::pair{"cor", "Cor van Dijk"}, std::pair{"dirk", "Dirk Bakker"},
                                        std::pair{"emma", "Emma Visser"}})
        QVERIFY2(m_server->addUser(QLatin1String(name), Password, QLatin1String(display), QStringLiteral("employee"),
                                   QStringLiteral("Communicatie"), QStringLiteral("Adviseur")),
                 qPrintable(m_server->errorString()));
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
}

void TestSyncE2E::init()
{
    // A test that failed half-way may have left the server down.
    if (!m_server->isRunning())
        QVERIFY2(m_server->restart(), qPrintable(m_server->errorString()));
}

void TestSyncE2E::cleanupTestCase()
{
    m_server.reset();
}

bool TestSyncE2E::connectClient(Client &c, const QString &user, QString *why)
{
    c.session = std::make_unique<Session>(c.dir.path());
    if (!c.session->openAccount(url(), user, why))
        return false;
    QSignalSpy synced(c.session.get(), &Session::synced);
    QSignalSpy signedIn(c.session.get(), &Session::signedIn);
    QSignalSpy refused(c.session.get(), &Session::signInFailed);
    c.session->signIn(Password);
    QElapsedTimer t;
    t.start();
    while (synced.isEmpty() && refused.isEmpty() && t.elapsed() < 20000)
        synced.wait(200);
    if (!refused.isEmpty()) {
        *why = refused.first().at(1).toString();
        return false;
    }
    if (synced.isEmpty()) {
        *why = QStringLiteral("no sync.done within 20 s");
        return false;
    }
    c.token = signedIn.value(0).value(0).toString();
    return true;
}

void TestSyncE2E::postReachesAConnectedClientWithinASecond()
{
    Client a, b;
    QString why;
    QVERIFY2(connectClient(a, QStringLiteral("anna"), &why), qPrintable(why));
    QVERIFY2(connectClient(b, QStringLiteral("bram"), &why), qPrintable(why));
    QVERIFY(!a.token.isEmpty());
    QCOMPARE(a->currentUser().name, QStringLiteral("anna"));
    QCOMPARE(a->currentUser().displayName, QStringLiteral("Anna de Vries"));

    QElapsedTimer clock;
    clock.start();
    const QString id = a->createPost(QStringLiteral("Goedemorgen allemaal!"));
    QVERIFY(!id.isEmpty());
    QCOMPARE(a->timelineModel()->index(0).data(IdRole).toString(), id);
    QTRY_VERIFY_WITH_TIMEOUT(b->timelineModel()->rowOf(id) >= 0, 1000);
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    const int row = b->timelineModel()->rowOf(id);
    QCOMPARE(b->timelineModel()->index(row).data(AuthorNameRole).toString(), QStringLiteral("Anna de Vries"));
    QCOMPARE(b->timelineModel()->index(row).data(StateRole).value<ItemState>(), ItemState::Sent);
    QCOMPARE(count(b, QStringLiteral("SELECT count(*) FROM posts WHERE id = ?"), {id}), 1);
    // The author's own row settles as well.
    QTRY_COMPARE(a->timelineModel()->index(0).data(StateRole).value<ItemState>(), ItemState::Sent);
    QCOMPARE(a->pendingCount(), 0);

    // Comments and likes travel the same way, counts included.
    const QString comment = b->addComment(id, QStringLiteral("Goedemorgen!"));
    QVERIFY(!comment.isEmpty());
    b->setLiked(id, true);
    QTRY_COMPARE(a->timelineModel()->index(0).data(CommentCountRole).toInt(), 1);
    QTRY_COMPARE(a->timelineModel()->index(0).data(LikeCountRole).toInt(), 1);
    QCOMPARE(a->timelineModel()->index(0).data(LikedByMeRole).toBool(), false);
    QCOMPARE(b->timelineModel()->index(b->timelineModel()->rowOf(id)).data(LikedByMeRole).toBool(), true);
    QTRY_COMPARE(b->pendingCount(), 0);
    // The ack can beat the change that moves the cursor, so wait for both to catch up. Anna
    // also gets her own notifications (the comment and the like), so hers may be further.
    QTRY_VERIFY(a->cursor() >= b->cursor());
}

void TestSyncE2E::offlineWritesReachTheServerOnceInOrder()
{
    Client a, b;
    QString why;
    QVERIFY2(connectClient(a, QStringLiteral("anna"), &why), qPrintable(why));
    QVERIFY2(connectClient(b, QStringLiteral("bram"), &why), qPrintable(why));

    m_server->kill();
    QTRY_VERIFY_WITH_TIMEOUT(!isSignedIn(b), 5000);
    QSignalSpy pending(b.session.get(), &Session::pendingCountChanged);
    const QString p1 = b->createPost(QStringLiteral("offline een"));
    const QString p2 = b->createPost(QStringLiteral("offline twee"));
    const QString p3 = b->createPost(QStringLiteral("offline drie"));
    const QString c1 = b->addComment(p1, QStringLiteral("reactie, ook offline"));
    QVERIFY(!p1.isEmpty() && !p2.isEmpty() && !p3.isEmpty() && !c1.isEmpty());
    QCOMPARE(b->pendingCount(), 4);
    QCOMPARE(pending.last().first().toInt(), 4);
    QCOMPARE(b->timelineModel()->index(0).data(StateRole).value<ItemState>(), ItemState::Pending);

    // Same data dir, same port: the clients find it again on their own.
    QVERIFY2(m_server->restart(), qPrintable(m_server->errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(isSignedIn(b), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(b->pendingCount(), 0, 10000);
    for (const QString &id : {p1, p2, p3})
        QTRY_VERIFY_WITH_TIMEOUT(a->timelineModel()->rowOf(id) >= 0, 10000);
    QTRY_COMPARE(count(a, QStringLiteral("SELECT count(*) FROM comments WHERE id = ?"), {c1}), 1);
    // The ack empties the outbox; the model settles the row on its next refresh.
    QTRY_COMPARE(b->timelineModel()->index(b->timelineModel()->rowOf(p1)).data(StateRole).value<ItemState>(),
                 ItemState::Sent);

    // What the server holds, seen by a client syncing from nothing: each write once, in the
    // order it was made.
    Client fresh;
    QVERIFY2(connectClient(fresh, QStringLiteral("cor"), &why), qPrintable(why));
    for (const char *text : {"offline een", "offline twee", "offline drie"})
        QCOMPARE(count(fresh, QStringLiteral("SELECT count(*) FROM posts WHERE text = ?"), {QLatin1String(text)}), 1);
    QCOMPARE(count(fresh, QStringLiteral("SELECT count(*) FROM comments WHERE post_id = ?"), {p1}), 1);
    const auto seqOf = [&](const char *table, const QString &id) {
        return count(fresh, QStringLiteral("SELECT seq FROM %1 WHERE id = ?").arg(QLatin1String(table)), {id});
    };
    QVERIFY(seqOf("posts", p1) > 0);
    QVERIFY(seqOf("posts", p1) < seqOf("posts", p2));
    QVERIFY(seqOf("posts", p2) < seqOf("posts", p3));
    QVERIFY(seqOf("posts", p3) < seqOf("comments", c1));
    QCOMPARE(count(fresh, QStringLiteral("SELECT comment_count FROM posts WHERE id = ?"), {p1}), 1);
    QTRY_COMPARE(a->cursor(), fresh->cursor());
    QCOMPARE(count(a, QStringLiteral("SELECT count(*) FROM posts")),
             count(fresh, QStringLiteral("SELECT count(*) FROM posts")));
}

void TestSyncE2E::crashRightAfterAnAckLosesAndDuplicatesNothing()
{
    Client a;
    QString why;
    QVERIFY2(connectClient(a, QStringLiteral("anna"), &why), qPrintable(why));
    const qint64 postsBefore = count(a, QStringLiteral("SELECT count(*) FROM posts"));

    QSignalSpy acked(a.session.get(), &Session::writeAcked);
    const QString id = a->createPost(QStringLiteral("vlak voor de crash"));
    QVERIFY(acked.wait(5000));
    m_server->kill();  // SIGKILL right after the ack
    const QString op = acked.first().at(0).toString();
    QVERIFY(acked.first().at(1).toLongLong() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!isSignedIn(a), 5000);
    QTRY_COMPARE(a->timelineModel()->index(0).data(StateRole).value<ItemState>(), ItemState::Sent);
    const qint64 cursorBefore = a->cursor();

    // Had the ack been lost in the crash, the outbox would still hold the write and send it
    // again: put it back, as the same op with the same frame, to see the server answer it
    // without writing twice.
    {
        const QString name = Replica::uniqueConnectionName(QStringLiteral("replay"));
        {
            auto db = Replica::open(a->replicaPath(), name, Replica::Access::ReadWrite);
            QVERIFY(db.ok());
            protocol::Envelope e;
            e.type = QLatin1String(protocol::type::PostCreate);
            e.op = op;
            e.body = protocol::encode(protocol::PostCreateBody{id, QStringLiteral("vlak voor de crash")});
            QSqlQuery q(db.value());
            q.prepare(QStringLiteral("INSERT INTO outbox (op, type, entity_id, frame, state, created)"
                                     " VALUES (?, ?, ?, ?, 1, 0)"));
            q.addBindValue(op);
            q.addBindValue(e.type);
            q.addBindValue(id);
            q.addBindValue(QString::fromUtf8(e.encode()));
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        Replica::close(name);
    }
    QCOMPARE(a->pendingCount(), 1);

    QVERIFY2(m_server->restart(), qPrintable(m_server->errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(isSignedIn(a), 20000);  // resumes with its token
    QTRY_COMPARE_WITH_TIMEOUT(a->pendingCount(), 0, 10000);
    QCOMPARE(count(a, QStringLiteral("SELECT count(*) FROM outbox")), 0);

    // The post survived the crash, once, and a client syncing from nothing agrees.
    Client fresh;
    QVERIFY2(connectClient(fresh, QStringLiteral("dirk"), &why), qPrintable(why));
    QCOMPARE(count(fresh, QStringLiteral("SELECT count(*) FROM posts WHERE id = ?"), {id}), 1);
    QCOMPARE(count(fresh, QStringLiteral("SELECT count(*) FROM posts WHERE text = ?"),
                   {QStringLiteral("vlak voor de crash")}),
             1);
    // The resumed client went on from its cursor: nothing twice, nothing missing.
    QTRY_COMPARE(a->cursor(), fresh->cursor());
    QVERIFY(a->cursor() >= cursorBefore);
    QCOMPARE(count(a, QStringLiteral("SELECT count(*) FROM posts")), postsBefore + 1);
    QCOMPARE(count(a, QStringLiteral("SELECT count(*) FROM posts")),
             count(fresh, QStringLiteral("SELECT count(*) FROM posts")));
    QCOMPARE(count(a, QStringLiteral("SELECT count(*) FROM comments")),
             count(fresh, QStringLiteral("SELECT count(*) FROM comments")));
    QCOMPARE(count(a, QStringLiteral("SELECT count(*) FROM posts WHERE text = ?"),
                   {QStringLiteral("vlak voor de crash")}),
             1);
}

void TestSyncE2E::restartedClientReadsItsCacheWithoutAServer()
{
    Client a;
    QString why;
    QVERIFY2(connectClient(a, QStringLiteral("emma"), &why), qPrintable(why));
    const QString mine = a->createPost(QStringLiteral("nog even dit"));
    // Acknowledged, and its change (with the server's seq) applied.
    QTRY_COMPARE(count(a, QStringLiteral("SELECT count(*) FROM posts WHERE id = ? AND seq > 0"), {mine}), 1);
    QCOMPARE(a->pendingCount(), 0);
    const int rows = a->timelineModel()->rowCount();
    QVERIFY(rows > 1);
    QStringList ids;
    for (int i = 0; i < rows; ++i)
        ids.append(a->timelineModel()->index(i).data(IdRole).toString());
    const qint64 cursor = a->cursor();

    m_server->kill();
    a.session.reset();  // the client quits while the server is down...

    // ...and starts again with no server: the cached timeline is all there.
    a.session = std::make_unique<Session>(a.dir.path());
    QVERIFY(a->openAccount(url(), QStringLiteral("emma")));
    QCOMPARE(a->timelineModel()->rowCount(), rows);
    for (int i = 0; i < rows; ++i)
        QCOMPARE(a->timelineModel()->index(i).data(IdRole).toString(), ids.at(i));
    QCOMPARE(a->timelineModel()->index(0).data(IdRole).toString(), mine);
    QCOMPARE(a->cursor(), cursor);
    QCOMPARE(a->currentUser().name, QStringLiteral("emma"));
    // Trying to resume changes nothing while the server is away; writing still works.
    QSignalSpy unreachable(a.session.get(), &Session::connectionError);
    a->resume(a.token);
    QVERIFY(unreachable.wait(5000));
    QVERIFY(!isSignedIn(a));
    const QString offline = a->createPost(QStringLiteral("zonder server"));
    QCOMPARE(a->timelineModel()->index(0).data(IdRole).toString(), offline);
    QCOMPARE(a->timelineModel()->rowCount(), rows + 1);

    // When the server is back, the resumed session delivers the write.
    QVERIFY2(m_server->restart(), qPrintable(m_server->errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(a->pendingCount(), 0, 20000);
    QTRY_VERIFY(a->cursor() > cursor);
}

void TestSyncE2E::refusedWriteIsMarkedFailedAndTheRestGoOn()
{
    Client a;
    QString why;
    QVERIFY2(connectClient(a, QStringLiteral("anna"), &why), qPrintable(why));
    // A post only this replica knows (as if the server had lost it): a comment on it is
    // refused with not_found, for good.
    const QString ghost = ids::create();
    const QString name = Replica::uniqueConnectionName(QStringLiteral("ghost"));
    {
        auto db = Replica::open(a->replicaPath(), name, Replica::Access::ReadWrite);
        QVERIFY(db.ok());
        QSqlQuery q(db.value());
        q.prepare(QStringLiteral("INSERT INTO posts (id, author_id, text, created) VALUES (?, ?, 'spook', 1)"));
        q.addBindValue(ghost);
        q.addBindValue(a->currentUser().id);
        QVERIFY(q.exec());
    }
    Replica::close(name);
    QSignalSpy failed(a.session.get(), &Session::writeFailed);
    const QString comment = a->addComment(ghost, QStringLiteral("hallo?"));
    const QString after = a->createPost(QStringLiteral("na de mislukte reactie"));
    QVERIFY(!comment.isEmpty() && !after.isEmpty());
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().at(1).toString(), QStringLiteral("not_found"));
    QTRY_COMPARE(a->pendingCount(), 0);
    QCOMPARE(count(a, QStringLiteral("SELECT state FROM comments WHERE id = ?"), {comment}), 2);
    QVERIFY(!replicaValue(a->replicaPath(), QStringLiteral("SELECT error FROM comments WHERE id = ?"), {comment})
                 .toString()
                 .isEmpty());
    QCOMPARE(count(a, QStringLiteral("SELECT count(*) FROM outbox WHERE state = 2")), 1);
    // The write behind it was not held up.
    QTRY_COMPARE(count(a, QStringLiteral("SELECT count(*) FROM posts WHERE id = ? AND state = 0 AND seq > 0"), {after}),
                 1);
    a->commentsModel()->setPost(ghost);
    QCOMPARE(a->commentsModel()->rowCount(), 1);
    QCOMPARE(a->commentsModel()->index(0).data(StateRole).value<ItemState>(), ItemState::Failed);
    QVERIFY(!a->commentsModel()->index(0).data(ErrorRole).toString().isEmpty());
}

void TestSyncE2E::signOutRevokesTheToken()
{
    Client a;
    QString why;
    QVERIFY2(connectClient(a, QStringLiteral("emma"), &why), qPrintable(why));
    const QString token = a.token;
    a->signOut();
    QTRY_VERIFY(!isSignedIn(a));

    // The old token no longer opens a session; the session stops instead of retrying.
    QSignalSpy refused(a.session.get(), &Session::signInFailed);
    a->resume(token);
    QVERIFY(refused.wait(5000));
    QCOMPARE(refused.first().at(0).toString(), QStringLiteral("token_invalid"));
    QCOMPARE(a->connectionState(), Session::ConnectionState::Offline);
    // A password still does.
    QSignalSpy synced(a.session.get(), &Session::synced);
    a->signIn(Password);
    QVERIFY(synced.wait(5000));
}

void TestSyncE2E::longQueueIsPacedUnderTheRateLimit()
{
    Client b, a;
    QString why;
    QVERIFY2(connectClient(b, QStringLiteral("bram"), &why), qPrintable(why));
    QVERIFY2(connectClient(a, QStringLiteral("anna"), &why), qPrintable(why));
    b->disconnectFromServer();
    QTRY_VERIFY(!isSignedIn(b));
    // More than the server's burst minus the pace's: part of the queue waits for tokens.
    constexpr int Writes = SyncEngine::DefaultPaceBurst + 40;
    QStringList ids;
    for (int i = 0; i < Writes; ++i)
        ids.append(b->createPost(QStringLiteral("wachtrij %1").arg(i)));
    QCOMPARE(b->pendingCount(), Writes);
    g_rateLimited = 0;
    b->resume(b.token);
    QTRY_COMPARE_WITH_TIMEOUT(b->pendingCount(), 0, 20000);
    QCOMPARE(g_rateLimited.load(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(count(a, QStringLiteral("SELECT count(*) FROM posts WHERE text LIKE 'wachtrij %'")),
                              Writes, 10000);
    // In the order they were written.
    qint64 previous = 0;
    for (const QString &id : std::as_const(ids)) {
        const qint64 seq = count(a, QStringLiteral("SELECT seq FROM posts WHERE id = ?"), {id});
        QVERIFY(seq > previous);
        previous = seq;
    }
}

void TestSyncE2E::rateLimitedWritesAreResentAndLandOnce()
{
    // The engine without its pace and with a wide window, so that the server's limit
    // refuses part of a long queue.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("replica.sqlite"));
    SyncEngine engine;
    engine.setOutboxLimits(1000, 0, 1);
    engine.openReplica(path);
    QSignalSpy synced(&engine, &SyncEngine::synced);
    QSignalSpy failed(&engine, &SyncEngine::writeFailed);
    engine.connectWithPassword(url(), QStringLiteral("cor"), Password);
    QVERIFY(synced.wait(10000));

    constexpr int Writes = 480;  // the server's burst is 400
    const QString name = Replica::uniqueConnectionName(QStringLiteral("writer"));
    {
        auto db = Replica::open(path, name, Replica::Access::ReadWrite);
        QVERIFY(db.ok());
        LocalWriter writer(db.value());
        for (int i = 0; i < Writes; ++i)
            QVERIFY(writer.createPost(QStringLiteral("stapel %1").arg(i)).ok());
        g_rateLimited = 0;
        engine.kick();
        QTRY_COMPARE_WITH_TIMEOUT(Outbox::pendingCount(db.value()), 0, 30000);
        QCOMPARE(Outbox::failedCount(db.value()), 0);
    }
    Replica::close(name);
    QVERIFY(g_rateLimited.load() > 0);
    QCOMPARE(failed.count(), 0);
    engine.disconnectFromServer();

    Client fresh;
    QString why;
    QVERIFY2(connectClient(fresh, QStringLiteral("dirk"), &why), qPrintable(why));
    QCOMPARE(count(fresh, QStringLiteral("SELECT count(*) FROM posts WHERE text LIKE 'stapel %'")), Writes);
    QCOMPARE(count(fresh, QStringLiteral("SELECT count(DISTINCT text) FROM posts WHERE text LIKE 'stapel %'")), Writes);
}

void TestSyncE2E::syncOnceCommandLine()
{
    const QString bin = qEnvironmentVariable("PLEIN_CLIENT_BIN");
    if (bin.isEmpty() || !QFileInfo::exists(bin))
        QSKIP("PLEIN_CLIENT_BIN is not built; syncOnceInProcess covers the same code");
    QTemporaryDir profile;
    const auto run = [&](const QString &user, const QString &password, const QString &server, QByteArray *out,
                         QByteArray *err) {
        QProcess p;
        p.start(bin, {QStringLiteral("--sync-once"), QStringLiteral("--server"), server, QStringLiteral("--user"),
                      user, QStringLiteral("--password-stdin"), QStringLiteral("--profile"), profile.path()});
        p.write(password.toUtf8() + '\n');
        p.closeWriteChannel();
        if (!p.waitForFinished(40000)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        *out = p.readAllStandardOutput();
        *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    };
    // Something to sync: a post and a comment from a live session.
    Client writer;
    QString why;
    QVERIFY2(connectClient(writer, QStringLiteral("bram"), &why), qPrintable(why));
    const QString post = writer->createPost(QStringLiteral("voor de opdrachtregel"));
    QVERIFY(!writer->addComment(post, QStringLiteral("en een reactie")).isEmpty());
    QTRY_COMPARE(count(writer, QStringLiteral("SELECT count(*) FROM comments WHERE seq > 0 AND post_id = ?"), {post}),
                 1);

    QByteArray out, err;
    QCOMPARE(run(QStringLiteral("cor"), Password, url().toString(), &out, &err), 0);
    const QJsonObject summary = QJsonDocument::fromJson(out).object();
    for (const char *key : {"seq", "users", "posts", "comments", "pending"})
        QVERIFY2(summary.contains(QLatin1String(key)), out.constData());
    QCOMPARE(summary.value(QStringLiteral("seq")).toInteger(), writer->cursor());
    QCOMPARE(summary.value(QStringLiteral("users")).toInt(), 5);
    QCOMPARE(summary.value(QStringLiteral("posts")).toInteger(), count(writer, QStringLiteral("SELECT count(*) FROM posts")));
    QCOMPARE(summary.value(QStringLiteral("comments")).toInteger(),
             count(writer, QStringLiteral("SELECT count(*) FROM comments")));
    QCOMPARE(summary.value(QStringLiteral("pending")).toInt(), 0);

    QCOMPARE(run(QStringLiteral("cor"), QStringLiteral("wrong"), url().toString(), &out, &err), 2);
    QVERIFY(out.isEmpty());
    QCOMPARE(err.count('\n'), 1);
    QVERIFY(err.contains("auth_failed"));

    QElapsedTimer clock;
    clock.start();
    QVERIFY(run(QStringLiteral("cor"), Password, QStringLiteral("ws://127.0.0.1:1"), &out, &err) != 0);
    QCOMPARE(err.count('\n'), 1);
    QVERIFY(clock.elapsed() < 20000);
}

void TestSyncE2E::syncOnceInProcess()
{
    QTemporaryDir profile;
    const auto run = [&](const QString &password, const QString &server, QByteArray *out, QByteArray *err) {
        QByteArray input = password.toUtf8() + '\n';
        QBuffer in(&input), o(out), e(err);
        out->clear();
        err->clear();
        in.open(QIODevice::ReadOnly);
        o.open(QIODevice::WriteOnly);
        e.open(QIODevice::WriteOnly);
        return runSyncOnce({QStringLiteral("--sync-once"), QStringLiteral("--server"), server,
                            QStringLiteral("--user"), QStringLiteral("Dirk"), QStringLiteral("--password-stdin"),
                            QStringLiteral("--profile"), profile.path()},
                           &in, &o, &e);
    };
    QByteArray out, err;
    QCOMPARE(run(Password, url().toString(), &out, &err), 0);
    const QJsonObject first = QJsonDocument::fromJson(out).object();
    QVERIFY2(first.value(QStringLiteral("seq")).toInteger() > 0, out.constData());
    QCOMPARE(first.value(QStringLiteral("users")).toInt(), 5);
    QCOMPARE(first.value(QStringLiteral("pending")).toInt(), 0);

    // A second run writes nothing new and resumes from the stored cursor.
    QCOMPARE(run(Password, url().toString(), &out, &err), 0);
    QCOMPARE(QJsonDocument::fromJson(out).object().value(QStringLiteral("posts")), first.value(QStringLiteral("posts")));

    QCOMPARE(run(QStringLiteral("not the password"), url().toString(), &out, &err), 2);
    QVERIFY(out.isEmpty());
    QVERIFY2(err.startsWith("sign-in failed (auth_failed)") && err.count('\n') == 1, err.constData());

    QCOMPARE(run(Password, QStringLiteral("ws://127.0.0.1:1"), &out, &err), 3);
    QVERIFY2(err.startsWith("cannot reach") && err.count('\n') == 1, err.constData());
}

QTEST_GUILESS_MAIN(TestSyncE2E)
#include "TestSyncE2E.moc"
