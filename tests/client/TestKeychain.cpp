// TokenStore against a real Secret Service (dbus-run-session with an unlocked
// gnome-keyring-daemon, as scripts/test runs it), and its owner-only file fallback.
// With PLEIN_REQUIRE_KEYCHAIN=1 a missing keychain fails the test instead of skipping it.
#include "session/TokenStore.h"

#include <qt6keychain/keychain.h>

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using plein::client::TokenStore;

namespace {
constexpr int WaitMs = 15000;

// Runs one operation and waits for its answer: the token of finished(), or a marker that
// no token can equal when failed() came or nothing answered.
QString run(TokenStore &store, const std::function<void()> &start)
{
    QSignalSpy finished(&store, &TokenStore::finished);
    QSignalSpy failed(&store, &TokenStore::failed);
    start();
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, WaitMs))
        return QStringLiteral("<no answer>");
    if (!failed.isEmpty())
        return QStringLiteral("<failed: %1>").arg(failed.constFirst().at(1).toString());
    return finished.constFirst().at(1).toString();
}

// Reads the entry straight through QtKeychain, not through TokenStore.
QKeychain::Error readDirect(const QString &key, QString *token)
{
    QKeychain::ReadPasswordJob job(TokenStore::serviceName());
    job.setAutoDelete(false);
    job.setKey(key);
    QSignalSpy done(&job, &QKeychain::Job::finished);
    job.start();
    if (!done.wait(WaitMs))
        return QKeychain::OtherError;
    *token = job.textData();
    return job.error();
}

QString randomToken()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces) + QUuid::createUuid().toString(QUuid::Id128);
}
} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keychainRoundTrip();
    void fileFallbackRoundTrip();
    void operationsAnswerInOrder();

private:
    QTemporaryDir m_dir;
    const QUrl m_server{QStringLiteral("ws://127.0.0.1:8765")};
};

void TestKeychain::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    qunsetenv("PLEIN_TOKEN_STORE");
}

void TestKeychain::keychainRoundTrip()
{
    TokenStore store(m_dir.filePath(QStringLiteral("keychain")));
    store.setKeychainTimeout(10000);
    // A user name of its own, so a developer's real entries are never touched.
    const QString user = QStringLiteral("test-") + QUuid::createUuid().toString(QUuid::Id128).left(12);
    const QString token = randomToken();

    QCOMPARE(run(store, [&] { store.save(m_server, user, token); }), token);
    if (store.backend() != TokenStore::Backend::Keychain) {
        QFile::remove(store.fallbackFilePath());
        // Note: gnome-keyring-daemon --unlock creates no login keyring from an empty password,
        // and then every write ends in "Object does not exist at path .../collection/login".
        const QByteArray reason =
            "no usable keychain (" + store.keychainError().toUtf8()
            + "); run inside dbus-run-session with gnome-keyring-daemon --unlock --components=secrets"
              " given a non-empty password on stdin";
        if (qEnvironmentVariable("PLEIN_REQUIRE_KEYCHAIN") == u"1")
            QFAIL(reason.constData());
        QSKIP(reason.constData());
    }
    QVERIFY(!store.usingFileFallback());
    QVERIFY2(!QFile::exists(store.fallbackFilePath()), "the token must not be written to the file too");

    // It is really in the keychain, under service "Plein" and key user@server.
    QString direct;
    QCOMPARE(readDirect(TokenStore::keyFor(m_server, user), &direct), QKeychain::NoError);
    QCOMPARE(direct, token);

    // A second store (a restart) reads it back.
    TokenStore again(m_dir.filePath(QStringLiteral("keychain")));
    QCOMPARE(run(again, [&] { again.load(m_server, user); }), token);
    QCOMPARE(again.backend(), TokenStore::Backend::Keychain);

    // Replaced, then deleted.
    const QString second = randomToken();
    QCOMPARE(run(again, [&] { again.save(m_server, user, second); }), second);
    QCOMPARE(run(store, [&] { store.load(m_server, user); }), second);
    QCOMPARE(run(store, [&] { store.remove(m_server, user); }), QStringLiteral(""));
    QCOMPARE(readDirect(TokenStore::keyFor(m_server, user), &direct), QKeychain::EntryNotFound);
    QCOMPARE(run(store, [&] { store.load(m_server, user); }), QStringLiteral(""));
    QCOMPARE(store.backend(), TokenStore::Backend::Keychain);
}

void TestKeychain::fileFallbackRoundTrip()
{
    const QString profile = m_dir.filePath(QStringLiteral("fallback"));
    TokenStore store(profile);
    store.setForceFileFallback(true);
    QSignalSpy backend(&store, &TokenStore::backendChanged);
    const QString anna = randomToken();
    const QString bram = randomToken();

    QCOMPARE(run(store, [&] { store.load(m_server, QStringLiteral("anna")); }), QStringLiteral(""));
    QCOMPARE(run(store, [&] { store.save(m_server, QStringLiteral("anna"), anna); }), anna);
    QVERIFY(store.usingFileFallback());
    QCOMPARE(backend.size(), 1);
    QCOMPARE(backend.constFirst().at(0).value<TokenStore::Backend>(), TokenStore::Backend::File);

    // Owner-only, and it holds the token.
    QFile file(store.fallbackFilePath());
    QVERIFY(file.exists());
    QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther
                                   | QFileDevice::WriteOther),
             QFileDevice::Permissions());
    QVERIFY(file.permissions().testFlag(QFileDevice::ReadOwner));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains(anna.toUtf8()));
    file.close();

    // Two accounts side by side; a restarted store reads both.
    const QUrl other(QStringLiteral("wss://plein.example:443"));
    QCOMPARE(run(store, [&] { store.save(other, QStringLiteral("bram"), bram); }), bram);
    TokenStore again(profile);
    again.setForceFileFallback(true);
    QCOMPARE(run(again, [&] { again.load(m_server, QStringLiteral("anna")); }), anna);
    QCOMPARE(run(again, [&] { again.load(other, QStringLiteral("bram")); }), bram);
    QCOMPARE(run(again, [&] { again.load(other, QStringLiteral("anna")); }), QStringLiteral(""));

    // Removing one keeps the other; removing the last removes the file.
    QCOMPARE(run(again, [&] { again.remove(m_server, QStringLiteral("anna")); }), QStringLiteral(""));
    QCOMPARE(run(again, [&] { again.load(m_server, QStringLiteral("anna")); }), QStringLiteral(""));
    QCOMPARE(run(again, [&] { again.load(other, QStringLiteral("bram")); }), bram);
    QCOMPARE(run(again, [&] { again.remove(other, QStringLiteral("bram")); }), QStringLiteral(""));
    QVERIFY(!QFile::exists(store.fallbackFilePath()));
}

void TestKeychain::operationsAnswerInOrder()
{
    TokenStore store(m_dir.filePath(QStringLiteral("order")));
    store.setForceFileFallback(true);
    QSignalSpy finished(&store, &TokenStore::finished);
    const QString first = randomToken();
    const QString second = randomToken();
    // Started back to back without waiting: each answers in turn, and a load sees the saves
    // queued before it. Nothing answers synchronously.
    store.save(m_server, QStringLiteral("carla"), first);
    store.load(m_server, QStringLiteral("carla"));
    store.save(m_server, QStringLiteral("carla"), second);
    store.load(m_server, QStringLiteral("carla"));
    store.remove(m_server, QStringLiteral("carla"));
    store.load(m_server, QStringLiteral("carla"));
    QCOMPARE(finished.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 6, WaitMs);
    using Op = TokenStore::Operation;
    const QList<std::pair<Op, QString>> expected = {
        {Op::Save, first}, {Op::Load, first}, {Op::Save, second},
        {Op::Load, second}, {Op::Remove, QString()}, {Op::Load, QString()},
    };
    for (int i = 0; i < expected.size(); ++i) {
        QCOMPARE(finished.at(i).at(0).value<Op>(), expected.at(i).first);
        QCOMPARE(finished.at(i).at(1).toString(), expected.at(i).second);
    }
}

QTEST_GUILESS_MAIN(TestKeychain)
#include "TestKeychain.moc"
