// The shared codec: round trips of every body, rejection of malformed input, and the
// examples in docs/protocol.md, which must decode with the same codec the programs use.
#include "model/Ids.h"
#include "protocol/Envelope.h"
#include "protocol/Limits.h"
#include "protocol/Messages.h"
#include "protocol/GroupMessages.h"
#include "protocol/HomeMessages.h"
#include "protocol/NewsMessages.h"
#include "protocol/PeopleMessages.h"
#include "protocol/PostMessages.h"
#include "protocol/ChatMessages.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace plein;
using namespace plein::protocol;

class TestProtocol : public QObject
{
    Q_OBJECT

private slots:
    void envelopeRoundTrip();
    void envelopeRejects_data();
    void envelopeRejects();
    void bodyRoundTrips();
    void bodyRejects_data();
    void bodyRejects();
    void textValidation();
    void userNames_data();
    void userNames();
    void mentions_data();
    void mentions();
    void ids();
    void documentedExamples();
    void documentedErrorCodes();
};

void TestProtocol::envelopeRoundTrip()
{
    Envelope e;
    e.type = QLatin1String(type::PostCreate);
    e.op = ids::create();
    e.body = encode(PostCreateBody{ids::create(), QStringLiteral("Hallo \"wereld\" ✓")});
    const auto back = Envelope::decode(e.encode());
    QVERIFY(back.ok());
    QCOMPARE(back->type, e.type);
    QCOMPARE(back->op, e.op);
    QCOMPARE(back->replyTo(), e.op);
    QCOMPARE(back->body, e.body);
    QVERIFY(back->id.isEmpty());
}

void TestProtocol::envelopeRejects_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("code");
    QTest::addRow("not json") << QByteArray("{\"type\":") << QString::fromLatin1(code::BadFrame);
    QTest::addRow("array") << QByteArray("[1,2]") << QString::fromLatin1(code::BadFrame);
    QTest::addRow("string") << QByteArray("\"hello\"") << QString::fromLatin1(code::BadFrame);
    QTest::addRow("empty") << QByteArray() << QString::fromLatin1(code::BadFrame);
    QTest::addRow("no type") << QByteArray("{\"body\":{}}") << QString::fromLatin1(code::BadRequest);
    QTest::addRow("type not string") << QByteArray("{\"type\":5}") << QString::fromLatin1(code::BadRequest);
    QTest::addRow("empty type") << QByteArray("{\"type\":\"\"}") << QString::fromLatin1(code::BadRequest);
    QTest::addRow("body array") << QByteArray("{\"type\":\"ping\",\"body\":[]}") << QString::fromLatin1(code::BadRequest);
    QTest::addRow("id number") << QByteArray("{\"type\":\"ping\",\"id\":7}") << QString::fromLatin1(code::BadRequest);
    QTest::addRow("op too long") << QByteArray("{\"type\":\"ping\",\"op\":\"" + QByteArray(65, 'x') + "\"}")
                                 << QString::fromLatin1(code::BadRequest);
    QTest::addRow("oversize") << QByteArray("{\"type\":\"ping\",\"body\":{\"x\":\"" + QByteArray(limits::MaxMessageBytes, 'x')
                                            + "\"}}")
                              << QString::fromLatin1(code::TooLarge);
}

void TestProtocol::envelopeRejects()
{
    QFETCH(QByteArray, frame);
    QFETCH(QString, code);
    const auto r = Envelope::decode(frame);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, code);
    QVERIFY(!r.error().message.isEmpty());
}

template<typename T>
static void roundTrip(const T &value)
{
    const auto back = decode<T>(encode(value));
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
    QCOMPARE(encode(back.value()), encode(value));
}

void TestProtocol::bodyRoundTrips()
{
    const Person anna{ids::derived(QStringLiteral("user:anna")), QStringLiteral("anna"), QStringLiteral("Anna de Vries"),
                      QLatin1String(role::Employee), QStringLiteral("Finance"), QStringLiteral("Controller")};
    roundTrip(anna);
    roundTrip(Post{ids::create(), anna.id, QStringLiteral("Goedemorgen"), 1795000000123});
    roundTrip(Comment{ids::create(), ids::create(), anna.id, QStringLiteral("Dank je"), 1795000000456});
    roundTrip(Like{ids::create(), anna.id, false});
    roundTrip(HelloBody{Version, QStringLiteral("plein test")});
    roundTrip(LoginBody{QStringLiteral("anna"), QStringLiteral("secret"), QStringLiteral("laptop")});
    roundTrip(ResumeBody{QStringLiteral("tok")});
    roundTrip(AuthOkBody{QStringLiteral("tok"), 1798761600000, anna});
    roundTrip(SyncBody{42});
    Change c{7, QLatin1String(kind::Post), ids::create(), ids::create(), false,
             encode(Post{ids::create(), anna.id, QStringLiteral("x"), 1})};
    roundTrip(ChangesBody{{c, Change{8, QLatin1String(kind::User), anna.id, {}, true, encode(anna)}}});
    roundTrip(SyncDoneBody{8});
    roundTrip(AckBody{ids::create(), 9, ids::create()});
    roundTrip(PostCreateBody{ids::create(), QStringLiteral("Hoi")});
    roundTrip(CommentCreateBody{ids::create(), ids::create(), QStringLiteral("Hoi")});
    roundTrip(LikeSetBody{ids::create(), true});
    roundTrip(ErrorBody{QLatin1String(code::AuthThrottled), QStringLiteral("wait"), 30});
    roundTrip(ErrorBody{QLatin1String(code::Forbidden), QStringLiteral("no"), -1});
}

void TestProtocol::bodyRejects_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    const QByteArray id = ids::create().toLatin1();
    const QString bad = QLatin1String(code::BadRequest);
    const QString large = QLatin1String(code::TooLarge);
    QTest::addRow("post no id") << "post.create" << QByteArray("{\"text\":\"x\"}") << bad;
    QTest::addRow("post id not uuid") << "post.create" << QByteArray("{\"id\":\"abc\",\"text\":\"x\"}") << bad;
    QTest::addRow("post text number") << "post.create" << QByteArray("{\"id\":\"" + id + "\",\"text\":5}") << bad;
    QTest::addRow("post blank text") << "post.create" << QByteArray("{\"id\":\"" + id + "\",\"text\":\"  \\n \"}") << bad;
    QTest::addRow("post too long") << "post.create"
                                   << QByteArray("{\"id\":\"" + id + "\",\"text\":\"" + QByteArray(limits::MaxPostChars + 1, 'a')
                                                 + "\"}")
                                   << large;
    QTest::addRow("comment no post") << "comment.create" << QByteArray("{\"id\":\"" + id + "\",\"text\":\"x\"}") << bad;
    QTest::addRow("comment too long")
        << "comment.create"
        << QByteArray("{\"id\":\"" + id + "\",\"post\":\"" + id + "\",\"text\":\"" + QByteArray(limits::MaxCommentChars + 1, 'a')
                      + "\"}")
        << large;
    QTest::addRow("like liked string") << "like.set" << QByteArray("{\"post\":\"" + id + "\",\"liked\":\"yes\"}") << bad;
    QTest::addRow("sync negative") << "sync" << QByteArray("{\"since\":-1}") << bad;
    QTest::addRow("sync fraction") << "sync" << QByteArray("{\"since\":1.5}") << bad;
    QTest::addRow("login no password") << "auth.login" << QByteArray("{\"user\":\"anna\"}") << bad;
    QTest::addRow("login long user") << "auth.login"
                                     << QByteArray("{\"user\":\"" + QByteArray(65, 'a') + "\",\"password\":\"x\"}") << large;
    QTest::addRow("changes not array") << "changes" << QByteArray("{\"changes\":{}}") << bad;
    QTest::addRow("change seq zero") << "changes"
                                     << QByteArray("{\"changes\":[{\"seq\":0,\"kind\":\"post\",\"id\":\"x\",\"data\":{}}]}") << bad;
}

void TestProtocol::bodyRejects()
{
    QFETCH(QString, type);
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    Error e;
    if (type == QLatin1String(type::PostCreate))
        e = decode<PostCreateBody>(o).error();
    else if (type == QLatin1String(type::CommentCreate))
        e = decode<CommentCreateBody>(o).error();
    else if (type == QLatin1String(type::LikeSet))
        e = decode<LikeSetBody>(o).error();
    else if (type == QLatin1String(type::Sync))
        e = decode<SyncBody>(o).error();
    else if (type == QLatin1String(type::AuthLogin))
        e = decode<LoginBody>(o).error();
    else if (type == QLatin1String(type::Changes))
        e = decode<ChangesBody>(o).error();
    else
        QFAIL("no decoder for this row");
    QCOMPARE(e.code, code);
}

void TestProtocol::textValidation()
{
    QCOMPARE(validateText(QStringLiteral("  hoi \n"), 10, "text").value(), QStringLiteral("hoi"));
    QCOMPARE(validateText(QStringLiteral("   "), 10, "text").error().code, QLatin1String(code::BadRequest));
    QCOMPARE(validateText(QString(11, QLatin1Char('a')), 10, "text").error().code, QLatin1String(code::TooLarge));
    QVERIFY(validateText(QString(10, QLatin1Char('a')), 10, "text").ok());
}

void TestProtocol::userNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addRow("plain") << "anna" << true;
    QTest::addRow("dotted") << "jan.de-vries_2" << true;
    QTest::addRow("upper") << "Anna" << false;
    QTest::addRow("space") << "an na" << false;
    QTest::addRow("empty") << "" << false;
    QTest::addRow("64") << QString(64, QLatin1Char('a')) << true;
    QTest::addRow("65") << QString(65, QLatin1Char('a')) << false;
    QTest::addRow("unicode") << QStringLiteral("jöran") << false;
}

void TestProtocol::userNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(isValidUserName(name), valid);
}

void TestProtocol::mentions_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("names");
    QTest::addRow("start") << "@anna can you look?" << QStringList{QStringLiteral("anna")};
    QTest::addRow("sentence end") << "Thanks @jan.de-vries." << QStringList{QStringLiteral("jan.de-vries")};
    QTest::addRow("two, once each") << "@Bob and @anna, then @bob again" << QStringList{QStringLiteral("bob"), QStringLiteral("anna")};
    QTest::addRow("address") << "mail anna@example.com" << QStringList{};
    QTest::addRow("url path") << "see example.com/@anna" << QStringList{};
    QTest::addRow("bare at") << "meet @ 10" << QStringList{};
    QTest::addRow("parenthesis") << "(@piet)" << QStringList{QStringLiteral("piet")};
    QTest::addRow("too long") << QLatin1Char('@') + QString(65, QLatin1Char('a')) << QStringList{};
}

void TestProtocol::mentions()
{
    QFETCH(QString, text);
    QFETCH(QStringList, names);
    QCOMPARE(mentionedNames(text), names);
}

void TestProtocol::ids()
{
    const QString a = ids::create();
    QVERIFY(ids::isValid(a));
    QVERIFY(a != ids::create());
    QCOMPARE(ids::derived(QStringLiteral("user:anna")), ids::derived(QStringLiteral("user:anna")));
    QVERIFY(ids::derived(QStringLiteral("user:anna")) != ids::derived(QStringLiteral("user:bram")));
    QVERIFY(ids::isValid(ids::derived(QStringLiteral("x"))));
    QVERIFY(!ids::isValid(QStringLiteral("{") + a + QStringLiteral("}")));
    QVERIFY(!ids::isValid(QStringLiteral("not-a-uuid")));
}

static QString readDoc()
{
    QFile f(QStringLiteral(PLEIN_SOURCE_DIR "/docs/protocol.md"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

// Every ```json block on the protocol page is one message; decode it and its body.
void TestProtocol::documentedExamples()
{
    const QString doc = readDoc();
    QVERIFY(!doc.isEmpty());
    static const QRegularExpression block(QStringLiteral("```json\\n(.*?)\\n```"),
                                          QRegularExpression::DotMatchesEverythingOption);
    QSet<QString> seen;
    auto it = block.globalMatch(doc);
    int count = 0;
    while (it.hasNext()) {
        const QString json = it.next().captured(1);
        const auto env = Envelope::decode(json.toUtf8());
        QVERIFY2(env.ok(), qPrintable(json));
        QVERIFY2(isKnownType(env->type), qPrintable(env->type));
        seen.insert(env->type);
        ++count;
        const QJsonObject &b = env->body;
        const QString &t = env->type;
        bool ok = true;
        QString why;
        auto check = [&](auto result) {
            ok = result.ok();
            if (!ok)
                why = result.error().message;
        };
        if (t == QLatin1String(type::Hello))
            check(decode<HelloBody>(b));
        else if (t == QLatin1String(type::AuthLogin))
            check(decode<LoginBody>(b));
        else if (t == QLatin1String(type::AuthResume))
            check(decode<ResumeBody>(b));
        else if (t == QLatin1String(type::AuthOk))
            check(decode<AuthOkBody>(b));
        else if (t == QLatin1String(type::Sync))
            check(decode<SyncBody>(b));
        else if (t == QLatin1String(type::Changes)) {
            const auto changes = decode<ChangesBody>(b);
            check(changes);
            for (const Change &c : changes.ok() ? changes->changes : QList<Change>{}) {
                if (c.kind == QLatin1String(kind::User))
                    check(decode<Person>(c.data));
                else if (c.kind == QLatin1String(kind::Profile))
                    check(decode<Profile>(c.data));
                else if (c.kind == QLatin1String(kind::Endorsement))
                    check(decode<Endorsement>(c.data));
                else if (c.kind == QLatin1String(kind::Question))
                    check(decode<Question>(c.data));
                else if (c.kind == QLatin1String(kind::Answer))
                    check(decode<Answer>(c.data));
                else if (c.kind == QLatin1String(kind::Notice))
                    check(decode<Notice>(c.data));
                else if (c.kind == QLatin1String(kind::Post))
                    check(decode<Post>(c.data));
                else if (c.kind == QLatin1String(kind::Scope) || c.kind == QLatin1String(kind::Member))
                    check(decode<Membership>(c.data));
                else if (c.kind == QLatin1String(kind::ChatRoom))
                    check(decode<ChatRoom>(c.data));
                else if (c.kind == QLatin1String(kind::ChatMessage))
                    check(decode<ChatMessage>(c.data));
                else if (c.kind == QLatin1String(kind::ChatReaction))
                    check(decode<ChatReaction>(c.data));
                else if (c.kind == QLatin1String(kind::ChatState))
                    check(decode<ChatState>(c.data));
                else if (c.kind == QLatin1String(kind::News))
                    check(decode<NewsArticle>(c.data));
                else if (c.kind == QLatin1String(kind::NewsStats))
                    check(decode<NewsStats>(c.data));
                else if (c.kind == QLatin1String(kind::Group))
                    check(decode<GroupInfo>(c.data));
                else if (c.kind == QLatin1String(kind::GroupPost))
                    check(decode<GroupPost>(c.data));
                else if (c.kind == QLatin1String(kind::Follow))
                    check(decode<Follow>(c.data));
                else if (c.kind == QLatin1String(kind::HomeLayout))
                    check(decode<HomeLayout>(c.data));
                else if (c.kind == QLatin1String(kind::Notification))
                    check(decode<Notification>(c.data));
                else if (c.kind == QLatin1String(kind::NotifyMute))
                    check(decode<NotifyMute>(c.data));
                else if (c.kind == QLatin1String(kind::PostComment))
                    check(decode<PostComment>(c.data));
                else if (c.kind == QLatin1String(kind::PostReaction))
                    check(decode<PostReaction>(c.data));
                else if (c.kind == QLatin1String(kind::BlogPage))
                    check(decode<BlogPage>(c.data));
            }
        } else if (t == QLatin1String(type::SyncDone))
            check(decode<SyncDoneBody>(b));
        else if (t == QLatin1String(type::Ack))
            check(decode<AckBody>(b));
        else if (t == QLatin1String(type::PostCreate))
            check(decode<PostCreateBody>(b));
        else if (t == QLatin1String(type::CommentCreate))
            check(decode<CommentCreateBody>(b));
        else if (t == QLatin1String(type::LikeSet))
            check(decode<LikeSetBody>(b));
        else if (t == QLatin1String(type::ProfileUpdate))
            check(decode<ProfileUpdateBody>(b));
        else if (t == QLatin1String(type::PersonActive))
            check(decode<PersonActiveBody>(b));
        else if (t == QLatin1String(type::SkillEndorse))
            check(decode<EndorseBody>(b));
        else if (t == QLatin1String(type::ExpertAsk))
            check(decode<ExpertAskBody>(b));
        else if (t == QLatin1String(type::ExpertAnswer))
            check(decode<ExpertAnswerBody>(b));
        else if (t == QLatin1String(type::ExpertGap))
            check(decode<ExpertGapBody>(b));
        else if (t == QLatin1String(type::ExpertGapsList))
            check(decode<GapsBody>(b));
        else if (t == QLatin1String(type::PhotoUpload))
            check(decode<PhotoUploadBody>(b));
        else if (t == QLatin1String(type::PhotoStored))
            check(decode<PhotoStoredBody>(b));
        else if (t == QLatin1String(type::PhotoGet))
            check(decode<PhotoGetBody>(b));
        else if (t == QLatin1String(type::PhotoData))
            check(decode<PhotoDataBody>(b));
        else if (t == QLatin1String(type::NewsSave))
            check(decode<NewsSaveBody>(b));
        else if (t == QLatin1String(type::NewsPin))
            check(decode<NewsPinBody>(b));
        else if (t == QLatin1String(type::NewsUnpublish) || t == QLatin1String(type::NewsRead)
                 || t == QLatin1String(type::NewsAck))
            check(decode<NewsIdBody>(b));
        else if (t == QLatin1String(type::NewsComment))
            check(decode<NewsCommentBody>(b));
        else if (t == QLatin1String(type::NewsReact))
            check(decode<NewsReactBody>(b));
        else if (t == QLatin1String(type::GroupSave))
            check(decode<GroupSaveBody>(b));
        else if (t == QLatin1String(type::GroupJoin) || t == QLatin1String(type::GroupLeave))
            check(decode<GroupRefBody>(b));
        else if (t == QLatin1String(type::GroupMember))
            check(decode<GroupMemberBody>(b));
        else if (t == QLatin1String(type::GroupPost))
            check(decode<GroupPostBody>(b));
        else if (t == QLatin1String(type::History))
            check(decode<HistoryBody>(b));
        else if (t == QLatin1String(type::FollowSet))
            check(decode<FollowSetBody>(b));
        else if (t == QLatin1String(type::HomeLayoutSet))
            check(decode<HomeLayoutBody>(b));
        else if (t == QLatin1String(type::NotificationRead))
            check(decode<NotificationReadBody>(b));
        else if (t == QLatin1String(type::NotificationMute))
            check(decode<NotifyMuteBody>(b));
        else if (t == QLatin1String(type::PostReact))
            check(decode<PostReactBody>(b));
        else if (t == QLatin1String(type::PostEdit) || t == QLatin1String(type::CommentEdit))
            check(decode<EditBody>(b));
        else if (t == QLatin1String(type::PostDelete) || t == QLatin1String(type::CommentDelete))
            check(decode<DeleteBody>(b));
        else if (t == QLatin1String(type::BlogSave))
            check(decode<BlogSaveBody>(b));
        else if (t == QLatin1String(type::ChatRoomCreate))
            check(decode<ChatRoomCreateBody>(b));
        else if (t == QLatin1String(type::ChatMemberAdd) || t == QLatin1String(type::ChatMemberRemove))
            check(decode<ChatMemberBody>(b));
        else if (t == QLatin1String(type::ChatSend))
            check(decode<ChatSendBody>(b));
        else if (t == QLatin1String(type::ChatEdit))
            check(decode<ChatEditBody>(b));
        else if (t == QLatin1String(type::ChatDelete))
            check(decode<ChatDeleteBody>(b));
        else if (t == QLatin1String(type::ChatReact))
            check(decode<ChatReactBody>(b));
        else if (t == QLatin1String(type::ChatRead))
            check(decode<ChatReadBody>(b));
        else if (t == QLatin1String(type::ChatMute))
            check(decode<ChatMuteBody>(b));
        else if (t == QLatin1String(type::ChatTyping))
            check(decode<ChatTypingBody>(b));
        else if (t == QLatin1String(type::PresenceSet))
            check(decode<PresenceSetBody>(b));
        else if (t == QLatin1String(type::Presence))
            check(decode<PresenceBody>(b));
        else if (t == QLatin1String(type::ScopeSnapshot) || t == QLatin1String(type::HistoryPage))
            check(decode<ScopePageBody>(b));
        else if (t == QLatin1String(type::Error)) {
            const auto e = decode<ErrorBody>(b);
            check(e);
            if (e.ok())
                QVERIFY2(doc.contains(QStringLiteral("| `") + e->code + QLatin1Char('`')), qPrintable(e->code));
        }
        QVERIFY2(ok, qPrintable(t + QStringLiteral(": ") + why));
    }
    QVERIFY(count >= 15);
    // Every client- or server-sent type has an example.
    const char *all[] = {type::Hello,      type::Ping,       type::Pong,       type::Error,         type::Ok,
                         type::AuthLogin,  type::AuthResume, type::AuthOk,     type::AuthLogout,    type::Sync,
                         type::Changes,    type::SyncDone,   type::Ack,        type::PostCreate,    type::CommentCreate,
                         type::LikeSet,
                         // people and the Kennisconnector
                         type::ProfileUpdate, type::PersonActive, type::SkillEndorse, type::ExpertAsk, type::ExpertAnswer,
                         type::ExpertGap, type::ExpertGaps, type::ExpertGapsList, type::PhotoUpload, type::PhotoStored,
                         type::PhotoGet, type::PhotoData,
                         // managed news
                         type::NewsSave, type::NewsPin, type::NewsUnpublish, type::NewsRead, type::NewsAck,
                         type::NewsComment, type::NewsReact,
                         // groups
                         type::GroupSave, type::GroupJoin, type::GroupLeave, type::GroupMember, type::GroupPost,
                         // reactions, edits, deletes, blog pages
                         type::PostReact, type::PostEdit, type::PostDelete, type::CommentEdit, type::CommentDelete,
                         type::BlogSave,
                         // scoped audiences
                         type::ScopeSnapshot, type::History, type::HistoryPage,
                         // chat
                         type::ChatRoomCreate, type::ChatMemberAdd, type::ChatMemberRemove, type::ChatSend,
                         type::ChatEdit, type::ChatDelete, type::ChatReact, type::ChatRead, type::ChatMute,
                         type::ChatTyping, type::PresenceSet, type::Presence,
                         // follows, the start page and notifications
                         type::FollowSet, type::HomeLayoutSet, type::NotificationRead, type::NotificationMute};
    for (const char *t : all)
        QVERIFY2(seen.contains(QLatin1String(t)), t);
}

void TestProtocol::documentedErrorCodes()
{
    const QString doc = readDoc();
    const char *codes[] = {code::BadFrame,     code::UnknownType,   code::BadRequest, code::TooLarge,
                           code::UnsupportedVersion, code::AuthRequired, code::AuthFailed, code::AuthThrottled,
                           code::TokenInvalid, code::Forbidden,     code::NotFound,   code::Conflict,
                           code::RateLimited,  code::Internal};
    for (const char *c : codes)
        QVERIFY2(doc.contains(QStringLiteral("| `%1` |").arg(QLatin1String(c))), c);
}

QTEST_GUILESS_MAIN(TestProtocol)
#include "TestProtocol.moc"
