// The chat cache against late server echoes, without a server so the order is exact: a
// send's echo that lands after the author deleted (or edited) the message locally must not
// bring the old text back, neither while the delete waits in the outbox nor after its ack
// and before its own change arrives.
#include "SignedInReplica.h"
#include "cache/ChangeApplier.h"
#include "cache/Outbox.h"
#include "cache/Replica.h"
#include "chat/ChatCache.h"
#include "model/Ids.h"
#include "protocol/ChatMessages.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace plein;
using namespace plein::client;
using protocol::Change;

namespace {
const QString Room = QStringLiteral("8f0f3c55-7d0e-4d38-9c55-0c6d1b8e2a11");

Change messageChange(qint64 seq, const protocol::ChatMessage &m, const QString &op = {})
{
    return Change{seq, QLatin1String(protocol::kind::ChatMessage), m.id, op, false, protocol::encode(m)};
}

struct Row
{
    QString text;
    bool deleted = false;
    int state = -1;
    qint64 seq = -1;
};
} // namespace

class TestChatRace : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void lateSendEchoDoesNotUndoALocalDelete();
    void lateEchoDoesNotUndoALocalEdit();
    void changesWithoutLocalWritesStillApply();

private:
    QSqlDatabase db() const { return m_replica.db(); }
    Row row(const QString &id) const;
    qint64 outboxCount(const QString &op) const;

    test::SignedInReplica m_replica;
};

void TestChatRace::init()
{
    QVERIFY(m_replica.open(QStringLiteral("race")));
}

void TestChatRace::cleanup()
{
    m_replica.close();
}

Row TestChatRace::row(const QString &id) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT text, deleted, state, seq FROM chat_messages WHERE id = ?"));
    q.addBindValue(id);
    Row r;
    if (q.exec() && q.next())
        r = {q.value(0).toString(), q.value(1).toInt() != 0, q.value(2).toInt(), q.value(3).toLongLong()};
    return r;
}

qint64 TestChatRace::outboxCount(const QString &op) const
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE op = ?"));
    q.addBindValue(op);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

void TestChatRace::lateSendEchoDoesNotUndoALocalDelete()
{
    auto sent = chatcache::send(db(), Room, QStringLiteral("the password is hunter2"));
    QVERIFY(sent);
    auto removed = chatcache::remove(db(), sent->id);
    QVERIFY(removed);
    QVERIFY(row(sent->id).deleted);

    // The echo of the send arrives after the local delete: it settles the send, and the
    // message stays deleted (the delete is still waiting in the outbox).
    ChangeApplier applier(db());
    const protocol::ChatMessage original{sent->id, Room, m_replica.me(), QStringLiteral("the password is hunter2"), 1000, 7, 0, false, {}};
    auto a = applier.apply({messageChange(2, original, sent->op)});
    QVERIFY2(a, a ? "" : qPrintable(a.error().message));
    QCOMPARE(a->settledOps, QStringList{sent->op});
    QCOMPARE(outboxCount(sent->op), 0);
    QCOMPARE(outboxCount(removed->op), 1);
    Row r = row(sent->id);
    QVERIFY(r.deleted);
    QCOMPARE(r.text, QString());

    // The delete is acknowledged (its change will be seq 9) while older changes are still
    // on their way (the stream lags behind the acks): those lose to the ack.
    Outbox outbox(db());
    auto acked = outbox.acknowledge(removed->op, 9);
    QVERIFY(acked && acked.value());
    protocol::ChatMessage edited = original;
    edited.text = QStringLiteral("the password is hunter2 (typo)");
    edited.edited = 2000;
    QVERIFY(applier.apply({messageChange(5, edited)}));
    r = row(sent->id);
    QVERIFY(r.deleted);
    QCOMPARE(r.text, QString());
    QCOMPARE(r.seq, 9);

    // The delete's own change lands as it is.
    protocol::ChatMessage gone = original;
    gone.text.clear();
    gone.deleted = true;
    QVERIFY(applier.apply({messageChange(9, gone, removed->op)}));
    r = row(sent->id);
    QVERIFY(r.deleted);
    QCOMPARE(r.state, 0);
    QCOMPARE(r.seq, 9);
}

void TestChatRace::lateEchoDoesNotUndoALocalEdit()
{
    // A message the server already has.
    const QString id = ids::create();
    ChangeApplier applier(db());
    const protocol::ChatMessage m{id, Room, m_replica.me(), QStringLiteral("Meeting at 3"), 1000, 3, 0, false, {}};
    QVERIFY(applier.apply({messageChange(2, m)}));
    auto e = chatcache::edit(db(), id, QStringLiteral("Meeting at 4"));
    QVERIFY(e);
    // A copy of the message from before the edit (a reaction made it travel again, or a
    // history page): held back while the edit is pending.
    QVERIFY(applier.apply({messageChange(3, m)}));
    QCOMPARE(row(id).text, QStringLiteral("Meeting at 4"));
    // The page path (snapshot or history) is held back the same way.
    {
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO scopes (scope, role) VALUES ('room:%1', 'member')").arg(Room)));
    }
    protocol::ScopePageBody page;
    page.scope = QStringLiteral("room:") + Room;
    page.changes = {messageChange(3, m)};
    QVERIFY(applier.applyPage(page, false));
    QCOMPARE(row(id).text, QStringLiteral("Meeting at 4"));
    // The edit's own change settles it.
    protocol::ChatMessage after = m;
    after.text = QStringLiteral("Meeting at 4");
    after.edited = 2000;
    QVERIFY(applier.apply({messageChange(4, after, e->op)}));
    QCOMPARE(outboxCount(e->op), 0);
    QCOMPARE(row(id).text, QStringLiteral("Meeting at 4"));
    QCOMPARE(row(id).seq, 4);
}

void TestChatRace::changesWithoutLocalWritesStillApply()
{
    // Someone else's message, edited on the server: every change lands, newest wins.
    const QString id = ids::create();
    const QString other = ids::create();
    ChangeApplier applier(db());
    protocol::ChatMessage m{id, Room, other, QStringLiteral("v1"), 1000, 1, 0, false, {}};
    QVERIFY(applier.apply({messageChange(2, m)}));
    m.text = QStringLiteral("v2");
    QVERIFY(applier.apply({messageChange(3, m)}));
    QCOMPARE(row(id).text, QStringLiteral("v2"));
    // A pending op on another message holds nothing back here.
    auto sent = chatcache::send(db(), Room, QStringLiteral("mine"));
    QVERIFY(sent);
    QVERIFY(chatcache::remove(db(), sent->id));
    m.text = QStringLiteral("v3");
    QVERIFY(applier.apply({messageChange(4, m)}));
    QCOMPARE(row(id).text, QStringLiteral("v3"));
}

QTEST_GUILESS_MAIN(TestChatRace)
#include "TestChatRace.moc"
