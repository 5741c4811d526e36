// Groups on scoped audiences against a real plein-server, on the raw protocol: the
// permission matrix (role x visibility x action), fan-out only to members, the snapshot on
// joining and nothing more after leaving, approval for closed groups, and that no frame
// sent to a non-member ever mentions a secret group.
#include "RawCrew.h"
#include "ServerProcess.h"

#include "model/Ids.h"
#include "protocol/GroupMessages.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"

#include <QTest>

#include <map>
#include <memory>

using namespace plein;
using namespace plein::protocol;
using plein::test::RawSession;
using plein::test::s;

namespace {
const QString Password = QStringLiteral("groups-pw");
const QString SecretName = QStringLiteral("Project Nightingale (acquisition)");
} // namespace

class TestGroups : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void creation();
    void permissionMatrix_data();
    void permissionMatrix();
    void fanOutOnlyToMembers();
    void joinSnapshotAndLeave();
    void closedGroupNeedsApproval();
    void secretGroupNeverReachesOutsiders();

private:
    RawSession &as(const QString &u) { return m_crew[u]; }
    QString makeGroup(const QString &owner, const char *vis, const QString &name);
    // A marker everyone gets, sent after something a user must not get: once they have the
    // marker, anything meant for them before it would have arrived too.
    void syncPoint();

    plein::test::ServerProcess m_server;
    plein::test::RawCrew m_crew;
    std::map<QString, QString> m_groups;   // visibility -> fixture group (owner eddy, member mike)
    QString m_secret;
    int m_markers = 0;
};

void TestGroups::initTestCase()
{
    QVERIFY(!plein::test::ServerProcess::serverBinary().isEmpty());
    QVERIFY(
        m_crew.add(m_server,
                   {
                       {QStringLiteral("eddy"), QStringLiteral("Eddy Editor"),
                        role::Editor, QStringLiteral("Communications")},
                       {QStringLiteral("mike"), QStringLiteral("Mike Member"),
                        role::Employee, QStringLiteral("Sales")},
                       {QStringLiteral("nina"), QStringLiteral("Nina Outsider"),
                        role::Employee, QStringLiteral("HR")},
                       {QStringLiteral("adam"), QStringLiteral("Adam Admin"),
                        role::Admin, QStringLiteral("IT")},
                       {QStringLiteral("zoe"), QStringLiteral("Zoe Zomer"),
                        role::Employee, QStringLiteral("IT")},
                   },
                   Password));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_crew.signIn(m_server.url(), Password));
}

QString TestGroups::makeGroup(const QString &owner, const char *vis, const QString &name)
{
    const GroupSaveBody b{ids::create(), name, QStringLiteral("About %1").arg(name), s(groupkind::Project), s(vis)};
    return as(owner).write(type::GroupSave, encode(b)) == QLatin1String("ack") ? b.id : QString();
}

void TestGroups::syncPoint()
{
    const PostCreateBody marker{ids::create(), QStringLiteral("marker %1").arg(++m_markers)};
    QCOMPARE(as(QStringLiteral("adam")).write(type::PostCreate, encode(marker)), QStringLiteral("ack"));
    for (const QString &name : m_crew.names())
        QVERIFY2(m_crew[name].waitChange(s(kind::Post), marker.id).has_value(), qPrintable(name));
}

void TestGroups::creation()
{
    // Anyone makes open and closed groups; secret ones need an editor or admin.
    QVERIFY(!makeGroup(QStringLiteral("mike"), visibility::Open, QStringLiteral("Running club")).isEmpty());
    QVERIFY(!makeGroup(QStringLiteral("mike"), visibility::Closed, QStringLiteral("Sales leads")).isEmpty());
    const GroupSaveBody secret{ids::create(), QStringLiteral("Mike's secret"), {}, s(groupkind::Team), s(visibility::Secret)};
    QCOMPARE(as(QStringLiteral("mike")).write(type::GroupSave, encode(secret)), s(code::Forbidden));
    const GroupSaveBody badKind{ids::create(), QStringLiteral("x"), {}, QStringLiteral("club"), s(visibility::Open)};
    QCOMPARE(as(QStringLiteral("mike")).write(type::GroupSave, encode(badKind)), s(code::BadRequest));

    for (const char *vis : {visibility::Open, visibility::Closed, visibility::Secret}) {
        const QString name = vis == visibility::Secret ? SecretName : QStringLiteral("Fixture %1").arg(s(vis));
        const QString id = makeGroup(QStringLiteral("eddy"), vis, name);
        QVERIFY(!id.isEmpty());
        GroupMemberBody add{id, as(QStringLiteral("mike")).userId(), s(scope::MemberRole)};
        QCOMPARE(as(QStringLiteral("eddy")).write(type::GroupMember, encode(add)), QStringLiteral("ack"));
        m_groups[s(vis)] = id;
    }
    m_secret = m_groups[s(visibility::Secret)];
    // Open and closed groups are in everyone's directory; the secret one only with members.
    QVERIFY(as(QStringLiteral("nina")).waitChange(s(kind::Group), m_groups[s(visibility::Open)]).has_value());
    QVERIFY(as(QStringLiteral("nina")).waitChange(s(kind::Group), m_groups[s(visibility::Closed)]).has_value());
    QVERIFY(as(QStringLiteral("mike")).waitChange(s(kind::Group), m_secret).has_value());
    syncPoint();
    QVERIFY(!as(QStringLiteral("nina")).hasChange(s(kind::Group), m_secret));
    QVERIFY(!as(QStringLiteral("adam")).hasChange(s(kind::Group), m_secret));
}

void TestGroups::permissionMatrix_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("vis");
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("expected");
    const QString ack = QStringLiteral("ack");
    for (const char *vis : {visibility::Open, visibility::Closed, visibility::Secret}) {
        const bool secret = vis == visibility::Secret;
        const QString hidden = secret ? s(code::NotFound) : s(code::Forbidden);
        struct Row { const char *who; const char *action; QString expected; };
        const Row rows[] = {
            {"eddy", "post", ack},           {"mike", "post", ack},
            {"nina", "post", hidden},        {"adam", "post", hidden},
            {"eddy", "settings", ack},       {"mike", "settings", s(code::Forbidden)},
            {"nina", "settings", hidden},    {"adam", "settings", hidden},
            {"eddy", "add member", ack},     {"mike", "add member", s(code::Forbidden)},
            {"nina", "add member", hidden},  {"adam", "add member", hidden},
            {"eddy", "join", s(code::Conflict)}, {"mike", "join", s(code::Conflict)},
            {"nina", "join", secret ? s(code::NotFound) : ack},
            {"adam", "join", secret ? s(code::NotFound) : ack},
        };
        for (const Row &r : rows)
            QTest::addRow("%s %s %s", r.who, vis, r.action) << s(r.who) << s(vis) << s(r.action) << r.expected;
    }
}

void TestGroups::permissionMatrix()
{
    QFETCH(QString, who);
    QFETCH(QString, vis);
    QFETCH(QString, action);
    QFETCH(QString, expected);
    const QString group = m_groups[vis];
    QVERIFY(!group.isEmpty());
    RawSession &me = as(who);
    const QString zoe = as(QStringLiteral("zoe")).userId();
    QString answer;
    if (action == QLatin1String("post")) {
        answer = me.write(type::GroupPost, encode(GroupPostBody{ids::create(), group, QStringLiteral("Hallo groep")}));
    } else if (action == QLatin1String("settings")) {
        const QString name = vis == QLatin1String(visibility::Secret) ? SecretName : QStringLiteral("Fixture %1").arg(vis);
        answer = me.write(type::GroupSave,
                          encode(GroupSaveBody{group, name, QStringLiteral("Changed by %1").arg(who), s(groupkind::Project), vis}));
    } else if (action == QLatin1String("add member")) {
        answer = me.write(type::GroupMember, encode(GroupMemberBody{group, zoe, s(scope::MemberRole)}));
        if (answer == QLatin1String("ack"))   // back as it was
            QCOMPARE(me.write(type::GroupMember, encode(GroupMemberBody{group, zoe, {}})), QStringLiteral("ack"));
    } else if (action == QLatin1String("join")) {
        answer = me.write(type::GroupJoin, encode(GroupRefBody{group}));
        if (answer == QLatin1String("ack"))   // leave again (or withdraw the request)
            QCOMPARE(me.write(type::GroupLeave, encode(GroupRefBody{group})), QStringLiteral("ack"));
    }
    QCOMPARE(answer, expected);
}

void TestGroups::fanOutOnlyToMembers()
{
    const QString group = m_groups[s(visibility::Open)];
    const GroupPostBody p{ids::create(), group, QStringLiteral("Only for the members")};
    QCOMPARE(as(QStringLiteral("mike")).write(type::GroupPost, encode(p)), QStringLiteral("ack"));
    QVERIFY(as(QStringLiteral("eddy")).waitChange(s(kind::GroupPost), p.id).has_value());
    syncPoint();
    for (const char *outsider : {"nina", "adam", "zoe"})
        QVERIFY2(!as(s(outsider)).hasChange(s(kind::GroupPost), p.id), outsider);
}

void TestGroups::joinSnapshotAndLeave()
{
    const QString group = m_groups[s(visibility::Open)];
    const QString scope = scope::make(scope::GroupPrefix, group);
    const GroupPostBody before{ids::create(), group, QStringLiteral("Written before Zoe joined")};
    QCOMPARE(as(QStringLiteral("eddy")).write(type::GroupPost, encode(before)), QStringLiteral("ack"));
    RawSession &zoe = as(QStringLiteral("zoe"));
    QCOMPARE(zoe.write(type::GroupJoin, encode(GroupRefBody{group})), QStringLiteral("ack"));
    // Joining brings the recent content as one snapshot, the old post included.
    const auto snap = zoe.waitFor([&](const Envelope &e) {
        return e.type == s(type::ScopeSnapshot) && e.body.value(QLatin1String("scope")).toString() == scope
               && QString::fromUtf8(e.encode()).contains(before.id);
    });
    QVERIFY(snap.has_value());
    QVERIFY(QString::fromUtf8(snap->encode()).contains(QStringLiteral("Fixture open")));
    const GroupPostBody live{ids::create(), group, QStringLiteral("Live while Zoe is in")};
    QCOMPARE(as(QStringLiteral("mike")).write(type::GroupPost, encode(live)), QStringLiteral("ack"));
    QVERIFY(zoe.waitChange(s(kind::GroupPost), live.id).has_value());

    QCOMPARE(zoe.write(type::GroupLeave, encode(GroupRefBody{group})), QStringLiteral("ack"));
    QVERIFY(zoe.waitChange(s(kind::Scope), scope, [](const Change &c) { return c.deleted; }).has_value());
    const GroupPostBody after{ids::create(), group, QStringLiteral("After Zoe left")};
    QCOMPARE(as(QStringLiteral("mike")).write(type::GroupPost, encode(after)), QStringLiteral("ack"));
    syncPoint();
    QVERIFY(!zoe.hasChange(s(kind::GroupPost), after.id));
    for (const QString &frame : zoe.rawText())
        QVERIFY(!frame.contains(after.id));
}

void TestGroups::closedGroupNeedsApproval()
{
    const QString group = m_groups[s(visibility::Closed)];
    RawSession &zoe = as(QStringLiteral("zoe"));
    RawSession &eddy = as(QStringLiteral("eddy"));
    QCOMPARE(zoe.write(type::GroupJoin, encode(GroupRefBody{group})), QStringLiteral("ack"));
    const QString request = group + QLatin1Char(':') + zoe.userId();
    QVERIFY(eddy.waitChange(s(kind::GroupRequest), request).has_value());   // the owner sees it
    QCOMPARE(zoe.write(type::GroupPost, encode(GroupPostBody{ids::create(), group, QStringLiteral("Mag ik?")})),
             s(code::Forbidden));
    QCOMPARE(eddy.write(type::GroupMember, encode(GroupMemberBody{group, zoe.userId(), s(scope::MemberRole)})),
             QStringLiteral("ack"));
    QVERIFY(zoe.waitChange(s(kind::GroupRequest), request, [](const Change &c) { return c.deleted; }).has_value());
    QVERIFY(zoe.waitChange(s(kind::Scope), scope::make(scope::GroupPrefix, group), [](const Change &c) {
        return !c.deleted;
    }).has_value());
    QCOMPARE(zoe.write(type::GroupPost, encode(GroupPostBody{ids::create(), group, QStringLiteral("Dank!")})),
             QStringLiteral("ack"));
    QVERIFY(!as(QStringLiteral("mike")).hasChange(s(kind::GroupRequest), request));   // members do not see requests
}

void TestGroups::secretGroupNeverReachesOutsiders()
{
    // More traffic in the secret group, then nothing of it in any frame an outsider got.
    const GroupPostBody p{ids::create(), m_secret, QStringLiteral("Due diligence starts Monday")};
    QCOMPARE(as(QStringLiteral("mike")).write(type::GroupPost, encode(p)), QStringLiteral("ack"));
    QVERIFY(as(QStringLiteral("eddy")).waitChange(s(kind::GroupPost), p.id).has_value());
    syncPoint();
    for (const char *outsider : {"nina", "adam"}) {
        RawSession &o = as(s(outsider));
        QVERIFY(o.rawText().size() > 10);
        for (const QString &frame : o.rawText()) {
            QVERIFY2(!frame.contains(m_secret), outsider);
            QVERIFY2(!frame.contains(SecretName), outsider);
            QVERIFY2(!frame.contains(QStringLiteral("Nightingale")), outsider);
            QVERIFY2(!frame.contains(QStringLiteral("Due diligence")), outsider);
        }
    }
    // A fresh sign-in of an outsider (a new computer) gets nothing of it either.
    RawSession fresh;
    QVERIFY(fresh.signIn(m_server.url(), QStringLiteral("nina"), Password));
    for (const QString &frame : fresh.rawText())
        QVERIFY(!frame.contains(m_secret) && !frame.contains(QStringLiteral("Nightingale")));
}

QTEST_GUILESS_MAIN(TestGroups)
#include "TestGroups.moc"
