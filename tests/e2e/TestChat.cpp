// Chat against a real plein-server, spoken by hand: rooms as scoped audiences (snapshots,
// history, purge on leave), what a non-member can neither read nor write, edits, deletes,
// reactions, and typing that reaches members live and never the database.
#include "RawSession.h"
#include "ServerProcess.h"

#include "model/Ids.h"
#include "protocol/ChatMessages.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace plein;
using namespace plein::protocol;
using plein::test::RawSession;

namespace {
const QString Password = QStringLiteral("chat-test-pw");
QString s(const char *x)
{
    return QLatin1String(x);
}

// scope.snapshot / history.page frames received for a scope.
QList<ScopePageBody> pages(RawSession &r, const char *type, const QString &scope)
{
    QList<ScopePageBody> out;
    r.waitFor([](const Envelope &) { return false; }, 0);
    for (const QString &t : r.rawText()) {
        auto e = Envelope::decode(t.toUtf8());
        if (!e || e->type != s(type))
            continue;
        auto b = decode<ScopePageBody>(e->body);
        if (b && b->scope == scope)
            out.append(b.value());
    }
    return out;
}
} // namespace

class TestChat : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void roomsAndMembers();
    void typingIsEphemeral();
    void newComputerGetsSnapshotThenHistory();

private:
    qint64 serverCount(const QString &sql);
    QString createRoom(RawSession &owner, const QString &name, const QStringList &members, bool direct = false);

    plein::test::ServerProcess m_server;
};

void TestChat::initTestCase()
{
    QVERIFY2(!plein::test::ServerProcess::serverBinary().isEmpty(), "PLEIN_SERVER_BIN is not set");
    QVERIFY(m_server.addUser(QStringLiteral("anna"), Password, QStringLiteral("Anna de Vries")));
    QVERIFY(m_server.addUser(QStringLiteral("bert"), Password, QStringLiteral("Bert Jansen")));
    QVERIFY(m_server.addUser(QStringLiteral("cees"), Password, QStringLiteral("Cees Bakker")));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

qint64 TestChat::serverCount(const QString &sql)
{
    const QString name = ids::create();
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(QDir(m_server.dataDir()).filePath(QStringLiteral("plein.sqlite")));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                n = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

QString TestChat::createRoom(RawSession &owner, const QString &name, const QStringList &members, bool direct)
{
    const QString id = ids::create();
    const QString r = owner.write(type::ChatRoomCreate, encode(ChatRoomCreateBody{id, name, direct, members}));
    return r == QLatin1String("ack") ? id : QString();
}

void TestChat::roomsAndMembers()
{
    RawSession anna, bert, cees;
    QVERIFY(anna.signIn(m_server.url(), QStringLiteral("anna"), Password));
    QVERIFY(bert.signIn(m_server.url(), QStringLiteral("bert"), Password));
    QVERIFY(cees.signIn(m_server.url(), QStringLiteral("cees"), Password));

    const QString room = createRoom(anna, QStringLiteral("Team Finance"), {bert.userId()});
    QVERIFY(!room.isEmpty());
    const QString scope = scope::make(scope::RoomPrefix, room);
    // Bert joined live: he gets the `scope` change and then the room as a snapshot.
    QVERIFY(bert.waitChange(s(kind::Scope), scope));
    QTRY_COMPARE(pages(bert, type::ScopeSnapshot, scope).size(), 1);
    const ScopePageBody snap = pages(bert, type::ScopeSnapshot, scope).constFirst();
    int members = 0;
    bool hasRoom = false;
    for (const Change &c : snap.changes) {
        members += c.kind == s(kind::Member) ? 1 : 0;
        hasRoom = hasRoom || (c.kind == s(kind::ChatRoom) && c.id == room);
    }
    QCOMPARE(members, 2);
    QVERIFY(hasRoom);

    // Live messages reach members, replies must point into the room.
    const QString m1 = ids::create();
    QCOMPARE(anna.write(type::ChatSend, encode(ChatSendBody{m1, room, QStringLiteral("Hoi @bert, kijk even:\n```cpp\nint x = 1;\n```"), {}})),
             s("ack"));
    QVERIFY(bert.waitChange(s(kind::ChatMessage), m1));
    const QString m2 = ids::create();
    QCOMPARE(bert.write(type::ChatSend, encode(ChatSendBody{m2, room, QStringLiteral("Doe ik"), m1})), s("ack"));
    QCOMPARE(bert.write(type::ChatSend, encode(ChatSendBody{ids::create(), room, QStringLiteral("x"), ids::create()})),
             s(code::NotFound));

    // A non-member can neither post, react, read history, nor add anyone; and was sent nothing.
    QCOMPARE(cees.write(type::ChatSend, encode(ChatSendBody{ids::create(), room, QStringLiteral("mag ik?"), {}})),
             s(code::NotFound));
    QCOMPARE(cees.write(type::ChatReact, encode(ChatReactBody{m1, QStringLiteral("👍"), true})), s(code::NotFound));
    QCOMPARE(cees.write(type::ChatEdit, encode(ChatEditBody{m1, QStringLiteral("hacked")})), s(code::NotFound));
    QCOMPARE(cees.write(type::ChatMemberAdd, encode(ChatMemberBody{room, cees.userId(), {}})), s(code::NotFound));
    QCOMPARE(cees.write(type::ChatRead, encode(ChatReadBody{room, 10})), s(code::NotFound));
    const QString hid = ids::create();
    cees.send(type::History, hid, encode(HistoryBody{scope, 0, 50}));
    auto refused = cees.waitFor([&](const Envelope &e) { return e.re == hid; });
    QVERIFY(refused);
    QCOMPARE(refused->type, s(type::Error));
    QCOMPARE(refused->body.value(QStringLiteral("code")).toString(), s(code::NotFound));
    QVERIFY(bert.waitChange(s(kind::ChatMessage), m2));
    for (const QString &t : cees.rawText()) {
        // (Its own refusals name the room it asked about; nothing else may.)
        if (t.contains(QStringLiteral("\"type\":\"error\"")))
            continue;
        QVERIFY2(!t.contains(room), qPrintable(t.left(200)));
        QVERIFY2(!t.contains(QStringLiteral("kijk even")), qPrintable(t.left(200)));
    }

    // Edit and delete: only the author, and both propagate.
    QCOMPARE(bert.write(type::ChatEdit, encode(ChatEditBody{m1, QStringLiteral("mine now")})), s(code::Forbidden));
    QCOMPARE(anna.write(type::ChatEdit, encode(ChatEditBody{m1, QStringLiteral("Hoi @bert, bijgewerkt")})), s("ack"));
    QVERIFY(bert.waitChange(s(kind::ChatMessage), m1, [](const Change &c) {
        auto m = decode<ChatMessage>(c.data);
        return m && m->edited > 0 && m->text.contains(QStringLiteral("bijgewerkt"));
    }));
    QCOMPARE(bert.write(type::ChatDelete, encode(ChatDeleteBody{m1})), s(code::Forbidden));
    QCOMPARE(anna.write(type::ChatDelete, encode(ChatDeleteBody{m1})), s("ack"));
    QVERIFY(bert.waitChange(s(kind::ChatMessage), m1, [](const Change &c) {
        auto m = decode<ChatMessage>(c.data);
        return m && m->deleted && m->text.isEmpty();
    }));

    // Reactions, on and off.
    QCOMPARE(anna.write(type::ChatReact, encode(ChatReactBody{m2, QStringLiteral("🎉"), true})), s("ack"));
    const QString rid = m2 + QLatin1Char(':') + anna.userId() + QStringLiteral(":🎉");
    QVERIFY(bert.waitChange(s(kind::ChatReaction), rid, [](const Change &c) { return !c.deleted; }));
    QCOMPARE(anna.write(type::ChatReact, encode(ChatReactBody{m2, QStringLiteral("🎉"), false})), s("ack"));
    QVERIFY(bert.waitChange(s(kind::ChatReaction), rid, [](const Change &c) { return c.deleted; }));

    // Only owners add; an added member gets the room as a snapshot; removed, they get a
    // `scope` deletion and nothing more.
    QCOMPARE(bert.write(type::ChatMemberAdd, encode(ChatMemberBody{room, cees.userId(), {}})), s(code::Forbidden));
    QCOMPARE(anna.write(type::ChatMemberAdd, encode(ChatMemberBody{room, cees.userId(), {}})), s("ack"));
    QTRY_COMPARE(pages(cees, type::ScopeSnapshot, scope).size(), 1);
    QCOMPARE(anna.write(type::ChatMemberRemove, encode(ChatMemberBody{room, cees.userId(), {}})), s("ack"));
    QVERIFY(cees.waitChange(s(kind::Scope), scope, [](const Change &c) { return c.deleted; }));
    const QString m3 = ids::create();
    QCOMPARE(anna.write(type::ChatSend, encode(ChatSendBody{m3, room, QStringLiteral("na vertrek"), {}})), s("ack"));
    QVERIFY(bert.waitChange(s(kind::ChatMessage), m3));
    QTest::qWait(100);
    QVERIFY(!cees.hasChange(s(kind::ChatMessage), m3));
    for (const QString &t : cees.rawText())
        QVERIFY(!t.contains(QStringLiteral("na vertrek")));

    // Direct rooms: one per pair; anyone leaves, even from a direct room.
    const QString direct = createRoom(bert, {}, {cees.userId()}, true);
    QVERIFY(!direct.isEmpty());
    QVERIFY(createRoom(cees, {}, {bert.userId()}, true).isEmpty());
    QCOMPARE(bert.write(type::ChatMemberAdd, encode(ChatMemberBody{direct, anna.userId(), {}})), s(code::Forbidden));
    QCOMPARE(bert.write(type::ChatMemberRemove, encode(ChatMemberBody{room, bert.userId(), {}})), s("ack"));
    QCOMPARE(bert.write(type::ChatSend, encode(ChatSendBody{ids::create(), room, QStringLiteral("weg"), {}})),
             s(code::NotFound));
}

void TestChat::typingIsEphemeral()
{
    RawSession anna, bert, cees;
    QVERIFY(anna.signIn(m_server.url(), QStringLiteral("anna"), Password));
    QVERIFY(bert.signIn(m_server.url(), QStringLiteral("bert"), Password));
    QVERIFY(cees.signIn(m_server.url(), QStringLiteral("cees"), Password));
    const QString room = createRoom(anna, QStringLiteral("Schrijvers"), {bert.userId()});
    QVERIFY(!room.isEmpty());
    QTRY_COMPARE(pages(bert, type::ScopeSnapshot, scope::make(scope::RoomPrefix, room)).size(), 1);

    const qint64 changesBefore = serverCount(QStringLiteral("SELECT count(*) FROM changes"));
    QVERIFY(changesBefore > 0);
    const auto typingFrames = [&](RawSession &r) {
        int n = 0;
        for (const QString &t : r.rawText()) {
            auto e = Envelope::decode(t.toUtf8());
            if (e && e->type == s(type::ChatTyping) && e->body.value(QStringLiteral("room")).toString() == room)
                ++n;
        }
        return n;
    };
    // A burst of five: members hear it once (rate limit), the typist and outsiders never.
    for (int i = 0; i < 5; ++i)
        bert.send(type::ChatTyping, {}, encode(ChatTypingBody{room, {}}));
    QTRY_COMPARE(typingFrames(anna), 1);
    auto frame = anna.waitFor([](const Envelope &e) { return e.type == s(type::ChatTyping); });
    QCOMPARE(frame->body.value(QStringLiteral("user")).toString(), bert.userId());
    // Typing is answered with nothing; a ping after it proves the burst was handled.
    const QString pid = ids::create();
    bert.send(type::Ping, pid);
    QVERIFY(bert.waitFor([&](const Envelope &e) { return e.re == pid; }));
    QTest::qWait(200);
    QCOMPARE(typingFrames(anna), 1);
    QCOMPARE(typingFrames(bert), 0);
    QCOMPARE(typingFrames(cees), 0);
    // Not a member: refused.
    const QString cid = ids::create();
    cees.send(type::ChatTyping, cid, encode(ChatTypingBody{room, {}}));
    auto err = cees.waitFor([&](const Envelope &e) { return e.re == cid; });
    QVERIFY(err && err->type == s(type::Error));
    // Never stored: the change log did not grow, nothing anywhere mentions typing.
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM changes")), changesBefore);
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM changes WHERE kind LIKE '%typing%'"
                                        " OR payload LIKE '%chat.typing%'")),
             0);
    QCOMPARE(serverCount(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name LIKE '%typing%'")), 0);

    // Presence: bert sets dnd, anna hears it.
    bert.send(type::PresenceSet, {}, encode(PresenceSetBody{s(chat::Dnd)}));
    QVERIFY(anna.waitFor([&](const Envelope &e) {
        auto p = e.type == s(type::Presence) ? decode<PresenceBody>(e.body) : Result<PresenceBody>(Error{});
        return p && p->users.size() == 1 && p->users.constFirst().user == bert.userId()
               && p->users.constFirst().status == s(chat::Dnd);
    }));
}

void TestChat::newComputerGetsSnapshotThenHistory()
{
    RawSession anna;
    QVERIFY(anna.signIn(m_server.url(), QStringLiteral("anna"), Password));
    const QString room = createRoom(anna, QStringLiteral("Long history"), {});
    QVERIFY(!room.isEmpty());
    const QString scope = scope::make(scope::RoomPrefix, room);
    QStringList sent;
    for (int i = 0; i < 120; ++i) {
        sent.append(ids::create());
        QCOMPARE(anna.write(type::ChatSend, encode(ChatSendBody{sent.last(), room, QStringLiteral("bericht %1").arg(i), {}})),
                 s("ack"));
    }
    // A second computer syncs from 0: the room's log is not streamed, a snapshot of the 50
    // newest comes instead.
    RawSession laptop;
    QVERIFY(laptop.signIn(m_server.url(), QStringLiteral("anna"), Password));
    QTRY_COMPARE(pages(laptop, type::ScopeSnapshot, scope).size(), 1);
    const ScopePageBody snap = pages(laptop, type::ScopeSnapshot, scope).constFirst();
    QStringList got;
    for (const Change &c : snap.changes)
        if (c.kind == s(kind::ChatMessage))
            got.append(c.id);
    QCOMPARE(got.size(), 50);
    QVERIFY(snap.more);
    QVERIFY(got.contains(sent.last()));
    QVERIFY(!got.contains(sent.at(69)));
    for (const QString &id : std::as_const(sent))
        QVERIFY(!laptop.hasLogChange(s(kind::ChatMessage), id));

    // Older pages on demand, until there are none.
    qint64 before = snap.oldest;
    int total = 50;
    for (int page = 0; page < 3 && before > 0; ++page) {
        const QString id = ids::create();
        laptop.send(type::History, id, encode(HistoryBody{scope, before, 50}));
        auto answer = laptop.waitFor([&](const Envelope &e) { return e.re == id; });
        QVERIFY(answer);
        QCOMPARE(answer->type, s(type::HistoryPage));
        auto b = decode<ScopePageBody>(answer->body);
        QVERIFY(b);
        int n = 0;
        for (const Change &c : b->changes)
            n += c.kind == s(kind::ChatMessage) ? 1 : 0;
        total += n;
        before = b->more ? b->oldest : 0;
    }
    QCOMPARE(total, 120);
    // Live continues after the snapshot.
    const QString live = ids::create();
    QCOMPARE(anna.write(type::ChatSend, encode(ChatSendBody{live, room, QStringLiteral("live"), {}})), s("ack"));
    QVERIFY(laptop.waitChange(s(kind::ChatMessage), live));
}

QTEST_GUILESS_MAIN(TestChat)
#include "TestChat.moc"
