// An offline write the server later refuses for good does not stay applied in the cache:
// the client goes offline, makes an edit, delete or reaction the server will refuse
// (the post was deleted by an admin meanwhile, or the user is not its author), comes back,
// and the cache holds the server's state again while the refusal is reported. Chat too: an
// edit of a message deleted meanwhile on another device, a delete after the user was removed
// from the room, a reaction the server does not take.
#include "RawSession.h"
#include "ServerProcess.h"

#include "cache/Outbox.h"
#include "chat/ChatClient.h"
#include "chat/MessageListModel.h"
#include "model/Ids.h"
#include "posts/PostsClient.h"
#include "protocol/ChatMessages.h"
#include "protocol/GroupMessages.h"
#include "protocol/Messages.h"
#include "protocol/NewsMessages.h"
#include "protocol/PostMessages.h"
#include "session/Session.h"

#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace plein;
using namespace plein::client;

namespace {
const QString Password = QStringLiteral("refused-pw");
QString s(const char *c)
{
    return QLatin1String(c);
}
} // namespace

class TestRefusedWrites : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void editOfSomeoneElsesPost();
    void deleteOfSomeoneElsesPost();
    void editOfSomeoneElsesComment();
    void deleteOfSomeoneElsesComment();
    void reactionOnAPostDeletedMeanwhile();
    void groupPostEditByANonAuthor();
    void chatEditOfAMessageDeletedMeanwhile();
    void chatDeleteAfterRemovalFromTheRoom();
    void chatReactionTheServerRefuses();

private:
    // Bert writes a company post (and a comment on it); its id.
    QString bertPost(const QString &text);
    QString bertComment(const QString &post, const QString &text);
    void rootDeletes(const QString &post);
    // A room of Bert's with Anna in it, and a message in it by `author`; the message id.
    QString chatMessage(test::RawSession &author, const QString &text, QString *room = nullptr);
    // Anna's client, signed in and synced, then offline.
    void annaOffline();
    // Anna comes back; waits for one refusal with `code`.
    // Waits for one refusal with `code`; the notice the user gets must contain `told`.
    void annaBackRefused(const char *code, const QString &told);
    QVariant value(const QString &sql, const QVariantList &args = {});

    std::unique_ptr<test::ServerProcess> m_server;
    test::RawSession m_bert;
    test::RawSession m_root;
    test::RawSession m_annaPhone;   // Anna's other device
    std::unique_ptr<QTemporaryDir> m_profile;
    std::unique_ptr<Session> m_anna;
    QString m_db;
};

void TestRefusedWrites::initTestCase()
{
    m_server = std::make_unique<test::ServerProcess>();
    QVERIFY(m_server->addUser(QStringLiteral("anna"), Password, QStringLiteral("Anna de Vries"), s(role::Employee), QStringLiteral("Finance")));
    QVERIFY(m_server->addUser(QStringLiteral("bert"), Password, QStringLiteral("Bert Bakker"), s(role::Employee), QStringLiteral("Sales")));
    QVERIFY(m_server->addUser(QStringLiteral("root"), Password, QStringLiteral("Rita Root"), s(role::Admin), QStringLiteral("IT")));
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    QVERIFY(m_bert.signIn(m_server->url(), QStringLiteral("bert"), Password));
    QVERIFY(m_root.signIn(m_server->url(), QStringLiteral("root"), Password));
    QVERIFY(m_annaPhone.signIn(m_server->url(), QStringLiteral("anna"), Password));
}

void TestRefusedWrites::cleanupTestCase()
{
    m_bert.close();
    m_root.close();
    m_annaPhone.close();
    m_server.reset();
}

void TestRefusedWrites::init()
{
    m_profile = std::make_unique<QTemporaryDir>();
    m_anna = std::make_unique<Session>(m_profile->path());
    QVERIFY(m_anna->openAccount(m_server->url(), QStringLiteral("anna")));
    m_db = QStringLiteral("check-%1").arg(ids::create());
}

void TestRefusedWrites::cleanup()
{
    if (QSqlDatabase::contains(m_db)) {
        QSqlDatabase::database(m_db).close();
        QSqlDatabase::removeDatabase(m_db);
    }
    m_anna.reset();
    m_profile.reset();
}

QString TestRefusedWrites::bertPost(const QString &text)
{
    const QString id = ids::create();
    if (m_bert.write(protocol::type::PostCreate, protocol::encode(protocol::PostCreateBody{id, text})) != QStringLiteral("ack"))
        return {};
    return id;
}

QString TestRefusedWrites::bertComment(const QString &post, const QString &text)
{
    const QString id = ids::create();
    if (m_bert.write(protocol::type::CommentCreate, protocol::encode(protocol::CommentCreateBody{id, post, text}))
        != QStringLiteral("ack"))
        return {};
    return id;
}

void TestRefusedWrites::rootDeletes(const QString &post)
{
    QCOMPARE(m_root.write(protocol::type::PostDelete, protocol::encode(protocol::DeleteBody{post})), QStringLiteral("ack"));
}

void TestRefusedWrites::annaOffline()
{
    QSignalSpy synced(m_anna.get(), &Session::synced);
    m_anna->signIn(Password);
    QVERIFY(synced.wait(20000));
    m_anna->disconnectFromServer();
    QTRY_COMPARE(m_anna->connectionState(), Session::ConnectionState::Offline);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_db);
    db.setDatabaseName(m_anna->replicaPath());
    QVERIFY(db.open());
}

void TestRefusedWrites::annaBackRefused(const char *code, const QString &told)
{
    QSignalSpy refused(m_anna.get(), &Session::writeFailed);
    QSignalSpy synced(m_anna.get(), &Session::synced);
    m_anna->signIn(Password);
    QVERIFY(synced.wait(20000));
    QTRY_COMPARE_WITH_TIMEOUT(refused.count(), 1, 10000);
    QCOMPARE(refused.at(0).at(1).toString(), s(code));
    QVERIFY(!refused.at(0).at(2).toString().isEmpty());
    const QString notice = m_anna->refusalNotice(refused.at(0).at(0).toString(), refused.at(0).at(2).toString());
    QVERIFY2(notice.contains(told) && notice.contains(refused.at(0).at(2).toString()), qPrintable(notice));
    QTRY_COMPARE(m_anna->pendingCount(), 0);
    // The refusal stays visible: the outbox keeps the row, marked failed, with the reason.
    QCOMPARE(Outbox::failedCount(QSqlDatabase::database(m_db)), 1);
    QVERIFY(!value(QStringLiteral("SELECT error FROM outbox WHERE state = 2")).toString().isEmpty());
}

QVariant TestRefusedWrites::value(const QString &sql, const QVariantList &args)
{
    QSqlQuery q(QSqlDatabase::database(m_db));
    q.prepare(sql);
    for (const QVariant &a : args)
        q.addBindValue(a);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0);
}

void TestRefusedWrites::editOfSomeoneElsesPost()
{
    // Forced through the cache: only the author edits a post. (An edit of a post an admin
    // deleted meanwhile, with the delete held back behind the edit, is replayed in exact
    // order by TestRefusals.)
    const QString post = bertPost(QStringLiteral("Pizza bij de lunch #pizza"));
    QVERIFY(!post.isEmpty());
    annaOffline();
    QVERIFY(m_anna->posts()->editPost(post, QStringLiteral("Sushi bij de lunch #sushi")));
    QCOMPARE(value(QStringLiteral("SELECT text FROM posts WHERE id = ?"), {post}).toString(), QStringLiteral("Sushi bij de lunch #sushi"));

    annaBackRefused(protocol::code::Forbidden, QStringLiteral("edit"));
    QTRY_COMPARE(value(QStringLiteral("SELECT text FROM posts WHERE id = ?"), {post}).toString(), QStringLiteral("Pizza bij de lunch #pizza"));
    QCOMPARE(value(QStringLiteral("SELECT edited FROM posts WHERE id = ?"), {post}).toLongLong(), 0);
    QCOMPARE(value(QStringLiteral("SELECT tag FROM hashtags WHERE item_id = ?"), {post}).toString(), QStringLiteral("pizza"));
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'sushi'")).toInt(), 0);
}

void TestRefusedWrites::deleteOfSomeoneElsesPost()
{
    const QString post = bertPost(QStringLiteral("Vrijdag borrel om vijf #borrel"));
    QVERIFY(!post.isEmpty());
    annaOffline();
    // Forced through the cache: only the author (or an admin) may delete it.
    QVERIFY(m_anna->posts()->deletePost(post));
    QCOMPARE(value(QStringLiteral("SELECT deleted FROM posts WHERE id = ?"), {post}).toInt(), 1);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM hashtags WHERE item_id = ?"), {post}).toInt(), 0);

    annaBackRefused(protocol::code::Forbidden, QStringLiteral("delete"));
    QTRY_COMPARE(value(QStringLiteral("SELECT deleted FROM posts WHERE id = ?"), {post}).toInt(), 0);
    QCOMPARE(value(QStringLiteral("SELECT text FROM posts WHERE id = ?"), {post}).toString(), QStringLiteral("Vrijdag borrel om vijf #borrel"));
    QCOMPARE(value(QStringLiteral("SELECT tag FROM hashtags WHERE item_id = ?"), {post}).toString(), QStringLiteral("borrel"));
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'borrel'")).toInt(), 1);
}

void TestRefusedWrites::editOfSomeoneElsesComment()
{
    const QString post = bertPost(QStringLiteral("Wie heeft de sleutel van de fietsenstalling?"));
    const QString comment = bertComment(post, QStringLiteral("Ligt bij de receptie"));
    QVERIFY(!comment.isEmpty());
    annaOffline();
    QVERIFY(m_anna->posts()->editComment(comment, QStringLiteral("Ligt bij mij")));
    QCOMPARE(value(QStringLiteral("SELECT text FROM comments WHERE id = ?"), {comment}).toString(), QStringLiteral("Ligt bij mij"));

    annaBackRefused(protocol::code::Forbidden, QStringLiteral("edit"));
    QTRY_COMPARE(value(QStringLiteral("SELECT text FROM comments WHERE id = ?"), {comment}).toString(), QStringLiteral("Ligt bij de receptie"));
    QCOMPARE(value(QStringLiteral("SELECT edited FROM comments WHERE id = ?"), {comment}).toLongLong(), 0);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM comments_fts WHERE comments_fts MATCH 'mij'")).toInt(), 0);
}

void TestRefusedWrites::deleteOfSomeoneElsesComment()
{
    const QString post = bertPost(QStringLiteral("Nieuwe koffiemachine staat er"));
    const QString comment = bertComment(post, QStringLiteral("Eindelijk cappuccino"));
    QVERIFY(!comment.isEmpty());
    annaOffline();
    QVERIFY(m_anna->posts()->deleteComment(comment));
    QCOMPARE(value(QStringLiteral("SELECT deleted FROM comments WHERE id = ?"), {comment}).toInt(), 1);

    annaBackRefused(protocol::code::Forbidden, QStringLiteral("delete"));
    QTRY_COMPARE(value(QStringLiteral("SELECT deleted FROM comments WHERE id = ?"), {comment}).toInt(), 0);
    QCOMPARE(value(QStringLiteral("SELECT text FROM comments WHERE id = ?"), {comment}).toString(), QStringLiteral("Eindelijk cappuccino"));
}

void TestRefusedWrites::reactionOnAPostDeletedMeanwhile()
{
    const QString post = bertPost(QStringLiteral("Het kwartaal is rond!"));
    QVERIFY(!post.isEmpty());
    annaOffline();
    QVERIFY(m_anna->posts()->react(post, s(protocol::reaction::Celebrate), true));
    const QString mine = QStringLiteral("SELECT count(*) FROM post_reactions WHERE post_id = ? AND reaction = ?");
    QCOMPARE(value(mine, {post, s(protocol::reaction::Celebrate)}).toInt(), 1);
    rootDeletes(post);

    annaBackRefused(protocol::code::NotFound, QStringLiteral("reaction"));
    QTRY_COMPARE(value(mine, {post, s(protocol::reaction::Celebrate)}).toInt(), 0);
    QTRY_COMPARE(value(QStringLiteral("SELECT deleted FROM posts WHERE id = ?"), {post}).toInt(), 1);
}

void TestRefusedWrites::groupPostEditByANonAuthor()
{
    // Bert's post in a group Anna is a member of; Anna edits it (forced through the cache).
    const QString group = ids::create();
    QCOMPARE(m_bert.write(protocol::type::GroupSave,
                          protocol::encode(protocol::GroupSaveBody{group, QStringLiteral("Fietsclub"), {},
                                                                   s(protocol::groupkind::Interest),
                                                                   s(protocol::visibility::Open)})),
             QStringLiteral("ack"));
    const QString post = ids::create();
    QCOMPARE(m_bert.write(protocol::type::GroupPost,
                          protocol::encode(protocol::GroupPostBody{post, group, QStringLiteral("Zondag naar de kust #fietsen")})),
             QStringLiteral("ack"));
    {
        QSignalSpy synced(m_anna.get(), &Session::synced);
        m_anna->signIn(Password);
        QVERIFY(synced.wait(20000));
        m_anna->joinGroup(group);
        QTRY_COMPARE_WITH_TIMEOUT(m_anna->pendingCount(), 0, 10000);
    }
    annaOffline();
    QTRY_COMPARE(value(QStringLiteral("SELECT count(*) FROM group_posts WHERE id = ?"), {post}).toInt(), 1);
    QVERIFY(m_anna->posts()->editPost(post, QStringLiteral("Zondag naar de heide #mtb")));
    QCOMPARE(value(QStringLiteral("SELECT tag FROM hashtags WHERE item_id = ?"), {post}).toString(), QStringLiteral("mtb"));

    annaBackRefused(protocol::code::Forbidden, QStringLiteral("edit"));
    QTRY_COMPARE(value(QStringLiteral("SELECT text FROM group_posts WHERE id = ?"), {post}).toString(), QStringLiteral("Zondag naar de kust #fietsen"));
    QCOMPARE(value(QStringLiteral("SELECT edited FROM group_posts WHERE id = ?"), {post}).toLongLong(), 0);
    QCOMPARE(value(QStringLiteral("SELECT tag FROM hashtags WHERE item_id = ?"), {post}).toString(), QStringLiteral("fietsen"));
    QCOMPARE(value(QStringLiteral("SELECT in_feed FROM group_posts WHERE id = ?"), {post}).toInt(), 1);
}

QString TestRefusedWrites::chatMessage(test::RawSession &author, const QString &text, QString *room)
{
    const QString r = ids::create();
    if (m_bert.write(protocol::type::ChatRoomCreate,
                     protocol::encode(protocol::ChatRoomCreateBody{r, QStringLiteral("Koffiehoek"), false,
                                                                   {m_annaPhone.userId()}}))
        != QStringLiteral("ack"))
        return {};
    const QString id = ids::create();
    if (author.write(protocol::type::ChatSend, protocol::encode(protocol::ChatSendBody{id, r, text, {}}))
        != QStringLiteral("ack"))
        return {};
    if (room)
        *room = r;
    return id;
}

void TestRefusedWrites::chatEditOfAMessageDeletedMeanwhile()
{
    const QString msg = chatMessage(m_annaPhone, QStringLiteral("Koffie om tien"));
    QVERIFY(!msg.isEmpty());
    annaOffline();
    const QString text = QStringLiteral("SELECT text FROM chat_messages WHERE id = ?");
    QTRY_COMPARE(value(text, {msg}).toString(), QStringLiteral("Koffie om tien"));
    QVERIFY(m_anna->chat()->edit(msg, QStringLiteral("Koffie om elf")));
    QCOMPARE(value(text, {msg}).toString(), QStringLiteral("Koffie om elf"));
    // Deleted on her phone meanwhile: the server refuses the edit of a deleted message.
    QCOMPARE(m_annaPhone.write(protocol::type::ChatDelete, protocol::encode(protocol::ChatDeleteBody{msg})),
             QStringLiteral("ack"));

    annaBackRefused(protocol::code::NotFound, QStringLiteral("edit"));
    QTRY_COMPARE(value(QStringLiteral("SELECT deleted FROM chat_messages WHERE id = ?"), {msg}).toInt(), 1);
    QCOMPARE(value(text, {msg}).toString(), QString());
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM chat_fts WHERE chat_fts MATCH 'elf'")).toInt(), 0);
}

void TestRefusedWrites::chatDeleteAfterRemovalFromTheRoom()
{
    QString room;
    const QString msg = chatMessage(m_annaPhone, QStringLiteral("Wie neemt de taart mee?"), &room);
    QVERIFY(!msg.isEmpty());
    annaOffline();
    QTRY_COMPARE(value(QStringLiteral("SELECT count(*) FROM chat_messages WHERE id = ?"), {msg}).toInt(), 1);
    QVERIFY(m_anna->chat()->remove(msg));
    QCOMPARE(value(QStringLiteral("SELECT deleted FROM chat_messages WHERE id = ?"), {msg}).toInt(), 1);
    QCOMPARE(m_bert.write(protocol::type::ChatMemberRemove,
                          protocol::encode(protocol::ChatMemberBody{room, m_annaPhone.userId(), {}})),
             QStringLiteral("ack"));

    // Out of the room, Anna no longer sees it: the room leaves her cache and the refused
    // delete puts back no row of it.
    annaBackRefused(protocol::code::NotFound, QStringLiteral("delete"));
    QTRY_COMPARE(value(QStringLiteral("SELECT count(*) FROM chat_rooms WHERE id = ?"), {room}).toInt(), 0);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM chat_messages WHERE id = ?"), {msg}).toInt(), 0);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM outbox_undo")).toInt(), 0);
}

void TestRefusedWrites::chatReactionTheServerRefuses()
{
    QString room;
    const QString msg = chatMessage(m_bert, QStringLiteral("Taart staat in de keuken"), &room);
    QVERIFY(!msg.isEmpty());
    annaOffline();
    QTRY_COMPARE(value(QStringLiteral("SELECT count(*) FROM chat_messages WHERE id = ?"), {msg}).toInt(), 1);
    MessageListModel *shown = m_anna->chat()->messages();
    m_anna->chat()->openRoom(room);
    const auto reactionsShown = [&] {
        return shown->index(shown->rowOf(msg)).data(MessageListModel::ReactionsRole).toList().size();
    };
    QTRY_VERIFY(shown->rowOf(msg) >= 0);
    // Longer than any emoji: the server takes no such reaction.
    const QString emoji = QStringLiteral("\U0001F370").repeated(protocol::chat::MaxEmojiChars);
    QVERIFY(m_anna->chat()->react(msg, emoji, true));
    const QString mine = QStringLiteral("SELECT count(*) FROM chat_reactions WHERE message = ?");
    QCOMPARE(value(mine, {msg}).toInt(), 1);
    shown->refresh();
    QCOMPARE(reactionsShown(), 1);

    annaBackRefused(protocol::code::TooLarge, QStringLiteral("reaction"));
    QTRY_COMPARE(value(mine, {msg}).toInt(), 0);
    QTRY_COMPARE(reactionsShown(), 0);   // the open room shows it gone too
    QCOMPARE(value(QStringLiteral("SELECT deleted FROM chat_messages WHERE id = ?"), {msg}).toInt(), 0);
}

QTEST_MAIN(TestRefusedWrites)
#include "TestRefusedWrites.moc"
