// Managed news against a real plein-server on the raw protocol: every role against every
// action, targeting by department, scheduled publishing (also with nobody connected and
// across a restart), reach and must-read acknowledgements for editors only.
#include "RawCrew.h"
#include "ServerProcess.h"

#include "model/Ids.h"
#include "protocol/HomeMessages.h"
#include "protocol/NewsMessages.h"
#include "protocol/PeopleMessages.h"
#include "protocol/Protocol.h"

#include <QTest>

#include <memory>

using namespace plein;
using namespace plein::protocol;
using plein::test::RawSession;
using plein::test::s;

namespace {
const QString Password = QStringLiteral("news-pw");
} // namespace

class TestNews : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void permissionMatrix_data();
    void permissionMatrix();
    void targetingByDepartment();
    void targetingByLocation();
    void scheduledPublishing();
    void reachAndAcknowledgements();
    void mustReadReachesWhoWasOffline();
    void mustReadReachesWhoJoinsTheAudienceLater();
    void scheduledWhileNobodyConnectedAndAcrossRestart();   // last: it ends every session

private:
    // The must_read notifications `who` received for `article` (distinct ids), waiting up
    // to timeoutMs for at least one.
    QStringList mustReadNotices(RawSession &who, const QString &article, int timeoutMs = 5000);
    RawSession &as(const QString &user) { return m_crew[user]; }
    // A published must-read article for everyone, by the editor; its id.
    QString fixture(const QString &title, const QStringList &departments = {});
    std::optional<NewsArticle> latestArticle(RawSession &who, const QString &id);

    plein::test::ServerProcess m_server;
    plein::test::RawCrew m_crew;
};

void TestNews::initTestCase()
{
    QVERIFY2(!plein::test::ServerProcess::serverBinary().isEmpty(), "PLEIN_SERVER_BIN is not set");
    QVERIFY(
        m_crew.add(m_server,
                   {
                       {QStringLiteral("erik"), QStringLiteral("Erik Editor"),
                        role::Editor, QStringLiteral("Communications")},
                       {QStringLiteral("adam"), QStringLiteral("Adam Admin"),
                        role::Admin, QStringLiteral("IT")},
                       {QStringLiteral("emma"), QStringLiteral("Emma Employee"),
                        role::Employee, QStringLiteral("Finance")},
                       {QStringLiteral("hugo"), QStringLiteral("Hugo Employee"),
                        role::Employee, QStringLiteral("HR")},
                   },
                   Password));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_crew.signIn(m_server.url(), Password));
}

QString TestNews::fixture(const QString &title, const QStringList &departments)
{
    NewsSaveBody b;
    b.id = ids::create();
    b.title = title;
    b.text = QStringLiteral("Body of **%1**").arg(title);
    b.departments = departments;
    b.mustRead = true;
    if (as(QStringLiteral("erik")).write(type::NewsSave, encode(b)) != QLatin1String("ack"))
        return {};
    return b.id;
}

std::optional<NewsArticle> TestNews::latestArticle(RawSession &who, const QString &id)
{
    auto c = who.waitChange(s(kind::News), id, {}, 100);
    if (!c || c->deleted)
        return std::nullopt;
    auto a = decode<NewsArticle>(c->data);
    return a ? std::optional<NewsArticle>(a.value()) : std::nullopt;
}

void TestNews::permissionMatrix_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("allowed");
    const QStringList manage = {QStringLiteral("create"), QStringLiteral("edit"), QStringLiteral("schedule"),
                                QStringLiteral("pin"), QStringLiteral("unpublish")};
    const QStringList take = {QStringLiteral("read"), QStringLiteral("acknowledge"), QStringLiteral("comment"),
                              QStringLiteral("react")};
    for (const char *u : {"emma", "erik", "adam"}) {
        const bool editor = QLatin1String(u) != QLatin1String("emma");
        for (const QString &a : manage)
            QTest::addRow("%s %s", u, qPrintable(a)) << s(u) << a << editor;
        for (const QString &a : take)
            QTest::addRow("%s %s", u, qPrintable(a)) << s(u) << a << true;
    }
}

void TestNews::permissionMatrix()
{
    QFETCH(QString, user);
    QFETCH(QString, action);
    QFETCH(bool, allowed);
    const QString article = fixture(QStringLiteral("Matrix %1 %2").arg(user, action));
    QVERIFY(!article.isEmpty());
    RawSession &me = as(user);
    QVERIFY(me.waitChange(s(kind::News), article).has_value());   // everyone sees an org article

    NewsSaveBody save;
    save.title = QStringLiteral("Changed by %1").arg(user);
    save.text = QStringLiteral("New text");
    QJsonObject body;
    const char *type = nullptr;
    if (action == QLatin1String("create")) {
        save.id = ids::create();
        type = type::NewsSave, body = encode(save);
    } else if (action == QLatin1String("edit")) {
        save.id = article;
        type = type::NewsSave, body = encode(save);
    } else if (action == QLatin1String("schedule")) {
        save.id = ids::create();
        save.publishAt = ids::nowMs() + 3600 * 1000;
        type = type::NewsSave, body = encode(save);
    } else if (action == QLatin1String("pin")) {
        type = type::NewsPin, body = encode(NewsPinBody{article, true});
    } else if (action == QLatin1String("unpublish")) {
        type = type::NewsUnpublish, body = encode(NewsIdBody{article});
    } else if (action == QLatin1String("read")) {
        type = type::NewsRead, body = encode(NewsIdBody{article});
    } else if (action == QLatin1String("acknowledge")) {
        type = type::NewsAck, body = encode(NewsIdBody{article});
    } else if (action == QLatin1String("comment")) {
        type = type::NewsComment, body = encode(NewsCommentBody{ids::create(), article, QStringLiteral("Mooi!")});
    } else if (action == QLatin1String("react")) {
        type = type::NewsReact, body = encode(NewsReactBody{article, s(reaction::Celebrate), true});
    }
    QVERIFY(type);
    qint64 seq = 0;
    const QString answer = me.write(type, body, &seq);
    QCOMPARE(answer, allowed ? QStringLiteral("ack") : QString::fromLatin1(code::Forbidden));
    if (allowed) {
        QVERIFY(seq > 0);
        return;
    }
    // A refused write changed nothing: the editor's copy is as it was and still readable.
    const auto a = latestArticle(as(QStringLiteral("erik")), article);
    QVERIFY(a.has_value());
    QCOMPARE(a->title, QStringLiteral("Matrix %1 %2").arg(user, action));
    QVERIFY(!a->pinned);
    QCOMPARE(as(QStringLiteral("hugo")).write(type::NewsRead, encode(NewsIdBody{article})), QStringLiteral("ack"));
    if (!save.id.isEmpty() && save.id != article)
        QVERIFY(!as(QStringLiteral("erik")).hasChange(s(kind::News), save.id));
}

void TestNews::targetingByDepartment()
{
    const QString title = QStringLiteral("Finance closes the books on Friday");
    const QString article = fixture(title, {QStringLiteral("Finance")});
    QVERIFY(!article.isEmpty());
    QVERIFY(as(QStringLiteral("emma")).waitChange(s(kind::News), article).has_value());
    QVERIFY(as(QStringLiteral("adam")).waitChange(s(kind::News), article).has_value());   // editors see all
    // A marker for everyone after it: once HR has that, it would have had the targeted one.
    const QString marker = fixture(QStringLiteral("Marker after targeted"));
    QVERIFY(as(QStringLiteral("hugo")).waitChange(s(kind::News), marker).has_value());
    RawSession &hugo = as(QStringLiteral("hugo"));
    QVERIFY(!hugo.hasChange(s(kind::News), article));
    for (const QString &frame : hugo.rawText())
        QVERIFY2(!frame.contains(article) && !frame.contains(title), qPrintable(frame.left(200)));
    // Outside the audience it does not exist.
    QCOMPARE(hugo.write(type::NewsRead, encode(NewsIdBody{article})), s(code::NotFound));
    QCOMPARE(hugo.write(type::NewsComment, encode(NewsCommentBody{ids::create(), article, QStringLiteral("?")})),
             s(code::NotFound));
    QCOMPARE(as(QStringLiteral("emma")).write(type::NewsRead, encode(NewsIdBody{article})), QStringLiteral("ack"));

    // Retargeting to HR: Finance gets a delete, HR the article.
    NewsSaveBody b{article, title, QStringLiteral("Now for HR"), {QStringLiteral("HR")}, {}, false, false, 0};
    QCOMPARE(as(QStringLiteral("erik")).write(type::NewsSave, encode(b)), QStringLiteral("ack"));
    QVERIFY(hugo.waitChange(s(kind::News), article).has_value());
    QVERIFY(as(QStringLiteral("emma")).waitChange(s(kind::News), article, [](const Change &c) { return c.deleted; }));
}

void TestNews::targetingByLocation()
{
    // Locations live in the directory profile; an admin sets them.
    RawSession &adam = as(QStringLiteral("adam"));
    const QString emmaId = as(QStringLiteral("emma")).userId();
    const QString hugoId = as(QStringLiteral("hugo")).userId();
    ProfileUpdateBody emmaAt;
    emmaAt.person = emmaId;
    emmaAt.location = QStringLiteral("Utrecht");
    QCOMPARE(adam.write(type::ProfileUpdate, encode(emmaAt)), QStringLiteral("ack"));
    ProfileUpdateBody hugoAt;
    hugoAt.person = hugoId;
    hugoAt.location = QStringLiteral("Rotterdam");
    QCOMPARE(adam.write(type::ProfileUpdate, encode(hugoAt)), QStringLiteral("ack"));
    // Audiences are taken at sign-in: both sign in again with their new location.
    RawSession emma;
    QVERIFY(emma.signIn(m_server.url(), QStringLiteral("emma"), Password));
    RawSession hugo;
    QVERIFY(hugo.signIn(m_server.url(), QStringLiteral("hugo"), Password));

    const QString title = QStringLiteral("Utrecht office: the lift is out on Monday");
    NewsSaveBody b{ids::create(), title, QStringLiteral("Take the stairs."), {}, {QStringLiteral("Utrecht")}, true,
                   false, 0};
    QCOMPARE(as(QStringLiteral("erik")).write(type::NewsSave, encode(b)), QStringLiteral("ack"));
    QVERIFY(emma.waitChange(s(kind::News), b.id).has_value());
    const QString marker = fixture(QStringLiteral("Marker after the location article"));
    QVERIFY(hugo.waitChange(s(kind::News), marker).has_value());
    QVERIFY(!hugo.hasChange(s(kind::News), b.id));
    for (const QString &frame : hugo.rawText())
        QVERIFY2(!frame.contains(b.id) && !frame.contains(title), qPrintable(frame.left(200)));
    QCOMPARE(hugo.write(type::NewsRead, encode(NewsIdBody{b.id})), s(code::NotFound));
    QCOMPARE(emma.write(type::NewsAck, encode(NewsIdBody{b.id})), QStringLiteral("ack"));
    // Reach counts exactly the people at that location.
    QVERIFY(as(QStringLiteral("erik")).waitChange(s(kind::NewsStats), b.id, [&](const Change &c) {
        auto st = decode<NewsStats>(c.data);
        return st && st->audienceSize == 1 && st->acks == 1 && st->notAcked.isEmpty();
    }));
    // Cleanup so later tests see everyone without a location again.
    emmaAt.location = QString();
    hugoAt.location = QString();
    QCOMPARE(adam.write(type::ProfileUpdate, encode(emmaAt)), QStringLiteral("ack"));
    QCOMPARE(adam.write(type::ProfileUpdate, encode(hugoAt)), QStringLiteral("ack"));
}

void TestNews::scheduledPublishing()
{
    RawSession &hugo = as(QStringLiteral("hugo"));
    NewsSaveBody b;
    b.id = ids::create();
    b.title = QStringLiteral("Scheduled for in a moment");
    b.text = QStringLiteral("Appears by itself.");
    b.publishAt = ids::nowMs() + 1500;
    QCOMPARE(as(QStringLiteral("erik")).write(type::NewsSave, encode(b)), QStringLiteral("ack"));
    const auto early = as(QStringLiteral("erik")).waitChange(s(kind::News), b.id);
    QVERIFY(early.has_value());
    QCOMPARE(early->data.value(QLatin1String("state")).toString(), s(newsstate::Scheduled));
    // Employees cannot touch it before it is out.
    QCOMPARE(hugo.write(type::NewsRead, encode(NewsIdBody{b.id})), s(code::NotFound));
    QVERIFY(!hugo.hasChange(s(kind::News), b.id));

    const auto published = hugo.waitChange(s(kind::News), b.id, {}, 10000);
    QVERIFY(published.has_value());
    QVERIFY(ids::nowMs() >= b.publishAt);
    QCOMPARE(published->data.value(QLatin1String("state")).toString(), s(newsstate::Published));
    QCOMPARE(hugo.write(type::NewsRead, encode(NewsIdBody{b.id})), QStringLiteral("ack"));
}

void TestNews::reachAndAcknowledgements()
{
    const QString article = fixture(QStringLiteral("Read and understood: the new expense policy"));
    QVERIFY(!article.isEmpty());
    RawSession &erik = as(QStringLiteral("erik"));
    RawSession &emma = as(QStringLiteral("emma"));
    const QString emmaId = emma.userId();
    const QString hugoId = as(QStringLiteral("hugo")).userId();
    auto stats = [&](const std::function<bool(const NewsStats &)> &match) {
        return erik.waitChange(s(kind::NewsStats), article, [&](const Change &c) {
            auto st = decode<NewsStats>(c.data);
            return st && match(st.value());
        });
    };
    QVERIFY(stats([](const NewsStats &st) { return st.audienceSize == 4 && st.readers == 0 && st.notAcked.size() == 4; }));
    QCOMPARE(emma.write(type::NewsRead, encode(NewsIdBody{article})), QStringLiteral("ack"));
    QVERIFY(stats([](const NewsStats &st) { return st.readers == 1 && st.acks == 0; }));
    QCOMPARE(emma.write(type::NewsAck, encode(NewsIdBody{article})), QStringLiteral("ack"));
    QVERIFY(stats([&](const NewsStats &st) {
        return st.acks == 1 && !st.notAcked.contains(emmaId) && st.notAcked.contains(hugoId);
    }));
    // The reader's own state follows her; reach is for editors only.
    const auto mine = emma.waitChange(s(kind::NewsRead), article + QLatin1Char(':') + emmaId,
                                      [](const Change &c) { return c.data.value(QLatin1String("acked_at")).toDouble() > 0; });
    QVERIFY(mine.has_value());
    for (const Change &c : emma.changes())
        QVERIFY2(c.kind != s(kind::NewsStats), qPrintable(c.id));
    QVERIFY(!as(QStringLiteral("hugo")).hasChange(s(kind::NewsRead), article + QLatin1Char(':') + emmaId));
    // An acknowledgement on an article that asks for none is refused.
    NewsSaveBody plain{ids::create(), QStringLiteral("Plain"), QStringLiteral("x"), {}, {}, false, false, 0};
    QCOMPARE(erik.write(type::NewsSave, encode(plain)), QStringLiteral("ack"));
    QVERIFY(emma.waitChange(s(kind::News), plain.id).has_value());
    QCOMPARE(emma.write(type::NewsAck, encode(NewsIdBody{plain.id})), s(code::BadRequest));
}

void TestNews::scheduledWhileNobodyConnectedAndAcrossRestart()
{
    NewsSaveBody soon{ids::create(), QStringLiteral("Out while nobody looks"), QStringLiteral("a"), {}, {}, false,
                      false, ids::nowMs() + 800};
    NewsSaveBody later{ids::create(), QStringLiteral("Out while the server is down"), QStringLiteral("b"), {}, {},
                       false, false, ids::nowMs() + 2500};
    QCOMPARE(as(QStringLiteral("erik")).write(type::NewsSave, encode(soon)), QStringLiteral("ack"));
    QCOMPARE(as(QStringLiteral("erik")).write(type::NewsSave, encode(later)), QStringLiteral("ack"));
    m_crew.closeAll();
    // Nobody is connected when `soon` falls due; let the clock pass it.
    QVERIFY(QTest::qWaitFor([&] { return ids::nowMs() > soon.publishAt + 300; }, 5000));
    QVERIFY(m_server.terminate());
    QVERIFY(QTest::qWaitFor([&] { return ids::nowMs() > later.publishAt + 100; }, 10000));
    QVERIFY2(m_server.restart(), qPrintable(m_server.errorString()));
    RawSession hugo;
    QVERIFY(hugo.signIn(m_server.url(), QStringLiteral("hugo"), Password));
    for (const QString &id : {soon.id, later.id}) {
        const auto c = hugo.waitChange(s(kind::News), id);
        QVERIFY2(c.has_value(), qPrintable(id));
        QCOMPARE(c->data.value(QLatin1String("state")).toString(), s(newsstate::Published));
    }
}

QStringList TestNews::mustReadNotices(RawSession &who, const QString &article, int timeoutMs)
{
    QStringList found;
    (void)QTest::qWaitFor(
        [&] {
            found.clear();
            for (const Change &c : who.changes()) {
                if (c.kind != s(kind::Notification) || found.contains(c.id))
                    continue;
                auto n = decode<Notification>(c.data);
                if (n && n->kind == s(notify::MustRead) && n->item == article)
                    found.append(c.id);
            }
            return !found.isEmpty();
        },
        timeoutMs);
    return found;
}

// Must-read notifications are made per person, not for the whole audience when an article
// goes out: someone who was not connected then gets theirs when they sign in, once, on
// every computer, and not again after acknowledging.
void TestNews::mustReadReachesWhoWasOffline()
{
    QVERIFY(m_server.addUser(QStringLiteral("lena"), Password, QStringLiteral("Lena Late"), s(role::Employee),
                             QStringLiteral("Finance")));
    const QString article = fixture(QStringLiteral("Read and understood: the new travel policy"),
                                    {QStringLiteral("Finance")});
    QVERIFY(!article.isEmpty());
    // Connected Finance people hear of it at once; HR does not.
    QCOMPARE(mustReadNotices(as(QStringLiteral("emma")), article).size(), 1);
    QVERIFY(mustReadNotices(as(QStringLiteral("hugo")), article, 300).isEmpty());

    RawSession laptop;
    QVERIFY(laptop.signIn(m_server.url(), QStringLiteral("lena"), Password));
    const QStringList first = mustReadNotices(laptop, article);
    QCOMPARE(first.size(), 1);
    auto n = decode<Notification>(laptop.waitChange(s(kind::Notification), first.first())->data);
    QVERIFY(n.ok());
    QVERIFY(!n->read);
    QCOMPARE(n->actor, as(QStringLiteral("erik")).userId());
    QCOMPARE(n->text, QStringLiteral("Read and understood: the new travel policy"));
    // A second computer: the same notification, not another one.
    RawSession desktop;
    QVERIFY(desktop.signIn(m_server.url(), QStringLiteral("lena"), Password));
    QCOMPARE(mustReadNotices(desktop, article), first);
    QTest::qWait(300);   // nothing more may arrive: there is no event to wait for
    QCOMPARE(mustReadNotices(laptop, article), first);
    // Acknowledged on one computer: a later sign-in makes nothing new for it.
    QCOMPARE(laptop.write(type::NewsAck, encode(NewsIdBody{article})), QStringLiteral("ack"));
    RawSession third;
    QVERIFY(third.signIn(m_server.url(), QStringLiteral("lena"), Password));
    QCOMPARE(mustReadNotices(third, article), first);
}

// The chosen semantics: an article targets whoever is in its departments and locations at
// the time, so someone who moves into a targeted department after it went out (and has not
// acknowledged it) is notified at their next sign-in.
void TestNews::mustReadReachesWhoJoinsTheAudienceLater()
{
    QVERIFY(m_server.addUser(QStringLiteral("olaf"), Password, QStringLiteral("Olaf Later"), s(role::Employee),
                             QStringLiteral("Sales")));
    RawSession before;
    QVERIFY(before.signIn(m_server.url(), QStringLiteral("olaf"), Password));
    const QString article = fixture(QStringLiteral("Legal: the new contract rules"), {QStringLiteral("Legal")});
    QVERIFY(!article.isEmpty());
    QVERIFY(mustReadNotices(before, article, 500).isEmpty());
    QVERIFY(!before.hasChange(s(kind::News), article));

    ProfileUpdateBody move;
    move.person = before.userId();
    move.department = QStringLiteral("Legal");
    QCOMPARE(as(QStringLiteral("adam")).write(type::ProfileUpdate, encode(move)), QStringLiteral("ack"));
    RawSession after;   // audiences are taken at sign-in
    QVERIFY(after.signIn(m_server.url(), QStringLiteral("olaf"), Password));
    QVERIFY(after.waitChange(s(kind::News), article).has_value());
    QCOMPARE(mustReadNotices(after, article).size(), 1);
    // Their other computer, still connected, hears of it through their own audience.
    QCOMPARE(mustReadNotices(before, article).size(), 1);
}

QTEST_GUILESS_MAIN(TestNews)
#include "TestNews.moc"
