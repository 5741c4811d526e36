// Chat through the real client core (Session, replica, outbox, sync engine) against a real
// plein-server, with two and three clients: live delivery, edits and deletes, read state
// across two computers of one user, history on demand, offline messages across a client
// restart (exactly once, in order), a refused message shown as failed, leaving purges.
#include "ServerProcess.h"

#include "cache/Replica.h"
#include "chat/ChatClient.h"
#include "chat/MessageListModel.h"
#include "chat/RoomListModel.h"
#include "session/Session.h"

#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace plein;
using namespace plein::client;

namespace {
const QString Password = QStringLiteral("chat-client-pw");

struct Client
{
    QTemporaryDir dir;
    std::unique_ptr<Session> session;
    Session *operator->() const { return session.get(); }
    ChatClient *chat() const { return session->chat(); }
};

QVariant replicaValue(const Client &c, const QString &sql, const QVariantList &values = {})
{
    const QString name = Replica::uniqueConnectionName(QStringLiteral("probe"));
    QVariant v;
    {
        auto db = Replica::open(c->replicaPath(), name, Replica::Access::ReadOnly);
        if (db) {
            QSqlQuery q(db.value());
            q.prepare(sql);
            for (const QVariant &value : values)
                q.addBindValue(value);
            if (q.exec() && q.next())
                v = q.value(0);
        }
    }
    Replica::close(name);
    return v;
}

qint64 count(const Client &c, const QString &sql, const QVariantList &values = {})
{
    return replicaValue(c, sql, values).toLongLong();
}

QString roomOf(const Client &c, const QString &name)
{
    return replicaValue(c, QStringLiteral("SELECT id FROM chat_rooms WHERE name = ?"), {name}).toString();
}

QString userId(const Client &c, const QString &name)
{
    return replicaValue(c, QStringLiteral("SELECT id FROM users WHERE name = ?"), {name}).toString();
}
} // namespace

class TestChatClient : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void liveEditDeleteReactAndReadState();
    void offlineMessagesSurviveRestartExactlyOnceInOrder();
    void refusedMessageShowsFailedAndCanBeDiscarded();
    void historyOnDemandAndLeavePurges();
    void directRoomOfflineQueuesAndRefusedOneLeaves();

private:
    bool connect(Client &c, const QString &user, QString *why);

    plein::test::ServerProcess m_server;
};

void TestChatClient::initTestCase()
{
    QVERIFY(m_server.addUser(QStringLiteral("anna"), Password, QStringLiteral("Anna de Vries")));
    QVERIFY(m_server.addUser(QStringLiteral("bert"), Password, QStringLiteral("Bert Jansen")));
    QVERIFY(m_server.addUser(QStringLiteral("cees"), Password, QStringLiteral("Cees Bakker")));
    QVERIFY(m_server.addUser(QStringLiteral("dora"), Password, QStringLiteral("Dora Smit")));
    QVERIFY(m_server.addUser(QStringLiteral("eddy"), Password, QStringLiteral("Eddy Visser")));
    QVERIFY(m_server.addUser(QStringLiteral("fay"), Password, QStringLiteral("Fay Mulder")));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
}

bool TestChatClient::connect(Client &c, const QString &user, QString *why)
{
    if (!c.session)
        c.session = std::make_unique<Session>(c.dir.path());
    if (c->replicaPath().isEmpty() && !c.session->openAccount(m_server.url(), user, why))
        return false;
    QSignalSpy synced(c.session.get(), &Session::synced);
    QSignalSpy refused(c.session.get(), &Session::signInFailed);
    c.session->signIn(Password);
    QElapsedTimer t;
    t.start();
    while (synced.isEmpty() && refused.isEmpty() && t.elapsed() < 20000)
        synced.wait(100);
    if (synced.isEmpty()) {
        *why = refused.isEmpty() ? QStringLiteral("no sync") : refused.first().at(1).toString();
        return false;
    }
    return true;
}

void TestChatClient::liveEditDeleteReactAndReadState()
{
    Client anna, bert, cees, bertLaptop;
    QString why;
    QVERIFY2(connect(anna, QStringLiteral("anna"), &why), qPrintable(why));
    QVERIFY2(connect(bert, QStringLiteral("bert"), &why), qPrintable(why));
    QVERIFY2(connect(cees, QStringLiteral("cees"), &why), qPrintable(why));
    QVERIFY2(connect(bertLaptop, QStringLiteral("bert"), &why), qPrintable(why));

    QString err0;
    QVERIFY2(!anna.chat()->createRoom(QStringLiteral("Kantoor"), {userId(anna, QStringLiteral("bert")),
                                                                   userId(anna, QStringLiteral("cees"))},
                                      false, &err0)
                  .isEmpty(),
             qPrintable(err0));
    QTRY_VERIFY_WITH_TIMEOUT(!roomOf(cees, QStringLiteral("Kantoor")).isEmpty(), 10000);
    const QString room = roomOf(cees, QStringLiteral("Kantoor"));
    QTRY_VERIFY(bert.chat()->rooms()->rowOf(room) >= 0);
    QTRY_COMPARE(count(bert, QStringLiteral("SELECT count(*) FROM scope_members WHERE scope = ?"),
                       {QStringLiteral("room:") + room}),
                 3);

    // Three clients: a message reaches the other two at once, a mention is counted.
    anna.chat()->openRoom(room);
    QString err;
    const QString m1 = anna.chat()->send(room, QStringLiteral("Goedemorgen @bert! Zie `Ledger::close()`"), {}, &err);
    QVERIFY2(!m1.isEmpty(), qPrintable(err));
    QCOMPARE(anna.chat()->messages()->rowCount(), 1);   // pending at once
    QTRY_COMPARE(bert.chat()->rooms()->row(room) ? bert.chat()->rooms()->row(room)->unread : -1, 1);
    QCOMPARE(bert.chat()->rooms()->row(room)->mentions, 1);
    QTRY_COMPARE(cees.chat()->rooms()->row(room) ? cees.chat()->rooms()->row(room)->unread : -1, 1);
    QCOMPARE(cees.chat()->rooms()->row(room)->mentions, 0);
    QTRY_COMPARE(anna.chat()->messages()->index(0).data(MessageListModel::StateRole).toInt(), 0);

    // Edit and delete propagate.
    QVERIFY(anna.chat()->edit(m1, QStringLiteral("Goedemorgen @bert (bijgewerkt)")));
    QTRY_COMPARE(count(cees, QStringLiteral("SELECT count(*) FROM chat_messages WHERE id = ? AND edited > 0 AND text LIKE '%bijgewerkt%'"),
                       {m1}),
                 1);
    const QString m2 = cees.chat()->send(room, QStringLiteral("Oeps, verkeerde kamer"));
    QTRY_COMPARE(count(anna, QStringLiteral("SELECT count(*) FROM chat_messages WHERE id = ? AND pos IS NOT NULL"), {m2}),
                 1);
    QVERIFY(!anna.chat()->remove(m2));   // not hers
    QVERIFY(cees.chat()->remove(m2));
    QTRY_COMPARE(count(anna, QStringLiteral("SELECT count(*) FROM chat_messages WHERE id = ? AND deleted = 1 AND text = ''"),
                       {m2}),
                 1);
    // Reactions and replies.
    QVERIFY(bert.chat()->react(m1, QStringLiteral("👍"), true));
    const QString m3 = bert.chat()->send(room, QStringLiteral("Prima"), m1);
    anna.chat()->messages()->refresh();
    QTRY_COMPARE(count(anna, QStringLiteral("SELECT count(*) FROM chat_reactions WHERE message = ?"), {m1}), 1);
    QTRY_COMPARE(count(anna, QStringLiteral("SELECT count(*) FROM chat_messages WHERE id = ? AND reply_to = ?"), {m3, m1}),
                 1);
    QTRY_VERIFY(anna.chat()->messages()->rowOf(m3) >= 0);
    const QModelIndex reply = anna.chat()->messages()->index(anna.chat()->messages()->rowOf(m3));
    QCOMPARE(reply.data(MessageListModel::ReplyAuthorRole).toString(), QStringLiteral("Anna de Vries"));
    const QVariantList reactions =
        anna.chat()->messages()->index(anna.chat()->messages()->rowOf(m1)).data(MessageListModel::ReactionsRole).toList();
    QCOMPARE(reactions.size(), 1);
    QCOMPARE(reactions.constFirst().toMap().value(QStringLiteral("count")).toInt(), 1);

    // Read state follows Bert to his other computer.
    QTRY_COMPARE(bertLaptop.chat()->rooms()->row(room) ? bertLaptop.chat()->rooms()->row(room)->unread : -1, 1);
    bert.chat()->openRoom(room);
    QVERIFY(bert.chat()->messages()->firstUnreadRow() >= 0);
    bert.chat()->markCurrentRead();
    QTRY_COMPARE(bert.chat()->rooms()->row(room)->unread, 0);
    QTRY_COMPARE(bertLaptop.chat()->rooms()->row(room)->unread, 0);
    QCOMPARE(bertLaptop.chat()->rooms()->row(room)->mentions, 0);

    // Search, offline, from the local index.
    const QList<ChatHit> hits = cees.chat()->search(QStringLiteral("bijgewerk"));
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.constFirst().messageId, m1);
    // Deleted, once the delete has reached Cees (a late echo never undoes a local delete on
    // the author's side: TestChatRace).
    QTRY_VERIFY(cees.chat()->search(QStringLiteral("verkeerde")).isEmpty());
}

void TestChatClient::offlineMessagesSurviveRestartExactlyOnceInOrder()
{
    Client anna, bert;
    QString why;
    QVERIFY2(connect(anna, QStringLiteral("anna"), &why), qPrintable(why));
    QVERIFY2(connect(bert, QStringLiteral("bert"), &why), qPrintable(why));
    anna.chat()->createRoom({}, {userId(anna, QStringLiteral("bert"))}, true);
    const auto directRoom = [&] {
        return replicaValue(bert, QStringLiteral("SELECT id FROM chat_rooms WHERE direct = 1")).toString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!directRoom().isEmpty(), 10000);
    const QString room = directRoom();
    QTRY_VERIFY(anna.chat()->rooms()->rowOf(room) >= 0);

    anna->disconnectFromServer();
    QTRY_VERIFY(anna->connectionState() == Session::ConnectionState::Offline);
    QStringList ids;
    for (int i = 0; i < 5; ++i)
        ids.append(anna.chat()->send(room, QStringLiteral("offline %1").arg(i)));
    anna.chat()->openRoom(room);
    QCOMPARE(anna.chat()->messages()->index(anna.chat()->messages()->rowCount() - 1)
                 .data(MessageListModel::StateRole)
                 .toInt(),
             1);
    QCOMPARE(anna->pendingCount(), 5);
    // Restart the client: a new Session on the same profile.
    anna.session.reset();
    QVERIFY2(connect(anna, QStringLiteral("anna"), &why), qPrintable(why));
    QTRY_COMPARE_WITH_TIMEOUT(anna->pendingCount(), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(count(bert, QStringLiteral("SELECT count(*) FROM chat_messages WHERE room = ? AND text LIKE 'offline %'"),
                                    {room}),
                              5, 10000);
    QStringList order;
    {
        const QString name = Replica::uniqueConnectionName(QStringLiteral("probe"));
        {
            auto db = Replica::open(bert->replicaPath(), name, Replica::Access::ReadOnly);
            QVERIFY(db);
            QSqlQuery q(db.value());
            q.prepare(QStringLiteral("SELECT id FROM chat_messages WHERE room = ? ORDER BY pos"));
            q.addBindValue(room);
            QVERIFY(q.exec());
            while (q.next())
                order.append(q.value(0).toString());
        }
        Replica::close(name);
    }
    QCOMPARE(order, ids);
}

void TestChatClient::refusedMessageShowsFailedAndCanBeDiscarded()
{
    Client anna, bert;
    QString why;
    QVERIFY2(connect(anna, QStringLiteral("anna"), &why), qPrintable(why));
    QVERIFY2(connect(bert, QStringLiteral("bert"), &why), qPrintable(why));
    bert.chat()->createRoom(QStringLiteral("Tijdelijk"), {userId(bert, QStringLiteral("anna"))}, false);
    QTRY_VERIFY_WITH_TIMEOUT(!roomOf(anna, QStringLiteral("Tijdelijk")).isEmpty(), 10000);
    const QString room = roomOf(anna, QStringLiteral("Tijdelijk"));

    // Anna writes offline while Bert removes her: the server refuses her message.
    anna->disconnectFromServer();
    QTRY_VERIFY(anna->connectionState() == Session::ConnectionState::Offline);
    const QString id = anna.chat()->send(room, QStringLiteral("Nog één ding"));
    QVERIFY(bert.chat()->removeMember(room, userId(bert, QStringLiteral("anna"))));
    QTRY_COMPARE(bert->pendingCount(), 0);
    QSignalSpy failed(anna.session.get(), &Session::writeFailed);
    QVERIFY2(connect(anna, QStringLiteral("anna"), &why), qPrintable(why));
    // The `scope` deletion purges the room, so the refusal is checked on the outbox row.
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 10000);
    QCOMPARE(failed.first().at(1).toString(), QStringLiteral("not_found"));
    QTRY_COMPARE(count(anna, QStringLiteral("SELECT count(*) FROM chat_rooms WHERE id = ?"), {room}), 0);

    // A refusal while still a member: too long for the server (the client does not check
    // what only the server knows, e.g. a reply to a message that is gone).
    bert.chat()->createRoom(QStringLiteral("Blijvend"), {userId(bert, QStringLiteral("anna"))}, false);
    QTRY_VERIFY_WITH_TIMEOUT(!roomOf(anna, QStringLiteral("Blijvend")).isEmpty(), 10000);
    const QString kept = roomOf(anna, QStringLiteral("Blijvend"));
    const QString bad = anna.chat()->send(kept, QStringLiteral("antwoord"), QStringLiteral("00000000-0000-4000-8000-000000000000"));
    QTRY_COMPARE_WITH_TIMEOUT(count(anna, QStringLiteral("SELECT count(*) FROM chat_messages WHERE id = ? AND state = 2 AND error <> ''"),
                                    {bad}),
                              1, 10000);
    anna.chat()->openRoom(kept);
    const int row = anna.chat()->messages()->rowOf(bad);
    QVERIFY(row >= 0);
    QCOMPARE(anna.chat()->messages()->index(row).data(MessageListModel::StateRole).toInt(), 2);
    QVERIFY(!anna.chat()->messages()->index(row).data(MessageListModel::ErrorRole).toString().isEmpty());
    // Discard it: gone locally, nothing sent.
    QVERIFY(anna.chat()->remove(bad));
    QCOMPARE(count(anna, QStringLiteral("SELECT count(*) FROM chat_messages WHERE id = ?"), {bad}), 0);
    QCOMPARE(count(anna, QStringLiteral("SELECT count(*) FROM outbox WHERE entity_id = ?"), {bad}), 0);
    Q_UNUSED(id);
}

void TestChatClient::historyOnDemandAndLeavePurges()
{
    Client anna, bert;
    QString why;
    QVERIFY2(connect(anna, QStringLiteral("anna"), &why), qPrintable(why));
    anna.chat()->createRoom(QStringLiteral("Archief"), {userId(anna, QStringLiteral("bert"))}, false);
    QTRY_VERIFY_WITH_TIMEOUT(!roomOf(anna, QStringLiteral("Archief")).isEmpty(), 10000);
    const QString room = roomOf(anna, QStringLiteral("Archief"));
    for (int i = 0; i < 130; ++i)
        anna.chat()->send(room, QStringLiteral("regel %1").arg(i));
    QTRY_COMPARE_WITH_TIMEOUT(anna->pendingCount(), 0, 20000);

    // Bert's first computer gets the newest 50 and the rest on demand.
    QVERIFY2(connect(bert, QStringLiteral("bert"), &why), qPrintable(why));
    QTRY_COMPARE_WITH_TIMEOUT(count(bert, QStringLiteral("SELECT count(*) FROM chat_messages WHERE room = ?"), {room}), 50,
                              10000);
    bert.chat()->openRoom(room);
    QCOMPARE(bert.chat()->messages()->rowCount(), 50);
    QCOMPARE(bert.chat()->messages()->index(49).data(MessageListModel::TextRole).toString(), QStringLiteral("regel 129"));
    QSignalSpy fetched(bert.session.get(), &Session::historyFetched);
    QVERIFY(bert.chat()->loadOlder());
    QTRY_COMPARE(fetched.size(), 1);
    QCOMPARE(count(bert, QStringLiteral("SELECT count(*) FROM chat_messages WHERE room = ?"), {room}), 100);
    QVERIFY(bert.chat()->loadOlder());   // from the cache now
    QCOMPARE(bert.chat()->messages()->rowCount(), 100);
    QVERIFY(bert.chat()->loadOlder());   // the server again
    QTRY_COMPARE(fetched.size(), 2);
    QVERIFY(bert.chat()->loadOlder());
    QCOMPARE(bert.chat()->messages()->rowCount(), 130);
    QCOMPARE(bert.chat()->messages()->index(0).data(MessageListModel::TextRole).toString(), QStringLiteral("regel 0"));
    QVERIFY(!bert.chat()->loadOlder());

    // Leaving purges every row of the room from the replica.
    QVERIFY(bert.chat()->leave(room));
    QTRY_COMPARE_WITH_TIMEOUT(count(bert, QStringLiteral("SELECT count(*) FROM chat_messages WHERE room = ?"), {room}), 0,
                              10000);
    QCOMPARE(count(bert, QStringLiteral("SELECT count(*) FROM chat_rooms WHERE id = ?"), {room}), 0);
    QCOMPARE(count(bert, QStringLiteral("SELECT count(*) FROM scopes WHERE scope = ?"), {QStringLiteral("room:") + room}), 0);
    QCOMPARE(count(bert, QStringLiteral("SELECT count(*) FROM chat_fts WHERE chat_fts MATCH 'regel'")), 0);
}

void TestChatClient::directRoomOfflineQueuesAndRefusedOneLeaves()
{
    Client dora, eddy, fay;
    QString why;
    QVERIFY2(connect(dora, QStringLiteral("dora"), &why), qPrintable(why));
    QVERIFY2(connect(eddy, QStringLiteral("eddy"), &why), qPrintable(why));
    QVERIFY2(connect(fay, QStringLiteral("fay"), &why), qPrintable(why));
    const QString eddyId = userId(dora, QStringLiteral("eddy"));

    // Offline, no room yet: it is made locally at once, opens, takes a message, and both queue.
    dora->disconnectFromServer();
    QTRY_VERIFY(dora->connectionState() == Session::ConnectionState::Offline);
    QString error;
    QVERIFY(dora.chat()->directRoom(userId(dora, QStringLiteral("dora")), &error).isEmpty());
    QVERIFY(!error.isEmpty());
    const QString room = dora.chat()->directRoom(eddyId, &error);
    QVERIFY2(!room.isEmpty(), qPrintable(error));
    QCOMPARE(dora.chat()->directRoom(eddyId), room);   // the same room again, nothing more queued
    const int row = dora.chat()->rooms()->rowOf(room);
    QVERIFY(row >= 0);
    QCOMPARE(dora.chat()->rooms()->index(row).data(RoomListModel::PartnerIdRole).toString(), eddyId);
    QCOMPARE(dora.chat()->rooms()->index(row).data(RoomListModel::NameRole).toString(), QStringLiteral("Eddy Visser"));
    dora.chat()->openRoom(room);
    QVERIFY(!dora.chat()->send(room, QStringLiteral("Hoi Eddy, geschreven in de trein")).isEmpty());
    QCOMPARE(dora->pendingCount(), 2);

    // Online: the room is created first, then the message goes; Eddy has both.
    QVERIFY2(connect(dora, QStringLiteral("dora"), &why), qPrintable(why));
    QTRY_COMPARE_WITH_TIMEOUT(dora->pendingCount(), 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(count(eddy, QStringLiteral("SELECT count(*) FROM chat_messages WHERE room = ?"
                                                         " AND text LIKE 'Hoi Eddy%'"),
                                    {room}),
                              1, 10000);
    QCOMPARE(count(eddy, QStringLiteral("SELECT direct FROM chat_rooms WHERE id = ?"), {room}), 1);
    QTRY_VERIFY(count(dora, QStringLiteral("SELECT seq FROM chat_rooms WHERE id = ?"), {room}) > 0);
    QCOMPARE(eddy.chat()->directRoom(userId(eddy, QStringLiteral("dora"))), room);   // found, not made

    // Refused: Eddy makes a room with Fay offline while Fay makes one with him. The server
    // keeps Fay's; Eddy's pending one leaves his cache and Fay's is the one he finds.
    eddy->disconnectFromServer();
    QTRY_VERIFY(eddy->connectionState() == Session::ConnectionState::Offline);
    const QString fayId = userId(eddy, QStringLiteral("fay"));
    const QString mine = eddy.chat()->directRoom(fayId);
    QVERIFY(!mine.isEmpty());
    const QString hers = fay.chat()->directRoom(userId(fay, QStringLiteral("eddy")));
    QVERIFY(!hers.isEmpty() && hers != mine);
    QTRY_COMPARE(fay->pendingCount(), 0);
    QSignalSpy failed(eddy.session.get(), &Session::writeFailed);
    QVERIFY2(connect(eddy, QStringLiteral("eddy"), &why), qPrintable(why));
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 10000);
    QCOMPARE(failed.first().at(1).toString(), QStringLiteral("conflict"));
    QTRY_COMPARE(count(eddy, QStringLiteral("SELECT count(*) FROM chat_rooms WHERE id = ?"), {mine}), 0);
    QCOMPARE(count(eddy, QStringLiteral("SELECT count(*) FROM scopes WHERE scope = ?"), {QStringLiteral("room:") + mine}), 0);
    QCOMPARE(eddy.chat()->directRoom(fayId), hers);
}

QTEST_MAIN(TestChatClient)
#include "TestChatClient.moc"
