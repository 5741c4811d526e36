// `plein-server directory import` as a process on a real data dir: a good file, bad rows
// with line numbers, a file that fails as a whole, the same file twice, people missing
// from a later file (reported; deactivated only with the flag), managers set; and
// `user set-password`, which lets an imported person sign in for the first time; and the
// directory that `seed` makes (profiles, org chart, portraits, endorsements).
#include "Backend.h"
#include "ServerProcess.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace plein;
using namespace plein::server;

class TestDirectoryImport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void goodFileTwice();
    void badRowsAreReportedAndSkipped();
    void wholeFileFailureChangesNothing_data();
    void wholeFileFailureChangesNothing();
    void missingPeople();
    void adminSetsPassword();
    void seedFillsACoherentDirectory();

private:
    QString write(const QString &name, const QByteArray &csv);
    int import(const QString &file, const QStringList &extra = {}, QByteArray *out = nullptr);
    qint64 head();
    QString userId(const QString &name);

    std::unique_ptr<QTemporaryDir> m_files;
    std::unique_ptr<plein::test::ServerProcess> m_server;   // only for its data dir and runCommand
};

namespace {
const QByteArray Good = "employee_id,name,display_name,email,title,department,location,manager_id,phone,start_date\n"
                        "E1,anna,Anna de Vries,anna@example.org,Director,Board,Utrecht,,+31 6 1,2019-01-01\n"
                        "E2,bram,Bram Jansen,bram@example.org,CFO,Finance,Utrecht,E1,,2020-02-03\n"
                        "E3,cees,\"Cees \"\"CJ\"\" de Boer\",,Controller,Finance,Amsterdam,E2,,2024-11-01\n";
}

void TestDirectoryImport::init()
{
    m_files = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<plein::test::ServerProcess>();
    QVERIFY(!plein::test::ServerProcess::serverBinary().isEmpty());
}

QString TestDirectoryImport::write(const QString &name, const QByteArray &csv)
{
    const QString path = m_files->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(csv) != csv.size())
        return {};
    return path;
}

int TestDirectoryImport::import(const QString &file, const QStringList &extra, QByteArray *out)
{
    return m_server->runCommand(QStringList{QStringLiteral("directory"), QStringLiteral("import"), file} + extra, {}, out);
}

qint64 TestDirectoryImport::head()
{
    Backend b(QStringLiteral("import-check"));
    if (!b.open(m_server->dataDir()))
        return -1;
    return b.log.head();
}

QString TestDirectoryImport::userId(const QString &name)
{
    Backend b(QStringLiteral("import-check"));
    if (!b.open(m_server->dataDir()))
        return {};
    const auto u = b.users.byName(name);
    return u ? u->person.id : QString();
}

void TestDirectoryImport::goodFileTwice()
{
    const QString file = write(QStringLiteral("good.csv"), Good);
    QByteArray out;
    QCOMPARE(import(file, {}, &out), 0);
    QVERIFY2(out.contains("3 created"), out.constData());
    const qint64 after = head();
    QVERIFY(after > 0);
    {
        Backend b(QStringLiteral("import-check"));
        QVERIFY(b.open(m_server->dataDir()));
        const auto cees = b.users.byName(QStringLiteral("cees"));
        QVERIFY(cees);
        QCOMPARE(cees->person.displayName, QStringLiteral("Cees \"CJ\" de Boer"));
        QCOMPARE(cees->person.department, QStringLiteral("Finance"));
        const auto p = b.people.profile(cees->person.id);
        QVERIFY(p);
        QCOMPARE(p->manager, b.users.byName(QStringLiteral("bram"))->person.id);
        QCOMPARE(p->location, QStringLiteral("Amsterdam"));
        QCOMPARE(p->startDate, QStringLiteral("2024-11-01"));
        // Imported people cannot sign in until an admin sets a password.
        QCOMPARE(b.auth.login(QStringLiteral("cees"), QStringLiteral("anything"), {}).error().code,
                 QStringLiteral("auth_failed"));
    }
    // The same file again changes nothing: not a single change is logged.
    QCOMPARE(import(file, {}, &out), 0);
    QVERIFY2(out.contains("0 created, 0 updated, 3 unchanged"), out.constData());
    QCOMPARE(head(), after);
    // One changed field is one update.
    QByteArray changed = Good;
    changed.replace("Controller", "Senior controller");
    QCOMPARE(import(write(QStringLiteral("changed.csv"), changed), {}, &out), 0);
    QVERIFY2(out.contains("1 updated, 2 unchanged"), out.constData());
    QVERIFY(head() > after);
}

void TestDirectoryImport::badRowsAreReportedAndSkipped()
{
    const QByteArray csv = Good
                           + "E4,BAD NAME,Someone,,,,,,,\n"
                             "E5,dirk,Dirk,,,,,E99,,\n"
                             "E6,eva,Eva,,,,,,,2020-13-01\n"
                             "E2,bram2,Duplicate,,,,,,,\n"
                             "E7,fenna,Fenna,,,,,,\n"
                             "E8,gijs,Gijs,not-an-address,,,,,,\n";
    QByteArray out;
    QCOMPARE(import(write(QStringLiteral("bad.csv"), csv), {}, &out), 3);
    const QString text = QString::fromUtf8(out);
    QVERIFY2(text.contains(QLatin1String("line 5: name 'bad name'")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("line 6: manager_id E99")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("line 7: start_date")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("line 8: employee_id E2 is already on line 3")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("line 9: has 9 fields")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("line 10: email")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("3 created")), qPrintable(text));
    QVERIFY(!userId(QStringLiteral("anna")).isEmpty());
    QVERIFY(userId(QStringLiteral("dirk")).isEmpty());
}

void TestDirectoryImport::wholeFileFailureChangesNothing_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("why");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("empty");
    QTest::newRow("header only") << QByteArray("employee_id,name,display_name\n") << QStringLiteral("no people");
    QTest::newRow("missing column") << QByteArray("employee_id,name\nE1,anna\n") << QStringLiteral("'display_name' is required");
    QTest::newRow("unknown column") << QByteArray("employee_id,name,display_name,shoe_size\nE1,anna,Anna,42\n")
                                    << QStringLiteral("unknown column 'shoe_size'");
    QTest::newRow("not utf-8") << QByteArray("employee_id,name,display_name\nE1,anna,Ann\xe9\n") << QStringLiteral("UTF-8");
    QTest::newRow("manager loop")
        << QByteArray("employee_id,name,display_name,manager_id\nE1,anna,Anna,E2\nE2,bram,Bram,E1\n")
        << QStringLiteral("lead back");
    QTest::newRow("open quote") << QByteArray("employee_id,name,display_name\nE1,anna,\"Anna\n") << QStringLiteral("never closed");
}

void TestDirectoryImport::wholeFileFailureChangesNothing()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, why);
    const qint64 before = head();
    QByteArray err;
    const int rc = m_server->runCommand({QStringLiteral("directory"), QStringLiteral("import"),
                                         write(QStringLiteral("whole.csv"), csv)},
                                        {}, nullptr, &err);
    QCOMPARE(rc, 1);
    QVERIFY2(QString::fromUtf8(err).contains(why), err.constData());
    QCOMPARE(head(), before);
    QVERIFY(userId(QStringLiteral("anna")).isEmpty());
}

void TestDirectoryImport::missingPeople()
{
    QCOMPARE(import(write(QStringLiteral("good.csv"), Good)), 0);
    const QByteArray onlyAnna = "employee_id,name,display_name\nE1,anna,Anna de Vries\n";
    QByteArray out;
    // Reported, not deactivated.
    QCOMPARE(import(write(QStringLiteral("anna.csv"), onlyAnna), {}, &out), 0);
    QVERIFY2(out.contains("missing E2 bram") && out.contains("missing E3 cees") && out.contains("0 deactivated"),
             out.constData());
    {
        Backend b(QStringLiteral("import-check"));
        QVERIFY(b.open(m_server->dataDir()));
        QVERIFY(b.users.byName(QStringLiteral("bram"))->active);
    }
    // With the flag they are deactivated (and their sessions revoked).
    QCOMPARE(import(write(QStringLiteral("anna.csv"), onlyAnna), {QStringLiteral("--deactivate-missing")}, &out), 0);
    QVERIFY2(out.contains("deactivated E2 bram") && out.contains("2 deactivated"), out.constData());
    Backend b(QStringLiteral("import-check"));
    QVERIFY(b.open(m_server->dataDir()));
    QVERIFY(!b.users.byName(QStringLiteral("bram"))->active);
    QVERIFY(b.users.byName(QStringLiteral("anna"))->active);
}

void TestDirectoryImport::adminSetsPassword()
{
    QCOMPARE(import(write(QStringLiteral("good.csv"), Good)), 0);
    QByteArray out, err;
    const auto setPassword = [this, &err](const QString &name, const QByteArray &stdinData, QByteArray *out) {
        return m_server->runCommand({QStringLiteral("user"), QStringLiteral("set-password"), name}, stdinData, out, &err);
    };
    // Bad input: an unknown name, an empty password; nothing changes.
    QVERIFY(setPassword(QStringLiteral("nobody"), "secret-1\n", &out) != 0);
    QVERIFY2(err.contains("no user named 'nobody'"), err.constData());
    QVERIFY(setPassword(QStringLiteral("cees"), "\n", &out) != 0);
    QVERIFY2(err.contains("must not be empty"), err.constData());
    const QByteArray tooLong = QByteArray(2000, 'x') + "\n";
    QVERIFY(setPassword(QStringLiteral("cees"), tooLong, &out) != 0);
    QVERIFY2(err.contains("limited to"), err.constData());
    {
        Backend b(QStringLiteral("import-check"));
        QVERIFY(b.open(m_server->dataDir()));
        QCOMPARE(b.auth.login(QStringLiteral("cees"), QString(), {}).error().code, QStringLiteral("auth_failed"));
    }
    // The password from standard input (one line ending dropped): Cees can sign in with it.
    QCOMPARE(setPassword(QStringLiteral("cees"), "eerste-dag-2024\n", &out), 0);
    QVERIFY2(out.contains("password set for cees"), out.constData());
    QString token;
    {
        Backend b(QStringLiteral("import-check"));
        QVERIFY(b.open(m_server->dataDir()));
        QCOMPARE(b.auth.login(QStringLiteral("cees"), QStringLiteral("eerste-dag-2024\n"), {}).error().code,
                 QStringLiteral("auth_failed"));
        auto in = b.auth.login(QStringLiteral("cees"), QStringLiteral("eerste-dag-2024"), QStringLiteral("laptop"));
        QVERIFY2(in, qPrintable(in ? QString() : in.error().message));
        token = in->token;
    }
    // A reset: the new password works, the old one and the old session do not.
    QCOMPARE(setPassword(QStringLiteral("cees"), "tweede-wachtwoord", &out), 0);
    QVERIFY2(out.contains("1 session(s) signed out"), out.constData());
    Backend b(QStringLiteral("import-check"));
    QVERIFY(b.open(m_server->dataDir()));
    QVERIFY(!b.auth.login(QStringLiteral("cees"), QStringLiteral("eerste-dag-2024"), {}));
    QVERIFY(b.auth.login(QStringLiteral("cees"), QStringLiteral("tweede-wachtwoord"), {}));
    QVERIFY(!b.auth.resume(token));
}

void TestDirectoryImport::seedFillsACoherentDirectory()
{
    QByteArray out, err;
    QCOMPARE(m_server->runCommand({QStringLiteral("seed"), QStringLiteral("--people"), QStringLiteral("300"),
                                   QStringLiteral("--posts"), QStringLiteral("10")},
                                  {}, &out, &err),
             0);
    QVERIFY2(out.contains("directory: 300 profiles"), out.constData());
    Backend b(QStringLiteral("seed-check"));
    QVERIFY(b.open(m_server->dataDir()));
    const auto scalar = [&b](const QString &sql) {
        QSqlQuery q(b.db.handle());
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    };
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM profiles")), 300);
    // Every field is filled for everyone.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM profiles WHERE phone = '' OR bio = '' OR location = ''"
                                   " OR start_date = '' OR skills = '' OR languages = '' OR email = ''")),
             0);
    // One top; every other manager exists, and managers sit in the same department or lead it.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM profiles WHERE manager = ''")), 1);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM profiles p LEFT JOIN users m ON m.id = p.manager"
                                   " WHERE p.manager <> '' AND m.id IS NULL")),
             0);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM profiles p JOIN users u ON u.id = p.user_id"
                                   " JOIN users m ON m.id = p.manager JOIN profiles mp ON mp.user_id = m.id"
                                   " WHERE u.department <> m.department AND mp.manager <> ''")),
             0);
    // No loops: every chain reaches the top within a few steps.
    QCOMPARE(scalar(QStringLiteral(
                 "WITH RECURSIVE up(id, manager, depth) AS (SELECT user_id, manager, 0 FROM profiles"
                 " UNION ALL SELECT up.id, p.manager, up.depth + 1 FROM up JOIN profiles p ON p.user_id = up.manager"
                 " WHERE up.depth < 20) SELECT count(*) FROM (SELECT id FROM up GROUP BY id HAVING min(manager) <> '')")),
             0);
    // Portraits: a few dozen distinct ones, shown by most people, all stored.
    const qint64 distinct = scalar(QStringLiteral("SELECT count(DISTINCT photo) FROM profiles WHERE photo <> ''"));
    QVERIFY(distinct > 10 && distinct <= 48);
    const qint64 shown = scalar(QStringLiteral("SELECT count(*) FROM profiles WHERE photo <> ''"));
    QVERIFY2(shown > 150 && shown < 270, qPrintable(QString::number(shown)));
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM profiles p LEFT JOIN photos f ON f.hash = p.photo"
                                   " WHERE p.photo <> '' AND f.hash IS NULL")),
             0);
    // Endorsements between colleagues of one department, for skills the person lists.
    QVERIFY(scalar(QStringLiteral("SELECT count(*) FROM endorsements")) > 200);
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM endorsements e JOIN users a ON a.id = e.person"
                                   " JOIN users b ON b.id = e.by_user WHERE a.department <> b.department")),
             0);
    // Clients hear of all of it: one profile change per person.
    QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM changes WHERE kind = 'profile'")), 300);
}

QTEST_GUILESS_MAIN(TestDirectoryImport)
#include "TestDirectoryImport.moc"
