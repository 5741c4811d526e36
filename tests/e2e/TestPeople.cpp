// People and the Kennisconnector against a real plein-server, over the raw protocol:
// who may change which profile field (every role), deactivation, photo checks,
// endorsements, questions to experts, knowledge-gap records, and expert ranking with its
// evidence in a real client's replica.
#include "RawSession.h"
#include "ServerProcess.h"
#include "people/PeopleService.h"
#include "protocol/HomeMessages.h"
#include "protocol/PeopleMessages.h"
#include "session/Session.h"

#include <QBuffer>
#include <QImage>
#include <QJsonDocument>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace plein;
using plein::test::RawSession;

namespace {
const QString Password = QStringLiteral("pw-people-1");

QByteArray pngOf(const QImage &img)
{
    QByteArray out;
    QBuffer b(&out);
    b.open(QIODevice::WriteOnly);
    img.save(&b, "PNG");
    return out;
}

QLatin1String l1(const char *s)
{
    return QLatin1String(s);
}
} // namespace

class TestPeople : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void fieldPermissions_data();
    void fieldPermissions();
    void adminChangesReachEveryone();
    void photoChecks();
    void endorsementRules();
    void askTheExperts();
    void knowledgeGapsAreAggregated();
    void rankingWithEvidenceInTheReplica();
    void deactivationEndsSessionsAndSignIn();

private:
    // The answer of a request: its type, or the error code.
    QString request(RawSession &s, const char *type, const QJsonObject &body, QJsonObject *answer = nullptr);
    QString uploadPhoto(RawSession &s, const QByteArray &bytes, QString *hash = nullptr);
    QString idOf(const QString &name) { return m_ids.value(name); }

    std::unique_ptr<plein::test::ServerProcess> m_server;
    QHash<QString, RawSession *> m_raw;   // by user name
    QHash<QString, QString> m_ids;
};

void TestPeople::initTestCase()
{
    QVERIFY2(!plein::test::ServerProcess::serverBinary().isEmpty(), "PLEIN_SERVER_BIN is not set");
    m_server = std::make_unique<plein::test::ServerProcess>();
    const QList<std::pair<QString, QString>> people = {{QStringLiteral("ada"), QStringLiteral("admin")},
                                                       {QStringLiteral("emil"), QStringLiteral("employee")},
                                                       {QStringLiteral("edda"), QStringLiteral("editor")},
                                                       {QStringLiteral("bob"), QStringLiteral("employee")},
                                                       {QStringLiteral("carl"), QStringLiteral("employee")},
                                                       {QStringLiteral("dora"), QStringLiteral("employee")}};
    for (const auto &[name, role] : people)
        QVERIFY(m_server->addUser(name, Password, name.toUpper(), role, QStringLiteral("IT"), QStringLiteral("Engineer")));
    QVERIFY2(m_server->start(), qPrintable(m_server->errorString()));
    for (const auto &[name, role] : people) {
        auto *s = new RawSession;
        QVERIFY2(s->signIn(m_server->url(), name, Password), qPrintable(name));
        m_raw.insert(name, s);
        m_ids.insert(name, s->userId());
    }
}

void TestPeople::cleanupTestCase()
{
    qDeleteAll(m_raw);
    m_raw.clear();
    m_server.reset();
}

QString TestPeople::request(RawSession &s, const char *type, const QJsonObject &body, QJsonObject *answer)
{
    const QString id = ids::create();
    s.send(type, id, body);
    auto r = s.waitFor([&](const protocol::Envelope &e) { return e.re == id; });
    if (!r)
        return {};
    if (answer)
        *answer = r->body;
    if (r->type == l1(protocol::type::Error))
        return r->body.value(QLatin1String("code")).toString();
    return r->type;
}

QString TestPeople::uploadPhoto(RawSession &s, const QByteArray &bytes, QString *hash)
{
    const QString upload = ids::create();
    QString last;
    for (qint64 off = 0; off < bytes.size(); off += protocol::people::PhotoChunkBytes) {
        QJsonObject answer;
        last = request(s, protocol::type::PhotoUpload,
                       protocol::encode(protocol::PhotoUploadBody{upload, off, bytes.size(),
                                                                  bytes.mid(off, protocol::people::PhotoChunkBytes)}),
                       &answer);
        if (last == l1(protocol::type::PhotoStored) && hash)
            *hash = answer.value(QLatin1String("hash")).toString();
        if (last != l1(protocol::type::Ok))
            break;
    }
    return last;
}

void TestPeople::fieldPermissions_data()
{
    QTest::addColumn<QString>("actor");
    QTest::addColumn<bool>("self");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");
    const QStringList own = {QStringLiteral("bio"), QStringLiteral("phone"), QStringLiteral("skills"),
                             QStringLiteral("languages"), QStringLiteral("photo")};
    const QStringList managed = {QStringLiteral("title"),   QStringLiteral("department"), QStringLiteral("location"),
                                 QStringLiteral("manager"), QStringLiteral("email"),      QStringLiteral("start_date")};
    for (const QString &actor : {QStringLiteral("emil"), QStringLiteral("edda"), QStringLiteral("ada")}) {
        const bool admin = actor == QLatin1String("ada");
        for (const bool self : {true, false}) {
            for (const QString &f : own)
                QTest::addRow("%s %s %s", qPrintable(actor), self ? "self" : "other", qPrintable(f))
                    << actor << self << f << (self ? QStringLiteral("ack") : QStringLiteral("forbidden"));
            for (const QString &f : managed)
                QTest::addRow("%s %s %s", qPrintable(actor), self ? "self" : "other", qPrintable(f))
                    << actor << self << f << (admin ? QStringLiteral("ack") : QStringLiteral("forbidden"));
        }
    }
}

void TestPeople::fieldPermissions()
{
    QFETCH(QString, actor);
    QFETCH(bool, self);
    QFETCH(QString, field);
    QFETCH(QString, expected);
    RawSession &s = *m_raw.value(actor);
    const QString target = self ? idOf(actor) : idOf(QStringLiteral("bob"));
    QJsonObject body{{QStringLiteral("person"), target}};
    if (field == QLatin1String("skills"))
        body.insert(field, QJsonArray{QStringLiteral("SQL"), QStringLiteral("Machine Learning")});
    else if (field == QLatin1String("languages"))
        body.insert(field, QJsonArray{QStringLiteral("Nederlands"), QStringLiteral("English")});
    else if (field == QLatin1String("manager"))
        body.insert(field, idOf(QStringLiteral("dora")));
    else if (field == QLatin1String("start_date"))
        body.insert(field, QStringLiteral("2024-03-01"));
    else if (field == QLatin1String("photo"))
        body.insert(field, QString());   // removing a photo needs no upload
    else if (field == QLatin1String("email"))
        body.insert(field, QStringLiteral("someone@example.org"));
    else
        body.insert(field, QStringLiteral("changed by %1").arg(actor));
    qint64 seq = 0;
    QCOMPARE(s.write(protocol::type::ProfileUpdate, body, &seq), expected);
    if (expected == QLatin1String("ack")) {
        // The stored profile comes back to everyone as a `profile` change.
        auto c = m_raw.value(QStringLiteral("dora"))->waitChange(l1(protocol::kind::Profile), target,
                                                                 [seq](const protocol::Change &c) { return c.seq == seq; });
        QVERIFY(c);
        auto p = protocol::decode<protocol::Profile>(c->data);
        QVERIFY(p);
        if (field == QLatin1String("skills"))
            QCOMPARE(p->skills, (QStringList{QStringLiteral("sql"), QStringLiteral("machine-learning")}));
        if (field == QLatin1String("manager"))
            QCOMPARE(p->manager, idOf(QStringLiteral("dora")));
    }
}

void TestPeople::adminChangesReachEveryone()
{
    RawSession &admin = *m_raw.value(QStringLiteral("ada"));
    qint64 seq = 0;
    QCOMPARE(admin.write(protocol::type::ProfileUpdate,
                         {{QStringLiteral("person"), idOf(QStringLiteral("carl"))},
                          {QStringLiteral("title"), QStringLiteral("Database administrator")},
                          {QStringLiteral("department"), QStringLiteral("Data")}},
                         &seq),
             QStringLiteral("ack"));
    // Title and department live on the person: a `user` change carries them.
    auto u = m_raw.value(QStringLiteral("emil"))->waitChange(l1(protocol::kind::User), idOf(QStringLiteral("carl")),
                                                             [](const protocol::Change &c) {
                                                                 return c.data.value(QLatin1String("title")).toString()
                                                                        == QLatin1String("Database administrator");
                                                             });
    QVERIFY(u);
    QCOMPARE(u->data.value(QLatin1String("department")).toString(), QStringLiteral("Data"));
    // A manager that would make the chart loop is refused; so is an unknown one.
    QCOMPARE(admin.write(protocol::type::ProfileUpdate, {{QStringLiteral("person"), idOf(QStringLiteral("dora"))},
                                                         {QStringLiteral("manager"), idOf(QStringLiteral("bob"))}}),
             QStringLiteral("bad_request"));
    QCOMPARE(admin.write(protocol::type::ProfileUpdate,
                         {{QStringLiteral("person"), idOf(QStringLiteral("dora"))}, {QStringLiteral("manager"), ids::create()}}),
             QStringLiteral("not_found"));
    // Over-long fields and an empty update.
    QCOMPARE(m_raw.value(QStringLiteral("emil"))->write(protocol::type::ProfileUpdate,
                                                        {{QStringLiteral("bio"), QString(2001, QLatin1Char('x'))}}),
             QStringLiteral("too_large"));
    QCOMPARE(m_raw.value(QStringLiteral("emil"))->write(protocol::type::ProfileUpdate, {}), QStringLiteral("bad_request"));
}

void TestPeople::photoChecks()
{
    RawSession &s = *m_raw.value(QStringLiteral("emil"));
    // A real image is stored, with thumbnails.
    QImage face(400, 300, QImage::Format_RGB32);
    face.fill(QColor(0x2e, 0x86, 0xab));
    {
        QPainter p(&face);
        p.setBrush(QColor(0xf6, 0xc8, 0x5f));
        p.drawEllipse(QPoint(200, 150), 90, 110);
    }
    QString hash;
    QCOMPARE(uploadPhoto(s, pngOf(face), &hash), l1(protocol::type::PhotoStored));
    QCOMPARE(hash.size(), 64);
    QCOMPARE(s.write(protocol::type::ProfileUpdate, {{QStringLiteral("photo"), hash}}), QStringLiteral("ack"));
    QJsonObject answer;
    QCOMPARE(request(s, protocol::type::PhotoGet,
                     protocol::encode(protocol::PhotoGetBody{hash, QLatin1String(protocol::people::SizeSmall), 0}), &answer),
             l1(protocol::type::PhotoData));
    auto data = protocol::decode<protocol::PhotoDataBody>(answer);
    QVERIFY(data);
    const QImage thumb = QImage::fromData(data->data);
    QCOMPARE(thumb.size(), QSize(protocol::people::ThumbSide, protocol::people::ThumbSide));

    // Someone else's photo cannot be put on my profile.
    QCOMPARE(m_raw.value(QStringLiteral("bob"))->write(protocol::type::ProfileUpdate, {{QStringLiteral("photo"), hash}}),
             QStringLiteral("not_found"));

    // Not an image.
    QCOMPARE(uploadPhoto(s, QByteArray("this is a text file, not a photo at all")), QStringLiteral("bad_request"));
    // Over the size limit: refused on the first piece, before anything is collected.
    QCOMPARE(request(s, protocol::type::PhotoUpload,
                     protocol::encode(protocol::PhotoUploadBody{ids::create(), 0, protocol::people::MaxPhotoBytes + 1,
                                                                QByteArray(1024, 'x')})),
             QStringLiteral("too_large"));
    // A decompression bomb: a small PNG that claims 20000 x 20000 pixels.
    QImage bomb(20000, 20000, QImage::Format_Mono);
    bomb.fill(0);
    const QByteArray bombPng = pngOf(bomb);
    bomb = QImage();
    QVERIFY2(bombPng.size() < protocol::people::MaxPhotoBytes, "the bomb must be under the byte limit");
    QCOMPARE(uploadPhoto(s, bombPng), QStringLiteral("too_large"));
    // Pieces out of order.
    QCOMPARE(request(s, protocol::type::PhotoUpload,
                     protocol::encode(protocol::PhotoUploadBody{ids::create(), 1000, 5000, QByteArray(100, 'x')})),
             QStringLiteral("bad_request"));
    // The server is still fine.
    QCOMPARE(request(s, protocol::type::Ping, {}), l1(protocol::type::Pong));
}

void TestPeople::endorsementRules()
{
    RawSession &emil = *m_raw.value(QStringLiteral("emil"));
    RawSession &bob = *m_raw.value(QStringLiteral("bob"));
    QCOMPARE(bob.write(protocol::type::ProfileUpdate,
                       {{QStringLiteral("skills"), QJsonArray{QStringLiteral("sql"), QStringLiteral("#Python")}}}),
             QStringLiteral("ack"));
    const auto endorse = [&](RawSession &s, const QString &person, const QString &skill) {
        return s.write(protocol::type::SkillEndorse, protocol::encode(protocol::EndorseBody{person, skill, true}));
    };
    QCOMPARE(endorse(emil, idOf(QStringLiteral("bob")), QStringLiteral("SQL")), QStringLiteral("ack"));
    QCOMPARE(endorse(emil, idOf(QStringLiteral("bob")), QStringLiteral("python")), QStringLiteral("ack"));
    QCOMPARE(endorse(bob, idOf(QStringLiteral("bob")), QStringLiteral("sql")), QStringLiteral("bad_request"));
    QCOMPARE(endorse(emil, idOf(QStringLiteral("bob")), QStringLiteral("cobol")), QStringLiteral("not_found"));
    const QString id = idOf(QStringLiteral("bob")) + QStringLiteral(":sql:") + idOf(QStringLiteral("emil"));
    QVERIFY(m_raw.value(QStringLiteral("dora"))->waitChange(l1(protocol::kind::Endorsement), id));
}

void TestPeople::askTheExperts()
{
    RawSession &dora = *m_raw.value(QStringLiteral("dora"));
    RawSession &bob = *m_raw.value(QStringLiteral("bob"));
    const QString q = ids::create();
    QCOMPARE(dora.write(protocol::type::ExpertAsk,
                        protocol::encode(protocol::ExpertAskBody{q, QStringLiteral("sql"),
                                                                 QStringLiteral("How do I index a LIKE query?"),
                                                                 {idOf(QStringLiteral("bob"))}})),
             QStringLiteral("ack"));
    // Bob is notified, privately; Emil is not.
    const QString noticeId = q + QLatin1Char(':') + idOf(QStringLiteral("bob"));
    QVERIFY(bob.waitChange(l1(protocol::kind::Notice), noticeId));
    QVERIFY(m_raw.value(QStringLiteral("emil"))->waitChange(l1(protocol::kind::Question), q));
    QVERIFY(!m_raw.value(QStringLiteral("emil"))->hasChange(l1(protocol::kind::Notice), noticeId));
    // The notification centre lists it for Bob alone: not the asker, not a bystander.
    const auto notified = [q](RawSession &who, const char *kind) {
        for (const protocol::Change &c : who.changes())
            if (c.kind == l1(protocol::kind::Notification) && c.data.value(QLatin1String("kind")).toString() == l1(kind)
                && c.data.value(QLatin1String("item")).toString() == q)
                return c.data;
        return QJsonObject();
    };
    QTRY_VERIFY(!notified(bob, protocol::notify::ExpertQuestion).isEmpty());
    const QJsonObject asked = notified(bob, protocol::notify::ExpertQuestion);
    QCOMPARE(asked.value(QLatin1String("actor")).toString(), idOf(QStringLiteral("dora")));
    QCOMPARE(asked.value(QLatin1String("item_kind")).toString(), l1(protocol::kind::Question));
    QCOMPARE(asked.value(QLatin1String("text")).toString(), QStringLiteral("How do I index a LIKE query?"));
    // Bob's answer reaches Dora with a notice and stays with the question.
    const QString a = ids::create();
    QCOMPARE(bob.write(protocol::type::ExpertAnswer,
                       protocol::encode(protocol::ExpertAnswerBody{a, q, QStringLiteral("Use a trigram index.")})),
             QStringLiteral("ack"));
    auto notice = dora.waitChange(l1(protocol::kind::Notice), a + QLatin1Char(':') + idOf(QStringLiteral("dora")));
    QVERIFY(notice);
    QCOMPARE(notice->data.value(QLatin1String("kind")).toString(), l1(protocol::people::NoticeAnswer));
    auto answer = dora.waitChange(l1(protocol::kind::Answer), a);
    QVERIFY(answer);
    QCOMPARE(answer->data.value(QLatin1String("question")).toString(), q);
    // Dora's notification centre lists the answer; Bob hears of no answer, Emil of nothing.
    QTRY_VERIFY(!notified(dora, protocol::notify::ExpertAnswer).isEmpty());
    QCOMPARE(notified(dora, protocol::notify::ExpertAnswer).value(QLatin1String("actor")).toString(),
             idOf(QStringLiteral("bob")));
    // Notifications are logged with the notice, before the org-wide answer: once someone has
    // the answer, anything misaddressed to them would already be there.
    QVERIFY(notified(dora, protocol::notify::ExpertQuestion).isEmpty());
    QVERIFY(bob.waitChange(l1(protocol::kind::Answer), a));
    QVERIFY(notified(bob, protocol::notify::ExpertAnswer).isEmpty());
    for (const char *other : {"emil", "carl"}) {
        RawSession &o = *m_raw.value(QLatin1String(other));
        QVERIFY2(o.waitChange(l1(protocol::kind::Answer), a), other);
        for (const char *kind : {protocol::notify::ExpertQuestion, protocol::notify::ExpertAnswer})
            QVERIFY2(notified(o, kind).isEmpty(), other);
    }
    // Unknown question, unknown expert, asking only oneself.
    QCOMPARE(bob.write(protocol::type::ExpertAnswer,
                       protocol::encode(protocol::ExpertAnswerBody{ids::create(), ids::create(), QStringLiteral("x")})),
             QStringLiteral("not_found"));
    QCOMPARE(dora.write(protocol::type::ExpertAsk, protocol::encode(protocol::ExpertAskBody{ids::create(), QStringLiteral("sql"),
                                                                                          QStringLiteral("?"), {ids::create()}})),
             QStringLiteral("not_found"));
    QCOMPARE(dora.write(protocol::type::ExpertAsk,
                        protocol::encode(protocol::ExpertAskBody{ids::create(), QStringLiteral("sql"), QStringLiteral("?"),
                                                                 {idOf(QStringLiteral("dora"))}})),
             QStringLiteral("bad_request"));
}

void TestPeople::knowledgeGapsAreAggregated()
{
    RawSession &emil = *m_raw.value(QStringLiteral("emil"));
    RawSession &bob = *m_raw.value(QStringLiteral("bob"));
    QCOMPARE(request(emil, protocol::type::ExpertGap, {{QStringLiteral("term"), QStringLiteral("Quantum Chemistry")}}),
             l1(protocol::type::Ok));
    QCOMPARE(request(bob, protocol::type::ExpertGap, {{QStringLiteral("term"), QStringLiteral("quantum  chemistry")}}),
             l1(protocol::type::Ok));
    QCOMPARE(request(emil, protocol::type::ExpertGaps, {}), QStringLiteral("forbidden"));
    QJsonObject answer;
    QCOMPARE(request(*m_raw.value(QStringLiteral("ada")), protocol::type::ExpertGaps, {}, &answer),
             l1(protocol::type::ExpertGapsList));
    auto gaps = protocol::decode<protocol::GapsBody>(answer);
    QVERIFY(gaps);
    QCOMPARE(gaps->gaps.size(), 1);
    QCOMPARE(gaps->gaps.constFirst().term, QStringLiteral("quantum chemistry"));
    QCOMPARE(gaps->gaps.constFirst().count, 2);
    // Nothing in the report says who searched.
    const QString text = QString::fromUtf8(QJsonDocument(answer).toJson());
    QVERIFY(!text.contains(idOf(QStringLiteral("emil"))));
    QVERIFY(!text.contains(idOf(QStringLiteral("bob"))));
}

void TestPeople::rankingWithEvidenceInTheReplica()
{
    // Posts tagged #sql by Dora (no skill listed) and Bob; Bob lists sql and has an
    // endorsement and an answer on sql.
    RawSession &dora = *m_raw.value(QStringLiteral("dora"));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(dora.write(protocol::type::PostCreate,
                            protocol::encode(protocol::PostCreateBody{ids::create(), QStringLiteral("Query plans #SQL tip %1").arg(i)})),
                 QStringLiteral("ack"));
    QCOMPARE(m_raw.value(QStringLiteral("bob"))
                 ->write(protocol::type::PostCreate,
                         protocol::encode(protocol::PostCreateBody{ids::create(), QStringLiteral("Indexes! #sql #python")})),
             QStringLiteral("ack"));

    QTemporaryDir profile;
    client::Session session(profile.path());
    QVERIFY(session.openAccount(m_server->url(), QStringLiteral("emil")));
    QSignalSpy synced(&session, &client::Session::synced);
    session.signIn(Password);
    QVERIFY(synced.wait(20000));
    auto &dir = session.people()->directory();
    const auto experts = dir.experts(QStringLiteral("SQL"), 10);
    QVERIFY(experts.size() >= 2);
    // Bob: lists it (3) + 1 endorsement (2) + 1 post (1) + 1 answer (2) = 8; Dora: 3 posts = 3.
    QCOMPARE(experts.at(0).person.name, QStringLiteral("bob"));
    QCOMPARE(experts.at(0).endorsements, 1);
    QCOMPARE(experts.at(0).posts, 1);
    QCOMPARE(experts.at(0).answers, 1);
    QCOMPARE(experts.at(0).score, 8.0);
    QCOMPARE(client::PeopleDirectory::evidence(experts.at(0), QStringLiteral("sql")),
             QStringLiteral("lists sql as a skill, 1 endorsement, 1 post tagged #sql, 1 answer given"));
    // Dora lists no skill, but her posts count (others list sql and tie with her at 3).
    const auto doraRank = std::find_if(experts.cbegin(), experts.cend(),
                                       [](const client::Expert &e) { return e.person.name == QLatin1String("dora"); });
    QVERIFY(doraRank != experts.cend());
    QCOMPARE(doraRank->score, 3.0);
    QCOMPARE(client::PeopleDirectory::evidence(*doraRank, QStringLiteral("sql")), QStringLiteral("3 posts tagged #sql"));
    // Offline too: the ranking is read from the replica.
    session.disconnectFromServer();
    QCOMPARE(dir.experts(QStringLiteral("sql"), 10).size(), experts.size());
    // Search-as-you-type over names, titles and skills.
    QVERIFY(!dir.search({QStringLiteral("pyth"), {}, {}}, {}, {}, 10).isEmpty());
    QCOMPARE(dir.search({QStringLiteral("pyth"), {}, {}}, {}, {}, 10).constFirst().name, QStringLiteral("bob"));
    QVERIFY(dir.experts(QStringLiteral("underwater basket weaving"), 10).isEmpty());
    // A search that found nobody is kept until online.
    session.people()->recordSearchGap(QStringLiteral("underwater basket weaving"));
    QCOMPARE(session.people()->pendingGapCount(), 1);
}

void TestPeople::deactivationEndsSessionsAndSignIn()
{
    RawSession &carl = *m_raw.value(QStringLiteral("carl"));
    QCOMPARE(carl.write(protocol::type::PostCreate,
                        protocol::encode(protocol::PostCreateBody{ids::create(), QStringLiteral("My last post")})),
             QStringLiteral("ack"));
    // Only admins deactivate.
    QCOMPARE(m_raw.value(QStringLiteral("edda"))
                 ->write(protocol::type::PersonActive, protocol::encode(protocol::PersonActiveBody{idOf(QStringLiteral("carl")), false})),
             QStringLiteral("forbidden"));
    // Carl's token, to try it afterwards.
    QWebSocket probe;
    probe.open(m_server->url());
    QTRY_VERIFY_WITH_TIMEOUT(probe.state() == QAbstractSocket::ConnectedState, 10000);
    QStringList received;
    connect(&probe, &QWebSocket::textMessageReceived, this, [&received](const QString &m) { received.append(m); });
    protocol::Envelope login;
    login.type = l1(protocol::type::AuthLogin);
    login.id = QStringLiteral("1");
    login.body = protocol::encode(protocol::LoginBody{QStringLiteral("carl"), Password, QStringLiteral("probe")});
    probe.sendTextMessage(QString::fromUtf8(login.encode()));
    QTRY_VERIFY_WITH_TIMEOUT(!received.isEmpty(), 10000);
    auto ok = protocol::Envelope::decode(received.constFirst().toUtf8());
    QVERIFY(ok && ok->type == l1(protocol::type::AuthOk));
    const QString token = ok->body.value(QLatin1String("token")).toString();

    QSignalSpy closed(&probe, &QWebSocket::disconnected);
    QCOMPARE(m_raw.value(QStringLiteral("ada"))
                 ->write(protocol::type::PersonActive, protocol::encode(protocol::PersonActiveBody{idOf(QStringLiteral("carl")), false})),
             QStringLiteral("ack"));
    // Live connections end with 4002 ...
    QTRY_VERIFY_WITH_TIMEOUT(!closed.isEmpty(), 10000);
    QCOMPARE(int(probe.closeCode()), protocol::close::SessionRevoked);
    // ... the directory learns Carl is gone ...
    auto c = m_raw.value(QStringLiteral("dora"))->waitChange(l1(protocol::kind::Profile), idOf(QStringLiteral("carl")),
                                                             [](const protocol::Change &c) {
                                                                 return !c.data.value(QLatin1String("active")).toBool(true);
                                                             });
    QVERIFY(c);
    // ... and neither a password nor the old token signs him in.
    RawSession again;
    QVERIFY(!again.signIn(m_server->url(), QStringLiteral("carl"), Password));
    RawSession resumed;
    QWebSocket ws;
    ws.open(m_server->url());
    QTRY_VERIFY_WITH_TIMEOUT(ws.state() == QAbstractSocket::ConnectedState, 10000);
    QStringList answers;
    connect(&ws, &QWebSocket::textMessageReceived, this, [&answers](const QString &m) { answers.append(m); });
    protocol::Envelope resume;
    resume.type = l1(protocol::type::AuthResume);
    resume.id = QStringLiteral("2");
    resume.body = protocol::encode(protocol::ResumeBody{token});
    ws.sendTextMessage(QString::fromUtf8(resume.encode()));
    QTRY_VERIFY_WITH_TIMEOUT(!answers.isEmpty(), 10000);
    QVERIFY(answers.constFirst().contains(QLatin1String(protocol::code::TokenInvalid)));
    // His content stays: a fresh sync still has his post.
    RawSession fresh;
    QVERIFY(fresh.signIn(m_server->url(), QStringLiteral("emil"), Password));
    bool found = false;
    for (const protocol::Change &ch : fresh.changes())
        if (ch.kind == l1(protocol::kind::Post) && ch.data.value(QLatin1String("text")).toString() == QLatin1String("My last post"))
            found = true;
    QVERIFY(found);
    // A client's directory drops him, but still knows who wrote his posts.
    {
        QTemporaryDir profile;
        client::Session session(profile.path());
        QVERIFY(session.openAccount(m_server->url(), QStringLiteral("dora")));
        QSignalSpy synced(&session, &client::Session::synced);
        session.signIn(Password);
        QVERIFY(synced.wait(20000));
        auto &dir = session.people()->directory();
        QVERIFY(dir.search({QStringLiteral("carl"), {}, {}}, {}, {}, 10).isEmpty());
        QCOMPARE(dir.count({QStringLiteral("carl"), {}, {}}), 0);
        QCOMPARE(dir.count({}), 5);
        const auto carl = dir.person(idOf(QStringLiteral("carl")));
        QVERIFY(carl && !carl->active);
        session.disconnectFromServer();
    }
    // Reactivation is possible.
    QCOMPARE(m_raw.value(QStringLiteral("ada"))
                 ->write(protocol::type::PersonActive, protocol::encode(protocol::PersonActiveBody{idOf(QStringLiteral("carl")), true})),
             QStringLiteral("ack"));
    RawSession back;
    QVERIFY(back.signIn(m_server->url(), QStringLiteral("carl"), Password));
}

QTEST_MAIN(TestPeople)
#include "TestPeople.moc"
