// Home and notifications against a real plein-server with the demo organisation,
// offscreen: anna's start page shows its widgets with content at the first sign-in; she
// removes, adds and reorders widgets and the layout follows her to a second computer; the
// personal timeline; the notifications list with the unread badge, cleared by "Mark all as
// read". Screenshots go to PLEIN_SCREENSHOT_DIR.
#include "GuiFixture.h"
#include "home/HomeClient.h"
#include "home/HomePage.h"
#include "home/PersonalTimelineModel.h"
#include "notifications/NotificationBell.h"
#include "notifications/NotificationsModel.h"
#include "notifications/NotificationsPage.h"
#include "session/Session.h"
#include "session/TokenStore.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QFrame>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <memory>

using namespace plein::client;

namespace {
constexpr int SyncTimeoutMs = 20000;
} // namespace

class TestHomeGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void startPageIsAliveAtFirstSignIn();
    void widgetsAreAddedRemovedAndReordered();
    void notificationsWithBadge();

private:
    using Client = plein::test::GuiClient;
    // Anna, on the computer `profile`, on her start page.
    bool signIn(Client &c, const QString &profile)
    {
        return m_fx.signIn(c, QStringLiteral("anna"), MainWindow::Page::Home, profile);
    }
    QStringList cardIds(QWidget *page) const;

    plein::test::GuiFixture m_fx;
};

void TestHomeGui::initTestCase()
{
    QVERIFY2(m_fx.start(), qPrintable(m_fx.errorString()));
}

QStringList TestHomeGui::cardIds(QWidget *page) const
{
    QList<QFrame *> cards;
    for (QFrame *f : page->findChildren<QFrame *>(QStringLiteral("homeCard")))
        if (f->isVisibleTo(page))   // replaced cards are hidden until deleted
            cards.append(f);
    std::sort(cards.begin(), cards.end(), [](QFrame *a, QFrame *b) {
        return a->y() != b->y() ? a->y() < b->y() : a->x() < b->x();
    });
    QStringList out;
    for (QFrame *f : cards)
        out.append(f->property("widgetId").toString());
    return out;
}

void TestHomeGui::startPageIsAliveAtFirstSignIn()
{
    Client c;
    QVERIFY(signIn(c, QStringLiteral("laptop")));
    HomePage *home = c.window->homePage();
    QVERIFY(home->isVisible());
    QCOMPARE(home->shownWidgets(), QStringList({QStringLiteral("news"), QStringLiteral("timeline"),
                                                QStringLiteral("mentions"), QStringLiteral("groups"),
                                                QStringLiteral("colleagues")}));
    // Every widget has content from the demo data.
    for (const char *name : {"homeNewsList", "homeTimelineList", "homeMentionsList", "homeGroupsList"}) {
        auto *list = home->findChild<QListView *>(QLatin1String(name));
        QVERIFY2(list, name);
        QTRY_VERIFY2_WITH_TIMEOUT(list->model()->rowCount() > 0 && list->isVisible(), name, SyncTimeoutMs);
    }
    // The personal timeline has group posts of her groups and news, newest first.
    PersonalTimelineModel *t = c.session->home()->timeline();
    bool groupPost = false, news = false;
    for (int r = 0; r < t->rowCount(); ++r) {
        groupPost |= t->entry(r).kind == TimelineEntry::Kind::GroupPost;
        news |= t->entry(r).kind == TimelineEntry::Kind::News;
        if (r > 0)
            QVERIFY(t->entry(r - 1).created >= t->entry(r).created);
    }
    QVERIFY(groupPost && news);
    m_fx.shot(c.window.get(), QStringLiteral("home"));
    // The company timeline is one tab away.
    QTest::mouseClick(home->findChild<QToolButton *>(QStringLiteral("homeTabCompany")), Qt::LeftButton);
    QTRY_VERIFY(c.window->findChild<QListView *>(QStringLiteral("timelineView"))->isVisible());
    QTest::mouseClick(home->findChild<QToolButton *>(QStringLiteral("homeTabStart")), Qt::LeftButton);
    QTRY_VERIFY(home->findChild<QListView *>(QStringLiteral("homeTimelineList"))->isVisible());
}

void TestHomeGui::widgetsAreAddedRemovedAndReordered()
{
    QStringList expected;
    {
        Client c;
        QVERIFY(signIn(c, QStringLiteral("laptop")));
        HomePage *home = c.window->homePage();
        QTRY_COMPARE(cardIds(home).size(), 5);
        // Remove "news".
        QFrame *news = nullptr;
        for (QFrame *f : home->findChildren<QFrame *>(QStringLiteral("homeCard")))
            if (f->isVisibleTo(home) && f->property("widgetId").toString() == QLatin1String("news"))
                news = f;
        QVERIFY(news);
        QToolButton *remove = nullptr;
        for (QToolButton *b : news->findChildren<QToolButton *>())
            if (b->property("action").toString() == QLatin1String("remove"))
                remove = b;
        QVERIFY(remove);
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_COMPARE(home->shownWidgets().size(), 4);
        QVERIFY(!home->shownWidgets().contains(QStringLiteral("news")));
        // Move "timeline" (now first) down one place.
        // New cards show once the layout has run.
        auto visibleCard = [home](const char *id) -> QFrame * {
            for (QFrame *f : home->findChildren<QFrame *>(QStringLiteral("homeCard")))
                if (f->isVisibleTo(home) && f->property("widgetId").toString() == QLatin1String(id))
                    return f;
            return nullptr;
        };
        QFrame *first = nullptr;
        QTRY_VERIFY((first = visibleCard("timeline")) != nullptr);
        for (QToolButton *b : first->findChildren<QToolButton *>())
            if (b->property("action").toString() == QLatin1String("down"))
                QTest::mouseClick(b, Qt::LeftButton);
        QTRY_COMPARE(home->shownWidgets().value(1), QStringLiteral("timeline"));
        // Add "news" back from the menu: it goes last.
        auto *add = home->findChild<QToolButton *>(QStringLiteral("homeAddButton"));
        QAction *addNews = add->menu()->findChild<QAction *>(QStringLiteral("addWidget-news"));
        QVERIFY(addNews);
        addNews->trigger();
        QTRY_COMPARE(home->shownWidgets().constLast(), QStringLiteral("news"));
        expected = home->shownWidgets();
        QTRY_COMPARE(cardIds(home), expected);
        QTRY_COMPARE_WITH_TIMEOUT(c.session->pendingCount(), 0, SyncTimeoutMs);
        m_fx.shot(c.window.get(), QStringLiteral("home-rearranged"));
    }
    // Another computer of hers shows the same layout.
    Client other;
    QVERIFY(signIn(other, QStringLiteral("desktop")));
    QTRY_COMPARE_WITH_TIMEOUT(other.window->homePage()->shownWidgets(), expected, SyncTimeoutMs);
}

void TestHomeGui::notificationsWithBadge()
{
    Client c;
    QVERIFY(signIn(c, QStringLiteral("laptop")));
    HomeClient *home = c.session->home();
    // The demo mentions her, comments on and reacts to her post, and has a must-read for all.
    QTRY_VERIFY_WITH_TIMEOUT(home->unreadCount() >= 4, SyncTimeoutMs);
    auto *bell = c.window->findChild<NotificationBell *>(QStringLiteral("notificationsButton"));
    QVERIFY(bell);
    QCOMPARE(bell->count(), home->unreadCount());
    QVERIFY(c.window->windowTitle().startsWith(QStringLiteral("(")));
    QStringList kinds;
    NotificationsModel *m = home->notifications();
    for (int r = 0; r < m->rowCount(); ++r)
        kinds.append(m->row(r).kind);
    for (const char *k : {"mention", "comment", "reaction", "must_read"})
        QVERIFY2(kinds.contains(QLatin1String(k)), k);
    QTest::mouseClick(bell, Qt::LeftButton);
    NotificationsPage *page = c.window->notificationsPage();
    QTRY_VERIFY(page->isVisible());
    auto *list = page->findChild<QListView *>(QStringLiteral("notificationsList"));
    QVERIFY(list && list->isVisible());
    m_fx.shot(c.window.get(), QStringLiteral("notifications"));
    // Opening one marks it read.
    const int before = home->unreadCount();
    int unreadRow = -1;
    for (int r = 0; r < m->rowCount() && unreadRow < 0; ++r)
        if (!m->row(r).read)
            unreadRow = r;
    QVERIFY(unreadRow >= 0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(m->index(unreadRow)).center());
    QTRY_COMPARE(home->unreadCount(), before - 1);
    // ... and goes to where the item lives; the bell brings the list back.
    QTRY_VERIFY(!page->isVisible());
    QTest::mouseClick(bell, Qt::LeftButton);
    QTRY_VERIFY(page->isVisible());
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("markAllReadButton")), Qt::LeftButton);
    QTRY_COMPARE(home->unreadCount(), 0);
    QTRY_COMPARE(bell->count(), 0);
    QCOMPARE(c.window->windowTitle(), QStringLiteral("Plein"));
    QTRY_COMPARE_WITH_TIMEOUT(c.session->pendingCount(), 0, SyncTimeoutMs);
    m_fx.shot(c.window.get(), QStringLiteral("notifications-read"));
    // Back home through the navigation.
    c.window->showPage(MainWindow::Page::Home);
    QTRY_VERIFY(c.window->homePage()->isVisible());
}

QTEST_MAIN(TestHomeGui)
#include "TestHomeGui.moc"
