// The News page against a real plein-server with the demo organisation, offscreen: an
// employee opens the pinned must-read (it turns read), confirms "read and understood"
// (offline first, sent once online), reacts and comments; an editor sees the reach and who
// has not confirmed. Groups: a member posts in a group, an outsider never sees the secret
// one and asks to join a closed one. Screenshots go to PLEIN_SCREENSHOT_DIR.
#include "GuiFixture.h"
#include "groups/GroupsModel.h"
#include "groups/GroupsPage.h"
#include "news/NewsModel.h"
#include "news/NewsPage.h"
#include "session/Session.h"
#include "session/TokenStore.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace plein::client;

namespace {
constexpr int SyncTimeoutMs = 20000;
const QString MustRead = QStringLiteral("New expense policy from 1 January");

int rowOfTitle(NewsModel *m, const QString &title)
{
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r).data(NewsModel::TitleRole).toString() == title)
            return r;
    return -1;
}
} // namespace

class TestNewsGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void employeeReadsAndConfirms();
    void editorSeesReach();
    void groupPage();

private:
    using Client = plein::test::GuiClient;
    bool signIn(Client &c, const QString &user) { return m_fx.signIn(c, user, MainWindow::Page::News); }

    plein::test::GuiFixture m_fx;
};

void TestNewsGui::initTestCase()
{
    QVERIFY2(m_fx.start(), qPrintable(m_fx.errorString()));
}

void TestNewsGui::cleanupTestCase() {}

void TestNewsGui::employeeReadsAndConfirms()
{
    Client c;
    QVERIFY(signIn(c, QStringLiteral("anna")));   // Finance
    NewsModel *model = c.session->newsModel();
    // Published articles for everyone plus Finance's own; never the scheduled one.
    QTRY_VERIFY_WITH_TIMEOUT(rowOfTitle(model, MustRead) == 0, SyncTimeoutMs);   // pinned first
    QVERIFY(rowOfTitle(model, QStringLiteral("Finance: year-end closing schedule")) >= 0);
    QCOMPARE(rowOfTitle(model, QStringLiteral("Christmas drinks on 18 December")), -1);
    QCOMPARE(model->index(0).data(NewsModel::ReadersRole).toInt(), -1);   // no reach for employees

    auto *page = c.window->findChild<NewsPage *>(QStringLiteral("newsPage"));
    QVERIFY(page);
    const QString id = model->index(0).data(NewsModel::IdRole).toString();
    const bool wasRead = model->index(0).data(NewsModel::ReadRole).toBool();
    QVERIFY(page->openArticle(id));
    QTRY_VERIFY(model->index(model->rowOf(id)).data(NewsModel::ReadRole).toBool());
    QVERIFY(!wasRead || model->index(model->rowOf(id)).data(NewsModel::ReadRole).toBool());
    auto *ack = page->findChild<QPushButton *>(QStringLiteral("ackButton"));
    QVERIFY(ack && ack->isVisible());
    m_fx.shot(c.window.get(), QStringLiteral("news-must-read"));

    // Confirm while offline: shown at once, queued, sent when back.
    QSignalSpy state(c.session.get(), &Session::connectionStateChanged);
    c.session->disconnectFromServer();
    QTRY_COMPARE(c.session->connectionState(), Session::ConnectionState::Offline);
    QTest::mouseClick(ack, Qt::LeftButton);
    QTRY_VERIFY(model->index(model->rowOf(id)).data(NewsModel::AckedRole).toBool());
    QVERIFY(!ack->isVisible());
    QVERIFY(c.session->pendingCount() >= 1);
    c.session->reactToNews(id, QStringLiteral("celebrate"), true);
    QVERIFY(!c.session->commentOnNews(id, QStringLiteral("Duidelijk, ik declareer voortaan via het portaal.")).isEmpty());
    QSignalSpy synced(c.session.get(), &Session::synced);
    c.session->signIn(plein::test::GuiFixture::demoPassword());
    QVERIFY(synced.wait(SyncTimeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(c.session->pendingCount(), 0, SyncTimeoutMs);
    QVERIFY(model->index(model->rowOf(id)).data(NewsModel::AckedRole).toBool());
    QVERIFY(model->index(model->rowOf(id)).data(NewsModel::MyReactionsRole).toStringList().contains(
        QStringLiteral("celebrate")));
    QTRY_VERIFY(!page->findChild<QLabel *>(QStringLiteral("commentLabel"), Qt::FindChildrenRecursively)
                     ->parentWidget()
                     ->findChildren<QLabel *>(QStringLiteral("commentLabel"))
                     .constLast()
                     ->text()
                     .contains(QStringLiteral("sending")));
    m_fx.shot(c.window.get(), QStringLiteral("news-confirmed"));
}

void TestNewsGui::editorSeesReach()
{
    Client c;
    QVERIFY(signIn(c, QStringLiteral("eva")));   // Communications editor
    NewsModel *model = c.session->newsModel();
    QTRY_VERIFY_WITH_TIMEOUT(rowOfTitle(model, MustRead) >= 0, SyncTimeoutMs);
    const int scheduled = rowOfTitle(model, QStringLiteral("Christmas drinks on 18 December"));
    QVERIFY(scheduled >= 0);
    QVERIFY(model->index(scheduled).data(NewsModel::ScheduledRole).toBool());
    const QModelIndex must = model->index(rowOfTitle(model, MustRead));
    QTRY_VERIFY(model->index(rowOfTitle(model, MustRead)).data(NewsModel::AcksRole).toInt() >= 23);   // anna's too
    QVERIFY(must.data(NewsModel::AudienceSizeRole).toInt() >= 40);
    QVERIFY(!must.data(NewsModel::NotAckedRole).toStringList().contains(QStringLiteral("Anna de Vries")));
    QVERIFY(!must.data(NewsModel::NotAckedRole).toStringList().isEmpty());
    auto *page = c.window->findChild<NewsPage *>(QStringLiteral("newsPage"));
    QVERIFY(page->openArticle(must.data(NewsModel::IdRole).toString()));
    m_fx.shot(c.window.get(), QStringLiteral("news-editor-reach"));
}

void TestNewsGui::groupPage()
{
    auto rowOfGroup = [](GroupsModel *m, const QString &name) {
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r).data(GroupsModel::NameRole).toString() == name)
                return r;
        return -1;
    };
    {
        Client c;
        QVERIFY(signIn(c, QStringLiteral("emily")));   // HR, in no demo group, asked to join Project Plein
        GroupsModel *m = c.session->groupsModel();
        QTRY_VERIFY_WITH_TIMEOUT(rowOfGroup(m, QStringLiteral("Project Plein")) >= 0, SyncTimeoutMs);
        QCOMPARE(rowOfGroup(m, QStringLiteral("Project Nightingale")), -1);
        QVERIFY(m->index(rowOfGroup(m, QStringLiteral("Project Plein"))).data(GroupsModel::RequestedRole).toBool());
    }
    Client c;
    QVERIFY(signIn(c, QStringLiteral("anna")));
    c.window->showPage(MainWindow::Page::Groups);
    GroupsModel *m = c.session->groupsModel();
    QTRY_VERIFY_WITH_TIMEOUT(rowOfGroup(m, QStringLiteral("Hardloopclub")) >= 0, SyncTimeoutMs);
    QVERIFY(rowOfGroup(m, QStringLiteral("Project Nightingale")) >= 0);   // anna is a member of the secret one
    const QString id = m->index(rowOfGroup(m, QStringLiteral("Hardloopclub"))).data(GroupsModel::IdRole).toString();
    QTRY_VERIFY_WITH_TIMEOUT(m->posts(id).size() >= 3, SyncTimeoutMs);   // the join snapshot
    auto *page = c.window->findChild<GroupsPage *>(QStringLiteral("groupsPage"));
    QVERIFY(page && page->openGroup(id));
    QVERIFY(!c.session->postInGroup(id, QStringLiteral("Ik loop donderdag mee, **10 km**!")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(c.session->pendingCount(), 0, SyncTimeoutMs);
    QTRY_VERIFY(!m->posts(id).isEmpty() && !m->posts(id).constFirst().pending);
    m_fx.shot(c.window.get(), QStringLiteral("group-page"));
}

QTEST_MAIN(TestNewsGui)
#include "TestNewsGui.moc"
