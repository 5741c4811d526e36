// Replica migration 9: posts, group posts and blog pages cached before the hashtag index
// existed (replica migration 8) are indexed when the replica opens, by the same rule the
// live path uses, so the hashtag view finds them offline. A real SQLite file, no server.
#include "cache/Replica.h"
#include "models/Roles.h"
#include "posts/ContentModel.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace plein;
using namespace plein::client;

namespace {

bool run(const QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (q.exec())
        return true;
    qWarning() << sql << q.lastError().text();
    return false;
}

qint64 scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

QStringList ids(ContentModel &m)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out.append(m.index(r).data(IdRole).toString());
    return out;
}

} // namespace

class TestReplicaTags : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void oldReplicaIsIndexedOnOpen();

private:
    // A replica as a client before migration 9 left it: rows cached, the index empty (they
    // arrived before migration 8 made it), the schema at 8.
    void makeOldReplica(const QString &path);
};

void TestReplicaTags::makeOldReplica(const QString &path)
{
    const QString conn = Replica::uniqueConnectionName(QStringLiteral("old"));
    {
        auto opened = Replica::open(path, conn, Replica::Access::ReadWrite);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        const QSqlDatabase db = opened.value();
        QVERIFY(run(db, QStringLiteral("INSERT INTO users (id, name, display_name, role)"
                                       " VALUES ('u1', 'anna', 'Anna de Vries', 'employee')")));
        QVERIFY(run(db, QStringLiteral("INSERT INTO groups (id, name, kind, visibility, creator, created, scope)"
                                       " VALUES ('g1', 'Hardloopclub', 'interest', 'open', 'u1', 1, NULL)")));
        const QString post =
            QStringLiteral("INSERT INTO posts (id, author_id, text, created, deleted) VALUES (?, 'u1', ?, ?, ?)");
        QVERIFY(run(db, post, {QStringLiteral("p1"), QStringLiteral("Lunch loop at noon #Hardlopen #plein"), 100, 0}));
        QVERIFY(run(db, post, {QStringLiteral("p2"), QStringLiteral("No tag here, just 5# and a#b"), 200, 0}));
        QVERIFY(run(db, post, {QStringLiteral("p3"), QStringLiteral("#hardlopen"), 300, 1}));   // deleted
        QVERIFY(run(db, QStringLiteral("INSERT INTO group_posts (id, scope, group_id, author_id, text, created)"
                                       " VALUES ('gp1', 'group:g1', 'g1', 'u1', '10 km along the river. #hardlopen',"
                                       " 400)")));
        QVERIFY(run(db, QStringLiteral("INSERT INTO blog_pages (id, scope, group_id, author_id, title, text, created)"
                                       " VALUES ('b1', NULL, '', 'u1', 'Why #Plein', 'A page.', 500)")));
        QVERIFY(run(db, QStringLiteral("DELETE FROM hashtags")));
        QVERIFY(run(db, QStringLiteral("PRAGMA user_version = 8")));
        QCOMPARE(Replica::schemaVersion(db), 8);
    }
    Replica::close(conn);
}

void TestReplicaTags::oldReplicaIsIndexedOnOpen()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("replica.sqlite"));
    makeOldReplica(path);
    if (QTest::currentTestFailed())
        return;

    // Opening it migrates it and fills the index.
    const QString conn = Replica::uniqueConnectionName(QStringLiteral("new"));
    {
        auto opened = Replica::open(path, conn, Replica::Access::ReadWrite);
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        const QSqlDatabase db = opened.value();
        QVERIFY(Replica::latestVersion() >= 9);
        QCOMPARE(Replica::schemaVersion(db), Replica::latestVersion());
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM hashtags")), 4);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM hashtags WHERE item_id IN ('p2', 'p3')")), 0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM hashtags WHERE item_id = 'gp1'"
                                           " AND kind = 'group_post' AND scope = 'group:g1' AND created = 400")),
                 1);
        // The hashtag view finds them, newest first, whatever case they were written in.
        ContentModel tagged(db, ContentModel::Mode::Tagged);
        tagged.setKey(QStringLiteral("hardlopen"));
        QTRY_COMPARE(ids(tagged), QStringList({QStringLiteral("gp1"), QStringLiteral("p1")}));
        tagged.setKey(QStringLiteral("plein"));
        QTRY_COMPARE(ids(tagged), QStringList({QStringLiteral("b1"), QStringLiteral("p1")}));
    }
    Replica::close(conn);

    // Opening again migrates nothing and changes nothing.
    const QString again = Replica::uniqueConnectionName(QStringLiteral("again"));
    {
        auto reopened = Replica::open(path, again, Replica::Access::ReadWrite);
        QVERIFY(reopened.ok());
        QCOMPARE(scalar(reopened.value(), QStringLiteral("SELECT count(*) FROM hashtags")), 4);
    }
    Replica::close(again);
}

QTEST_GUILESS_MAIN(TestReplicaTags)
#include "TestReplicaTags.moc"
