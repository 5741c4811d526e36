// The client replica: migrations, atomic batches with the cursor, settling the outbox, the
// counts the timeline shows, and the item models over it (paging, refresh without reset,
// query plans). Real SQLite files in a temporary directory; no server.
#include "cache/ChangeApplier.h"
#include "cache/LocalWriter.h"
#include "cache/Outbox.h"
#include "cache/Replica.h"
#include "model/Ids.h"
#include "models/CommentsModel.h"
#include "models/Roles.h"
#include "models/TimelineModel.h"
#include "protocol/Envelope.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"
#include "session/Session.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace plein;
using namespace plein::client;
using protocol::Change;

namespace {

Change userChange(qint64 seq, const QString &id, const QString &name, const QString &displayName)
{
    return Change{seq, QStringLiteral("user"), id, {}, false,
                  protocol::encode(Person{id, name, displayName, QStringLiteral("employee"), {}, {}})};
}

Change postChange(qint64 seq, const QString &id, const QString &author, const QString &text, qint64 created,
                  const QString &op = {})
{
    return Change{seq, QStringLiteral("post"), id, op, false, protocol::encode(Post{id, author, text, created})};
}

Change commentChange(qint64 seq, const QString &id, const QString &post, const QString &author, qint64 created,
                     const QString &op = {})
{
    return Change{seq, QStringLiteral("comment"), id, op, false,
                  protocol::encode(Comment{id, post, author, QStringLiteral("comment ") + id.left(4), created})};
}

Change likeChange(qint64 seq, const QString &post, const QString &user, bool liked, const QString &op = {})
{
    return Change{seq, QStringLiteral("like"), post + QLatin1Char(':') + user, op, false,
                  protocol::encode(Like{post, user, liked})};
}

qint64 scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        qWarning() << sql << q.lastError().text();
        return -1;
    }
    return q.value(0).toLongLong();
}

} // namespace

class TestClientCache : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init();
    void cleanup();

    void replicaPathIsStablePerAccount();
    void migrationsCreateTheSchemaOnce();
    void failedMigrationLeavesNothingBehind();
    void newerSchemaIsRefused();
    void batchAppliesAtomicallyWithTheCursor();
    void batchSeenTwiceChangesNothing();
    void pendingPostIsSettledByItsChange();
    void ackAndPermanentFailureSettleTheOutbox();
    void countsFollowCommentsAndLikes();
    void queuedLikeKeepsTheUsersChoice();
    void timelineModelPagesAndRefreshesInPlace();
    void commentsModelPagesAndAppends();
    void modelQueriesUseIndexes();
    void sessionWritesShowAtOnceAndSurviveARestart();

private:
    QSqlDatabase db() const { return QSqlDatabase::database(m_conn, false); }
    void signInAs(const QString &userId);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    QString m_conn;
    QString m_me;
};

void TestClientCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("replica.sqlite"));
    m_conn = Replica::uniqueConnectionName(QStringLiteral("test"));
    auto opened = Replica::open(m_path, m_conn, Replica::Access::ReadWrite);
    QVERIFY2(opened.ok(), opened ? "" : qPrintable(opened.error().message));
    m_me = ids::create();
}

void TestClientCache::cleanup()
{
    Replica::close(m_conn);
    m_dir.reset();
}

void TestClientCache::signInAs(const QString &userId)
{
    ChangeApplier applier(db());
    const qint64 next = Replica::cursor(db()) + 1;
    QVERIFY(applier.apply({userChange(next, userId, QStringLiteral("me"), QStringLiteral("Me Myself"))}).ok());
    QVERIFY(Replica::setMeta(db(), QLatin1String(metakey::UserId), userId));
}

void TestClientCache::replicaPathIsStablePerAccount()
{
    const QUrl server(QStringLiteral("ws://127.0.0.1:4000"));
    const QString a = Replica::pathFor(QStringLiteral("/p"), server, QStringLiteral("anna"));
    QCOMPARE(a, Replica::pathFor(QStringLiteral("/p"), QUrl(QStringLiteral("ws://127.0.0.1:4000/")),
                                 QStringLiteral("anna")));
    QVERIFY(a.startsWith(QStringLiteral("/p/127.0.0.1-4000-anna-")));
    QVERIFY(a.endsWith(QStringLiteral("/replica.sqlite")));
    QVERIFY(a != Replica::pathFor(QStringLiteral("/p"), server, QStringLiteral("bram")));
    QVERIFY(a != Replica::pathFor(QStringLiteral("/p"), QUrl(QStringLiteral("ws://127.0.0.1:4001")),
                                  QStringLiteral("anna")));
}

void TestClientCache::migrationsCreateTheSchemaOnce()
{
    QCOMPARE(Replica::schemaVersion(db()), Replica::latestVersion());
    for (const char *table : {"meta", "users", "posts", "comments", "likes", "outbox"})
        QCOMPARE(scalar(db(), QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"),
                        {QLatin1String(table)}),
                 1);
    QCOMPARE(QSqlQuery(QStringLiteral("PRAGMA journal_mode"), db()).next(), true);
    {
        QSqlQuery q(QStringLiteral("PRAGMA journal_mode"), db());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    }
    // Opening an up-to-date replica again runs nothing and keeps the data.
    QVERIFY(Replica::setMeta(db(), QStringLiteral("probe"), QStringLiteral("kept")));
    const QString second = Replica::uniqueConnectionName(QStringLiteral("second"));
    {
        auto again = Replica::open(m_path, second, Replica::Access::ReadWrite);
        QVERIFY(again.ok());
        QCOMPARE(Replica::migrate(again.value()).value(), Replica::latestVersion());
        QCOMPARE(Replica::meta(again.value(), QStringLiteral("probe")), QStringLiteral("kept"));
    }
    Replica::close(second);
    // The read connection cannot write.
    const QString reader = Replica::uniqueConnectionName(QStringLiteral("reader"));
    {
        auto ro = Replica::open(m_path, reader, Replica::Access::ReadOnly);
        QVERIFY(ro.ok());
        QVERIFY(!Replica::setMeta(ro.value(), QStringLiteral("probe"), QStringLiteral("changed")));
        QCOMPARE(Replica::meta(ro.value(), QStringLiteral("probe")), QStringLiteral("kept"));
    }
    Replica::close(reader);
}

void TestClientCache::failedMigrationLeavesNothingBehind()
{
    // A database at version 0 with a table in the way: migration 1 fails half-way and must
    // leave neither its first tables nor a moved user_version behind.
    const QString path = m_dir->filePath(QStringLiteral("broken.sqlite"));
    const QString name = Replica::uniqueConnectionName(QStringLiteral("broken"));
    {
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QVERIFY(QSqlQuery(raw).exec(QStringLiteral("CREATE TABLE posts (x)")));
        auto migrated = Replica::migrate(raw);
        QVERIFY(!migrated.ok());
        QVERIFY(migrated.error().message.contains(QStringLiteral("migration 1")));
        QCOMPARE(Replica::schemaVersion(raw), 0);
        QCOMPARE(scalar(raw, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN ('meta', 'users')")), 0);
    }
    Replica::close(name);
}

void TestClientCache::newerSchemaIsRefused()
{
    QVERIFY(QSqlQuery(db()).exec(QStringLiteral("PRAGMA user_version = %1").arg(Replica::latestVersion() + 1)));
    const QString name = Replica::uniqueConnectionName(QStringLiteral("newer"));
    auto opened = Replica::open(m_path, name, Replica::Access::ReadWrite);
    QVERIFY(!opened.ok());
    QVERIFY(opened.error().message.contains(QStringLiteral("newer")));
    QVERIFY(!QSqlDatabase::contains(name));
}

void TestClientCache::batchAppliesAtomicallyWithTheCursor()
{
    ChangeApplier applier(db());
    const QString anna = ids::create();
    const QString post = ids::create();
    Change broken = postChange(2, ids::create(), anna, QStringLiteral("x"), 1000);
    broken.data.remove(QStringLiteral("text"));  // a bad change in the middle of the batch
    auto failed = applier.apply({userChange(1, anna, QStringLiteral("anna"), QStringLiteral("Anna de Vries")), broken,
                                 postChange(3, post, anna, QStringLiteral("hallo"), 1000)});
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().code, QStringLiteral("bad_request"));
    QCOMPARE(scalar(db(), QStringLiteral("SELECT count(*) FROM users")), 0);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT count(*) FROM posts")), 0);
    QCOMPARE(Replica::cursor(db()), 0);

    // The same batch without the bad change applies whole, and the cursor moved with it.
    auto ok = applier.apply({userChange(1, anna, QStringLiteral("anna"), QStringLiteral("Anna de Vries")),
                             postChange(3, post, anna, QStringLiteral("hallo"), 1000)});
    QVERIFY(ok.ok());
    QCOMPARE(ok->applied, 2);
    QCOMPARE(ok->cursor, 3);
    QCOMPARE(Replica::cursor(db()), 3);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT count(*) FROM posts")), 1);

    // A change whose data names another entity is refused too.
    Change mismatched = postChange(4, ids::create(), anna, QStringLiteral("x"), 2000);
    mismatched.id = ids::create();
    QVERIFY(!applier.apply({mismatched}).ok());
    QCOMPARE(Replica::cursor(db()), 3);
    // A kind from a newer server is passed over, but the cursor moves past it.
    auto future = applier.apply({Change{4, QStringLiteral("poll"), ids::create(), {}, false, {}}});
    QVERIFY(future.ok());
    QCOMPARE(future->applied, 1);
    QCOMPARE(Replica::cursor(db()), 4);
}

void TestClientCache::batchSeenTwiceChangesNothing()
{
    ChangeApplier applier(db());
    const QString anna = ids::create();
    const QString post = ids::create();
    const QList<Change> batch{userChange(1, anna, QStringLiteral("anna"), QStringLiteral("Anna")),
                              postChange(2, post, anna, QStringLiteral("een"), 1000),
                              commentChange(3, ids::create(), post, anna, 1100)};
    QCOMPARE(applier.apply(batch)->applied, 3);
    QCOMPARE(applier.apply(batch)->applied, 0);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT comment_count FROM posts WHERE id = ?"), {post}), 1);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT count(*) FROM comments")), 1);
    QCOMPARE(Replica::cursor(db()), 3);
}

void TestClientCache::pendingPostIsSettledByItsChange()
{
    signInAs(m_me);
    LocalWriter writer(db());
    auto written = writer.createPost(QStringLiteral("  Goedemorgen!  "));
    QVERIFY(written.ok());
    QCOMPARE(scalar(db(), QStringLiteral("SELECT state FROM posts WHERE id = ?"), {written->id}), rowstate::Pending);
    QCOMPARE(Outbox::pendingCount(db()), 1);

    // The outbox row holds the exact frame, made by the shared codec.
    Outbox outbox(db());
    const QList<OutboxRow> rows = outbox.queued(0, 10);
    QCOMPARE(rows.size(), 1);
    auto envelope = protocol::Envelope::decode(rows.first().frame);
    QVERIFY(envelope.ok());
    QCOMPARE(envelope->type, QStringLiteral("post.create"));
    QCOMPARE(envelope->op, written->op);
    auto body = protocol::decode<protocol::PostCreateBody>(envelope->body);
    QVERIFY(body.ok());
    QCOMPARE(body->id, written->id);
    QCOMPARE(body->text, QStringLiteral("Goedemorgen!"));

    // The server's change carries the op: the row becomes the server's and leaves the outbox.
    ChangeApplier applier(db());
    auto applied = applier.apply({postChange(Replica::cursor(db()) + 1, written->id, m_me,
                                             QStringLiteral("Goedemorgen!"), 1234, written->op)});
    QVERIFY(applied.ok());
    QCOMPARE(applied->settledOps, QStringList{written->op});
    QCOMPARE(scalar(db(), QStringLiteral("SELECT state FROM posts WHERE id = ?"), {written->id}), rowstate::Sent);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT created FROM posts WHERE id = ?"), {written->id}), 1234);
    QCOMPARE(Outbox::pendingCount(db()), 0);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT count(*) FROM posts")), 1);
    // A late ack for it finds nothing left to do.
    QCOMPARE(outbox.acknowledge(written->op).value(), false);
}

void TestClientCache::ackAndPermanentFailureSettleTheOutbox()
{
    signInAs(m_me);
    LocalWriter writer(db());
    Outbox outbox(db());
    auto first = writer.createPost(QStringLiteral("een"));
    auto second = writer.createPost(QStringLiteral("twee"));
    auto comment = writer.addComment(first->id, QStringLiteral("eerste!"));
    QVERIFY(first.ok() && second.ok() && comment.ok());
    QCOMPARE(Outbox::pendingCount(db()), 3);
    QStringList order;
    for (const OutboxRow &row : outbox.queued(0, 10))
        order.append(row.op);
    QCOMPARE(order, (QStringList{first->op, second->op, comment->op}));
    QCOMPARE(outbox.queued(outbox.queued(0, 1).first().ord, 10).size(), 2);

    QCOMPARE(outbox.acknowledge(first->op).value(), true);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT state FROM posts WHERE id = ?"), {first->id}), rowstate::Sent);
    QCOMPARE(outbox.fail(second->op, QStringLiteral("'text' is longer than 10000 characters")).value(), true);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT state FROM posts WHERE id = ?"), {second->id}), rowstate::Failed);
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT error FROM posts WHERE id = ?"));
    q.addBindValue(second->id);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("'text' is longer than 10000 characters"));
    QCOMPARE(Outbox::pendingCount(db()), 1);
    QCOMPARE(Outbox::failedCount(db()), 1);
    QCOMPARE(outbox.queued(0, 10).size(), 1);  // a failed row is never sent again
    QCOMPARE(outbox.queued(0, 10).first().op, comment->op);

    // Writes are refused locally when they cannot be valid.
    QCOMPARE(writer.createPost(QStringLiteral("   ")).error().code, QStringLiteral("bad_request"));
    QCOMPARE(writer.createPost(QString(10001, QLatin1Char('x'))).error().code, QStringLiteral("too_large"));
    QCOMPARE(writer.addComment(ids::create(), QStringLiteral("hm")).error().code, QStringLiteral("not_found"));
    QCOMPARE(Outbox::pendingCount(db()), 1);
}

void TestClientCache::countsFollowCommentsAndLikes()
{
    ChangeApplier applier(db());
    const QString anna = ids::create(), bram = ids::create(), cor = ids::create();
    const QString post = ids::create(), late = ids::create();
    QVERIFY(applier.apply({userChange(1, anna, QStringLiteral("anna"), QStringLiteral("Anna")),
                           postChange(2, post, anna, QStringLiteral("een"), 1000),
                           commentChange(3, ids::create(), post, bram, 1001),
                           commentChange(4, ids::create(), post, cor, 1002),
                           likeChange(5, post, anna, true), likeChange(6, post, bram, true),
                           likeChange(7, post, cor, true), likeChange(8, post, bram, false),
                           likeChange(9, post, anna, true)})
                .ok());
    QCOMPARE(scalar(db(), QStringLiteral("SELECT comment_count FROM posts WHERE id = ?"), {post}), 2);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT like_count FROM posts WHERE id = ?"), {post}), 2);

    // Comments and likes that arrive before their post are counted when it arrives.
    QVERIFY(applier.apply({commentChange(10, ids::create(), late, bram, 1003), likeChange(11, late, cor, true),
                           postChange(12, late, anna, QStringLiteral("laat"), 900)})
                .ok());
    QCOMPARE(scalar(db(), QStringLiteral("SELECT comment_count FROM posts WHERE id = ?"), {late}), 1);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT like_count FROM posts WHERE id = ?"), {late}), 1);

    // A local like counts at once, in the same transaction as its outbox row.
    signInAs(m_me);
    LocalWriter writer(db());
    QVERIFY(writer.setLiked(post, true).ok());
    QCOMPARE(scalar(db(), QStringLiteral("SELECT like_count FROM posts WHERE id = ?"), {post}), 3);
    QVERIFY(writer.addComment(post, QStringLiteral("ook")).ok());
    QCOMPARE(scalar(db(), QStringLiteral("SELECT comment_count FROM posts WHERE id = ?"), {post}), 3);

    // A deleted post takes its comments and likes along.
    QVERIFY(applier.apply({Change{Replica::cursor(db()) + 1, QStringLiteral("post"), late, {}, true, {}}}).ok());
    QCOMPARE(scalar(db(), QStringLiteral("SELECT count(*) FROM comments WHERE post_id = ?"), {late}), 0);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT count(*) FROM likes WHERE post_id = ?"), {late}), 0);
}

void TestClientCache::queuedLikeKeepsTheUsersChoice()
{
    ChangeApplier applier(db());
    const QString anna = ids::create(), post = ids::create();
    QVERIFY(applier.apply({userChange(1, anna, QStringLiteral("anna"), QStringLiteral("Anna")),
                           postChange(2, post, anna, QStringLiteral("een"), 1000)})
                .ok());
    signInAs(m_me);
    LocalWriter writer(db());
    auto like = writer.setLiked(post, true);
    auto unlike = writer.setLiked(post, false);
    QVERIFY(like.ok() && unlike.ok());
    QCOMPARE(scalar(db(), QStringLiteral("SELECT like_count FROM posts WHERE id = ?"), {post}), 0);
    // The server's answer to the first like arrives while the unlike is still queued.
    QVERIFY(applier.apply({likeChange(Replica::cursor(db()) + 1, post, m_me, true, like->op)}).ok());
    QCOMPARE(scalar(db(), QStringLiteral("SELECT like_count FROM posts WHERE id = ?"), {post}), 0);
    QVERIFY(applier.apply({likeChange(Replica::cursor(db()) + 1, post, m_me, false, unlike->op)}).ok());
    QCOMPARE(scalar(db(), QStringLiteral("SELECT like_count FROM posts WHERE id = ?"), {post}), 0);
    QCOMPARE(Outbox::pendingCount(db()), 0);

    // A refused like is undone.
    auto refused = writer.setLiked(post, true);
    QCOMPARE(scalar(db(), QStringLiteral("SELECT like_count FROM posts WHERE id = ?"), {post}), 1);
    Outbox outbox(db());
    QVERIFY(outbox.fail(refused->op, QStringLiteral("no")).value());
    QCOMPARE(scalar(db(), QStringLiteral("SELECT like_count FROM posts WHERE id = ?"), {post}), 0);
}

void TestClientCache::timelineModelPagesAndRefreshesInPlace()
{
    ChangeApplier applier(db());
    const QString anna = ids::create();
    QList<Change> batch{userChange(1, anna, QStringLiteral("anna"), QStringLiteral("Anna de Vries"))};
    QStringList postIds;
    for (int i = 0; i < 120; ++i) {
        postIds.append(ids::create());
        batch.append(postChange(2 + i, postIds.last(), anna, QStringLiteral("post %1").arg(i), 1000 + i));
    }
    QVERIFY(applier.apply(batch).ok());
    signInAs(m_me);

    const QString reader = Replica::uniqueConnectionName(QStringLiteral("reader"));
    {
        auto ro = Replica::open(m_path, reader, Replica::Access::ReadOnly);
        QVERIFY(ro.ok());
        TimelineModel model(ro.value());
        QCOMPARE(model.rowCount(), CacheListModel::PageSize);
        QVERIFY(model.canFetchMore({}));
        QCOMPARE(model.index(0).data(TextRole).toString(), QStringLiteral("post 119"));
        QCOMPARE(model.index(0).data(Qt::DisplayRole).toString(), QStringLiteral("post 119"));
        QCOMPARE(model.index(0).data(AuthorNameRole).toString(), QStringLiteral("Anna de Vries"));
        QCOMPARE(model.index(0).data(AuthorInitialsRole).toString(), QStringLiteral("AV"));
        QCOMPARE(model.index(0).data(AuthorIdRole).toString(), anna);
        QCOMPARE(model.index(0).data(IdRole).toString(), postIds.last());
        QCOMPARE(model.index(0).data(CreatedRole).toDateTime().toMSecsSinceEpoch(), 1119);
        QCOMPARE(model.index(0).data(StateRole).value<ItemState>(), ItemState::Sent);
        QCOMPARE(model.index(0).data(LikeCountRole).toInt(), 0);
        QCOMPARE(model.index(0).data(LikedByMeRole).toBool(), false);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 100);
        // From here on the tester checks every change (it also fetches more by itself).
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 120);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.index(119).data(TextRole).toString(), QStringLiteral("post 0"));

        // New posts on top and a like further down: rows go in and change, no reset.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QString fresh = ids::create();
        QVERIFY(applier.apply({postChange(Replica::cursor(db()) + 1, fresh, anna, QStringLiteral("nieuw"), 5000),
                               likeChange(Replica::cursor(db()) + 2, postIds.at(60), m_me, true)})
                    .ok());
        model.refresh();
        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(model.rowCount(), 121);
        QCOMPARE(model.index(0).data(IdRole).toString(), fresh);
        const int liked = model.rowOf(postIds.at(60));
        QCOMPARE(liked, 120 - 60);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), liked);
        QCOMPARE(model.index(liked).data(LikeCountRole).toInt(), 1);
        QCOMPARE(model.index(liked).data(LikedByMeRole).toBool(), true);

        // A pending post of mine shows as pending, then moves to the server's time when settled.
        LocalWriter writer(db());
        auto mine = writer.createPost(QStringLiteral("van mij"));
        QVERIFY(mine.ok());
        model.refresh();
        QCOMPARE(model.index(0).data(IdRole).toString(), mine->id);
        QCOMPARE(model.index(0).data(StateRole).value<ItemState>(), ItemState::Pending);
        QCOMPARE(model.index(0).data(StateRole).toInt(), int(ItemState::Pending));
        QCOMPARE(model.index(0).data(AuthorNameRole).toString(), QStringLiteral("Me Myself"));
        QVERIFY(applier.apply({postChange(Replica::cursor(db()) + 1, mine->id, m_me, QStringLiteral("van mij"),
                                          6000, mine->op)})
                    .ok());
        model.refresh();
        QCOMPARE(model.rowCount(), 122);
        QCOMPARE(model.index(0).data(IdRole).toString(), mine->id);
        QCOMPARE(model.index(0).data(StateRole).value<ItemState>(), ItemState::Sent);

        // Many new rows at once: one reset back to the first page.
        QList<Change> flood;
        for (int i = 0; i < 1200; ++i)
            flood.append(postChange(Replica::cursor(db()) + 1 + i, ids::create(), anna, QStringLiteral("f"), 10000 + i));
        QVERIFY(applier.apply(flood).ok());
        model.refresh();
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), CacheListModel::PageSize);
        QVERIFY(model.canFetchMore({}));
    }
    Replica::close(reader);
}

void TestClientCache::commentsModelPagesAndAppends()
{
    ChangeApplier applier(db());
    const QString anna = ids::create(), post = ids::create(), other = ids::create();
    QList<Change> batch{userChange(1, anna, QStringLiteral("anna"), QStringLiteral("Anna")),
                        postChange(2, post, anna, QStringLiteral("een"), 1000),
                        postChange(3, other, anna, QStringLiteral("twee"), 1001)};
    for (int i = 0; i < 70; ++i)
        batch.append(commentChange(4 + i, ids::create(), post, anna, 2000 + i));
    batch.append(commentChange(80, ids::create(), other, anna, 2000));
    QVERIFY(applier.apply(batch).ok());
    signInAs(m_me);

    const QString reader = Replica::uniqueConnectionName(QStringLiteral("reader"));
    {
        auto ro = Replica::open(m_path, reader, Replica::Access::ReadOnly);
        QVERIFY(ro.ok());
        CommentsModel model(ro.value());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        // The tester asks for more on every change; a model in the middle of one says no.
        QVERIFY(!model.canFetchMore({}));
        model.setPost(post);
        QCOMPARE(model.rowCount(), CacheListModel::PageSize);
        QCOMPARE(model.index(0).data(CreatedRole).toDateTime().toMSecsSinceEpoch(), 2000);  // oldest first
        QVERIFY(!model.index(0).data(LikeCountRole).isValid());
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 70);
        QVERIFY(!model.canFetchMore({}));

        // Everything is loaded, so a new comment shows up at the end.
        LocalWriter writer(db());
        auto mine = writer.addComment(post, QStringLiteral("ik ook"));
        QVERIFY(mine.ok());
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.refresh();
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.rowCount(), 71);
        QCOMPARE(model.index(70).data(IdRole).toString(), mine->id);
        QCOMPARE(model.index(70).data(StateRole).value<ItemState>(), ItemState::Pending);

        model.setPost(other);
        QCOMPARE(model.rowCount(), 1);
        model.setPost({});
        QCOMPARE(model.rowCount(), 0);
    }
    Replica::close(reader);
}

void TestClientCache::modelQueriesUseIndexes()
{
    ChangeApplier applier(db());
    const QString anna = ids::create(), post = ids::create();
    QList<Change> batch{userChange(1, anna, QStringLiteral("anna"), QStringLiteral("Anna")),
                        postChange(2, post, anna, QStringLiteral("een"), 1000)};
    for (int i = 0; i < 60; ++i) {
        batch.append(postChange(3 + 2 * i, ids::create(), anna, QStringLiteral("p"), 1001 + i));
        batch.append(commentChange(4 + 2 * i, ids::create(), post, anna, 2000 + i));
    }
    QVERIFY(applier.apply(batch).ok());
    const QString reader = Replica::uniqueConnectionName(QStringLiteral("reader"));
    {
        auto ro = Replica::open(m_path, reader, Replica::Access::ReadOnly);
        QVERIFY(ro.ok());
        TimelineModel timeline(ro.value());
        CommentsModel comments(ro.value());
        comments.setPost(post);
        for (CacheListModel *model : {static_cast<CacheListModel *>(&timeline), static_cast<CacheListModel *>(&comments)}) {
            model->refresh();  // the window query, while more rows are left
            model->fetchMore({});
            const QStringList queries = model->queriesRun();
            QVERIFY(queries.size() >= 3);  // first page, next page, window (and the current user)
            for (const QString &sql : queries) {
                QSqlQuery plan(ro.value());
                QVERIFY(plan.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + sql));
                const int params = int(sql.count(QLatin1Char('?')));
                for (int i = 0; i < params; ++i)
                    plan.bindValue(i, i == params - 1 ? QVariant(50) : QVariant(QStringLiteral("x")));
                QVERIFY2(plan.exec(), qPrintable(plan.lastError().text()));
                QStringList details;
                while (plan.next())
                    details.append(plan.value(3).toString());
                const QString text = details.join(QLatin1String(" | "));
                for (const QString &d : details)
                    QVERIFY2(!d.startsWith(QLatin1String("SCAN")) || d.contains(QLatin1String("USING")),
                             qPrintable(sql + QLatin1String(" -> ") + text));
                QVERIFY2(!text.contains(QLatin1String("TEMP B-TREE")), qPrintable(sql + QLatin1String(" -> ") + text));
            }
        }
    }
    Replica::close(reader);
}

void TestClientCache::sessionWritesShowAtOnceAndSurviveARestart()
{
    const QString profile = m_dir->filePath(QStringLiteral("profile"));
    const QUrl server(QStringLiteral("ws://127.0.0.1:9"));  // nothing listens: offline throughout
    // Sign-in happened in an earlier run: the replica knows the user.
    const QString prior = Replica::uniqueConnectionName(QStringLiteral("prior"));
    {
        auto seeded = Replica::open(Replica::pathFor(profile, server, QStringLiteral("me")), prior,
                                    Replica::Access::ReadWrite);
        QVERIFY(seeded.ok());
        QVERIFY(ChangeApplier(seeded.value())
                    .apply({userChange(1, m_me, QStringLiteral("me"), QStringLiteral("Me Myself"))})
                    .ok());
        QVERIFY(Replica::setMeta(seeded.value(), QLatin1String(metakey::UserId), m_me));
    }
    Replica::close(prior);

    QString postId;
    {
        Session session(profile);
        QString error;
        QVERIFY2(session.openAccount(server, QStringLiteral("me"), &error), qPrintable(error));
        QCOMPARE(session.connectionState(), Session::ConnectionState::Offline);
        QCOMPARE(session.currentUser().displayName, QStringLiteral("Me Myself"));
        QCOMPARE(session.cursor(), 1);
        QSignalSpy pending(&session, &Session::pendingCountChanged);
        QSignalSpy changed(&session, &Session::cacheChanged);
        postId = session.createPost(QStringLiteral("offline geschreven"), &error);
        QVERIFY2(!postId.isEmpty(), qPrintable(error));
        // Shown at once, as pending, before any event loop turn.
        QCOMPARE(session.timelineModel()->rowCount(), 1);
        QCOMPARE(session.timelineModel()->index(0).data(IdRole).toString(), postId);
        QCOMPARE(session.timelineModel()->index(0).data(StateRole).value<ItemState>(), ItemState::Pending);
        QCOMPARE(session.pendingCount(), 1);
        QCOMPARE(pending.count(), 1);
        QCOMPARE(changed.count(), 1);
        QVERIFY(!session.addComment(postId, QStringLiteral("en een reactie"), &error).isEmpty());
        session.commentsModel()->setPost(postId);
        QCOMPARE(session.commentsModel()->rowCount(), 1);
        QCOMPARE(session.timelineModel()->index(0).data(CommentCountRole).toInt(), 1);
        session.setLiked(postId, true);
        QCOMPARE(session.timelineModel()->index(0).data(LikedByMeRole).toBool(), true);
        QCOMPARE(session.pendingCount(), 3);
        QVERIFY(session.createPost(QStringLiteral("   "), &error).isEmpty());
        QVERIFY(!error.isEmpty());
        QCOMPARE(session.pendingCount(), 3);
        // Trying to reach a server that is not there changes nothing in the replica.
        QSignalSpy unreachable(&session, &Session::connectionError);
        session.resume(QStringLiteral("token"));
        QVERIFY(unreachable.wait(5000));
        session.disconnectFromServer();
        QCOMPARE(session.pendingCount(), 3);
    }
    {
        Session session(profile);
        QVERIFY(session.openAccount(server, QStringLiteral("me")));
        QCOMPARE(session.timelineModel()->rowCount(), 1);
        QCOMPARE(session.timelineModel()->index(0).data(IdRole).toString(), postId);
        QCOMPARE(session.timelineModel()->index(0).data(StateRole).value<ItemState>(), ItemState::Pending);
        QCOMPARE(session.pendingCount(), 3);
    }
}

QTEST_GUILESS_MAIN(TestClientCache)
#include "TestClientCache.moc"
