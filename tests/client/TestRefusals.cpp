// Refused writes and late server copies, without a server so the order is exact:
// - a server change held back behind a queued edit lands when the edit is refused (the admin
//   deleted the post meanwhile: the cache shows the tombstone, not the edit nor the old text);
// - a refused write whose rows a later queued write changes again hands its pre-image on, so
//   the later choice stays on screen and a refusal of that one too brings the server's state;
// - a refused chat edit, delete or reaction puts the message back as the server has it;
// - a reaction, like or news reaction toggled off stays off when the echo of the earlier toggle-on arrives
//   after both were acknowledged (the flicker).
#include "SignedInReplica.h"
#include "cache/ChangeApplier.h"
#include "cache/LocalWriter.h"
#include "cache/Outbox.h"
#include "cache/Replica.h"
#include "chat/ChatCache.h"
#include "model/Ids.h"
#include "news/NewsCache.h"
#include "posts/PostCache.h"
#include "protocol/ChatMessages.h"
#include "protocol/Messages.h"
#include "protocol/NewsMessages.h"
#include "protocol/PostMessages.h"
#include "protocol/Protocol.h"

#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace plein;
using namespace plein::client;
using protocol::Change;

namespace {
Change postChange(qint64 seq, const Post &p, const QString &op = {})
{
    return Change{seq, QLatin1String(protocol::kind::Post), p.id, op, false, protocol::encode(p)};
}
} // namespace

class TestRefusals : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();
    void heldDeleteLandsWhenTheEditIsRefused();
    void laterQueuedEditTakesThePreImageOver();
    void reactionToggledOffStaysOffAfterBothAcks();
    void likeToggledOffStaysOffAfterBothAcks();
    void newsReactionToggledOffStaysOffAfterBothAcks();
    void refusedNewsReactionIsTakenBack();
    void refusedChatEditAndDeleteGoBack();
    void refusedChatReactionsAreTakenBack();

private:
    QSqlDatabase db() const { return m_replica.db(); }
    QVariant value(const QString &sql, const QVariantList &args = {}) const;
    Post serverPost(qint64 seq, const QString &text);
    // My message in a room, as the server sent it; its id.
    QString serverChatMessage(const QString &text);
    // The notice for a refused `op` names `what` and the reason.
    void checkNotice(const QString &op, const QString &what);

    test::SignedInReplica m_replica;
};

void TestRefusals::init()
{
    QVERIFY(m_replica.open(QStringLiteral("refusals")));
}

void TestRefusals::cleanup()
{
    m_replica.close();
}

QVariant TestRefusals::value(const QString &sql, const QVariantList &args) const
{
    QSqlQuery q(db());
    q.prepare(sql);
    for (const QVariant &a : args)
        q.addBindValue(a);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0);
}

Post TestRefusals::serverPost(qint64 seq, const QString &text)
{
    const Post p{ids::create(), m_replica.me(), text, 1000, 0, false};
    ChangeApplier applier(db());
    auto a = applier.apply({postChange(seq, p)});
    if (!a)
        qWarning() << a.error().message;
    return p;
}

void TestRefusals::heldDeleteLandsWhenTheEditIsRefused()
{
    const Post p = serverPost(2, QStringLiteral("Pizza #pizza"));
    auto edit = postcache::editPost(db(), p.id, QStringLiteral("Sushi #sushi"));
    QVERIFY(edit);
    // An admin deletes the post; its change arrives while the edit is still queued.
    ChangeApplier applier(db());
    Post gone = p;
    gone.text.clear();
    gone.deleted = true;
    QVERIFY(applier.apply({postChange(3, gone)}));
    QCOMPARE(value(QStringLiteral("SELECT text FROM posts WHERE id = ?"), {p.id}).toString(), QStringLiteral("Sushi #sushi"));
    // The server refuses the edit: the cache shows the server's state, the tombstone.
    Outbox outbox(db());
    auto failed = outbox.fail(edit.value(), QStringLiteral("no such post"));
    QVERIFY2(failed && failed.value(), failed ? "" : qPrintable(failed.error().message));
    QCOMPARE(value(QStringLiteral("SELECT deleted FROM posts WHERE id = ?"), {p.id}).toInt(), 1);
    QCOMPARE(value(QStringLiteral("SELECT text FROM posts WHERE id = ?"), {p.id}).toString(), QString());
    QCOMPARE(value(QStringLiteral("SELECT seq FROM posts WHERE id = ?"), {p.id}).toLongLong(), 3);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM hashtags WHERE item_id = ?"), {p.id}).toInt(), 0);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM held_changes")).toInt(), 0);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM outbox_undo")).toInt(), 0);
    QCOMPARE(Outbox::failedCount(db()), 1);
}

void TestRefusals::laterQueuedEditTakesThePreImageOver()
{
    const Post p = serverPost(2, QStringLiteral("Versie een #een"));
    auto first = postcache::editPost(db(), p.id, QStringLiteral("Versie twee #twee"));
    auto second = postcache::editPost(db(), p.id, QStringLiteral("Versie drie #drie"));
    QVERIFY(first && second);
    Outbox outbox(db());
    // The first is refused: the user's last choice, still queued, stays on screen.
    QVERIFY(outbox.fail(first.value(), QStringLiteral("refused")));
    QCOMPARE(value(QStringLiteral("SELECT text FROM posts WHERE id = ?"), {p.id}).toString(), QStringLiteral("Versie drie #drie"));
    QCOMPARE(value(QStringLiteral("SELECT tag FROM hashtags WHERE item_id = ?"), {p.id}).toString(), QStringLiteral("drie"));
    // The second is refused too: back to what the server has, not to the first edit.
    QVERIFY(outbox.fail(second.value(), QStringLiteral("refused")));
    QCOMPARE(value(QStringLiteral("SELECT text FROM posts WHERE id = ?"), {p.id}).toString(), QStringLiteral("Versie een #een"));
    QCOMPARE(value(QStringLiteral("SELECT edited FROM posts WHERE id = ?"), {p.id}).toLongLong(), 0);
    QCOMPARE(value(QStringLiteral("SELECT tag FROM hashtags WHERE item_id = ?"), {p.id}).toString(), QStringLiteral("een"));
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'twee OR drie'")).toInt(), 0);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM outbox_undo")).toInt(), 0);
}

void TestRefusals::reactionToggledOffStaysOffAfterBothAcks()
{
    const Post p = serverPost(2, QStringLiteral("Het kwartaal is rond"));
    const QString celebrate = QLatin1String(protocol::reaction::Celebrate);
    const QString mine = QStringLiteral("SELECT count(*) FROM post_reactions WHERE post_id = ? AND user_id = ?");
    auto on = postcache::react(db(), p.id, celebrate, true);
    QVERIFY(on);
    Outbox outbox(db());
    QVERIFY(outbox.acknowledge(on.value(), 10).value());
    auto off = postcache::react(db(), p.id, celebrate, false);
    QVERIFY(off);
    QVERIFY(outbox.acknowledge(off.value(), 11).value());
    QCOMPARE(value(mine, {p.id, m_replica.me()}).toInt(), 0);

    // The stream lags behind the acks: the toggle-on's echo arrives now, then the toggle-off's.
    ChangeApplier applier(db());
    auto reaction = [&](qint64 seq, bool isOn, const QString &op) {
        const protocol::PostReaction r{p.id, {}, m_replica.me(), celebrate, isOn};
        return Change{seq, QLatin1String(protocol::kind::PostReaction), protocol::postReactionId(p.id, m_replica.me(), celebrate),
                      op, false, protocol::encode(r)};
    };
    QVERIFY(applier.apply({reaction(10, true, on.value())}));
    QCOMPARE(value(mine, {p.id, m_replica.me()}).toInt(), 0);   // no flicker
    QVERIFY(applier.apply({reaction(11, false, off.value())}));
    QCOMPARE(value(mine, {p.id, m_replica.me()}).toInt(), 0);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM outbox_acked")).toInt(), 0);   // the cursor passed them
    // A later choice (made on another computer) lands as usual.
    QVERIFY(applier.apply({reaction(12, true, ids::create())}));
    QCOMPARE(value(mine, {p.id, m_replica.me()}).toInt(), 1);
}

void TestRefusals::likeToggledOffStaysOffAfterBothAcks()
{
    const Post p = serverPost(2, QStringLiteral("Taart in de kantine"));
    LocalWriter writer(db());
    auto on = writer.setLiked(p.id, true);
    QVERIFY(on);
    Outbox outbox(db());
    QVERIFY(outbox.acknowledge(on->op, 10).value());
    auto off = writer.setLiked(p.id, false);
    QVERIFY(off);
    QVERIFY(outbox.acknowledge(off->op, 11).value());
    const QString likes = QStringLiteral("SELECT like_count FROM posts WHERE id = ?");
    QCOMPARE(value(likes, {p.id}).toInt(), 0);
    ChangeApplier applier(db());
    auto like = [&](qint64 seq, bool liked, const QString &op) {
        return Change{seq, QLatin1String(protocol::kind::Like), p.id + QLatin1Char(':') + m_replica.me(), op, false,
                      protocol::encode(Like{p.id, m_replica.me(), liked})};
    };
    QVERIFY(applier.apply({like(10, true, on->op)}));
    QCOMPARE(value(likes, {p.id}).toInt(), 0);   // no flicker
    QVERIFY(applier.apply({like(11, false, off->op)}));
    QCOMPARE(value(likes, {p.id}).toInt(), 0);
    // Someone else's like is never held back by mine.
    const QString other = ids::create();
    QVERIFY(applier.apply({Change{12, QLatin1String(protocol::kind::Like), p.id + QLatin1Char(':') + other, {}, false,
                                  protocol::encode(Like{p.id, other, true})}}));
    QCOMPARE(value(likes, {p.id}).toInt(), 1);
}

namespace {
QString seedArticle(const QSqlDatabase &db)
{
    const QString id = ids::create();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO news (id, author_id, title, text, publish_at, state, created, seq)"
                             " VALUES (?, 'editor', 'Nieuw pand', 'We verhuizen.', 1000, 'published', 1000, 2)"));
    q.addBindValue(id);
    return q.exec() ? id : QString();
}
} // namespace

void TestRefusals::newsReactionToggledOffStaysOffAfterBothAcks()
{
    const QString article = seedArticle(db());
    QVERIFY(!article.isEmpty());
    const QString like = QLatin1String(protocol::reaction::Like);
    const QString on = QStringLiteral("SELECT is_on FROM news_reactions WHERE article = ? AND user_id = ?");
    auto first = newscache::react(db(), article, like, true);
    QVERIFY(first);
    Outbox outbox(db());
    QVERIFY(outbox.acknowledge(first.value(), 10).value());
    auto second = newscache::react(db(), article, like, false);
    QVERIFY(second);
    QVERIFY(outbox.acknowledge(second.value(), 11).value());
    ChangeApplier applier(db());
    auto reaction = [&](qint64 seq, bool isOn, const QString &op) {
        return Change{seq, QLatin1String(protocol::kind::NewsReaction),
                      article + QLatin1Char(':') + m_replica.me() + QLatin1Char(':') + like, op, false,
                      protocol::encode(protocol::NewsReaction{article, m_replica.me(), like, isOn})};
    };
    QVERIFY(applier.apply({reaction(10, true, first.value())}));
    QCOMPARE(value(on, {article, m_replica.me()}).toInt(), 0);   // no flicker
    QVERIFY(applier.apply({reaction(11, false, second.value())}));
    QCOMPARE(value(on, {article, m_replica.me()}).toInt(), 0);
    QVERIFY(applier.apply({reaction(12, true, ids::create())}));
    QCOMPARE(value(on, {article, m_replica.me()}).toInt(), 1);
}

void TestRefusals::refusedNewsReactionIsTakenBack()
{
    const QString article = seedArticle(db());
    QVERIFY(!article.isEmpty());
    const QString celebrate = QLatin1String(protocol::reaction::Celebrate);
    auto op = newscache::react(db(), article, celebrate, true);
    QVERIFY(op);
    const QString mine = QStringLiteral("SELECT count(*) FROM news_reactions WHERE article = ? AND user_id = ? AND is_on = 1");
    QCOMPARE(value(mine, {article, m_replica.me()}).toInt(), 1);
    Outbox outbox(db());
    QVERIFY(outbox.fail(op.value(), QStringLiteral("no such article")));
    QCOMPARE(value(mine, {article, m_replica.me()}).toInt(), 0);
    const QString notice = Outbox::refusalNotice(db(), op.value(), QStringLiteral("no such article"));
    QVERIFY2(notice.contains(QStringLiteral("reaction")) && notice.contains(QStringLiteral("no such article")),
             qPrintable(notice));
}

QString TestRefusals::serverChatMessage(const QString &text)
{
    const QString room = ids::create();
    const protocol::ChatMessage m{ids::create(), room, m_replica.me(), text, 1000, 1, 0, false, {}};
    ChangeApplier applier(db());
    auto a = applier.apply(
        {Change{2, QLatin1String(protocol::kind::ChatRoom), room, {}, false,
                protocol::encode(protocol::ChatRoom{room, QStringLiteral("Lunch"), false, m_replica.me(), 1000})},
         Change{3, QLatin1String(protocol::kind::ChatMessage), m.id, {}, false, protocol::encode(m)}});
    if (!a)
        qWarning() << a.error().message;
    return m.id;
}

void TestRefusals::checkNotice(const QString &op, const QString &what)
{
    const QString notice = Outbox::refusalNotice(db(), op, QStringLiteral("not a member"));
    QVERIFY2(notice.contains(what) && notice.contains(QStringLiteral("not a member")), qPrintable(notice));
}

void TestRefusals::refusedChatEditAndDeleteGoBack()
{
    const QString id = serverChatMessage(QStringLiteral("Lunch om twaalf"));
    const QString text = QStringLiteral("SELECT text FROM chat_messages WHERE id = ?");
    QCOMPARE(value(text, {id}).toString(), QStringLiteral("Lunch om twaalf"));
    Outbox outbox(db());

    auto edit = chatcache::edit(db(), id, QStringLiteral("Lunch om een uur"));
    QVERIFY2(edit, edit ? "" : qPrintable(edit.error().message));
    QCOMPARE(value(text, {id}).toString(), QStringLiteral("Lunch om een uur"));
    QVERIFY(outbox.fail(edit->op, QStringLiteral("not a member")));
    QCOMPARE(value(text, {id}).toString(), QStringLiteral("Lunch om twaalf"));
    QCOMPARE(value(QStringLiteral("SELECT edited FROM chat_messages WHERE id = ?"), {id}).toLongLong(), 0);
    QCOMPARE(value(QStringLiteral("SELECT seq FROM chat_messages WHERE id = ?"), {id}).toLongLong(), 3);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM chat_fts WHERE chat_fts MATCH 'uur'")).toInt(), 0);
    checkNotice(edit->op, QStringLiteral("edit"));

    auto removed = chatcache::remove(db(), id);
    QVERIFY(removed);
    QCOMPARE(value(QStringLiteral("SELECT deleted FROM chat_messages WHERE id = ?"), {id}).toInt(), 1);
    QVERIFY(outbox.fail(removed->op, QStringLiteral("not a member")));
    QCOMPARE(value(QStringLiteral("SELECT deleted FROM chat_messages WHERE id = ?"), {id}).toInt(), 0);
    QCOMPARE(value(text, {id}).toString(), QStringLiteral("Lunch om twaalf"));
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM chat_fts WHERE chat_fts MATCH 'twaalf'")).toInt(), 1);
    checkNotice(removed->op, QStringLiteral("delete"));
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM outbox_undo")).toInt(), 0);
    QCOMPARE(Outbox::failedCount(db()), 2);
}

void TestRefusals::refusedChatReactionsAreTakenBack()
{
    const QString id = serverChatMessage(QStringLiteral("Taart in de keuken"));
    const QString room = value(QStringLiteral("SELECT room FROM chat_messages WHERE id = ?"), {id}).toString();
    const QString thumbs = QStringLiteral("\U0001F44D");
    const QString party = QStringLiteral("\U0001F389");
    ChangeApplier applier(db());
    QVERIFY(applier.apply({Change{4, QLatin1String(protocol::kind::ChatReaction), id + thumbs, {}, false,
                                  protocol::encode(protocol::ChatReaction{id, room, m_replica.me(), thumbs})}}));
    const QString mine = QStringLiteral("SELECT seq FROM chat_reactions WHERE message = ? AND user_id = ? AND emoji = ?");
    QCOMPARE(value(mine, {id, m_replica.me(), thumbs}).toLongLong(), 4);
    Outbox outbox(db());

    // Taken off here, refused: the server still has it.
    auto off = chatcache::react(db(), id, thumbs, false);
    QVERIFY(off);
    QVERIFY(value(mine, {id, m_replica.me(), thumbs}).isNull());
    QVERIFY(outbox.fail(off->op, QStringLiteral("not a member")));
    QCOMPARE(value(mine, {id, m_replica.me(), thumbs}).toLongLong(), 4);
    checkNotice(off->op, QStringLiteral("reaction"));

    // Put on here, refused: the server never had it.
    auto on = chatcache::react(db(), id, party, true);
    QVERIFY(on);
    QCOMPARE(value(mine, {id, m_replica.me(), party}).toLongLong(), 0);
    QVERIFY(outbox.fail(on->op, QStringLiteral("not a member")));
    QVERIFY(value(mine, {id, m_replica.me(), party}).isNull());
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM chat_reactions WHERE message = ?"), {id}).toInt(), 1);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM outbox_undo")).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestRefusals)
#include "TestRefusals.moc"
