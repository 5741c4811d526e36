// The People and Experts pages against a real plein-server with the demo organisation,
// offscreen: the face grid (photos decoded off the UI thread), search-as-you-type and
// filters, a profile, the org chart up and down, and expert search with its evidence.
// Screenshots go to PLEIN_SCREENSHOT_DIR.
#include "GuiFixture.h"
#include "models/NewColleaguesModel.h"
#include "models/PeopleModel.h"
#include "chat/ChatClient.h"
#include "chat/MessageListModel.h"
#include "chat/RoomListModel.h"
#include "people/ExpertNotices.h"
#include "people/ExpertsPage.h"
#include "people/PeoplePage.h"
#include "people/PeopleService.h"
#include "people/PhotoLoader.h"
#include "people/ProfileView.h"
#include "home/HomeClient.h"
#include "notifications/NotificationsModel.h"
#include "protocol/HomeMessages.h"
#include "session/Session.h"
#include "session/TokenStore.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace plein::client;

namespace {
constexpr int SyncTimeoutMs = 30000;
const QString Password = plein::test::GuiFixture::demoPassword();
} // namespace

class TestPeopleGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void faceGridSearchAndFilters();
    void profileAndOrgChart();
    void followFromProfile();
    void messageOpensDirectChat();
    void expertSearch();
    void expertQuestionNotifiesAndIsAnswered();
    void cleanupTestCase();

private:
    plein::test::GuiFixture m_fx;
    plein::test::GuiClient m_me;  // priya
    PeoplePage *m_page = nullptr;
};

void TestPeopleGui::initTestCase()
{
    QVERIFY2(m_fx.start(), qPrintable(m_fx.errorString()));
    QVERIFY2(m_fx.signIn(m_me, QStringLiteral("priya"), MainWindow::Page::People, {}, plein::test::GuiFixture::WindowSize,
                         SyncTimeoutMs),
             qPrintable(m_fx.errorString()));
    m_page = m_me.window->findChild<PeoplePage *>(QStringLiteral("peoplePage"));
    QVERIFY(m_page);
}

void TestPeopleGui::cleanupTestCase()
{
    m_me.window.reset();
    if (m_me.session)
        m_me.session->disconnectFromServer();
    m_me.session.reset();
}

void TestPeopleGui::faceGridSearchAndFilters()
{
    PeopleModel *model = m_page->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 48, SyncTimeoutMs);
    // Faces are fetched, cached on disk and decoded on the thread pool, never on the UI thread.
    PhotoLoader *photos = m_page->photos();
    QTRY_VERIFY_WITH_TIMEOUT(photos->decodes() >= 20, SyncTimeoutMs);
    QCOMPARE(photos->decodesOnUiThread(), 0);
    m_page->grid()->viewport()->update();
    QTest::qWait(200);
    m_fx.shot(m_me.window.get(), QStringLiteral("people-grid"));

    // Search-as-you-type over titles and skills.
    m_page->setSearchText(QStringLiteral("sql"));
    QVERIFY(model->rowCount() > 0);
    QVERIFY(model->rowCount() < 48);
    m_page->setSearchText(QStringLiteral("priya sh"));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0).data(Qt::DisplayRole).toString(), QStringLiteral("Priya Sharma"));
    m_page->setSearchText({});
    // The department filter.
    const auto boxes = m_page->findChildren<QComboBox *>();
    QVERIFY(boxes.size() >= 2);
    QComboBox *dept = boxes.at(0);
    const int it = dept->findText(QStringLiteral("IT"));
    QVERIFY(it > 0);
    dept->setCurrentIndex(it);
    QCOMPARE(model->rowCount(), 8);
    for (int r = 0; r < model->rowCount(); ++r)
        QCOMPARE(model->index(r).data(PeopleModel::DepartmentRole).toString(), QStringLiteral("IT"));
    m_fx.shot(m_me.window.get(), QStringLiteral("people-grid-it"));
    dept->setCurrentIndex(0);
}

void TestPeopleGui::profileAndOrgChart()
{
    PeopleDirectory &dir = m_me.session->people()->directory();
    const auto priya = dir.person(m_me.session->people()->currentUserId());
    QVERIFY(priya);
    // Someone in IT who is not the head: the chart goes up two levels to Willem.
    const auto thijs = dir.search({QStringLiteral("thijs"), {}, {}}, {}, {}, 1);
    QCOMPARE(thijs.size(), 1);
    m_page->showPerson(thijs.constFirst().id);
    QTest::qWait(500);
    auto labels = m_page->findChildren<QLabel *>();
    const bool named = std::any_of(labels.cbegin(), labels.cend(), [](QLabel *l) { return l->text() == QLatin1String("Thijs Bakker") || l->text().startsWith(QLatin1String("Thijs")); });
    QVERIFY(named);
    m_fx.shot(m_me.window.get(), QStringLiteral("people-profile"));

    QCOMPARE(dir.managers(thijs.constFirst().id).size(), 2);
    const QString head = dir.managers(thijs.constFirst().id).constFirst().id;
    QVERIFY(dir.teamSize(head) >= 7);
    m_page->showOrgChart(head);
    QTest::qWait(500);
    m_fx.shot(m_me.window.get(), QStringLiteral("people-orgchart"));
    // New colleagues for the start page: the demo has four who started this month.
    NewColleaguesModel recent(dir, 31);
    QCOMPARE(recent.rowCount(), 4);
    QVERIFY(recent.card(0).startDate >= recent.card(3).startDate);
    // The top: Willem leads everyone.
    const auto top = dir.topLevel();
    QCOMPARE(top.size(), 1);
    QCOMPARE(dir.teamSize(top.constFirst().id), 47);

    // My own profile: my groups and my recent posts (company timeline and groups), from the cache.
    const QList<PersonGroup> groups = dir.groupsOf(priya->id);
    QVERIFY(!groups.isEmpty());
    m_page->showPerson(priya->id);
    QTest::qWait(300);
    const auto chips = m_page->profile()->findChildren<QLabel *>(QStringLiteral("groupChip"));
    QCOMPARE(chips.size(), groups.size());
    QVERIFY(chips.constFirst()->text().startsWith(groups.constFirst().name));
    const auto posts = m_page->profile()->findChildren<QLabel *>(QStringLiteral("recentPost"));
    QCOMPARE(posts.size(), dir.recentPosts(priya->id, 5).size());
    QVERIFY(!posts.isEmpty());
    m_fx.shot(m_me.window.get(), QStringLiteral("people-profile-own"));
}

void TestPeopleGui::followFromProfile()
{
    PeopleDirectory &dir = m_me.session->people()->directory();
    const QString me = m_me.session->people()->currentUserId();
    const QString person = QLatin1String(plein::protocol::follow::Person);
    // Not on my own profile.
    m_me.window->showPage(MainWindow::Page::People);
    m_page->showPerson(me);
    QVERIFY(!m_page->profile()->findChild<QPushButton *>(QStringLiteral("followButton")));

    // Priya's second computer, to see the follow arrive through the server.
    Session other(m_fx.profileDir(QStringLiteral("priya-laptop")));
    QVERIFY(other.openAccount(m_fx.server().url(), QStringLiteral("priya")));
    QSignalSpy synced(&other, &Session::synced);
    other.signIn(Password);
    QVERIFY(synced.wait(SyncTimeoutMs));

    const auto found = dir.search({QStringLiteral("thijs"), {}, {}}, {}, {}, 1);
    QCOMPARE(found.size(), 1);
    const QString thijs = found.constFirst().id;
    QVERIFY(!m_me.session->home()->isFollowing(person, thijs));
    QVERIFY(!other.home()->isFollowing(person, thijs));
    m_page->showPerson(thijs);
    const auto button = [this] { return m_page->profile()->findChild<QPushButton *>(QStringLiteral("followButton")); };
    QVERIFY(button());
    QCOMPARE(button()->text(), QStringLiteral("Follow"));
    QVERIFY(!button()->isChecked());

    // Online: a click follows, here at once and on the other computer through the server.
    QTest::mouseClick(button(), Qt::LeftButton);
    QVERIFY(m_me.session->home()->isFollowing(person, thijs));
    QTRY_VERIFY(button()->isChecked());
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session->pendingCount(), 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(other.home()->isFollowing(person, thijs), 10000);
    QTRY_VERIFY(button()->text().endsWith(QStringLiteral("Following")));
    QTest::qWait(300);
    m_fx.shot(m_me.window.get(), QStringLiteral("people-profile-following"));

    // Offline: a click unfollows locally, waits in the outbox, and reaches the server on reconnect.
    m_me.session->disconnectFromServer();
    QTRY_VERIFY(m_me.session->connectionState() == Session::ConnectionState::Offline);
    QTest::mouseClick(button(), Qt::LeftButton);
    QVERIFY(!m_me.session->home()->isFollowing(person, thijs));
    QCOMPARE(button()->text(), QStringLiteral("Follow"));
    QCOMPARE(m_me.session->pendingCount(), 1);
    QVERIFY(other.home()->isFollowing(person, thijs));
    QSignalSpy back(m_me.session.get(), &Session::synced);
    m_me.session->signIn(Password);
    QVERIFY(back.wait(SyncTimeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session->pendingCount(), 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!other.home()->isFollowing(person, thijs), 10000);
    QTRY_VERIFY(!button()->isChecked());
    QTest::qWait(300);
    m_fx.shot(m_me.window.get(), QStringLiteral("people-profile-follow"));
    other.disconnectFromServer();
}

void TestPeopleGui::messageOpensDirectChat()
{
    PeopleDirectory &dir = m_me.session->people()->directory();
    ChatClient *chat = m_me.session->chat();
    const auto partnerOf = [chat](const QString &room) {
        const int row = chat->rooms()->rowOf(room);
        return row < 0 ? QString() : chat->rooms()->index(row).data(RoomListModel::PartnerIdRole).toString();
    };
    const auto clickMessage = [this](const QString &person) {
        m_me.window->showPage(MainWindow::Page::People);
        m_page->showPerson(person);
        auto *button = m_page->profile()->findChild<QPushButton *>(QStringLiteral("messageButton"));
        QVERIFY(button);
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
    };

    // Online: the profile's button ends in the direct room with that person, in Chat.
    const auto thijs = dir.search({QStringLiteral("thijs"), {}, {}}, {}, {}, 1);
    QCOMPARE(thijs.size(), 1);
    clickMessage(thijs.constFirst().id);
    QTRY_COMPARE(m_me.window->currentPage(), MainWindow::Page::Chat);
    const QString room = chat->currentRoom();
    QVERIFY(!room.isEmpty());
    QCOMPARE(partnerOf(room), thijs.constFirst().id);
    QVERIFY(!chat->send(room, QStringLiteral("Hi Thijs, do you have a minute for the SQL migration?")).isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session->pendingCount(), 0, 10000);
    QTRY_COMPARE(chat->messages()->index(chat->messages()->rowCount() - 1).data(MessageListModel::StateRole).toInt(), 0);
    // Again: the same room, nothing new made.
    clickMessage(thijs.constFirst().id);
    QTRY_COMPARE(m_me.window->currentPage(), MainWindow::Page::Chat);
    QCOMPARE(chat->currentRoom(), room);
    QCOMPARE(m_me.session->pendingCount(), 0);
    QTest::qWait(300);
    m_fx.shot(m_me.window.get(), QStringLiteral("people-message-chat"));

    // Offline, with someone Priya never wrote to: the room is made locally, opens, and its
    // creation and the first message wait in the outbox until the connection returns.
    QString stranger;
    const QString me = m_me.session->people()->currentUserId();
    for (const PersonCard &p : dir.search({}, {}, {}, 200)) {
        bool known = p.id == me;
        for (int r = 0; !known && r < chat->rooms()->rowCount(); ++r)
            known = chat->rooms()->index(r).data(RoomListModel::PartnerIdRole).toString() == p.id;
        if (!known) {
            stranger = p.id;
            break;
        }
    }
    QVERIFY(!stranger.isEmpty());
    m_me.session->disconnectFromServer();
    QTRY_VERIFY(m_me.session->connectionState() == Session::ConnectionState::Offline);
    clickMessage(stranger);
    QTRY_COMPARE(m_me.window->currentPage(), MainWindow::Page::Chat);
    const QString offlineRoom = chat->currentRoom();
    QVERIFY(offlineRoom != room);
    QCOMPARE(partnerOf(offlineRoom), stranger);
    QVERIFY(!chat->send(offlineRoom, QStringLiteral("Welcome aboard! Lunch on Thursday?")).isEmpty());
    QCOMPARE(m_me.session->pendingCount(), 2);
    QTest::qWait(300);
    m_fx.shot(m_me.window.get(), QStringLiteral("people-message-offline"));
    QSignalSpy synced(m_me.session.get(), &Session::synced);
    m_me.session->signIn(Password);
    QVERIFY(synced.wait(SyncTimeoutMs));
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session->pendingCount(), 0, 10000);
    QCOMPARE(chat->directRoom(stranger), offlineRoom);
}

void TestPeopleGui::expertSearch()
{
    m_me.window->showPage(MainWindow::Page::Experts);
    auto *experts = m_me.window->findChild<ExpertsPage *>(QStringLiteral("expertsPage"));
    QVERIFY(experts);
    experts->search(QStringLiteral("sql"));
    QVERIFY(experts->results()->count() > 0);
    QTest::qWait(500);
    m_fx.shot(m_me.window.get(), QStringLiteral("experts-sql"));
    // A search that finds nobody is noted for the knowledge-gap report (and sent when online).
    experts->search(QStringLiteral("underwater basket weaving"));
    QCOMPARE(experts->results()->count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session->people()->pendingGapCount(), 0, 10000);
}

void TestPeopleGui::expertQuestionNotifiesAndIsAnswered()
{
    // Willem, on his own computer, asks Priya about sql.
    m_me.window->showPage(MainWindow::Page::People);
    const QString dir = m_fx.profileDir(QStringLiteral("willem"));
    Session willem(dir);
    QVERIFY(willem.openAccount(m_fx.server().url(), QStringLiteral("willem")));
    QSignalSpy synced(&willem, &Session::synced);
    willem.signIn(Password);
    QVERIFY(synced.wait(SyncTimeoutMs));
    const QString priya = m_me.session->people()->currentUserId();
    auto *nav = m_me.window->findChild<QListWidget *>(QStringLiteral("navigation"));
    QVERIFY(nav);
    QListWidgetItem *item = nav->item(int(MainWindow::Page::Experts));
    const int before = m_me.session->people()->notices()->unseen();
    QSignalSpy arrived(m_me.session->people()->notices(), &ExpertNotices::arrived);
    QString error;
    const QString question = willem.people()->askExperts(
        QStringLiteral("sql"), QStringLiteral("Which index makes the monthly sales report fast again?"), {priya}, &error);
    QVERIFY2(!question.isEmpty(), qPrintable(error));

    // Priya is on another page: the notice is announced once and counts on the Experts item.
    QTRY_VERIFY_WITH_TIMEOUT(!arrived.isEmpty(), 10000);
    QCOMPARE(arrived.first().at(0).toString(), question);
    QVERIFY2(arrived.first().at(1).toString().contains(QStringLiteral("Willem Hoekstra")),
             qPrintable(arrived.first().at(1).toString()));
    QVERIFY(arrived.first().at(2).toString().contains(QStringLiteral("monthly sales")));
    QTRY_COMPARE(m_me.session->people()->notices()->unseen(), before + 1);
    QTRY_COMPARE(item->text(), QStringLiteral("Experts (%1)").arg(before + 1));
    QTest::qWait(200);
    m_fx.shot(m_me.window.get(), QStringLiteral("experts-badge"));
    // The notification centre lists it too, in words, and opening it goes to the Experts page.
    NotificationsModel *centre = m_me.session->home()->notifications();
    const auto askedRow = [centre, &question]() -> int {
        for (int r = 0; r < centre->rowCount(); ++r)
            if (centre->row(r).kind == QLatin1String(plein::protocol::notify::ExpertQuestion) && centre->row(r).item == question)
                return r;
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(askedRow() >= 0, 10000);
    const NotificationRow asked = centre->row(askedRow());
    QCOMPARE(HomeClient::describe(asked.kind, asked.actorName, asked.groupName),
             QStringLiteral("Willem Hoekstra asked you a question as an expert"));
    m_me.window->showNotifications();
    QTest::qWait(300);
    m_fx.shot(m_me.window.get(), QStringLiteral("notifications-expert-question"));

    // Opening the page shows the question tagged new and clears the count.
    m_me.window->showPage(MainWindow::Page::Experts);
    auto *experts = m_me.window->findChild<ExpertsPage *>(QStringLiteral("expertsPage"));
    QVERIFY(experts);
    experts->search({});
    QTRY_COMPARE(m_me.session->people()->notices()->unseen(), 0);
    QTRY_COMPARE(item->text(), QStringLiteral("Experts"));
    // The cards are rebuilt when the cache changes, so the answer field is looked up each time.
    const auto freshAnswer = [experts]() -> QLineEdit * {
        for (QWidget *card : experts->findChildren<QWidget *>(QStringLiteral("questionCard")))
            if (card->property("fresh").toBool())
                return card->findChild<QLineEdit *>(QStringLiteral("answerEdit"));
        return nullptr;
    };
    QTRY_VERIFY(freshAnswer());
    QTest::qWait(200);
    m_fx.shot(m_me.window.get(), QStringLiteral("experts-question"));
    // A rebuild while typing keeps the draft.
    const QString text = QStringLiteral("An index on (month, region) covers it; I will pair with you on it.");
    QVERIFY(freshAnswer());
    freshAnswer()->setText(text);
    experts->rebuildQuestions();
    QLineEdit *answer = freshAnswer();
    QVERIFY(answer);
    QCOMPARE(answer->text(), text);
    QTest::keyClick(answer, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session->pendingCount(), 0, 10000);

    // Willem sees the answer with his question, and a notice of it.
    QTRY_VERIFY_WITH_TIMEOUT(willem.people()->directory().question(question).has_value()
                                 && willem.people()->directory().question(question)->answers.size() == 1,
                             10000);
    QCOMPARE(willem.people()->directory().question(question)->answers.constFirst().author, priya);
    QTRY_VERIFY(willem.people()->notices()->unseen() >= 1);
    willem.disconnectFromServer();
}

QTEST_MAIN(TestPeopleGui)
#include "TestPeopleGui.moc"
