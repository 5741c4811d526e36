// PostSearch: the FTS5 index follows the replica through inserts, edits and deletes made by
// the ChangeApplier, ranks with bm25, matches comments, ignores case and diacritics, treats
// any input as words (never as FTS5 syntax), and walks the index, not the tables.
#include "cache/ChangeApplier.h"
#include "cache/Replica.h"
#include "model/Ids.h"
#include "protocol/Messages.h"
#include "search/PostSearch.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace plein;
using namespace plein::client;
using protocol::Change;

class TestSearch : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void matchExpressionQuotesWords();
    void findsRanksAndFollowsChanges();
    void usesTheIndex();

private:
    QStringList ids(const QList<ItemRow> &rows) const;
    Change post(qint64 seq, const QString &id, const QString &text, bool deleted = false) const;
    static QString me() { return ids::derived(QStringLiteral("search-test-user")); }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_conn;
};

void TestSearch::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_conn = Replica::uniqueConnectionName(QStringLiteral("search"));
    auto db = Replica::open(m_dir->filePath(QStringLiteral("replica.sqlite")), m_conn, Replica::Access::ReadWrite);
    QVERIFY2(db.ok(), db.ok() ? "" : qPrintable(db.error().message));
    Replica::setMeta(db.value(), QLatin1String(metakey::UserId), me());
}

void TestSearch::cleanup()
{
    Replica::close(m_conn);
    m_dir.reset();
}

QStringList TestSearch::ids(const QList<ItemRow> &rows) const
{
    QStringList out;
    for (const ItemRow &r : rows)
        out.append(r.id);
    return out;
}

Change TestSearch::post(qint64 seq, const QString &id, const QString &text, bool deleted) const
{
    return Change{seq, QStringLiteral("post"), id, {}, deleted,
                  deleted ? QJsonObject() : protocol::encode(Post{id, me(), text, 1000 + seq})};
}

void TestSearch::matchExpressionQuotesWords()
{
    QCOMPARE(PostSearch::matchExpression(QStringLiteral("  koffie  machine ")), QStringLiteral("\"koffie\" \"machine\"*"));
    // Operators and quotes are separators, not syntax.
    QCOMPARE(PostSearch::matchExpression(QStringLiteral("a\" OR b* NEAR(")),
             QStringLiteral("\"a\" \"OR\" \"b\" \"NEAR\"*"));
    // A short last word is taken whole (a prefix of one to three letters matches too much).
    QCOMPARE(PostSearch::matchExpression(QStringLiteral("vergadering de")), QStringLiteral("\"vergadering\" \"de\""));
    QCOMPARE(PostSearch::matchExpression(QStringLiteral(" !? ")), QString());
}

void TestSearch::findsRanksAndFollowsChanges()
{
    QSqlDatabase db = QSqlDatabase::database(m_conn);
    ChangeApplier applier(db);
    const QString a = ids::create(), b = ids::create(), c = ids::create(), comment = ids::create();
    const auto applied = applier.apply({post(1, a, QStringLiteral("De koffie op de derde verdieping is weer gerepareerd.")),
                           post(2, b, QStringLiteral("Koffie, koffie en nog eens koffie: de koffieautomaat doet het.")),
                           post(3, c, QStringLiteral("Het café in de hal is open.")),
                           Change{4, QStringLiteral("comment"), comment, {}, false,
                                  protocol::encode(Comment{comment, c, me(),
                                                           QStringLiteral("Heeft het café ook koffie?"), 1100})}});
    QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));
    PostSearch search(db);
    // Every post that says koffie, and the one whose comment does; the densest first.
    QStringList found = ids(search.search(QStringLiteral("koffie")));
    QCOMPARE(found.size(), 3);
    QCOMPARE(found.first(), b);
    QVERIFY(found.contains(a) && found.contains(c));
    // Prefix as you type, case and diacritics ignored.
    QCOMPARE(ids(search.search(QStringLiteral("KOFFIEAUTO"))), QStringList{b});
    QCOMPARE(ids(search.search(QStringLiteral("cafe hal"))), QStringList{c});
    QCOMPARE(search.search(QStringLiteral("thee")).size(), 0);
    QCOMPARE(search.search(QStringLiteral("koffie"), 1).size(), 1);

    // An edit moves the index with it; a delete takes the post out.
    QVERIFY(applier.apply({post(5, a, QStringLiteral("De thee op de derde verdieping is op.")), post(6, b, {}, true)}).ok());
    QCOMPARE(ids(search.search(QStringLiteral("thee"))), QStringList{a});
    QCOMPARE(ids(search.search(QStringLiteral("koffie"))), QStringList{c});   // by its comment
    QCOMPARE(search.search(QStringLiteral("koffieautomaat")).size(), 0);
    // The index agrees with the table (FTS5's own consistency check).
    QSqlQuery check(db);
    QVERIFY(check.exec(QStringLiteral("INSERT INTO posts_fts (posts_fts) VALUES ('integrity-check')")));
    QVERIFY(check.exec(QStringLiteral("INSERT INTO comments_fts (comments_fts) VALUES ('integrity-check')")));
}

void TestSearch::usesTheIndex()
{
    QSqlDatabase db = QSqlDatabase::database(m_conn);
    QSqlQuery q(db);
    QVERIFY2(q.exec(QStringLiteral("EXPLAIN QUERY PLAN ") + PostSearch::sql().replace(QLatin1Char('?'), QStringLiteral("'1'"))),
             qPrintable(q.lastError().text()));
    QStringList plan;
    while (q.next())
        plan.append(q.value(3).toString());
    const QString all = plan.join(QLatin1Char('\n'));
    QVERIFY2(all.contains(QLatin1String("VIRTUAL TABLE INDEX")), qPrintable(all));
    // Tables are only looked up by key; the scans are of the FTS index and of the hit lists.
    for (const QString &step : std::as_const(plan)) {
        if (step.startsWith(QLatin1String("SCAN ")))
            QVERIFY2(step.contains(QLatin1String("VIRTUAL TABLE")) || step.contains(QLatin1String("subquery"))
                         || step == QLatin1String("SCAN h"),
                     qPrintable(all));
    }
}

QTEST_GUILESS_MAIN(TestSearch)
#include "TestSearch.moc"
