// Every kind of news write a reader makes (read, read-and-understood, comment, reaction)
// made offline survives a client restart and is sent exactly once when the client is back,
// against a real plein-server with the demo organisation.
#include "RawSession.h"
#include "ServerProcess.h"

#include "news/NewsModel.h"
#include "protocol/NewsMessages.h"
#include "session/Session.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace plein;
using namespace plein::client;

namespace {
const QString Password = QStringLiteral("plein-demo");
}

class TestNewsOutbox : public QObject
{
    Q_OBJECT
private slots:
    void offlineWritesSurviveRestart();
};

void TestNewsOutbox::offlineWritesSurviveRestart()
{
    plein::test::ServerProcess server;
    QVERIFY2(server.start({QStringLiteral("--demo")}), qPrintable(server.errorString()));
    QTemporaryDir profile;
    QString article;
    QString commentId;
    {
        Session s(profile.path());
        QVERIFY(s.openAccount(server.url(), QStringLiteral("anna")));
        QSignalSpy synced(&s, &Session::synced);
        s.signIn(Password);
        QVERIFY(synced.wait(20000));
        NewsModel *m = s.newsModel();
        for (int r = 0; r < m->rowCount() && article.isEmpty(); ++r)
            if (m->index(r).data(NewsModel::MustReadRole).toBool() && !m->index(r).data(NewsModel::AckedRole).toBool())
                article = m->index(r).data(NewsModel::IdRole).toString();
        QVERIFY(!article.isEmpty());
        s.disconnectFromServer();
        QTRY_COMPARE(s.connectionState(), Session::ConnectionState::Offline);
        s.markNewsRead(article);
        QVERIFY(s.acknowledgeNews(article));
        s.reactToNews(article, QStringLiteral("insightful"), true);
        commentId = s.commentOnNews(article, QStringLiteral("Offline geschreven, later verstuurd."));
        QVERIFY(!commentId.isEmpty());
        QCOMPARE(s.pendingCount(), 4);
        const QModelIndex i = m->index(m->rowOf(article));
        QVERIFY(i.data(NewsModel::ReadRole).toBool());
        QVERIFY(i.data(NewsModel::AckedRole).toBool());
    }   // the client quits with four writes queued
    {
        Session s(profile.path());
        QVERIFY(s.openAccount(server.url(), QStringLiteral("anna")));
        QCOMPARE(s.pendingCount(), 4);
        QVERIFY(s.newsModel()->index(s.newsModel()->rowOf(article)).data(NewsModel::AckedRole).toBool());
        QSignalSpy synced(&s, &Session::synced);
        s.signIn(Password);
        QVERIFY(synced.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(s.pendingCount(), 0, 20000);
    }
    // The server has each exactly once: the editor's reach counts Anna, her comment is there once.
    test::RawSession eva;
    QVERIFY(eva.signIn(server.url(), QStringLiteral("eva"), Password));
    test::RawSession anna;
    QVERIFY(anna.signIn(server.url(), QStringLiteral("anna"), Password));
    const auto mine = anna.waitChange(QLatin1String(protocol::kind::NewsRead), article + QLatin1Char(':') + anna.userId());
    QVERIFY(mine.has_value());
    QVERIFY(mine->data.value(QLatin1String("acked_at")).toDouble() > 0);
    int comments = 0, reads = 0;
    for (const protocol::Change &c : anna.changes()) {
        comments += c.kind == QLatin1String(protocol::kind::NewsComment) && c.id == commentId;
        reads += c.kind == QLatin1String(protocol::kind::NewsRead) && c.id.startsWith(article);
    }
    QCOMPARE(comments, 1);
    QCOMPARE(reads, 2);   // the read, then the acknowledgement: one change each
    QVERIFY(anna.hasChange(QLatin1String(protocol::kind::NewsReaction),
                           article + QLatin1Char(':') + anna.userId() + QStringLiteral(":insightful")));
    const auto stats = eva.waitChange(QLatin1String(protocol::kind::NewsStats), article);
    QVERIFY(stats.has_value());
    auto st = protocol::decode<protocol::NewsStats>(stats->data);
    QVERIFY(st.ok());
    QVERIFY(!st->notAcked.contains(anna.userId()));
}

QTEST_GUILESS_MAIN(TestNewsOutbox)
#include "TestNewsOutbox.moc"
