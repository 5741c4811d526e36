// Sync streaming: batches, sync.done, the live stream continuing with no gap and no
// duplicate, audiences, flow control, and a 200,000-change sync through a real
// WebSocketServer that does not stall other connections.
#include "Backend.h"
#include "model/Ids.h"
#include "net/WebSocketServer.h"
#include "protocol/Envelope.h"
#include "protocol/Limits.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"
#include "store/Database.h"
#include "sync/SyncStream.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace plein;
using namespace plein::server;
using namespace plein::protocol;

namespace {
int g_connection = 0;

QString s(const char *c)
{
    return QLatin1String(c);
}

// Collects what a stream sends; its "socket buffer" is whatever the test says.
class FakeSink : public FrameSink
{
public:
    void sendFrame(const Envelope &frame) override { frames.append(frame); }
    qint64 bufferedBytes() const override { return buffered; }

    QList<Change> changes() const
    {
        QList<Change> out;
        for (const Envelope &e : frames) {
            if (e.type == s(type::Changes))
                out += decode<ChangesBody>(e.body).value().changes;
        }
        return out;
    }
    bool done() const
    {
        return std::any_of(frames.cbegin(), frames.cend(), [](const Envelope &e) { return e.type == s(type::SyncDone); });
    }

    QList<Envelope> frames;
    qint64 buffered = 0;
};

void appendChanges(Backend &b, int n, const QString &audience = QStringLiteral("org"))
{
    QVERIFY(b.db.begin());
    for (int i = 0; i < n; ++i) {
        const Post p{ids::create(), QStringLiteral("author"), QStringLiteral("bulk %1").arg(i), 1000 + i};
        QVERIFY(b.log.append({audience, s(kind::Post), p.id, {}, false, encode(p)}, p.created) > 0);
    }
    QVERIFY(b.db.commit());
}
} // namespace

class TestSyncStream : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void batchesThenDoneThenLive();
    void largeChangesSplitUnderTheMessageLimit();
    void memberListOverTheLimitStillGoes();
    void startsAfterTheCursor();
    void onlyVisibleAudiences();
    void waitsForTheSocketToDrain();
    void hugeSyncOverWebSocket();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Backend> m_backend;
};

void TestSyncStream::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_backend = std::make_unique<Backend>(QStringLiteral("test-sync-%1").arg(++g_connection));
    QString error;
    QVERIFY2(m_backend->open(m_dir->path(), &error), qPrintable(error));
}

void TestSyncStream::cleanup()
{
    m_backend.reset();
}

void TestSyncStream::batchesThenDoneThenLive()
{
    Backend &b = *m_backend;
    appendChanges(b, 1234);
    FakeSink sink;
    SyncStream stream(b.log, b.hub, sink, {s(audience::Org)});
    stream.start(QStringLiteral("s1"), 0);
    QTRY_VERIFY(sink.done());
    QCOMPARE(sink.frames.size(), 4);   // 500 + 500 + 234, then sync.done
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(sink.frames.at(i).type, s(type::Changes));
        QCOMPARE(sink.frames.at(i).re, QStringLiteral("s1"));
        QVERIFY(decode<ChangesBody>(sink.frames.at(i).body)->changes.size() <= limits::SyncBatchSize);
    }
    QCOMPARE(decode<SyncDoneBody>(sink.frames.at(3).body)->head, 1234);
    QCOMPARE(sink.frames.at(3).re, QStringLiteral("s1"));
    QCOMPARE(stream.phase(), SyncStream::Phase::Live);

    // Live: new changes are pushed without re, continuing right after the head.
    appendChanges(b, 3);
    b.hub.publish();
    QTRY_COMPARE(sink.changes().size(), 1237);
    QVERIFY(sink.frames.constLast().re.isEmpty());
    const auto all = sink.changes();
    for (qsizetype i = 0; i < all.size(); ++i)
        QCOMPARE(all.at(i).seq, i + 1);
    // Waking with nothing new sends nothing.
    const qsizetype before = sink.frames.size();
    b.hub.publish();
    QTest::qWait(20);   // a zero timer would have fired by now; nothing may have been sent
    QCOMPARE(sink.frames.size(), before);
}

void TestSyncStream::largeChangesSplitUnderTheMessageLimit()
{
    // 500 posts of 2,000 characters make one batch of about 1 MB: the peer refuses any
    // message over limits::MaxMessageBytes, so the batch must go as several frames.
    Backend &b = *m_backend;
    const auto appendLarge = [&b](int n, int from) {
        QVERIFY(b.db.begin());
        for (int i = 0; i < n; ++i) {
            const Post p{ids::create(), QStringLiteral("author"),
                         QStringLiteral("%1 ").arg(from + i) + QString(2000, QChar(u'é')), 1000 + from + i};
            QVERIFY(b.log.append({s(audience::Org), s(kind::Post), p.id, {}, false, encode(p)}, p.created) > 0);
        }
        QVERIFY(b.db.commit());
    };
    appendLarge(700, 0);
    FakeSink sink;
    SyncStream stream(b.log, b.hub, sink, {s(audience::Org)});
    stream.start(QStringLiteral("s1"), 0);
    QTRY_VERIFY(sink.done());
    // Live too: a burst of large changes committed together.
    appendLarge(300, 700);
    b.hub.publish();
    QTRY_COMPARE(sink.changes().size(), 1000);
    qsizetype changesFrames = 0;
    for (const Envelope &e : std::as_const(sink.frames)) {
        QVERIFY2(e.encode().size() <= limits::MaxMessageBytes, qPrintable(QString::number(e.encode().size())));
        changesFrames += e.type == s(type::Changes) ? 1 : 0;
    }
    QVERIFY(changesFrames > 4);   // more frames than 500-change batches alone would make
    const auto all = sink.changes();
    for (qsizetype i = 0; i < all.size(); ++i)
        QCOMPARE(all.at(i).seq, i + 1);   // in order, none lost, none twice
}

void TestSyncStream::memberListOverTheLimitStillGoes()
{
    // A group's newest page carries its whole member list. 3,000 members are over the
    // message budget on their own: the content shrinks to one item and the frame still goes
    // (shrinking on the whole page's count had looped forever, the server stuck at 100 % CPU).
    Backend &b = *m_backend;
    const QString scope = QStringLiteral("group:") + ids::create();
    constexpr int Members = 3000;
    QVERIFY(b.db.begin());
    for (int i = 0; i < Members; ++i) {
        const QString id = QStringLiteral("member%1").arg(i, 5, 10, QLatin1Char('0'));
        Stmt user(b.db, QStringLiteral("INSERT INTO users (id, name, display_name, role, password_hash, created)"
                                       " VALUES (?, ?, ?, 'employee', 'x', 0)"));
        user.bind(id).bind(id).bind(id);
        QVERIFY(user.exec());
        QVERIFY(b.scopes.setMember(scope, id, s(scope::MemberRole), QStringLiteral("op%1").arg(i), 1000 + i));
    }
    QVERIFY(b.db.commit());
    int asked = 0;
    b.scopes.addPager(QStringLiteral("group"), [&asked](const QString &sc, qint64, int limit) {
        ++asked;
        ScopePage page;
        for (int i = 0; i < limit; ++i) {
            const Post p{QStringLiteral("p%1").arg(i), QStringLiteral("author"), QString(3000, QChar(u'x')), 1000 + i};
            page.changes.append(Change{i + 1, s(kind::Post), p.id, {}, false, encode(p)});
        }
        Q_UNUSED(sc);
        page.more = true;
        return page;
    });
    QElapsedTimer t;
    t.start();
    const QByteArray frame = b.scopes.pageFrame(type::ScopeSnapshot, {}, scope, 0, scope::SnapshotSize);
    QVERIFY2(t.elapsed() < 10000, "pageFrame took too long");
    QVERIFY(asked < 20);   // the content halves a few times, it is not retried without end
    QVERIFY(frame.size() > limits::MaxMessageBytes);   // the members alone are over the budget
    auto env = Envelope::decode(frame, qint64(64) * 1024 * 1024);   // what a client reads
    QVERIFY(env);
    const auto body = decode<ScopePageBody>(env->body);
    QVERIFY(body);
    qsizetype members = 0, content = 0;
    for (const Change &c : body->changes)
        (c.kind == s(kind::Member) ? members : content) += 1;
    QCOMPARE(members, Members);
    QCOMPARE(content, 1);
    QVERIFY(body->more);
}

void TestSyncStream::startsAfterTheCursor()
{
    Backend &b = *m_backend;
    appendChanges(b, 700);
    FakeSink sink;
    SyncStream stream(b.log, b.hub, sink, {s(audience::Org)});
    stream.start(QStringLiteral("s"), 650);
    QTRY_VERIFY(sink.done());
    const auto got = sink.changes();
    QCOMPARE(got.size(), 50);
    QCOMPARE(got.constFirst().seq, 651);
    // A cursor at the head gets just sync.done.
    FakeSink idle;
    SyncStream upToDate(b.log, b.hub, idle, {s(audience::Org)});
    upToDate.start(QStringLiteral("t"), 700);
    QTRY_VERIFY(idle.done());
    QCOMPARE(idle.frames.size(), 1);
    QCOMPARE(decode<SyncDoneBody>(idle.frames.constFirst().body)->head, 700);
}

void TestSyncStream::onlyVisibleAudiences()
{
    Backend &b = *m_backend;
    const QString me = audience::user(QStringLiteral("me"));
    appendChanges(b, 10);
    appendChanges(b, 10, audience::user(QStringLiteral("someone-else")));
    appendChanges(b, 10, me);
    FakeSink sink;
    SyncStream stream(b.log, b.hub, sink, {s(audience::Org), me});
    stream.start({}, 0);
    QTRY_VERIFY(sink.done());
    QCOMPARE(sink.changes().size(), 20);
    // The head covers the invisible ones too, so live pushes do not re-read them.
    QCOMPARE(decode<SyncDoneBody>(sink.frames.constLast().body)->head, 30);
    appendChanges(b, 5, audience::user(QStringLiteral("someone-else")));
    appendChanges(b, 1);
    b.hub.publish();
    QTRY_COMPARE(sink.changes().size(), 21);
    QCOMPARE(sink.changes().constLast().seq, 36);
}

void TestSyncStream::waitsForTheSocketToDrain()
{
    Backend &b = *m_backend;
    appendChanges(b, 2000);
    FakeSink sink;
    SyncStream stream(b.log, b.hub, sink, {s(audience::Org)});
    stream.start(QStringLiteral("s"), 0);
    QTRY_COMPARE(sink.frames.size(), 1);
    // The socket is "full": no further batch until it drains.
    sink.buffered = SyncStream::HighWaterBytes + 1;
    QTest::qWait(50);
    QVERIFY(sink.frames.size() <= 2);
    const qsizetype held = sink.frames.size();
    QTest::qWait(50);
    QCOMPARE(sink.frames.size(), held);
    sink.buffered = 0;
    stream.drained();
    QTRY_VERIFY(sink.done());
    QCOMPARE(sink.changes().size(), 2000);
}

void TestSyncStream::hugeSyncOverWebSocket()
{
    Backend &b = *m_backend;
    constexpr int Total = 200000;
    QElapsedTimer t;
    t.start();
    NewUser u;
    u.name = QStringLiteral("anna");
    u.displayName = QStringLiteral("Anna de Vries");
    u.password = QStringLiteral("pw");
    QVERIFY(b.accounts.addUser(u).ok());
    u.name = QStringLiteral("bob");
    QVERIFY(b.accounts.addUser(u).ok());
    appendChanges(b, Total);
    qInfo("wrote %d changes in %lld ms", Total, t.elapsed());

    WebSocketServer server(b);
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const QUrl url(server.url());

    // Two clients in this thread: `big` syncs everything, `small` pings all the while.
    QWebSocket big, small;
    qint64 received = 0, lastSeq = 0, head = -1;
    bool inOrder = true;
    int signedIn = 0;
    QString bigOp;
    int bigOpSeen = 0;
    connect(&big, &QWebSocket::textMessageReceived, this, [&](const QString &m) {
        const auto e = Envelope::decode(m.toUtf8()).value();
        if (e.type == s(type::Changes)) {
            const auto body = decode<ChangesBody>(e.body).value();
            if (body.changes.size() > limits::SyncBatchSize)
                inOrder = false;
            for (const Change &c : body.changes) {
                inOrder = inOrder && c.seq > lastSeq;
                lastSeq = c.seq;
                if (!bigOp.isEmpty() && c.op == bigOp)
                    ++bigOpSeen;
            }
            received += body.changes.size();
        } else if (e.type == s(type::SyncDone)) {
            head = decode<SyncDoneBody>(e.body)->head;
        } else if (e.type == s(type::AuthOk)) {
            ++signedIn;
        }
    });
    qint64 maxPongMs = 0;
    int pongs = 0;
    QElapsedTimer pingClock;
    connect(&small, &QWebSocket::textMessageReceived, this, [&](const QString &m) {
        const auto e = Envelope::decode(m.toUtf8()).value();
        if (e.type == s(type::Pong)) {
            maxPongMs = qMax(maxPongMs, pingClock.elapsed());
            ++pongs;
        } else if (e.type == s(type::AuthOk)) {
            ++signedIn;
        }
    });
    auto sendTo = [](QWebSocket &ws, const char *type, const QString &id, const QJsonObject &body, const QString &op = {}) {
        Envelope e;
        e.type = s(type);
        e.id = id;
        e.op = op;
        e.body = body;
        ws.sendTextMessage(QString::fromUtf8(e.encode()));
    };

    big.open(url);
    small.open(url);
    QTRY_VERIFY(big.state() == QAbstractSocket::ConnectedState && small.state() == QAbstractSocket::ConnectedState);
    sendTo(big, type::AuthLogin, QStringLiteral("1"), encode(LoginBody{QStringLiteral("anna"), QStringLiteral("pw"), {}}));
    sendTo(small, type::AuthLogin, QStringLiteral("1"), encode(LoginBody{QStringLiteral("bob"), QStringLiteral("pw"), {}}));
    QTRY_COMPARE_WITH_TIMEOUT(signedIn, 2, 10000);

    t.restart();
    sendTo(big, type::Sync, QStringLiteral("2"), encode(SyncBody{0}));
    // A write in the middle of the sync reaches the syncing client exactly once.
    bool wrote = false;
    QVERIFY(QTest::qWaitFor(
        [&] {
            if (!wrote && received > Total / 4) {
                bigOp = ids::create();
                sendTo(small, type::PostCreate, {}, encode(PostCreateBody{ids::create(), QStringLiteral("mid-sync")}),
                       bigOp);
                wrote = true;
            }
            if (pingClock.isValid() == false || pongs > 0) {
                pongs = 0;
                pingClock.start();
                sendTo(small, type::Ping, QStringLiteral("p"), {});
            }
            return head >= 0;
        },
        120000));
    const qint64 syncMs = t.elapsed();
    QTRY_COMPARE(bigOpSeen, 1);
    qInfo("synced %lld changes in %lld ms; slowest ping during the sync: %lld ms", received, syncMs, maxPongMs);
    QVERIFY(inOrder);
    QCOMPARE(received, qint64(Total) + 2 + 1);   // two users, the bulk, the mid-sync post
    // The event loop kept serving the other connection throughout.
    QVERIFY2(maxPongMs < 1500, qPrintable(QString::number(maxPongMs)));
}

QTEST_GUILESS_MAIN(TestSyncStream)
#include "TestSyncStream.moc"
