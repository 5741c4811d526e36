// Every kind of content write (reaction, post edit and delete, comment on a group post and its
// edit and delete, blog page and its edit) made offline shows in the client's cache at once,
// survives a client restart, and reaches the server exactly once when the client is back;
// and the hashtag view finds posts, group posts and blog pages from the cache.
#include "RawSession.h"
#include "ServerProcess.h"

#include "models/CommentsModel.h"
#include "models/Roles.h"
#include "models/TimelineModel.h"
#include "posts/ContentModel.h"
#include "posts/PostsClient.h"
#include "protocol/GroupMessages.h"
#include "protocol/NewsMessages.h"
#include "protocol/PostMessages.h"
#include "session/Session.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace plein;
using namespace plein::client;

namespace {
const QString Password = QStringLiteral("posts-pw");
QString s(const char *c)
{
    return QLatin1String(c);
}
QModelIndex rowOf(ContentModel *m, const QString &id)
{
    return m->index(m->rowOf(id));
}
} // namespace

class TestPostsOutbox : public QObject
{
    Q_OBJECT
private slots:
    void offlineWritesSurviveRestart();
};

void TestPostsOutbox::offlineWritesSurviveRestart()
{
    plein::test::ServerProcess server;
    QVERIFY(server.addUser(QStringLiteral("anna"), Password, QStringLiteral("Anna de Vries"), s(role::Employee), QStringLiteral("Finance")));
    QVERIFY(server.addUser(QStringLiteral("bert"), Password, QStringLiteral("Bert Bakker"), s(role::Employee), QStringLiteral("Sales")));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    test::RawSession bert;
    QVERIFY(bert.signIn(server.url(), QStringLiteral("bert"), Password));

    QTemporaryDir profile;
    QString group, groupPost, companyPost, comment, blog;
    {
        Session ses(profile.path());
        QVERIFY(ses.openAccount(server.url(), QStringLiteral("anna")));
        QSignalSpy synced(&ses, &Session::synced);
        ses.signIn(Password);
        QVERIFY(synced.wait(20000));
        group = ses.createGroup(QStringLiteral("Hardlopen"), QStringLiteral("Elke donderdag"), s(protocol::groupkind::Interest), s(protocol::visibility::Open));
        QVERIFY(!group.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(ses.pendingCount(), 0, 10000);
        QCOMPARE(bert.write(protocol::type::GroupJoin, protocol::encode(protocol::GroupRefBody{group})), QStringLiteral("ack"));
        groupPost = ses.postInGroup(group, QStringLiteral("Donderdag de lange route"));
        companyPost = ses.createPost(QStringLiteral("Koffie in de kantine #koffie"));
        QVERIFY(!groupPost.isEmpty() && !companyPost.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(ses.pendingCount(), 0, 10000);

        ses.disconnectFromServer();
        QTRY_COMPARE(ses.connectionState(), Session::ConnectionState::Offline);
        PostsClient *posts = ses.posts();
        ContentModel *gp = posts->groupPosts();
        QAbstractItemModelTester tester(gp, QAbstractItemModelTester::FailureReportingMode::QtTest);
        gp->setKey(group);
        QVERIFY(gp->rowOf(groupPost) >= 0);
        QVERIFY(posts->react(groupPost, s(protocol::reaction::Celebrate), true));
        QVERIFY(posts->react(groupPost, s(protocol::reaction::Like), true));
        QVERIFY(posts->editPost(groupPost, QStringLiteral("Donderdag de **korte** route #hardlopen")));
        comment = posts->comment(groupPost, QStringLiteral("Wie loopt er mee?"));
        QVERIFY(!comment.isEmpty());
        QVERIFY(posts->editComment(comment, QStringLiteral("Wie loopt er mee, @bert?")));
        QVERIFY(posts->deletePost(companyPost));
        blog = posts->saveBlog({}, group, QStringLiteral("Routes"), QStringLiteral("## Park\nRondje van 5 km. #hardlopen"));
        QVERIFY(!blog.isEmpty());
        QVERIFY(!posts->saveBlog(blog, {}, QStringLiteral("Routes rond kantoor"), QStringLiteral("## Park\nRondje van 6 km. #hardlopen")).isEmpty());
        // Bad input queues nothing.
        QString error;
        QVERIFY(!posts->editPost(groupPost, QStringLiteral("   "), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!posts->react(groupPost, QStringLiteral("angry"), true));
        QCOMPARE(ses.pendingCount(), 8);

        // The cache shows it all at once.
        const QModelIndex p = rowOf(gp, groupPost);
        QCOMPARE(p.data(TextRole).toString(), QStringLiteral("Donderdag de **korte** route #hardlopen"));
        QVERIFY(p.data(EditedRole).toDateTime().isValid());
        QCOMPARE(p.data(MyReactionsRole).toStringList(), (QStringList{s(protocol::reaction::Like), s(protocol::reaction::Celebrate)}));
        QCOMPARE(p.data(ReactionsRole).toMap().value(s(protocol::reaction::Celebrate)).toInt(), 1);
        QCOMPARE(p.data(CommentCountRole).toInt(), 1);
        const QModelIndex cp = ses.timelineModel()->index(ses.timelineModel()->rowOf(companyPost));
        QVERIFY(cp.data(DeletedRole).toBool());
        QCOMPARE(cp.data(TextRole).toString(), QString());
        posts->tagged()->setKey(QStringLiteral("hardlopen"));
        QCOMPARE(posts->tagged()->rowCount(), 2);   // the group post and the blog page
        posts->tagged()->setKey(QStringLiteral("koffie"));
        QCOMPARE(posts->tagged()->rowCount(), 0);   // deleted: gone from the index
        QCOMPARE(posts->blogPage(blog).title, QStringLiteral("Routes rond kantoor"));
    }   // the client quits with eight writes queued
    {
        Session ses(profile.path());
        QVERIFY(ses.openAccount(server.url(), QStringLiteral("anna")));
        QCOMPARE(ses.pendingCount(), 8);
        ses.posts()->groupPosts()->setKey(group);
        QVERIFY(rowOf(ses.posts()->groupPosts(), groupPost).data(EditedRole).toDateTime().isValid());
        QSignalSpy synced(&ses, &Session::synced);
        ses.signIn(Password);
        QVERIFY(synced.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(ses.pendingCount(), 0, 20000);
        // The server's copies settle the pending rows and agree with them.
        ses.posts()->groupComments()->setPost(groupPost);
        QTRY_COMPARE(ses.posts()->groupComments()->rowCount(), 1);
        QTRY_COMPARE(ses.posts()->groupComments()->index(0).data(StateRole).value<ItemState>(), ItemState::Sent);
        QCOMPARE(ses.posts()->groupComments()->index(0).data(TextRole).toString(), QStringLiteral("Wie loopt er mee, @bert?"));
        QTRY_COMPARE(rowOf(ses.posts()->groupPosts(), groupPost).data(ReactionsRole).toMap().value(s(protocol::reaction::Like)).toInt(), 1);
        // Nothing of the deleted post's text is left in the replica, search indexes included.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(ses.replicaPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'kantine'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM posts WHERE text LIKE '%kantine%'")) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    // Bert, online throughout, got each write exactly once.
    QVERIFY(bert.waitChange(s(protocol::kind::BlogPage), blog, [](const protocol::Change &c) {
        return c.data.value(QStringLiteral("edited")).toDouble() > 0;
    }));
    QVERIFY(bert.waitChange(s(protocol::kind::Post), companyPost, [](const protocol::Change &c) {
        return c.data.value(QStringLiteral("deleted")).toBool();
    }));
    int edits = 0, comments = 0, reactions = 0, pages = 0;
    for (const protocol::Change &c : bert.changes()) {
        edits += c.kind == s(protocol::kind::GroupPost) && c.id == groupPost && c.data.value(QStringLiteral("edited")).toDouble() > 0;
        comments += c.kind == s(protocol::kind::PostComment) && c.id == comment;
        reactions += c.kind == s(protocol::kind::PostReaction) && c.id.startsWith(groupPost);
        pages += c.kind == s(protocol::kind::BlogPage) && c.id == blog;
    }
    QCOMPARE(edits, 1);
    QCOMPARE(comments, 2);    // the comment, then its edit
    QCOMPARE(reactions, 2);   // like and celebrate
    QCOMPARE(pages, 2);       // the page, then its edit
}

QTEST_MAIN(TestPostsOutbox)
#include "TestPostsOutbox.moc"
