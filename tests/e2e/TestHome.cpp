// Follows, the personal timeline, the start page layout and notifications against a real
// plein-server: one user's two computers (client cores with their own replicas), other
// people on the raw protocol, offline writes through the outbox across a client restart.
#include "RawSession.h"
#include "ServerProcess.h"

#include "groups/GroupsModel.h"
#include "groups/PersonalTimeline.h"
#include "home/PersonalTimelineModel.h"
#include "home/HomeClient.h"
#include "model/Ids.h"
#include "notifications/NotificationsModel.h"
#include "protocol/GroupMessages.h"
#include "protocol/HomeMessages.h"
#include "protocol/NewsMessages.h"
#include "protocol/Protocol.h"
#include "session/Session.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace plein;
using namespace plein::client;
using plein::test::RawSession;

namespace {
const QString Password = QStringLiteral("home-pw");
QString s(const char *c)
{
    return QLatin1String(c);
}
} // namespace

class TestHome : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void followsAcrossComputers();
    void personalTimeline();
    void layoutFollowsTheUserAndWorksOffline();
    void notificationsReachTheRightUser();
    void offlineFollowAndMuteAcrossRestart();
    void closingAnOpenGroupEndsItsFollowers();
    void badInput();

private:
    std::unique_ptr<Session> open(QTemporaryDir &profile);
    QString group(const QString &name, const char *visibility = protocol::visibility::Open);
    QString notificationFor(RawSession &who, const char *kind, const QString &item, int timeout = 5000);

    plein::test::ServerProcess m_server;
    QTemporaryDir m_laptop;
    QTemporaryDir m_desktop;
    std::unique_ptr<RawSession> m_bert;
    std::unique_ptr<RawSession> m_carla;
    std::unique_ptr<RawSession> m_erik;
};

void TestHome::initTestCase()
{
    QVERIFY2(!plein::test::ServerProcess::serverBinary().isEmpty(), "PLEIN_SERVER_BIN is not set");
    QVERIFY(m_server.addUser(QStringLiteral("anna"), Password, QStringLiteral("Anna de Vries"), s(role::Employee),
                             QStringLiteral("Finance")));
    QVERIFY(m_server.addUser(QStringLiteral("bert"), Password, QStringLiteral("Bert Jansen"), s(role::Employee),
                             QStringLiteral("IT")));
    QVERIFY(m_server.addUser(QStringLiteral("carla"), Password, QStringLiteral("Carla Smit"), s(role::Employee),
                             QStringLiteral("HR")));
    QVERIFY(m_server.addUser(QStringLiteral("erik"), Password, QStringLiteral("Erik Editor"), s(role::Editor),
                             QStringLiteral("Communications")));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    m_bert = std::make_unique<RawSession>();
    QVERIFY(m_bert->signIn(m_server.url(), QStringLiteral("bert"), Password));
    m_carla = std::make_unique<RawSession>();
    QVERIFY(m_carla->signIn(m_server.url(), QStringLiteral("carla"), Password));
    m_erik = std::make_unique<RawSession>();
    QVERIFY(m_erik->signIn(m_server.url(), QStringLiteral("erik"), Password));
}

std::unique_ptr<Session> TestHome::open(QTemporaryDir &profile)
{
    auto session = std::make_unique<Session>(profile.path());
    if (!session->openAccount(m_server.url(), QStringLiteral("anna")))
        return {};
    QSignalSpy synced(session.get(), &Session::synced);
    session->signIn(Password);
    if (!synced.wait(20000))
        return {};
    return session;
}

QString TestHome::group(const QString &name, const char *visibility)
{
    protocol::GroupSaveBody b{ids::create(), name, QStringLiteral("About %1").arg(name), s(protocol::groupkind::Interest),
                              s(visibility)};
    return m_bert->write(protocol::type::GroupSave, protocol::encode(b)) == QLatin1String("ack") ? b.id : QString();
}

QString TestHome::notificationFor(RawSession &who, const char *kind, const QString &item, int timeout)
{
    QString found;
    (void)QTest::qWaitFor(
        [&] {
            for (const protocol::Change &c : who.changes()) {
                if (c.kind != QLatin1String(protocol::kind::Notification))
                    continue;
                auto n = protocol::decode<protocol::Notification>(c.data);
                if (n && n->kind == QLatin1String(kind) && n->item == item) {
                    found = c.id;
                    return true;
                }
            }
            return false;
        },
        timeout);
    return found;
}

void TestHome::followsAcrossComputers()
{
    auto laptop = open(m_laptop);
    QVERIFY(laptop);
    auto desktop = open(m_desktop);
    QVERIFY(desktop);
    const QString bertId = m_bert->userId();
    const QString running = group(QStringLiteral("Hardlopen"));
    QVERIFY(!running.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(laptop->groupsModel()->rowOf(running) >= 0, 10000);

    QVERIFY(laptop->home()->setFollowing(s(protocol::follow::Person), bertId, true));
    QVERIFY(laptop->home()->setFollowing(s(protocol::follow::Group), running, true));
    QVERIFY(laptop->home()->isFollowing(s(protocol::follow::Group), running));   // at once, before the ack
    QTRY_COMPARE_WITH_TIMEOUT(laptop->pendingCount(), 0, 10000);
    // The other computer learns both.
    QTRY_VERIFY_WITH_TIMEOUT(desktop->home()->isFollowing(s(protocol::follow::Person), bertId), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(desktop->home()->isFollowing(s(protocol::follow::Group), running), 10000);
    QCOMPARE(desktop->home()->followed(s(protocol::follow::Person)), QStringList{bertId});

    // Following an open group without joining it delivers its posts.
    protocol::GroupPostBody post{ids::create(), running, QStringLiteral("Donderdag de lange route.")};
    QCOMPARE(m_bert->write(protocol::type::GroupPost, protocol::encode(post)), QStringLiteral("ack"));
    auto inTimeline = [&](Session &who, const QString &id) {
        PersonalTimelineModel *m = who.home()->timeline();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->entry(r).id == id)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(inTimeline(*desktop, post.id), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(inTimeline(*laptop, post.id), 10000);
    QVERIFY(laptop->groupsModel()->index(laptop->groupsModel()->rowOf(running))
                .data(GroupsModel::MyRoleRole).toString().isEmpty());   // still not a member

    // Unfollowing on one computer ends the subscription on both and purges the posts.
    QVERIFY(desktop->home()->setFollowing(s(protocol::follow::Group), running, false));
    QTRY_VERIFY_WITH_TIMEOUT(!laptop->home()->isFollowing(s(protocol::follow::Group), running), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!inTimeline(*laptop, post.id), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(!inTimeline(*desktop, post.id), 10000);
    protocol::GroupPostBody later{ids::create(), running, QStringLiteral("Na het ontvolgen.")};
    QCOMPARE(m_bert->write(protocol::type::GroupPost, protocol::encode(later)), QStringLiteral("ack"));
    // A company post as a marker: once it is here, the group post would have been too.
    protocol::PostCreateBody companyMarker{ids::create(), QStringLiteral("Marker na het ontvolgen")};
    QCOMPARE(m_bert->write(protocol::type::PostCreate, protocol::encode(companyMarker)), QStringLiteral("ack"));
    QTRY_VERIFY_WITH_TIMEOUT(inTimeline(*laptop, companyMarker.id), 10000);
    QVERIFY(!inTimeline(*laptop, later.id));
}

void TestHome::personalTimeline()
{
    QTemporaryDir profile;
    auto anna = open(profile);
    QVERIFY(anna);
    const QString bertId = m_bert->userId();
    // Anna is in two groups; she unfollows one of them.
    const QString mine = group(QStringLiteral("Finance en IT"));
    const QString muted = group(QStringLiteral("Lunchclub"));
    const QString other = group(QStringLiteral("Schaakclub"));
    for (const QString &g : {mine, muted, other})
        QVERIFY(!g.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(anna->groupsModel()->rowOf(muted) >= 0, 10000);
    anna->joinGroup(mine);
    anna->joinGroup(muted);
    QTRY_COMPARE_WITH_TIMEOUT(anna->pendingCount(), 0, 10000);
    // Members follow by default (once the membership has arrived).
    QTRY_VERIFY_WITH_TIMEOUT(anna->home()->isFollowing(s(protocol::follow::Group), mine), 10000);
    QVERIFY(anna->home()->setFollowing(s(protocol::follow::Group), muted, false));
    // bert is followed in the earlier test, on the same server: follow him here explicitly too.
    QVERIFY(anna->home()->setFollowing(s(protocol::follow::Person), bertId, true));
    QTRY_COMPARE_WITH_TIMEOUT(anna->pendingCount(), 0, 10000);

    QStringList expected;   // newest first
    auto groupPost = [&](RawSession &who, const QString &g, const QString &text) {
        protocol::GroupPostBody b{ids::create(), g, text};
        return who.write(protocol::type::GroupPost, protocol::encode(b)) == QLatin1String("ack") ? b.id : QString();
    };
    // carla joins the unfollowed group and posts there: not in the timeline.
    QCOMPARE(m_carla->write(protocol::type::GroupJoin, protocol::encode(protocol::GroupRefBody{muted})),
             QStringLiteral("ack"));
    QCOMPARE(m_carla->write(protocol::type::GroupJoin, protocol::encode(protocol::GroupRefBody{mine})),
             QStringLiteral("ack"));
    const QString hidden = groupPost(*m_carla, muted, QStringLiteral("Wie lust er soep?"));
    QVERIFY(!hidden.isEmpty());
    QTest::qWait(5);
    const QString fromMine = groupPost(*m_carla, mine, QStringLiteral("Kwartaalcijfers staan klaar."));
    expected.prepend(fromMine);
    QTest::qWait(5);
    // bert is followed: his post in the unfollowed group is in.
    const QString byBert = groupPost(*m_bert, muted, QStringLiteral("Soep van de dag: erwten."));
    expected.prepend(byBert);
    QTest::qWait(5);
    protocol::PostCreateBody company{ids::create(), QStringLiteral("Iedereen welkom bij de borrel")};
    QCOMPARE(m_carla->write(protocol::type::PostCreate, protocol::encode(company)), QStringLiteral("ack"));
    expected.prepend(company.id);
    QTest::qWait(5);
    protocol::NewsSaveBody news{ids::create(), QStringLiteral("Nieuw kantoor"), QStringLiteral("We verhuizen."), {}, {},
                                false, false, 0};
    QCOMPARE(m_erik->write(protocol::type::NewsSave, protocol::encode(news)), QStringLiteral("ack"));
    expected.prepend(news.id);
    // A group post in a group Anna neither joined nor follows never reaches her.
    const QString outside = groupPost(*m_bert, other, QStringLiteral("Schaakmat in drie zetten"));
    QVERIFY(!outside.isEmpty());

    PersonalTimelineModel *m = anna->home()->timeline();
    QAbstractItemModelTester timelineTester(m, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester notificationsTester(anna->home()->notifications(),
                                                 QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto ids = [&] {
        QStringList out;
        for (int r = 0; r < m->rowCount(); ++r)
            out.append(m->entry(r).id);
        return out;
    };
    QTRY_VERIFY_WITH_TIMEOUT(ids().contains(news.id), 10000);
    const QStringList all = ids();
    QVERIFY(!all.contains(hidden));
    QVERIFY(!all.contains(outside));
    // Order: newest first, and exactly the expected ones among the newest.
    QCOMPARE(all.mid(0, expected.size()), expected);
    for (int r = 1; r < m->rowCount(); ++r)
        QVERIFY(m->entry(r - 1).created >= m->entry(r).created);
    QCOMPARE(m->entry(0).kind, TimelineEntry::Kind::News);
    QCOMPARE(m->entry(3).kind, TimelineEntry::Kind::GroupPost);

    // Keyset paging through pages of 2 gives the same list, without gaps or repeats.
    {
        QSqlDatabase pages = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("timeline-pages"));
        pages.setDatabaseName(anna->replicaPath());
        QVERIFY(pages.open());
        PersonalTimeline t(pages);
        QStringList paged;
        QList<TimelineEntry> page = t.page(2);
        while (!page.isEmpty()) {
            QVERIFY(page.size() <= 2);
            for (const TimelineEntry &e : page)
                paged.append(e.id);
            page = t.page(2, page.constLast().created, page.constLast().id);
        }
        QCOMPARE(paged.mid(0, all.size()), all);
        pages.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("timeline-pages"));
}

void TestHome::layoutFollowsTheUserAndWorksOffline()
{
    auto laptop = open(m_laptop);
    QVERIFY(laptop);
    const QStringList mineFirst = {QStringLiteral("mentions"), QStringLiteral("timeline"), QStringLiteral("news")};
    QVERIFY(laptop->home()->setLayout(mineFirst));
    QCOMPARE(laptop->home()->layout(), mineFirst);
    QTRY_COMPARE_WITH_TIMEOUT(laptop->pendingCount(), 0, 10000);
    laptop.reset();

    QStringList offline;
    {
        auto desktop = open(m_desktop);
        QVERIFY(desktop);
        QTRY_COMPARE_WITH_TIMEOUT(desktop->home()->layout(), mineFirst, 10000);
        desktop->disconnectFromServer();
        QTRY_COMPARE(desktop->connectionState(), Session::ConnectionState::Offline);
        offline = {QStringLiteral("groups"), QStringLiteral("colleagues"), QStringLiteral("timeline")};
        QVERIFY(desktop->home()->setLayout(offline));
        QCOMPARE(desktop->home()->layout(), offline);
        QCOMPARE(desktop->pendingCount(), 1);
    }   // quits with the layout queued
    {
        Session desktop(m_desktop.path());
        QVERIFY(desktop.openAccount(m_server.url(), QStringLiteral("anna")));
        QCOMPARE(desktop.home()->layout(), offline);   // from the cache, no network
        QCOMPARE(desktop.pendingCount(), 1);
        QSignalSpy synced(&desktop, &Session::synced);
        desktop.signIn(Password);
        QVERIFY(synced.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(desktop.pendingCount(), 0, 10000);
        QCOMPARE(desktop.home()->layout(), offline);
    }
    auto again = open(m_laptop);
    QVERIFY(again);
    QTRY_COMPARE_WITH_TIMEOUT(again->home()->layout(), offline, 10000);
    // A new computer gets it too.
    QTemporaryDir fresh;
    auto third = open(fresh);
    QVERIFY(third);
    QCOMPARE(third->home()->layout(), offline);
}

void TestHome::notificationsReachTheRightUser()
{
    RawSession anna;
    QVERIFY(anna.signIn(m_server.url(), QStringLiteral("anna"), Password));
    const QString annaId = anna.userId();

    // A mention in a company post reaches Anna only.
    protocol::PostCreateBody hi{ids::create(), QStringLiteral("Goed werk @anna, dank je!")};
    QCOMPARE(m_bert->write(protocol::type::PostCreate, protocol::encode(hi)), QStringLiteral("ack"));
    QVERIFY(!notificationFor(anna, protocol::notify::Mention, hi.id).isEmpty());
    // Self-caused: mentioning yourself, liking or commenting on your own post tells nobody.
    protocol::PostCreateBody own{ids::create(), QStringLiteral("Notitie voor @anna zelf")};
    QCOMPARE(anna.write(protocol::type::PostCreate, protocol::encode(own)), QStringLiteral("ack"));
    QCOMPARE(anna.write(protocol::type::LikeSet, protocol::encode(protocol::LikeSetBody{own.id, true})),
             QStringLiteral("ack"));
    // A comment and a reaction by others.
    protocol::CommentCreateBody comment{ids::create(), own.id, QStringLiteral("Mooi zo")};
    QCOMPARE(m_carla->write(protocol::type::CommentCreate, protocol::encode(comment)), QStringLiteral("ack"));
    QVERIFY(!notificationFor(anna, protocol::notify::Comment, comment.id).isEmpty());
    QCOMPARE(m_bert->write(protocol::type::LikeSet, protocol::encode(protocol::LikeSetBody{own.id, true})),
             QStringLiteral("ack"));
    const QString reaction = notificationFor(anna, protocol::notify::Reaction, own.id);
    QVERIFY(!reaction.isEmpty());
    // Toggling the like again does not notify twice.
    QCOMPARE(m_bert->write(protocol::type::LikeSet, protocol::encode(protocol::LikeSetBody{own.id, false})),
             QStringLiteral("ack"));
    QCOMPARE(m_bert->write(protocol::type::LikeSet, protocol::encode(protocol::LikeSetBody{own.id, true})),
             QStringLiteral("ack"));
    // A must-read for Finance reaches Anna, not Carla (HR).
    protocol::NewsSaveBody must{ids::create(), QStringLiteral("Lees en bevestig: declaraties"), QStringLiteral("Nieuw."),
                                {QStringLiteral("Finance")}, {}, true, false, 0};
    QCOMPARE(m_erik->write(protocol::type::NewsSave, protocol::encode(must)), QStringLiteral("ack"));
    QVERIFY(!notificationFor(anna, protocol::notify::MustRead, must.id).isEmpty());

    // Muted group: no mention from it; unmuted: the next one arrives.
    const QString g = group(QStringLiteral("Stil"));
    QCOMPARE(anna.write(protocol::type::GroupJoin, protocol::encode(protocol::GroupRefBody{g})), QStringLiteral("ack"));
    QCOMPARE(anna.write(protocol::type::NotificationMute, protocol::encode(protocol::NotifyMuteBody{g, true})),
             QStringLiteral("ack"));
    protocol::GroupPostBody quiet{ids::create(), g, QStringLiteral("@anna kijk even")};
    QCOMPARE(m_bert->write(protocol::type::GroupPost, protocol::encode(quiet)), QStringLiteral("ack"));
    QCOMPARE(anna.write(protocol::type::NotificationMute, protocol::encode(protocol::NotifyMuteBody{g, false})),
             QStringLiteral("ack"));
    protocol::GroupPostBody loud{ids::create(), g, QStringLiteral("@anna nu wel")};
    QCOMPARE(m_bert->write(protocol::type::GroupPost, protocol::encode(loud)), QStringLiteral("ack"));
    QVERIFY(!notificationFor(anna, protocol::notify::Mention, loud.id).isEmpty());

    // Exactly these, once each; nothing about her own doings.
    int reactions = 0;
    for (const protocol::Change &c : anna.changes()) {
        if (c.kind != QLatin1String(protocol::kind::Notification))
            continue;
        auto n = protocol::decode<protocol::Notification>(c.data);
        QVERIFY(n.ok());
        QVERIFY2(n->actor != annaId, qPrintable(n->kind));
        QVERIFY2(n->item != quiet.id, "muted group");
        reactions += n->kind == QLatin1String(protocol::notify::Reaction);
    }
    QCOMPARE(reactions, 1);
    // Nobody else heard of Anna's notifications.
    for (RawSession *other : {m_bert.get(), m_carla.get(), m_erik.get()})
        for (const protocol::Change &c : other->changes())
            if (c.kind == QLatin1String(protocol::kind::Notification)) {
                auto n = protocol::decode<protocol::Notification>(c.data);
                QVERIFY(n.ok());
                QVERIFY2(n->item != hi.id && n->item != must.id && n->item != loud.id, qPrintable(n->kind));
            }
    // Carla (HR) got no must-read for Finance.
    QVERIFY(notificationFor(*m_carla, protocol::notify::MustRead, must.id, 300).isEmpty());

    // Read state follows the user: marked read offline on one computer, across a restart.
    {
        auto laptop = open(m_laptop);
        QVERIFY(laptop);
        QTRY_VERIFY_WITH_TIMEOUT(laptop->home()->unreadCount() >= 5, 10000);
        laptop->disconnectFromServer();
        QTRY_COMPARE(laptop->connectionState(), Session::ConnectionState::Offline);
        QVERIFY(laptop->home()->markAllRead());
        QCOMPARE(laptop->home()->unreadCount(), 0);
        QCOMPARE(laptop->pendingCount(), 1);
    }
    {
        Session laptop(m_laptop.path());
        QVERIFY(laptop.openAccount(m_server.url(), QStringLiteral("anna")));
        QCOMPARE(laptop.home()->unreadCount(), 0);
        QSignalSpy synced(&laptop, &Session::synced);
        laptop.signIn(Password);
        QVERIFY(synced.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(laptop.pendingCount(), 0, 10000);
    }
    auto desktop = open(m_desktop);
    QVERIFY(desktop);
    QTRY_COMPARE_WITH_TIMEOUT(desktop->home()->unreadCount(), 0, 10000);
    QVERIFY(anna.waitChange(s(protocol::kind::Notification), reaction,
                            [](const protocol::Change &c) { return c.data.value(QLatin1String("read")).toBool(); }));
}

void TestHome::offlineFollowAndMuteAcrossRestart()
{
    const QString carlaId = m_carla->userId();
    const QString g = group(QStringLiteral("Offline gevolgd"));
    QVERIFY(!g.isEmpty());
    QTemporaryDir profile;
    {
        auto anna = open(profile);
        QVERIFY(anna);
        QTRY_VERIFY_WITH_TIMEOUT(anna->groupsModel()->rowOf(g) >= 0, 10000);
        anna->disconnectFromServer();
        QTRY_COMPARE(anna->connectionState(), Session::ConnectionState::Offline);
        QVERIFY(anna->home()->setFollowing(s(protocol::follow::Person), carlaId, true));
        QVERIFY(anna->home()->setFollowing(s(protocol::follow::Group), g, true));
        QVERIFY(anna->home()->setGroupMuted(g, true));
        QVERIFY(anna->home()->isGroupMuted(g));
        QCOMPARE(anna->pendingCount(), 3);
    }   // quits with three writes queued
    {
        Session anna(profile.path());
        QVERIFY(anna.openAccount(m_server.url(), QStringLiteral("anna")));
        QCOMPARE(anna.pendingCount(), 3);
        QVERIFY(anna.home()->isFollowing(s(protocol::follow::Person), carlaId));
        QSignalSpy synced(&anna, &Session::synced);
        anna.signIn(Password);
        QVERIFY(synced.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(anna.pendingCount(), 0, 10000);
    }
    // The server has them: another computer learns them, and the followed group's posts arrive.
    QTemporaryDir other;
    auto second = open(other);
    QVERIFY(second);
    QTRY_VERIFY_WITH_TIMEOUT(second->home()->isFollowing(s(protocol::follow::Person), carlaId), 10000);
    QVERIFY(second->home()->isFollowing(s(protocol::follow::Group), g));
    QVERIFY(second->home()->isGroupMuted(g));
    protocol::GroupPostBody post{ids::create(), g, QStringLiteral("@anna gevolgd maar gedempt")};
    QCOMPARE(m_bert->write(protocol::type::GroupPost, protocol::encode(post)), QStringLiteral("ack"));
    PersonalTimelineModel *m = second->home()->timeline();
    QTRY_VERIFY_WITH_TIMEOUT(m->rowCount() > 0 && m->entry(0).id == post.id, 10000);
    // Muted: the mention made no notification.
    NotificationsModel *n = second->home()->notifications();
    for (int r = 0; r < n->rowCount(); ++r)
        QVERIFY(n->row(r).item != post.id);
    // A new one, live, is announced once for the tray; the backlog synced at start is not.
    QSignalSpy announced(second->home(), &HomeClient::notify);
    protocol::PostCreateBody hello{ids::create(), QStringLiteral("Welkom terug @anna")};
    QCOMPARE(m_bert->write(protocol::type::PostCreate, protocol::encode(hello)), QStringLiteral("ack"));
    QTRY_COMPARE_WITH_TIMEOUT(announced.size(), 1, 10000);
    QVERIFY(announced.constFirst().at(1).toString().contains(QStringLiteral("Bert Jansen")));
    QCOMPARE(announced.constFirst().at(2).toString(), hello.text);
}

void TestHome::closingAnOpenGroupEndsItsFollowers()
{
    const QString g = group(QStringLiteral("Eerst open"));
    QVERIFY(!g.isEmpty());
    QTemporaryDir profile;
    auto anna = open(profile);
    QVERIFY(anna);
    QTRY_VERIFY_WITH_TIMEOUT(anna->groupsModel()->rowOf(g) >= 0, 10000);
    QVERIFY(anna->home()->setFollowing(s(protocol::follow::Group), g, true));
    QTRY_COMPARE_WITH_TIMEOUT(anna->pendingCount(), 0, 10000);
    protocol::GroupPostBody before{ids::create(), g, QStringLiteral("Nog open")};
    QCOMPARE(m_bert->write(protocol::type::GroupPost, protocol::encode(before)), QStringLiteral("ack"));
    PersonalTimelineModel *m = anna->home()->timeline();
    QTRY_VERIFY_WITH_TIMEOUT(m->rowCount() > 0 && m->entry(0).id == before.id, 10000);
    // The owner closes it: the follower's cache forgets it, and nothing more arrives.
    protocol::GroupSaveBody closed{g, QStringLiteral("Eerst open"), QStringLiteral("Nu besloten"),
                                   s(protocol::groupkind::Interest), s(protocol::visibility::Closed)};
    QCOMPARE(m_bert->write(protocol::type::GroupSave, protocol::encode(closed)), QStringLiteral("ack"));
    QTRY_VERIFY_WITH_TIMEOUT(m->rowCount() == 0 || m->entry(0).id != before.id, 10000);
    protocol::GroupPostBody after{ids::create(), g, QStringLiteral("Alleen voor leden")};
    QCOMPARE(m_bert->write(protocol::type::GroupPost, protocol::encode(after)), QStringLiteral("ack"));
    protocol::PostCreateBody marker{ids::create(), QStringLiteral("Marker na het sluiten")};
    QCOMPARE(m_bert->write(protocol::type::PostCreate, protocol::encode(marker)), QStringLiteral("ack"));
    QTRY_VERIFY_WITH_TIMEOUT(m->rowCount() > 0 && m->entry(0).id == marker.id, 10000);
    for (int r = 0; r < m->rowCount(); ++r)
        QVERIFY(m->entry(r).id != after.id && m->entry(r).id != before.id);
}

void TestHome::badInput()
{
    RawSession anna;
    QVERIFY(anna.signIn(m_server.url(), QStringLiteral("anna"), Password));
    using namespace protocol;
    QCOMPARE(anna.write(type::FollowSet, encode(FollowSetBody{s(follow::Person), anna.userId(), true})),
             s(code::BadRequest));
    QCOMPARE(anna.write(type::FollowSet, encode(FollowSetBody{s(follow::Person), ids::create(), true})),
             s(code::NotFound));
    QCOMPARE(anna.write(type::FollowSet, QJsonObject{{QStringLiteral("kind"), QStringLiteral("room")},
                                                     {QStringLiteral("target"), ids::create()}}),
             s(code::BadRequest));
    // A closed group is followed by members only; a secret one does not exist outside.
    const QString closed = group(QStringLiteral("Directie"), visibility::Closed);
    QCOMPARE(anna.write(type::FollowSet, encode(FollowSetBody{s(follow::Group), closed, true})), s(code::Forbidden));
    QCOMPARE(anna.write(type::HomeLayoutSet, encode(HomeLayoutBody{{QStringLiteral("Not Valid!")}})),
             s(code::BadRequest));
    QCOMPARE(anna.write(type::HomeLayoutSet, encode(HomeLayoutBody{{QStringLiteral("news"), QStringLiteral("news")}})),
             s(code::BadRequest));
    QStringList many;
    for (int i = 0; i < home::MaxWidgets + 1; ++i)
        many.append(QStringLiteral("w%1").arg(i));
    QCOMPARE(anna.write(type::HomeLayoutSet, encode(HomeLayoutBody{many})), s(code::TooLarge));
    QCOMPARE(anna.write(type::NotificationRead, QJsonObject{}), s(code::BadRequest));
    // Someone else's notification does not exist for Anna.
    QCOMPARE(anna.write(type::NotificationRead, encode(NotificationReadBody{{ids::create()}, false})),
             s(code::NotFound));
    QCOMPARE(anna.write(type::NotificationMute, encode(NotifyMuteBody{ids::create(), true})), s(code::NotFound));
}

QTEST_GUILESS_MAIN(TestHome)
#include "TestHome.moc"
