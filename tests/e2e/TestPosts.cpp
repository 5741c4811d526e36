// Content writes on the raw protocol against a real plein-server: reactions, comments on group
// posts, edits and tombstone deletes of posts and comments (author, other employee, admin,
// deleted and unknown targets), blog pages, and that a deleted text is gone from what the
// server sends, also to a session that syncs from scratch afterwards.
#include "RawCrew.h"
#include "ServerProcess.h"

#include "model/Ids.h"
#include "protocol/GroupMessages.h"
#include "protocol/Limits.h"
#include "protocol/NewsMessages.h"
#include "protocol/PostMessages.h"
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
const QString Password = QStringLiteral("posts-pw");
const QString Ack = QStringLiteral("ack");
} // namespace

class TestPosts : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reactions();
    void groupComments();
    void editAndDeleteMatrix_data();
    void editAndDeleteMatrix();
    void deletedTextIsGone();
    void blogPages();
    void badInput();

private:
    RawSession &as(const QString &u) { return m_crew[u]; }
    QString companyPost(const QString &who, const QString &text);
    QString groupPost(const QString &who, const QString &text);
    QString comment(const QString &who, const QString &post, const QString &text);

    plein::test::ServerProcess m_server;
    plein::test::RawCrew m_crew;
    QString m_group;   // open group: anna (owner), bert; carl and ada outside
    QString m_secret;  // secret group: eddy (owner), anna
};

void TestPosts::initTestCase()
{
    QVERIFY(!plein::test::ServerProcess::serverBinary().isEmpty());
    QVERIFY(
        m_crew.add(m_server,
                   {
                       {QStringLiteral("anna"), QStringLiteral("Anna de Vries"),
                        role::Employee, QStringLiteral("Finance")},
                       {QStringLiteral("bert"), QStringLiteral("Bert Bakker"),
                        role::Employee, QStringLiteral("Sales")},
                       {QStringLiteral("carl"), QStringLiteral("Carl Outsider"),
                        role::Employee, QStringLiteral("HR")},
                       {QStringLiteral("ada"), QStringLiteral("Ada Admin"),
                        role::Admin, QStringLiteral("IT")},
                       {QStringLiteral("eddy"), QStringLiteral("Eddy Editor"),
                        role::Editor, QStringLiteral("Communications")},
                   },
                   Password));
    QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    QVERIFY(m_crew.signIn(m_server.url(), Password));
    const GroupSaveBody g{ids::create(), QStringLiteral("Hardlopen"), {}, s(groupkind::Interest), s(visibility::Open)};
    QCOMPARE(as(QStringLiteral("anna")).write(type::GroupSave, encode(g)), Ack);
    QCOMPARE(as(QStringLiteral("bert")).write(type::GroupJoin, encode(GroupRefBody{g.id})), Ack);
    m_group = g.id;
    const GroupSaveBody secret{ids::create(), QStringLiteral("Overname Zilvermeeuw"), {}, s(groupkind::Project),
                               s(visibility::Secret)};
    QCOMPARE(as(QStringLiteral("eddy")).write(type::GroupSave, encode(secret)), Ack);
    QCOMPARE(as(QStringLiteral("eddy")).write(type::GroupMember,
                                              encode(GroupMemberBody{secret.id, as(QStringLiteral("anna")).userId(),
                                                                     s(scope::MemberRole)})),
             Ack);
    m_secret = secret.id;
}

QString TestPosts::companyPost(const QString &who, const QString &text)
{
    const PostCreateBody b{ids::create(), text};
    return as(who).write(type::PostCreate, encode(b)) == Ack ? b.id : QString();
}

QString TestPosts::groupPost(const QString &who, const QString &text)
{
    const GroupPostBody b{ids::create(), m_group, text};
    return as(who).write(type::GroupPost, encode(b)) == Ack ? b.id : QString();
}

QString TestPosts::comment(const QString &who, const QString &post, const QString &text)
{
    const CommentCreateBody b{ids::create(), post, text};
    return as(who).write(type::CommentCreate, encode(b)) == Ack ? b.id : QString();
}

void TestPosts::reactions()
{
    const QString post = groupPost(QStringLiteral("anna"), QStringLiteral("Donderdag de lange route"));
    QVERIFY(!post.isEmpty());
    RawSession &bert = as(QStringLiteral("bert"));
    for (const char *r : {reaction::Like, reaction::Celebrate, reaction::Funny})
        QCOMPARE(bert.write(type::PostReact, encode(PostReactBody{post, s(r), true})), Ack);
    QCOMPARE(bert.write(type::PostReact, encode(PostReactBody{post, s(reaction::Funny), false})), Ack);
    // Members get each reaction in the group's audience; the last word on funny is off.
    const QString funny = postReactionId(post, bert.userId(), s(reaction::Funny));
    auto off = as(QStringLiteral("anna")).waitChange(s(kind::PostReaction), funny);
    QVERIFY(off.has_value());
    QCOMPARE(decode<PostReaction>(off->data)->on, false);
    QCOMPARE(decode<PostReaction>(off->data)->group, m_group);
    QVERIFY(as(QStringLiteral("anna")).waitChange(s(kind::PostReaction), postReactionId(post, bert.userId(), s(reaction::Celebrate))));
    // Outsiders may not react in a group they are not in; an unknown reaction is bad input.
    QCOMPARE(as(QStringLiteral("carl")).write(type::PostReact, encode(PostReactBody{post, s(reaction::Like), true})),
             s(code::Forbidden));
    QCOMPARE(bert.write(type::PostReact, QJsonObject{{QStringLiteral("post"), post}, {QStringLiteral("reaction"), QStringLiteral("angry")}, {QStringLiteral("on"), true}}),
             s(code::BadRequest));
    QCOMPARE(bert.write(type::PostReact, encode(PostReactBody{ids::create(), s(reaction::Like), true})), s(code::NotFound));

    // A company post: like stays kind `like` (like.set and post.react alike), the rest is post_reaction.
    const QString cp = companyPost(QStringLiteral("anna"), QStringLiteral("Koffie staat klaar"));
    QCOMPARE(bert.write(type::LikeSet, encode(LikeSetBody{cp, true})), Ack);
    QCOMPARE(as(QStringLiteral("carl")).write(type::PostReact, encode(PostReactBody{cp, s(reaction::Like), true})), Ack);
    QCOMPARE(as(QStringLiteral("carl")).write(type::PostReact, encode(PostReactBody{cp, s(reaction::Insightful), true})), Ack);
    RawSession &anna = as(QStringLiteral("anna"));
    QVERIFY(anna.waitChange(s(kind::Like), cp + QLatin1Char(':') + as(QStringLiteral("carl")).userId()));
    QVERIFY(anna.waitChange(s(kind::PostReaction), postReactionId(cp, as(QStringLiteral("carl")).userId(), s(reaction::Insightful))));
}

void TestPosts::groupComments()
{
    const QString post = groupPost(QStringLiteral("anna"), QStringLiteral("Wie loopt er mee?"));
    const QString c = comment(QStringLiteral("bert"), post, QStringLiteral("Ik! @anna"));
    QVERIFY(!c.isEmpty());
    auto got = as(QStringLiteral("anna")).waitChange(s(kind::PostComment), c);
    QVERIFY(got.has_value());
    const auto pc = decode<PostComment>(got->data);
    QVERIFY(pc.ok());
    QCOMPARE(pc->post, post);
    QCOMPARE(pc->group, m_group);
    QCOMPARE(pc->author, as(QStringLiteral("bert")).userId());
    QCOMPARE(mentionedNames(pc->text), QStringList{QStringLiteral("anna")});
    QCOMPARE(comment(QStringLiteral("carl"), post, QStringLiteral("mag ik?")), QString());
    // A secret group's post does not exist for outsiders.
    const GroupPostBody sp{ids::create(), m_secret, QStringLiteral("Due diligence start maandag")};
    QCOMPARE(as(QStringLiteral("anna")).write(type::GroupPost, encode(sp)), Ack);
    const CommentCreateBody outside{ids::create(), sp.id, QStringLiteral("?")};
    QCOMPARE(as(QStringLiteral("carl")).write(type::CommentCreate, encode(outside)), s(code::NotFound));
    QCOMPARE(as(QStringLiteral("ada")).write(type::PostDelete, encode(DeleteBody{sp.id})), s(code::NotFound));
    QCOMPARE(as(QStringLiteral("carl")).write(type::PostReact, encode(PostReactBody{sp.id, s(reaction::Like), true})),
             s(code::NotFound));
    // Nobody outside has seen a frame naming it.
    for (const char *u : {"carl", "bert", "ada"})
        for (const QString &frame : as(s(u)).rawText())
            QVERIFY2(!frame.contains(m_secret) && !frame.contains(sp.id), u);
}

void TestPosts::editAndDeleteMatrix_data()
{
    QTest::addColumn<QString>("where");   // company | group
    QTest::addColumn<QString>("what");    // post | comment
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("edit");    // expected answer to the edit
    QTest::addColumn<QString>("del");     // expected answer to the delete
    for (const char *where : {"company", "group"})
        for (const char *what : {"post", "comment"}) {
            // anna wrote it; bert is another member; ada an admin (outside the group).
            QTest::addRow("%s %s: author", where, what) << s(where) << s(what) << QStringLiteral("anna") << Ack << Ack;
            QTest::addRow("%s %s: other employee", where, what)
                << s(where) << s(what) << QStringLiteral("bert") << s(code::Forbidden) << s(code::Forbidden);
            QTest::addRow("%s %s: admin", where, what) << s(where) << s(what) << QStringLiteral("ada")
                                                      << (s(where) == QLatin1String("group") ? s(code::Forbidden)
                                                                                              : s(code::Forbidden))
                                                      << Ack;
        }
}

void TestPosts::editAndDeleteMatrix()
{
    QFETCH(QString, where);
    QFETCH(QString, what);
    QFETCH(QString, who);
    QFETCH(QString, edit);
    QFETCH(QString, del);
    const bool group = where == QLatin1String("group");
    const QString post = group ? groupPost(QStringLiteral("anna"), QStringLiteral("Eerste versie"))
                               : companyPost(QStringLiteral("anna"), QStringLiteral("Eerste versie"));
    QVERIFY(!post.isEmpty());
    QString target = post;
    const char *editType = type::PostEdit;
    const char *deleteType = type::PostDelete;
    if (what == QLatin1String("comment")) {
        target = comment(QStringLiteral("anna"), post, QStringLiteral("Eerste reactie"));
        QVERIFY(!target.isEmpty());
        editType = type::CommentEdit;
        deleteType = type::CommentDelete;
    }
    QCOMPARE(as(who).write(editType, encode(EditBody{target, QStringLiteral("Tweede versie")})), edit);
    QCOMPARE(as(who).write(deleteType, encode(DeleteBody{target})), del);
    // After a delete: edits, deletes, comments and reactions on it are not_found for everyone.
    if (del == Ack) {
        QCOMPARE(as(QStringLiteral("anna")).write(editType, encode(EditBody{target, QStringLiteral("x")})), s(code::NotFound));
        QCOMPARE(as(QStringLiteral("anna")).write(deleteType, encode(DeleteBody{target})), s(code::NotFound));
        if (what == QLatin1String("post")) {
            QCOMPARE(comment(QStringLiteral("anna"), target, QStringLiteral("x")), QString());
            QCOMPARE(as(QStringLiteral("anna")).write(type::PostReact, encode(PostReactBody{target, s(reaction::Celebrate), true})),
                     s(code::NotFound));
        }
    }
    // An edit reaches members with `edited` set and the new text.
    if (edit == Ack) {
        const char *k = what == QLatin1String("comment") ? (group ? kind::PostComment : kind::Comment)
                                                         : (group ? kind::GroupPost : kind::Post);
        auto c = as(QStringLiteral("bert")).waitChange(s(k), target, [](const Change &c) {
            return c.data.value(QStringLiteral("deleted")).toBool();
        });
        QVERIFY(c.has_value());
        QCOMPARE(c->data.value(QStringLiteral("text")).toString(), QString());
        QVERIFY(c->data.value(QStringLiteral("edited")).toDouble() > 0);
        QVERIFY(!c->deleted);   // a tombstone is a row, not a removal
    }
    // Unknown targets.
    QCOMPARE(as(who).write(editType, encode(EditBody{ids::create(), QStringLiteral("x")})), s(code::NotFound));
    QCOMPARE(as(who).write(deleteType, encode(DeleteBody{ids::create()})), s(code::NotFound));
}

void TestPosts::deletedTextIsGone()
{
    const QString secretWords = QStringLiteral("Vertrouwelijk: salarisschalen 2027");
    const QString post = groupPost(QStringLiteral("anna"), secretWords);
    const QString c = comment(QStringLiteral("bert"), post, secretWords + QStringLiteral(" (reactie)"));
    const QString cp = companyPost(QStringLiteral("anna"), secretWords + QStringLiteral(" (bedrijf)"));
    QVERIFY(!post.isEmpty() && !c.isEmpty() && !cp.isEmpty());
    QCOMPARE(as(QStringLiteral("anna")).write(type::PostEdit, encode(EditBody{post, secretWords + QStringLiteral("!")})), Ack);
    QCOMPARE(as(QStringLiteral("anna")).write(type::PostDelete, encode(DeleteBody{post})), Ack);
    QCOMPARE(as(QStringLiteral("bert")).write(type::CommentDelete, encode(DeleteBody{c})), Ack);
    QCOMPARE(as(QStringLiteral("ada")).write(type::PostDelete, encode(DeleteBody{cp})), Ack);
    // A new session syncing from 0 (log and group snapshot) never sees the words.
    RawSession fresh;
    QVERIFY(fresh.signIn(m_server.url(), QStringLiteral("bert"), Password));
    QVERIFY(fresh.waitChange(s(kind::GroupPost), post, [](const Change &ch) {
        return ch.data.value(QStringLiteral("deleted")).toBool();
    }));
    QVERIFY(fresh.waitChange(s(kind::PostComment), c));
    QVERIFY(fresh.waitChange(s(kind::Post), cp));
    for (const QString &frame : fresh.rawText())
        QVERIFY2(!frame.contains(QStringLiteral("salarisschalen")), qPrintable(frame.left(300)));
    fresh.close();
}

void TestPosts::blogPages()
{
    RawSession &anna = as(QStringLiteral("anna"));
    // On her profile: everyone gets it.
    const BlogSaveBody profile{ids::create(), {}, QStringLiteral("Mijn eerste jaar"), QStringLiteral("## Terugblik\nHet was **mooi**. #finance")};
    QCOMPARE(anna.write(type::BlogSave, encode(profile)), Ack);
    auto got = as(QStringLiteral("carl")).waitChange(s(kind::BlogPage), profile.id);
    QVERIFY(got.has_value());
    QCOMPARE(decode<BlogPage>(got->data)->title, profile.title);
    // In a group: members only; outsiders cannot write into it.
    const BlogSaveBody inGroup{ids::create(), m_group, QStringLiteral("Route-overzicht"), QStringLiteral("1. park\n2. dijk")};
    QCOMPARE(anna.write(type::BlogSave, encode(inGroup)), Ack);
    QVERIFY(as(QStringLiteral("bert")).waitChange(s(kind::BlogPage), inGroup.id));
    const BlogSaveBody outsider{ids::create(), m_group, QStringLiteral("x"), QStringLiteral("y")};
    QCOMPARE(as(QStringLiteral("carl")).write(type::BlogSave, encode(outsider)), s(code::Forbidden));
    // Only the author edits; comments and reactions as on any post; the author deletes.
    BlogSaveBody edit = profile;
    edit.text = QStringLiteral("Bijgewerkt");
    QCOMPARE(as(QStringLiteral("bert")).write(type::BlogSave, encode(edit)), s(code::Forbidden));
    QCOMPARE(anna.write(type::BlogSave, encode(edit)), Ack);
    auto edited = as(QStringLiteral("carl")).waitChange(s(kind::BlogPage), profile.id,
                                                        [](const Change &c) { return c.data.value(QStringLiteral("edited")).toDouble() > 0; });
    QVERIFY(edited.has_value());
    const QString c = comment(QStringLiteral("carl"), profile.id, QStringLiteral("Mooi geschreven"));
    QVERIFY(!c.isEmpty());
    QVERIFY(anna.waitChange(s(kind::PostComment), c));
    QCOMPARE(as(QStringLiteral("carl")).write(type::PostReact, encode(PostReactBody{profile.id, s(reaction::Love), true})), Ack);
    QCOMPARE(anna.write(type::PostEdit, encode(EditBody{profile.id, QStringLiteral("x")})), s(code::BadRequest));
    QCOMPARE(as(QStringLiteral("carl")).write(type::PostDelete, encode(DeleteBody{profile.id})), s(code::Forbidden));
    QCOMPARE(anna.write(type::PostDelete, encode(DeleteBody{inGroup.id})), Ack);
    QVERIFY(as(QStringLiteral("bert")).waitChange(s(kind::BlogPage), inGroup.id,
                                                  [](const Change &c) { return c.data.value(QStringLiteral("deleted")).toBool(); }));
    // A member who joins later gets the group's pages in the snapshot.
    RawSession &carl = as(QStringLiteral("carl"));
    QCOMPARE(carl.write(type::GroupJoin, encode(GroupRefBody{m_group})), Ack);
    QVERIFY(carl.waitChange(s(kind::BlogPage), inGroup.id));
}

void TestPosts::badInput()
{
    RawSession &anna = as(QStringLiteral("anna"));
    const QString post = companyPost(QStringLiteral("anna"), QStringLiteral("x"));
    QCOMPARE(anna.write(type::PostEdit, encode(EditBody{post, QStringLiteral("   ")})), s(code::BadRequest));
    QCOMPARE(anna.write(type::PostEdit, encode(EditBody{post, QString(limits::MaxPostChars + 1, QLatin1Char('a'))})),
             s(code::TooLarge));
    QCOMPARE(anna.write(type::PostDelete, QJsonObject{{QStringLiteral("id"), QStringLiteral("not-a-uuid")}}), s(code::BadRequest));
    const QString c = comment(QStringLiteral("anna"), post, QStringLiteral("c"));
    QCOMPARE(anna.write(type::CommentEdit, encode(EditBody{c, QString(limits::MaxCommentChars + 1, QLatin1Char('a'))})),
             s(code::TooLarge));
    QCOMPARE(anna.write(type::BlogSave, encode(BlogSaveBody{ids::create(), {}, {}, QStringLiteral("text")})),
             s(code::BadRequest));
    QCOMPARE(anna.write(type::BlogSave, encode(BlogSaveBody{ids::create(), {}, QString(300, QLatin1Char('t')), QStringLiteral("text")})),
             s(code::TooLarge));
}

QTEST_GUILESS_MAIN(TestPosts)
#include "TestPosts.moc"
