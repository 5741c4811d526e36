// Search-as-you-type over the cached directory: many matches walk the name index (up to a
// cap, then sort when they cluster further on), few are sorted at once
// (PeopleDirectory::search). Every plan must give exactly the order of the plain query,
// page after page, with the count in step.
#include "cache/ChangeApplier.h"
#include "cache/Replica.h"
#include "model/Ids.h"
#include "people/PeopleDirectory.h"
#include "protocol/Messages.h"
#include "protocol/PeopleMessages.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace plein;
using namespace plein::client;

class TestPeopleSearch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyPlanGivesTheSameOrder_data();
    void everyPlanGivesTheSameOrder();

private:
    QStringList reference(const PeopleDirectory::Filter &f) const;

    QTemporaryDir m_dir;
    QString m_conn;
};

void TestPeopleSearch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_conn = Replica::uniqueConnectionName(QStringLiteral("people-search"));
    auto db = Replica::open(m_dir.filePath(QStringLiteral("replica.sqlite")), m_conn, Replica::Access::ReadWrite);
    QVERIFY(db);
    const char *const first[] = {"Anna", "Bram", "Cees", "Daan", "Eva", "Femke", "Priya", "Ruben", "Sanne", "Thijs"};
    const char *const last[] = {"de Vries", "Jansen", "Bakker", "Visser", "Smit", "de Boer", "Dekker"};
    const char *const titles[] = {"Developer", "Controller", "Designer", "Analyst", "Advisor"};
    QRandomGenerator rng(99);
    QList<protocol::Change> batch;
    qint64 seq = 0;
    for (int i = 0; i < 8000; ++i) {
        const QString id = ids::derived(QStringLiteral("search:%1").arg(i));
        // Many equal names, so the id breaks ties across page boundaries.
        const Person u{id, QStringLiteral("u%1").arg(i),
                       QStringLiteral("%1 %2").arg(QLatin1String(first[rng.bounded(10)]), QLatin1String(last[rng.bounded(7)])),
                       QStringLiteral("employee"), i % 3 ? QStringLiteral("IT") : QStringLiteral("Sales"),
                       QLatin1String(titles[rng.bounded(5)])};
        batch.append({++seq, QStringLiteral("user"), id, {}, false, protocol::encode(u)});
        protocol::Profile p;
        p.id = id;
        p.location = QStringLiteral("Utrecht");
        p.skills = {i % 4 ? QStringLiteral("sql") : QStringLiteral("python")};
        p.active = i % 50 != 7;   // a few leavers, never found
        batch.append({++seq, QStringLiteral("profile"), id, {}, false, protocol::encode(p)});
    }
    ChangeApplier applier(db.value());
    QVERIFY(applier.apply(batch));
}

void TestPeopleSearch::cleanupTestCase()
{
    Replica::close(m_conn);
}

QStringList TestPeopleSearch::reference(const PeopleDirectory::Filter &f) const
{
    QSqlQuery q(QSqlDatabase::database(m_conn));
    q.prepare(QStringLiteral("SELECT u.id FROM users u LEFT JOIN profiles p ON p.id = u.id"
                             " WHERE coalesce(p.active, 1) = 1 AND (? = '' OR u.rowid IN"
                             " (SELECT rowid FROM people_fts WHERE people_fts MATCH ?))"
                             " AND (? = '' OR u.department = ?) AND (? = '' OR p.location = ?)"
                             " ORDER BY u.display_name COLLATE NOCASE, u.id"));
    const QString fts = f.text.isEmpty() ? QStringLiteral("") : PeopleDirectory::ftsQuery(f.text);
    const QString department = f.department.isEmpty() ? QStringLiteral("") : f.department;
    const QString location = f.location.isEmpty() ? QStringLiteral("") : f.location;
    for (const QString &v : {fts, fts, department, department, location, location})
        q.addBindValue(v);
    QStringList ids;
    if (q.exec())
        while (q.next())
            ids.append(q.value(0).toString());
    return ids;
}

using Plan = PeopleDirectory::Plan;

void TestPeopleSearch::everyPlanGivesTheSameOrder_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("department");
    QTest::addColumn<QString>("location");
    QTest::addColumn<Plan>("plan");   // of the first page
    const QString none;
    QTest::addRow("one letter") << QStringLiteral("d") << none << none << Plan::Walk;
    QTest::addRow("a skill most have") << QStringLiteral("sq") << none << none << Plan::Walk;
    QTest::addRow("a title") << QStringLiteral("analys") << none << none << Plan::Walk;
    QTest::addRow("a skill") << QStringLiteral("python") << none << none << Plan::Walk;
    // A first name: its 800 people sit together far down the alphabet; few enough to sort.
    QTest::addRow("a first name") << QStringLiteral("priya") << none << none << Plan::Sort;
    QTest::addRow("two words") << QStringLiteral("priya bak") << none << none << Plan::Sort;
    QTest::addRow("nobody") << QStringLiteral("zzz") << none << none << Plan::Nobody;
    QTest::addRow("everyone") << none << none << none << Plan::Everyone;
    QTest::addRow("a department") << none << QStringLiteral("Sales") << none << Plan::Everyone;
    QTest::addRow("text and department") << QStringLiteral("sq") << QStringLiteral("Sales") << none << Plan::Walk;
    QTest::addRow("a name and department") << QStringLiteral("priya") << QStringLiteral("Sales") << none
                                           << Plan::Sort;
    QTest::addRow("few, and a department") << QStringLiteral("priya bak") << QStringLiteral("IT") << none << Plan::Sort;
    QTest::addRow("text and location") << QStringLiteral("analys") << none << QStringLiteral("Utrecht") << Plan::Walk;
    // Nobody there: the walk finds no page, the sort finds nobody either.
    QTest::addRow("text and another location") << QStringLiteral("analys") << none << QStringLiteral("Zwolle")
                                               << Plan::WalkThenSort;
}

void TestPeopleSearch::everyPlanGivesTheSameOrder()
{
    QFETCH(QString, text);
    QFETCH(QString, department);
    QFETCH(QString, location);
    QFETCH(Plan, plan);
    PeopleDirectory dir(QSqlDatabase::database(m_conn));
    PeopleDirectory::Filter f{text, department, location};
    const QStringList expected = reference(f);
    QCOMPARE(dir.count(f), expected.size());
    // Page by page with the keyset, as the grid loads them.
    QStringList got;
    QString afterName, afterId;
    for (int page = 0; page < 1000; ++page) {
        const QList<PersonCard> cards = dir.search(f, afterName, afterId, 60);
        if (page == 0)
            QCOMPARE(dir.lastPlan(), plan);
        for (const PersonCard &c : cards)
            got.append(c.id);
        if (cards.size() < 60)
            break;
        afterName = cards.constLast().displayName;
        afterId = cards.constLast().id;
    }
    QCOMPARE(got, expected);
    // The count is kept between the page and the total; a change to the replica must
    // still show.
    if (!text.isEmpty() && department.isEmpty() && location.isEmpty() && !expected.isEmpty()) {
        QSqlQuery q(QSqlDatabase::database(m_conn));
        QVERIFY(q.exec(QStringLiteral("UPDATE profiles SET active = 0 WHERE id = '%1'").arg(expected.constFirst())));
        QCOMPARE(dir.count(f), expected.size() - 1);
        QVERIFY(q.exec(QStringLiteral("UPDATE profiles SET active = 1 WHERE id = '%1'").arg(expected.constFirst())));
        QCOMPARE(dir.count(f), expected.size());
    }
}

QTEST_GUILESS_MAIN(TestPeopleSearch)
#include "TestPeopleSearch.moc"
