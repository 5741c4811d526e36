// Search-as-you-type over the cached directory: a broad match walks the name index, a
// narrow one sorts its few matches (PeopleDirectory::search). Both plans must give exactly
// the order of the plain query, page after page, with the count in step.
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
    void bothPlansGiveTheSameOrder_data();
    void bothPlansGiveTheSameOrder();

private:
    QStringList reference(const QString &text) const;

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

QStringList TestPeopleSearch::reference(const QString &text) const
{
    QSqlQuery q(QSqlDatabase::database(m_conn));
    q.prepare(QStringLiteral("SELECT u.id FROM users u LEFT JOIN profiles p ON p.id = u.id"
                             " WHERE coalesce(p.active, 1) = 1 AND (? = '' OR u.rowid IN"
                             " (SELECT rowid FROM people_fts WHERE people_fts MATCH ?))"
                             " ORDER BY u.display_name COLLATE NOCASE, u.id"));
    const QString fts = text.isEmpty() ? QStringLiteral("") : PeopleDirectory::ftsQuery(text);
    q.addBindValue(fts);
    q.addBindValue(fts);
    QStringList ids;
    if (q.exec())
        while (q.next())
            ids.append(q.value(0).toString());
    return ids;
}

void TestPeopleSearch::bothPlansGiveTheSameOrder_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("broad");
    QTest::addRow("one letter") << QStringLiteral("d") << true;
    QTest::addRow("a skill most have") << QStringLiteral("sq") << true;
    QTest::addRow("a title") << QStringLiteral("analys") << false;
    QTest::addRow("a skill") << QStringLiteral("python") << false;
    QTest::addRow("two words") << QStringLiteral("priya bak") << false;
    QTest::addRow("nobody") << QStringLiteral("zzz") << false;
    QTest::addRow("everyone") << QString() << false;
}

void TestPeopleSearch::bothPlansGiveTheSameOrder()
{
    QFETCH(QString, text);
    QFETCH(bool, broad);
    PeopleDirectory dir(QSqlDatabase::database(m_conn));
    const QStringList expected = reference(text);
    PeopleDirectory::Filter f;
    f.text = text;
    QCOMPARE(dir.count(f), expected.size());
    if (!text.isEmpty())   // the plan is chosen for text only
        QCOMPARE(expected.size() > PeopleDirectory::BroadMatch, broad);
    // Page by page with the keyset, as the grid loads them.
    QStringList got;
    QString afterName, afterId;
    for (int page = 0; page < 1000; ++page) {
        const QList<PersonCard> cards = dir.search(f, afterName, afterId, 60);
        for (const PersonCard &c : cards)
            got.append(c.id);
        if (cards.size() < 60)
            break;
        afterName = cards.constLast().displayName;
        afterId = cards.constLast().id;
    }
    QCOMPARE(got, expected);
}

QTEST_GUILESS_MAIN(TestPeopleSearch)
#include "TestPeopleSearch.moc"
