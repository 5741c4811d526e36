// Bad input on raw sockets against a real plein-server: each gets the documented error or
// close code, and a second, healthy client that signed in and synced keeps working
// throughout and loses nothing.
#include "ServerProcess.h"

#include "model/Ids.h"
#include "protocol/Envelope.h"
#include "protocol/Limits.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"

#include <QSet>
#include <QTest>
#include <QWebSocket>

#include <functional>
#include <memory>

using namespace plein;
using namespace plein::protocol;

namespace {

QString s(const char *c)
{
    return QLatin1String(c);
}

// A WebSocket that speaks the protocol by hand: sends any bytes, records every frame it
// gets (decoded with the shared codec) and how the server closed it.
class RawClient
{
public:
    RawClient()
    {
        QObject::connect(&m_ws, &QWebSocket::textMessageReceived, &m_ws, [this](const QString &m) {
            auto e = Envelope::decode(m.toUtf8());
            if (!e)
                qWarning("server sent an undecodable frame: %s", qPrintable(m.left(200)));
            else
                m_frames.append(e.value());
        });
        QObject::connect(&m_ws, &QWebSocket::disconnected, &m_ws, [this] { m_closed = true; });
    }

    bool open(const QUrl &url)
    {
        m_ws.open(url);
        return QTest::qWaitFor([this] { return m_ws.state() == QAbstractSocket::ConnectedState || m_closed; }, 10000)
               && !m_closed;
    }
    void sendText(const QByteArray &text) { m_ws.sendTextMessage(QString::fromUtf8(text)); }
    void send(const Envelope &e) { sendText(e.encode()); }
    void send(const char *type, const QString &id, const QJsonObject &body = {}, const QString &op = {})
    {
        Envelope e;
        e.type = s(type);
        e.id = id;
        e.op = op;
        e.body = body;
        send(e);
    }
    void sendBinary(const QByteArray &data) { m_ws.sendBinaryMessage(data); }

    // The first frame after those already taken that matches, within timeoutMs.
    std::optional<Envelope> waitFor(const std::function<bool(const Envelope &)> &match, int timeoutMs = 10000)
    {
        std::optional<Envelope> found;
        (void)QTest::qWaitFor(
            [&] {
                for (qsizetype i = m_taken; i < m_frames.size(); ++i) {
                    if (match(m_frames.at(i))) {
                        found = m_frames.at(i);
                        m_taken = i + 1;
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        return found;
    }
    std::optional<Envelope> waitReply(const QString &re, int timeoutMs = 10000)
    {
        return waitFor([re](const Envelope &e) { return e.re == re; }, timeoutMs);
    }
    // An error frame with `code` (and `re`, when given).
    std::optional<ErrorBody> waitError(const char *code, const QString &re = {}, int timeoutMs = 10000)
    {
        auto e = waitFor(
            [&](const Envelope &f) {
                return f.type == s(type::Error) && f.body.value(QLatin1String("code")).toString() == s(code)
                       && (re.isEmpty() || f.re == re);
            },
            timeoutMs);
        if (!e)
            return std::nullopt;
        auto b = decode<ErrorBody>(e->body);
        return b ? std::optional<ErrorBody>(b.value()) : std::nullopt;
    }
    bool waitClosed(int timeoutMs = 10000)
    {
        return QTest::qWaitFor([this] { return m_closed; }, timeoutMs);
    }

    // Signs in and, when sync is set, syncs from 0; returns the token.
    QString signIn(const QString &user, const QString &password, bool sync = true)
    {
        const QString id = ids::create();
        send(type::AuthLogin, id, encode(LoginBody{user, password, QStringLiteral("test")}));
        auto ok = waitReply(id);
        if (!ok || ok->type != s(type::AuthOk))
            return {};
        if (sync) {
            const QString syncId = ids::create();
            send(type::Sync, syncId, encode(SyncBody{0}));
            if (!waitFor([&](const Envelope &e) { return e.type == s(type::SyncDone) && e.re == syncId; }))
                return {};
        }
        return ok->body.value(QLatin1String("token")).toString();
    }

    // Every change received so far, from sync and live frames alike.
    QList<Change> changes() const
    {
        QList<Change> out;
        for (const Envelope &e : m_frames) {
            if (e.type == s(type::Changes)) {
                auto b = decode<ChangesBody>(e.body);
                if (b)
                    out += b->changes;
            }
        }
        return out;
    }
    int errorCount() const
    {
        return int(std::count_if(m_frames.cbegin(), m_frames.cend(),
                                 [](const Envelope &e) { return e.type == s(type::Error); }));
    }

    QWebSocket &socket() { return m_ws; }
    bool isClosed() const { return m_closed; }
    int closeCode() const { return int(m_ws.closeCode()); }

private:
    QWebSocket m_ws;
    QList<Envelope> m_frames;
    qsizetype m_taken = 0;
    bool m_closed = false;
};

} // namespace

class TestBadInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void malformedJson();
    void binaryFrame();
    void unknownType();
    void missingFields();
    void oversizeFrame();
    void badToken();
    void beforeSignIn();
    void wrongPassword();
    void throttling();
    void unsupportedVersion();
    void replayedOpOverTheWire();
    void logoutRevokesOtherConnections();
    void rateLimit();
    void authTimeout();

private:
    // The healthy client posts; it must get its ack and then its change, and nothing else
    // may have gone wrong for it.
    void checkHealthy();

    plein::test::ServerProcess m_server;
    std::unique_ptr<RawClient> m_healthy;
    std::unique_ptr<RawClient> m_raw;
    int m_posted = 0;
};

void TestBadInput::initTestCase()
{
    QVERIFY2(!plein::test::ServerProcess::serverBinary().isEmpty(), "PLEIN_SERVER_BIN is not set");
    QVERIFY2(m_server.addUser(QStringLiteral("anna"), QStringLiteral("geheim"), QStringLiteral("Anna de Vries")),
             qPrintable(m_server.errorString()));
    QVERIFY(m_server.addUser(QStringLiteral("bob"), QStringLiteral("bobs-pw"), QStringLiteral("Bob Jansen")));
    QVERIFY(m_server.addUser(QStringLiteral("carol"), QStringLiteral("carols-pw"), QStringLiteral("Carol Smit")));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));

    m_healthy = std::make_unique<RawClient>();
    QVERIFY(m_healthy->open(m_server.url()));
    QVERIFY(!m_healthy->signIn(QStringLiteral("bob"), QStringLiteral("bobs-pw")).isEmpty());
    // The directory arrived with the sync.
    QCOMPARE(m_healthy->changes().size(), 3);
    checkHealthy();
}

void TestBadInput::init()
{
    m_raw = std::make_unique<RawClient>();
    QVERIFY(m_raw->open(m_server.url()));
}

void TestBadInput::cleanup()
{
    m_raw.reset();
    checkHealthy();
}

void TestBadInput::checkHealthy()
{
    QVERIFY(m_healthy && !m_healthy->isClosed());
    const QString op = ids::create();
    const QString postId = ids::create();
    m_healthy->send(type::PostCreate, {}, encode(PostCreateBody{postId, QStringLiteral("still here %1").arg(m_posted)}), op);
    auto ack = m_healthy->waitReply(op);
    QVERIFY(ack.has_value());
    QCOMPARE(ack->type, s(type::Ack));
    QCOMPARE(ack->body.value(QLatin1String("id")).toString(), postId);
    QVERIFY(m_healthy->waitFor([&](const Envelope &e) {
        if (e.type != s(type::Changes) || !e.re.isEmpty())
            return false;
        const auto b = decode<ChangesBody>(e.body);
        return b.ok() && std::any_of(b->changes.cbegin(), b->changes.cend(), [&](const Change &c) { return c.op == op; });
    }));
    ++m_posted;
    QCOMPARE(m_healthy->errorCount(), 0);
}

void TestBadInput::cleanupTestCase()
{
    if (!m_healthy)
        return;
    // Nothing lost, nothing twice: every seq once, in order, and every post it made.
    const QList<Change> all = m_healthy->changes();
    QSet<qint64> seqs;
    qint64 last = 0;
    int ownPosts = 0;
    for (const Change &c : all) {
        QVERIFY(c.seq > last);
        last = c.seq;
        seqs.insert(c.seq);
        if (c.kind == s(kind::Post) && c.data.value(QLatin1String("text")).toString().startsWith(QLatin1String("still here")))
            ++ownPosts;
    }
    QCOMPARE(seqs.size(), all.size());
    QCOMPARE(ownPosts, m_posted);

    // A clean stop closes every connection with 1001 and exits 0.
    QVERIFY(m_server.terminate());
    QVERIFY(m_healthy->waitClosed());
    QCOMPARE(m_healthy->closeCode(), protocol::close::GoingAway);
}

void TestBadInput::malformedJson()
{
    m_raw->sendText("{\"type\":\"ping\",");
    auto e = m_raw->waitError(code::BadFrame);
    QVERIFY(e.has_value());
    QVERIFY(!e->message.isEmpty());
    m_raw->sendText("[1,2,3]");
    QVERIFY(m_raw->waitError(code::BadFrame));
    m_raw->sendText("\xff\xfe not utf-8 \x80");
    QVERIFY(m_raw->waitError(code::BadFrame));
    // The connection is still usable.
    m_raw->send(type::Ping, QStringLiteral("p1"));
    auto pong = m_raw->waitReply(QStringLiteral("p1"));
    QVERIFY(pong && pong->type == s(type::Pong));
    QVERIFY(!m_raw->isClosed());
}

void TestBadInput::binaryFrame()
{
    m_raw->sendBinary(QByteArray("\x00\x01\x02", 3));
    QVERIFY(m_raw->waitError(code::BadFrame));
    QVERIFY(!m_raw->isClosed());
}

void TestBadInput::unknownType()
{
    m_raw->send("no.such.thing", QStringLiteral("u1"));
    QVERIFY(m_raw->waitError(code::UnknownType, QStringLiteral("u1")));
    // Also once signed in.
    QVERIFY(!m_raw->signIn(QStringLiteral("anna"), QStringLiteral("geheim"), false).isEmpty());
    m_raw->send("post.archive", QStringLiteral("u2"), {}, ids::create());
    QVERIFY(m_raw->waitError(code::UnknownType));
    // A type the server only sends.
    m_raw->send(type::Ack, QStringLiteral("u3"));
    QVERIFY(m_raw->waitError(code::BadRequest, QStringLiteral("u3")));
}

void TestBadInput::missingFields()
{
    // Envelope without a type.
    m_raw->sendText("{\"id\":\"x\",\"body\":{}}");
    QVERIFY(m_raw->waitError(code::BadRequest));
    // auth.login without a password.
    m_raw->send(type::AuthLogin, QStringLiteral("m1"), QJsonObject{{QStringLiteral("user"), QStringLiteral("anna")}});
    QVERIFY(m_raw->waitError(code::BadRequest, QStringLiteral("m1")));

    QVERIFY(!m_raw->signIn(QStringLiteral("anna"), QStringLiteral("geheim"), false).isEmpty());
    const QString op = ids::create();
    m_raw->send(type::PostCreate, {}, QJsonObject{{QStringLiteral("id"), ids::create()}}, op);
    QVERIFY(m_raw->waitError(code::BadRequest, op));
    // Wrong form: a post id that is not a UUID, a text that is too long.
    const QString op2 = ids::create();
    m_raw->send(type::PostCreate, {}, encode(PostCreateBody{QStringLiteral("1234"), QStringLiteral("x")}), op2);
    QVERIFY(m_raw->waitError(code::BadRequest, op2));
    const QString op3 = ids::create();
    m_raw->send(type::PostCreate, {},
                encode(PostCreateBody{ids::create(), QString(limits::MaxPostChars + 1, QLatin1Char('x'))}), op3);
    QVERIFY(m_raw->waitError(code::TooLarge, op3));
    // A write without an op.
    m_raw->send(type::PostCreate, QStringLiteral("m2"), encode(PostCreateBody{ids::create(), QStringLiteral("x")}));
    QVERIFY(m_raw->waitError(code::BadRequest, QStringLiteral("m2")));
    // A comment on a post that does not exist.
    const QString op4 = ids::create();
    m_raw->send(type::CommentCreate, {}, encode(CommentCreateBody{ids::create(), ids::create(), QStringLiteral("x")}), op4);
    QVERIFY(m_raw->waitError(code::NotFound, op4));
    // sync with a negative cursor.
    m_raw->send(type::Sync, QStringLiteral("m3"), QJsonObject{{QStringLiteral("since"), -5}});
    QVERIFY(m_raw->waitError(code::BadRequest, QStringLiteral("m3")));
    QVERIFY(!m_raw->isClosed());
}

void TestBadInput::oversizeFrame()
{
    QByteArray big = "{\"type\":\"ping\",\"id\":\"big\",\"body\":{\"pad\":\"";
    big += QByteArray(limits::MaxMessageBytes + 1024, 'x');
    big += "\"}}";
    m_raw->sendText(big);
    QVERIFY(m_raw->waitClosed());
    QCOMPARE(m_raw->closeCode(), protocol::close::TooLarge);
}

void TestBadInput::badToken()
{
    m_raw->send(type::AuthResume, QStringLiteral("t1"), encode(ResumeBody{QStringLiteral("bm90LWEtcmVhbC10b2tlbg")}));
    QVERIFY(m_raw->waitError(code::TokenInvalid, QStringLiteral("t1")));
    m_raw->send(type::AuthResume, QStringLiteral("t2"), encode(ResumeBody{QString()}));
    QVERIFY(m_raw->waitError(code::TokenInvalid, QStringLiteral("t2")));
    // Still not signed in.
    const QString op = ids::create();
    m_raw->send(type::PostCreate, {}, encode(PostCreateBody{ids::create(), QStringLiteral("x")}), op);
    QVERIFY(m_raw->waitError(code::AuthRequired, op));
}

void TestBadInput::beforeSignIn()
{
    const QString op = ids::create();
    m_raw->send(type::PostCreate, {}, encode(PostCreateBody{ids::create(), QStringLiteral("sneaky")}), op);
    QVERIFY(m_raw->waitError(code::AuthRequired, op));
    m_raw->send(type::Sync, QStringLiteral("b1"), encode(SyncBody{0}));
    QVERIFY(m_raw->waitError(code::AuthRequired, QStringLiteral("b1")));
    m_raw->send(type::AuthLogout, QStringLiteral("b2"));
    QVERIFY(m_raw->waitError(code::AuthRequired, QStringLiteral("b2")));
    // hello and ping are fine before sign-in.
    m_raw->send(type::Hello, QStringLiteral("b3"), encode(HelloBody{Version, QStringLiteral("raw")}));
    auto hello = m_raw->waitReply(QStringLiteral("b3"));
    QVERIFY(hello && hello->type == s(type::Hello));
    QCOMPARE(hello->body.value(QLatin1String("protocol")).toInt(), Version);
    // The sneaky post never happened.
    QVERIFY(!m_raw->signIn(QStringLiteral("anna"), QStringLiteral("geheim")).isEmpty());
    for (const Change &c : m_raw->changes())
        QVERIFY(c.data.value(QLatin1String("text")).toString() != QLatin1String("sneaky"));
}

void TestBadInput::wrongPassword()
{
    m_raw->send(type::AuthLogin, QStringLiteral("w1"),
                encode(LoginBody{QStringLiteral("anna"), QStringLiteral("not-her-password"), {}}));
    QVERIFY(m_raw->waitError(code::AuthFailed, QStringLiteral("w1")));
    m_raw->send(type::AuthLogin, QStringLiteral("w2"), encode(LoginBody{QStringLiteral("nobody"), QStringLiteral("x"), {}}));
    QVERIFY(m_raw->waitError(code::AuthFailed, QStringLiteral("w2")));
    // The right password still works on the same connection.
    QVERIFY(!m_raw->signIn(QStringLiteral("anna"), QStringLiteral("geheim"), false).isEmpty());
}

void TestBadInput::throttling()
{
    for (int i = 0; i < limits::LoginFailuresBeforeThrottle; ++i) {
        const QString id = QStringLiteral("f%1").arg(i);
        m_raw->send(type::AuthLogin, id, encode(LoginBody{QStringLiteral("carol"), QStringLiteral("guess"), {}}));
        QVERIFY(m_raw->waitError(code::AuthFailed, id));
    }
    m_raw->send(type::AuthLogin, QStringLiteral("f-right"),
                encode(LoginBody{QStringLiteral("carol"), QStringLiteral("carols-pw"), {}}));
    auto e = m_raw->waitError(code::AuthThrottled, QStringLiteral("f-right"));
    QVERIFY(e.has_value());
    QVERIFY2(e->retryAfter > 0 && e->retryAfter <= limits::LoginThrottleWindowSecs, qPrintable(QString::number(e->retryAfter)));
    // Throttling is per user name, across connections; other users sign in as usual.
    RawClient other;
    QVERIFY(other.open(m_server.url()));
    other.send(type::AuthLogin, QStringLiteral("o1"), encode(LoginBody{QStringLiteral("carol"), QStringLiteral("carols-pw"), {}}));
    QVERIFY(other.waitError(code::AuthThrottled, QStringLiteral("o1")));
    QVERIFY(!other.signIn(QStringLiteral("anna"), QStringLiteral("geheim"), false).isEmpty());
}

void TestBadInput::unsupportedVersion()
{
    m_raw->send(type::Hello, QStringLiteral("h1"), encode(HelloBody{Version + 1, QStringLiteral("future")}));
    QVERIFY(m_raw->waitError(code::UnsupportedVersion, QStringLiteral("h1")));
    QVERIFY(m_raw->waitClosed());
    QCOMPARE(m_raw->closeCode(), protocol::close::ProtocolError);
}

void TestBadInput::replayedOpOverTheWire()
{
    QVERIFY(!m_raw->signIn(QStringLiteral("anna"), QStringLiteral("geheim")).isEmpty());
    const QString op = ids::create();
    const QString postId = ids::create();
    const QJsonObject body = encode(PostCreateBody{postId, QStringLiteral("once only")});
    m_raw->send(type::PostCreate, {}, body, op);
    auto first = m_raw->waitReply(op);
    QVERIFY(first && first->type == s(type::Ack));
    m_raw->send(type::PostCreate, {}, body, op);
    auto second = m_raw->waitReply(op);
    QVERIFY(second && second->type == s(type::Ack));
    QCOMPARE(second->body, first->body);
    // The same id from another op is a conflict.
    const QString op2 = ids::create();
    m_raw->send(type::PostCreate, {}, body, op2);
    QVERIFY(m_raw->waitError(code::Conflict, op2));
    // The healthy client got the post exactly once.
    QVERIFY(QTest::qWaitFor([&] {
        const auto all = m_healthy->changes();
        return std::any_of(all.cbegin(), all.cend(), [&](const Change &c) { return c.id == postId; });
    }));
    checkHealthy();   // a round trip later, no duplicate can still be on its way
    const auto all = m_healthy->changes();
    QCOMPARE(std::count_if(all.cbegin(), all.cend(), [&](const Change &c) { return c.id == postId; }), 1);
}

void TestBadInput::logoutRevokesOtherConnections()
{
    const QString token = m_raw->signIn(QStringLiteral("anna"), QStringLiteral("geheim"), false);
    QVERIFY(!token.isEmpty());
    RawClient second;
    QVERIFY(second.open(m_server.url()));
    second.send(type::AuthResume, QStringLiteral("r1"), encode(ResumeBody{token}));
    auto ok = second.waitReply(QStringLiteral("r1"));
    QVERIFY(ok && ok->type == s(type::AuthOk));

    m_raw->send(type::AuthLogout, QStringLiteral("l1"));
    auto bye = m_raw->waitReply(QStringLiteral("l1"));
    QVERIFY(bye && bye->type == s(type::Ok));
    QVERIFY(second.waitClosed());
    QCOMPARE(second.closeCode(), protocol::close::SessionRevoked);
    // Signed out here, and the token is dead everywhere.
    const QString op = ids::create();
    m_raw->send(type::PostCreate, {}, encode(PostCreateBody{ids::create(), QStringLiteral("x")}), op);
    QVERIFY(m_raw->waitError(code::AuthRequired, op));
    m_raw->send(type::AuthResume, QStringLiteral("r2"), encode(ResumeBody{token}));
    QVERIFY(m_raw->waitError(code::TokenInvalid, QStringLiteral("r2")));
}

void TestBadInput::rateLimit()
{
    // Far past the burst in one go: some pings are refused, none crash anything.
    const int n = limits::RequestBurst + 200;
    for (int i = 0; i < n; ++i)
        m_raw->send(type::Ping, QStringLiteral("r%1").arg(i));
    auto e = m_raw->waitError(code::RateLimited);
    QVERIFY(e.has_value());
    QVERIFY(e->retryAfter >= 1);
    QVERIFY(!m_raw->isClosed());
}

void TestBadInput::authTimeout()
{
    plein::test::ServerProcess quick;
    QVERIFY2(quick.start({QStringLiteral("--auth-timeout-ms"), QStringLiteral("300")}), qPrintable(quick.errorString()));
    RawClient idle;
    QVERIFY(idle.open(quick.url()));
    QVERIFY(idle.waitClosed());
    QCOMPARE(idle.closeCode(), protocol::close::AuthTimeout);
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "TestBadInput.moc"
