// The server's store and what sits directly on it: migrations, the change log's seq,
// idempotent writes, password hashing, session tokens, throttling, and the demo seed.
#include "Backend.h"
#include "auth/Password.h"
#include "auth/Tokens.h"
#include "model/Ids.h"
#include "protocol/Limits.h"
#include "protocol/PostMessages.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"
#include "seed/BulkSeed.h"
#include "seed/DemoBlogs.h"
#include "seed/DemoGroups.h"
#include "seed/DemoSeed.h"
#include "store/Schema.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace plein;
using namespace plein::server;

namespace {
int g_connection = 0;
QString connectionName()
{
    return QStringLiteral("test-store-%1").arg(++g_connection);
}

QString code(const char *c)
{
    return QLatin1String(c);
}

bool sameAck(const protocol::AckBody &a, const protocol::AckBody &b)
{
    return a.op == b.op && a.seq == b.seq && a.id == b.id;
}

// Whether the log holds a change of this kind and entity for the audience.
bool isLogged(Backend &b, const QString &audience, const char *kind, const QString &entity)
{
    const auto logged = b.log.read(0, b.log.head(), {audience}, 100000);
    return std::any_of(logged.begin(), logged.end(), [&](const protocol::Change &c) {
        return c.kind == QLatin1String(kind) && c.id == entity;
    });
}

qint64 scalar(Database &db, const QString &sql)
{
    QSqlQuery q(db.handle());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}
} // namespace

class TestServerStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void migratesEmptyDatabase();
    void migratesExistingDatabase();
    void refusesNewerSchema();
    void refusesUnwritableOrBogusPaths();
    void seqIsStrictlyIncreasing();
    void replayedOpWritesNothing();
    void writeRulesAndConflicts();
    void changeLogFiltersByAudience();
    void passwordHashing();
    void tokensAreStoredHashed();
    void throttlesFailedSignIns();
    void accountValidation();
    void demoSeedIsDeterministicAndOnce();
    void demoBlogPages();
    void bulkSeedMakesWhatItIsAskedFor();
    void bulkSeedGroupsHaveBlogPages();

private:
    Person addUser(Backend &b, const QString &name, const QString &password = QStringLiteral("pw"));
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestServerStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Person TestServerStore::addUser(Backend &b, const QString &name, const QString &password)
{
    NewUser u;
    u.name = name;
    u.displayName = name.toUpper();
    u.password = password;
    auto p = b.accounts.addUser(u);
    if (!p)
        qWarning("addUser failed: %s", qPrintable(p.error().message));
    return p ? p.value() : Person{};
}

void TestServerStore::migratesEmptyDatabase()
{
    Backend b(connectionName());
    QString error;
    QVERIFY2(b.open(m_dir->path(), &error), qPrintable(error));
    QCOMPARE(b.db.schemaVersion(), Database::latestSchemaVersion());
    QCOMPARE(Database::latestSchemaVersion(), migrations().constLast().version);
    for (const char *table : {"users", "sessions", "login_failures", "posts", "comments", "likes", "changes",
                              "applied_ops"}) {
        QCOMPARE(scalar(b.db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name='%1'")
                                  .arg(QLatin1String(table))),
                 1);
    }
    QSqlQuery q(b.db.handle());
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    QCOMPARE(scalar(b.db, QStringLiteral("PRAGMA foreign_keys")), 1);
    QCOMPARE(b.log.head(), 0);
}

void TestServerStore::migratesExistingDatabase()
{
    const QString userId = ids::create();
    {
        Backend old(connectionName());
        QString error;
        QVERIFY2(old.open(m_dir->path(), &error, 1), qPrintable(error));
        QCOMPARE(old.db.schemaVersion(), 1);
        // Version 1 has accounts but no timeline yet.
        QCOMPARE(scalar(old.db, QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name='posts'")), 0);
        UserRecord u;
        u.person = Person{userId, QStringLiteral("els"), QStringLiteral("Els Kramer"), QStringLiteral("employee"),
                          QStringLiteral("Legal"), QStringLiteral("Paralegal")};
        u.passwordHash = password::hash(QStringLiteral("pw")).value();
        u.created = 1000;
        QVERIFY(old.users.insert(u));
    }
    Backend b(connectionName());
    QString error;
    QVERIFY2(b.open(m_dir->path(), &error), qPrintable(error));
    QCOMPARE(b.db.schemaVersion(), Database::latestSchemaVersion());
    const auto kept = b.users.byName(QStringLiteral("els"));
    QVERIFY(kept.has_value());
    QCOMPARE(kept->person.id, userId);
    QCOMPARE(kept->person.title, QStringLiteral("Paralegal"));
    QVERIFY(password::verify(kept->passwordHash, QStringLiteral("pw")));
    // The later migration's tables are usable.
    auto ack = b.writer.apply(kept->person, ids::create(),
                              protocol::encode(protocol::PostCreateBody{ids::create(), QStringLiteral("hoi")}),
                              *b.writeHandlers.find(QLatin1String(protocol::type::PostCreate)));
    QVERIFY(ack.ok());
    // Reopening an up-to-date database changes nothing.
    b.db.close();
    QVERIFY(b.open(m_dir->path(), &error));
    QCOMPARE(b.timeline.postCount(), 1);
}

void TestServerStore::refusesNewerSchema()
{
    {
        Backend b(connectionName());
        QVERIFY(b.open(m_dir->path()));
        QVERIFY(b.db.exec(QStringLiteral("PRAGMA user_version=%1").arg(Database::latestSchemaVersion() + 1)));
    }
    Backend b(connectionName());
    QString error;
    QVERIFY(!b.open(m_dir->path(), &error));
    QVERIFY2(error.contains(QLatin1String("newer")), qPrintable(error));
}

void TestServerStore::refusesUnwritableOrBogusPaths()
{
    QString error;
    {
        // A file where the data dir should be.
        QFile f(m_dir->filePath(QStringLiteral("file")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        Backend b(connectionName());
        QVERIFY(!b.open(f.fileName(), &error));
        QVERIFY(!error.isEmpty());
    }
    {
        // A data dir whose plein.sqlite is not a database.
        const QString dir = m_dir->filePath(QStringLiteral("bogus"));
        QVERIFY(QDir().mkpath(dir));
        QFile f(dir + QStringLiteral("/plein.sqlite"));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        Backend b(connectionName());
        error.clear();
        QVERIFY(!b.open(dir, &error));
        QVERIFY(!error.isEmpty());
    }
}

void TestServerStore::seqIsStrictlyIncreasing()
{
    qint64 last = 0;
    {
        Backend b(connectionName());
        QVERIFY(b.open(m_dir->path()));
        const Person p = addUser(b, QStringLiteral("anna"));
        QVERIFY(!p.id.isEmpty());
        last = b.log.head();
        QCOMPARE(last, 1);
        const WriteHandler &post = *b.writeHandlers.find(QLatin1String(protocol::type::PostCreate));
        for (int i = 0; i < 50; ++i) {
            auto r = b.writer.apply(p, ids::create(),
                                    protocol::encode(protocol::PostCreateBody{ids::create(), QStringLiteral("post %1").arg(i)}),
                                    post);
            QVERIFY(r.ok());
            QVERIFY(r->ack.seq > last);
            last = r->ack.seq;
        }
        // A failed write takes no seq... and the next one still goes up.
        auto bad = b.writer.apply(p, ids::create(), protocol::encode(protocol::PostCreateBody{ids::create(), QString()}),
                                  post);
        QVERIFY(!bad.ok());
        QCOMPARE(b.log.head(), last);
    }
    // Seqs continue upwards across a restart, and the log reads back in strict order.
    Backend b(connectionName());
    QVERIFY(b.open(m_dir->path()));
    const Person p = b.users.byName(QStringLiteral("anna"))->person;
    auto r = b.writer.apply(p, ids::create(), protocol::encode(protocol::PostCreateBody{ids::create(), QStringLiteral("after")}),
                            *b.writeHandlers.find(QLatin1String(protocol::type::PostCreate)));
    QVERIFY(r.ok());
    QVERIFY(r->ack.seq > last);
    const auto all = b.log.read(0, b.log.head(), {QStringLiteral("org")}, 1000);
    QCOMPARE(all.size(), 52);
    for (qsizetype i = 1; i < all.size(); ++i)
        QVERIFY(all.at(i).seq > all.at(i - 1).seq);
}

void TestServerStore::replayedOpWritesNothing()
{
    Backend b(connectionName());
    QVERIFY(b.open(m_dir->path()));
    const Person anna = addUser(b, QStringLiteral("anna"));
    const WriteHandler &post = *b.writeHandlers.find(QLatin1String(protocol::type::PostCreate));
    const QString op = ids::create();
    const QString postId = ids::create();
    const QJsonObject body = protocol::encode(protocol::PostCreateBody{postId, QStringLiteral("  Goedemorgen!  ")});

    auto first = b.writer.apply(anna, op, body, post);
    QVERIFY(first.ok());
    QVERIFY(!first->replayed);
    QCOMPARE(first->ack.op, op);
    QCOMPARE(first->ack.id, postId);
    const qint64 head = b.log.head();
    QCOMPARE(first->ack.seq, head);
    const qint64 applied = scalar(b.db, QStringLiteral("SELECT COUNT(*) FROM applied_ops"));

    for (int i = 0; i < 3; ++i) {
        auto again = b.writer.apply(anna, op, body, post);
        QVERIFY(again.ok());
        QVERIFY(again->replayed);
        QVERIFY(sameAck(again->ack, first->ack));
    }
    // Even with a different body the op is answered from the record, not executed.
    auto changed = b.writer.apply(anna, op, protocol::encode(protocol::PostCreateBody{ids::create(), QStringLiteral("x")}), post);
    QVERIFY(changed.ok());
    QVERIFY(sameAck(changed->ack, first->ack));

    QCOMPARE(b.log.head(), head);
    QCOMPARE(b.timeline.postCount(), 1);
    QCOMPARE(scalar(b.db, QStringLiteral("SELECT COUNT(*) FROM applied_ops")), applied);
    // The stored text was trimmed, author and time set by the server.
    const auto changes = b.log.read(0, head, {QStringLiteral("org")}, 10);
    QCOMPARE(changes.constLast().op, op);
    auto stored = protocol::decode<Post>(changes.constLast().data);
    QVERIFY(stored.ok());
    QCOMPARE(stored->text, QStringLiteral("Goedemorgen!"));
    QCOMPARE(stored->author, anna.id);
    QVERIFY(stored->created > 0);
}

void TestServerStore::writeRulesAndConflicts()
{
    Backend b(connectionName());
    QVERIFY(b.open(m_dir->path()));
    const Person anna = addUser(b, QStringLiteral("anna"));
    const Person bob = addUser(b, QStringLiteral("bob"));
    const auto &h = b.writeHandlers;
    const WriteHandler &post = *h.find(QLatin1String(protocol::type::PostCreate));
    const WriteHandler &comment = *h.find(QLatin1String(protocol::type::CommentCreate));
    const WriteHandler &like = *h.find(QLatin1String(protocol::type::LikeSet));

    const QString postId = ids::create();
    QVERIFY(b.writer.apply(anna, ids::create(), protocol::encode(protocol::PostCreateBody{postId, QStringLiteral("p")}), post).ok());
    const qint64 head = b.log.head();

    // The same entity id from another op (or another user) is a conflict and writes nothing.
    auto dup = b.writer.apply(bob, ids::create(), protocol::encode(protocol::PostCreateBody{postId, QStringLiteral("q")}), post);
    QVERIFY(!dup.ok());
    QCOMPARE(dup.error().code, code(protocol::code::Conflict));
    // Comments and likes on an unknown post.
    auto c404 = b.writer.apply(bob, ids::create(),
                               protocol::encode(protocol::CommentCreateBody{ids::create(), ids::create(), QStringLiteral("c")}),
                               comment);
    QCOMPARE(c404.error().code, code(protocol::code::NotFound));
    auto l404 = b.writer.apply(bob, ids::create(), protocol::encode(protocol::LikeSetBody{ids::create(), true}), like);
    QCOMPARE(l404.error().code, code(protocol::code::NotFound));
    // Field rules come from the shared codec.
    auto empty = b.writer.apply(bob, ids::create(), protocol::encode(protocol::PostCreateBody{ids::create(), QStringLiteral("   ")}), post);
    QCOMPARE(empty.error().code, code(protocol::code::BadRequest));
    auto big = b.writer.apply(bob, ids::create(),
                              protocol::encode(protocol::PostCreateBody{ids::create(), QString(limits::MaxPostChars + 1, QLatin1Char('x'))}),
                              post);
    QCOMPARE(big.error().code, code(protocol::code::TooLarge));
    QCOMPARE(b.log.head(), head);
    QCOMPARE(scalar(b.db, QStringLiteral("SELECT COUNT(*) FROM applied_ops")), 1);

    // Liking twice is fine: one row, two changes, each op acked with the like id.
    for (int i = 0; i < 2; ++i) {
        auto r = b.writer.apply(bob, ids::create(), protocol::encode(protocol::LikeSetBody{postId, true}), like);
        QVERIFY(r.ok());
        QCOMPARE(r->ack.id, postId + QLatin1Char(':') + bob.id);
    }
    QCOMPARE(b.timeline.likeCount(), 1);
    QVERIFY(b.writer.apply(bob, ids::create(), protocol::encode(protocol::LikeSetBody{postId, false}), like).ok());
    QCOMPARE(b.timeline.likeCount(), 0);
    const auto last = b.log.read(b.log.head() - 1, b.log.head(), {QStringLiteral("org")}, 1);
    QCOMPARE(last.size(), 1);
    QCOMPARE(last.constFirst().kind, QStringLiteral("like"));
    QCOMPARE(last.constFirst().data.value(QLatin1String("liked")).toBool(true), false);

    auto ok = b.writer.apply(bob, ids::create(),
                             protocol::encode(protocol::CommentCreateBody{ids::create(), postId, QStringLiteral("mooi")}), comment);
    QVERIFY(ok.ok());
    QCOMPARE(b.timeline.commentCount(), 1);
}

void TestServerStore::changeLogFiltersByAudience()
{
    Backend b(connectionName());
    QVERIFY(b.open(m_dir->path()));
    QVERIFY(b.db.begin());
    const QString me = protocol::audience::user(QStringLiteral("me"));
    const QString other = protocol::audience::user(QStringLiteral("other"));
    for (int i = 0; i < 30; ++i) {
        const QString audience = i % 3 == 0 ? QStringLiteral("org") : (i % 3 == 1 ? me : other);
        QVERIFY(b.log.append({audience, QStringLiteral("post"), QString::number(i), {}, false, {}}, i) > 0);
    }
    QVERIFY(b.db.commit());
    const auto mine = b.log.read(0, 30, {QStringLiteral("org"), me}, 100);
    QCOMPARE(mine.size(), 20);
    for (const auto &c : mine)
        QVERIFY(c.id.toInt() % 3 != 2);
    // Paging: limit, after and upTo bound the window.
    const auto page = b.log.read(5, 20, {QStringLiteral("org"), me}, 4);
    QCOMPARE(page.size(), 4);
    QCOMPARE(page.constFirst().seq, 7);
    QCOMPARE(b.log.read(20, 20, {QStringLiteral("org")}, 10).size(), 0);
}

void TestServerStore::passwordHashing()
{
    auto h = password::hash(QStringLiteral("correct horse"));
    QVERIFY(h.ok());
    QVERIFY2(h->startsWith(QLatin1String("$argon2id$v=19$m=19456,t=2,p=1$")), qPrintable(h.value()));
    QVERIFY(password::verify(h.value(), QStringLiteral("correct horse")));
    QVERIFY(!password::verify(h.value(), QStringLiteral("correct horsE")));
    QVERIFY(!password::verify(h.value(), QString()));
    QVERIFY(!password::verify(QStringLiteral("not a hash"), QStringLiteral("correct horse")));
    // Salted: the same password hashes differently each time.
    QVERIFY(password::hash(QStringLiteral("correct horse")).value() != h.value());
    // Non-ASCII passwords survive the round trip.
    auto u = password::hash(QStringLiteral("wachtwoord-ë€"));
    QVERIFY(password::verify(u.value(), QStringLiteral("wachtwoord-ë€")));
}

void TestServerStore::tokensAreStoredHashed()
{
    Backend b(connectionName());
    QVERIFY(b.open(m_dir->path()));
    const Person anna = addUser(b, QStringLiteral("anna"), QStringLiteral("geheim"));
    qint64 now = 1'800'000'000'000;
    b.auth.setClock([&now] { return now; });

    auto s = b.auth.login(QStringLiteral("anna"), QStringLiteral("geheim"), QStringLiteral("laptop"));
    QVERIFY(s.ok());
    QCOMPARE(s->user.id, anna.id);
    // 256 bits, base64url without padding: 43 characters.
    QCOMPARE(s->token.size(), 43);
    QVERIFY(!s->token.contains(QLatin1Char('=')) && !s->token.contains(QLatin1Char('+'))
            && !s->token.contains(QLatin1Char('/')));
    QCOMPARE(s->expires, now + qint64(limits::SessionLifetimeDays) * 24 * 3600 * 1000);
    QCOMPARE(scalar(b.db, QStringLiteral("SELECT COUNT(*) FROM sessions")), 1);
    QSqlQuery q(b.db.handle());
    QVERIFY(q.exec(QStringLiteral("SELECT token_hash, device FROM sessions")) && q.next());
    QCOMPARE(q.value(0).toString(), tokens::hash(s->token));
    QCOMPARE(q.value(0).toString().size(), 64);
    QVERIFY(q.value(0).toString() != s->token);
    QCOMPARE(q.value(1).toString(), QStringLiteral("laptop"));
    q.finish();
    QVERIFY(tokens::create() != s->token);

    auto resumed = b.auth.resume(s->token);
    QVERIFY(resumed.ok());
    QCOMPARE(resumed->user.name, QStringLiteral("anna"));
    QCOMPARE(b.auth.resume(s->token + QLatin1Char('x')).error().code, code(protocol::code::TokenInvalid));
    QCOMPARE(b.auth.resume(QString()).error().code, code(protocol::code::TokenInvalid));

    // Expiry.
    now += qint64(limits::SessionLifetimeDays) * 24 * 3600 * 1000;
    QCOMPARE(b.auth.resume(s->token).error().code, code(protocol::code::TokenInvalid));
    // Revocation.
    auto s2 = b.auth.login(QStringLiteral("anna"), QStringLiteral("geheim"), {});
    QVERIFY(b.auth.resume(s2->token).ok());
    QVERIFY(b.auth.logout(s2->tokenHash));
    QCOMPARE(b.auth.resume(s2->token).error().code, code(protocol::code::TokenInvalid));
}

void TestServerStore::throttlesFailedSignIns()
{
    Backend b(connectionName());
    QVERIFY(b.open(m_dir->path()));
    addUser(b, QStringLiteral("anna"), QStringLiteral("geheim"));
    addUser(b, QStringLiteral("bob"), QStringLiteral("bobspw"));
    qint64 now = 1'800'000'000'000;
    b.auth.setClock([&now] { return now; });

    QVERIFY(b.auth.login(QStringLiteral("anna"), QStringLiteral("geheim"), {}).ok());
    for (int i = 0; i < limits::LoginFailuresBeforeThrottle; ++i) {
        auto r = b.auth.login(QStringLiteral("anna"), QStringLiteral("wrong"), {});
        QCOMPARE(r.error().code, code(protocol::code::AuthFailed));
        now += 1000;
    }
    // Now even the right password is refused, for the rest of the window.
    auto r = b.auth.login(QStringLiteral("anna"), QStringLiteral("geheim"), {});
    QCOMPARE(r.error().code, code(protocol::code::AuthThrottled));
    const int wait = b.auth.throttledFor(QStringLiteral("anna"));
    QVERIFY2(wait > 0 && wait <= limits::LoginThrottleWindowSecs, qPrintable(QString::number(wait)));
    QCOMPARE(wait, limits::LoginThrottleWindowSecs - 5);
    QCOMPARE(b.auth.throttledFor(QStringLiteral("ANNA")), wait);   // names are case-insensitive
    // Other names are not affected; unknown names are throttled just the same.
    QVERIFY(b.auth.login(QStringLiteral("bob"), QStringLiteral("bobspw"), {}).ok());
    for (int i = 0; i < limits::LoginFailuresBeforeThrottle; ++i)
        QCOMPARE(b.auth.login(QStringLiteral("nobody"), QStringLiteral("x"), {}).error().code,
                 code(protocol::code::AuthFailed));
    QCOMPARE(b.auth.login(QStringLiteral("nobody"), QStringLiteral("x"), {}).error().code,
             code(protocol::code::AuthThrottled));

    // Once the oldest failure leaves the window, the right password works and clears the count.
    now += qint64(wait) * 1000;
    QCOMPARE(b.auth.throttledFor(QStringLiteral("anna")), 0);
    QVERIFY(b.auth.login(QStringLiteral("anna"), QStringLiteral("geheim"), {}).ok());
    QCOMPARE(b.auth.login(QStringLiteral("anna"), QStringLiteral("wrong"), {}).error().code,
             code(protocol::code::AuthFailed));
}

void TestServerStore::accountValidation()
{
    Backend b(connectionName());
    QVERIFY(b.open(m_dir->path()));
    NewUser u;
    u.name = QStringLiteral("jan");
    u.displayName = QStringLiteral("Jan Jansen");
    u.password = QStringLiteral("pw");
    QVERIFY(b.accounts.addUser(u).ok());
    QCOMPARE(b.accounts.addUser(u).error().code, code(protocol::code::Conflict));
    NewUser bad = u;
    bad.name = QStringLiteral("Jan!");
    QCOMPARE(b.accounts.addUser(bad).error().code, code(protocol::code::BadRequest));
    bad = u;
    bad.name = QStringLiteral("piet");
    bad.password.clear();
    QCOMPARE(b.accounts.addUser(bad).error().code, code(protocol::code::BadRequest));
    bad.password = QStringLiteral("pw");
    bad.role = QStringLiteral("king");
    QCOMPARE(b.accounts.addUser(bad).error().code, code(protocol::code::BadRequest));
    bad.role = QStringLiteral("editor");
    bad.displayName = QString(limits::MaxDisplayNameChars + 1, QLatin1Char('x'));
    QCOMPARE(b.accounts.addUser(bad).error().code, code(protocol::code::TooLarge));
    QCOMPARE(b.users.count(), 1);
    // The one user is in the change log, for every client's directory.
    const auto changes = b.log.read(0, b.log.head(), {QStringLiteral("org")}, 10);
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.constFirst().kind, QStringLiteral("user"));
    QVERIFY(!changes.constFirst().data.contains(QLatin1String("password_hash")));
}

void TestServerStore::demoSeedIsDeterministicAndOnce()
{
    const qint64 anchor = 1'790'000'000'000;
    QList<protocol::Change> logs[2];
    for (int run = 0; run < 2; ++run) {
        Backend b(connectionName());
        QVERIFY(b.open(m_dir->filePath(QString::number(run))));
        DemoSeed seed(b);
        seed.setAnchor(anchor);
        auto r = seed.run();
        QVERIFY(r.ok());
        QVERIFY(r->seeded);
        QVERIFY(r->users >= 40);
        QVERIFY(r->posts >= 200);
        QVERIFY(r->comments > 0 && r->likes > 0);
        QCOMPARE(b.timeline.postCount(), r->posts);
        logs[run] = b.log.read(0, b.log.head(), {QStringLiteral("org")}, 100000);
        QCOMPARE(logs[run].size(), r->users + r->posts + r->comments + r->likes);
        // Sign-in works with the shared demo password.
        QVERIFY(b.auth.login(QStringLiteral("anna"), QLatin1String(DemoSeed::DemoPassword), {}).ok());
        QCOMPARE(b.users.byName(QStringLiteral("anna"))->person.displayName, QStringLiteral("Anna de Vries"));
        // Nothing is in the future, and children come after their post.
        for (const auto &c : std::as_const(logs[run])) {
            const qint64 created = c.data.value(QLatin1String("created")).toInteger(0);
            QVERIFY(created <= anchor);
        }
        // A second run on a seeded database adds nothing.
        const qint64 head = b.log.head();
        auto again = DemoSeed(b).run();
        QVERIFY(again.ok());
        QVERIFY(!again->seeded);
        QCOMPARE(b.log.head(), head);
    }
    QCOMPARE(logs[0], logs[1]);
    QSet<QString> departments;
    for (const auto &c : std::as_const(logs[0])) {
        if (c.kind == QLatin1String("user"))
            departments.insert(c.data.value(QLatin1String("department")).toString());
    }
    QVERIFY(departments.size() >= 5);
}

// --demo's blog pages: on profiles and in groups, by different people, Markdown with
// headings, lists and links, with comments and reactions by people who may see them, all
// logged to the page's audience with the seq the group pager hands to new members.
void TestServerStore::demoBlogPages()
{
    const qint64 anchor = 1'790'000'000'000;
    Backend b(connectionName());
    QVERIFY(b.open(m_dir->path()));
    DemoSeed seed(b);
    seed.setAnchor(anchor);
    QVERIFY(seed.run().ok());
    QVERIFY(DemoGroups(b).run(anchor).ok());
    auto written = DemoBlogs(b).run(anchor);
    QVERIFY(written.ok());
    const int pages = written.value();
    QVERIFY(pages >= 4);
    QCOMPARE(scalar(b.db, QStringLiteral("SELECT COUNT(*) FROM blog_pages")), pages);
    QVERIFY(scalar(b.db, QStringLiteral("SELECT COUNT(*) FROM blog_pages WHERE group_id = ''")) >= 2);
    QVERIFY(scalar(b.db, QStringLiteral("SELECT COUNT(*) FROM blog_pages WHERE group_id <> ''")) >= 2);
    QVERIFY(scalar(b.db, QStringLiteral("SELECT COUNT(DISTINCT author) FROM blog_pages")) >= 4);
    QCOMPARE(scalar(b.db, QStringLiteral("SELECT COUNT(*) FROM blog_pages WHERE seq = 0 OR created > %1").arg(anchor)), 0);
    QCOMPARE(scalar(b.db, QStringLiteral("SELECT COUNT(*) FROM post_comments WHERE seq = 0 OR created > %1").arg(anchor)),
             0);
    QCOMPARE(scalar(b.db, QStringLiteral("SELECT COUNT(*) FROM post_reactions WHERE seq = 0")), 0);
    Stmt s(b.db, QStringLiteral("SELECT id, group_id, author, text,"
                                " (SELECT COUNT(*) FROM post_comments c WHERE c.post = p.id),"
                                " (SELECT COUNT(DISTINCT reaction) FROM post_reactions r WHERE r.post = p.id)"
                                " FROM blog_pages p"));
    QVERIFY(s.exec());
    int rows = 0;
    while (s.next()) {
        ++rows;
        const QString id = s.value(0).toString();
        const QString group = s.value(1).toString();
        const QString text = s.value(3).toString();
        QVERIFY2(text.startsWith(QStringLiteral("## ")) && text.contains(QStringLiteral("](https://"))
                     && (text.contains(QStringLiteral("\n- ")) || text.contains(QStringLiteral("\n1. "))),
                 qPrintable(id));
        QVERIFY2(s.value(4).toInt() >= 2, qPrintable(id));   // comments
        QVERIFY2(s.value(5).toInt() >= 3, qPrintable(id));   // kinds of reaction
        // Logged to the page's audience; in a group, everyone involved is a member.
        const QString audience = group.isEmpty() ? QStringLiteral("org")
                                                 : protocol::scope::make(protocol::scope::GroupPrefix, group);
        QVERIFY2(isLogged(b, audience, protocol::kind::BlogPage, id), qPrintable(id));
        if (group.isEmpty())
            continue;
        QVERIFY(b.scopes.isMember(audience, s.value(2).toString()));
        Stmt who(b.db, QStringLiteral("SELECT author FROM post_comments WHERE post = ?"
                                      " UNION SELECT user_id FROM post_reactions WHERE post = ?"));
        who.bind(id).bind(id);
        QVERIFY(who.exec());
        while (who.next())
            QVERIFY2(b.scopes.isMember(audience, who.value(0).toString()), qPrintable(who.value(0).toString()));
    }
    QCOMPARE(rows, pages);
    // A closed group's page is not in the org-wide log.
    const QString migration = ids::derived(QStringLiteral("demo:blog:migration"));
    for (const protocol::Change &c : b.log.read(0, b.log.head(), {QStringLiteral("org")}, 100000))
        QVERIFY(c.id != migration);
}

void TestServerStore::bulkSeedMakesWhatItIsAskedFor()
{
    Backend b(connectionName());
    QVERIFY(b.open(m_dir->path()));
    BulkSeedOptions o;
    o.people = 12;
    o.posts = 100;
    o.comments = 150;
    o.likes = 250;
    o.batchRows = 64;   // several transactions
    o.anchor = 1'790'000'000'000;
    qint64 lastProgress = 0;
    BulkSeed seed(b);
    seed.setProgress([&lastProgress](qint64 rows) { lastProgress = rows; });
    auto r = seed.run(o);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    QCOMPARE(r->users, 12);
    QCOMPARE(r->posts, 100);
    QCOMPARE(r->comments, 150);
    QCOMPARE(r->likes, 250);
    QCOMPARE(lastProgress, 512);
    QCOMPARE(b.users.count(), 12);
    QCOMPARE(b.timeline.postCount(), 100);
    QCOMPARE(b.timeline.commentCount(), 150);
    QCOMPARE(b.timeline.likeCount(), 250);
    QCOMPARE(b.log.head(), 512);
    QCOMPARE(scalar(b.db, QStringLiteral("SELECT COUNT(*) FROM comments c LEFT JOIN posts p ON p.id = c.post_id"
                                         " WHERE p.id IS NULL")),
             0);
    // Times never go backwards along the log.
    const auto all = b.log.read(0, b.log.head(), {QStringLiteral("org")}, 1000);
    qint64 last = 0;
    for (const auto &c : all) {
        const qint64 t = c.data.value(QLatin1String("created")).toInteger(last);
        QVERIFY(t >= last);
        last = t;
    }
    QVERIFY(b.auth.login(QStringLiteral("user00001"), QLatin1String(DemoSeed::DemoPassword), {}).ok());
    // Only an empty database is seeded.
    QCOMPARE(BulkSeed(b).run(o).error().code, code(protocol::code::Conflict));
    QCOMPARE(b.log.head(), 512);
}

// `seed --groups`: every third group has a blog page by a member, every fifth owner one on
// their profile, logged to the page's audience like a live blog.save.
void TestServerStore::bulkSeedGroupsHaveBlogPages()
{
    Backend b(connectionName());
    QVERIFY(b.open(m_dir->path()));
    BulkSeedOptions o;
    o.people = 30;
    o.posts = 0;
    o.groups = 6;
    auto r = BulkSeed(b).run(o);
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    QCOMPARE(scalar(b.db, QStringLiteral("SELECT COUNT(*) FROM blog_pages WHERE group_id <> ''")), 2);   // groups 0, 3
    QCOMPARE(scalar(b.db, QStringLiteral("SELECT COUNT(*) FROM blog_pages WHERE group_id = ''")), 1);    // owner of 1
    QCOMPARE(scalar(b.db, QStringLiteral("SELECT COUNT(*) FROM blog_pages WHERE seq = 0 OR text NOT LIKE '## %'")), 0);
    Stmt s(b.db, QStringLiteral("SELECT id, group_id, author FROM blog_pages"));
    QVERIFY(s.exec());
    while (s.next()) {
        const QString group = s.value(1).toString();
        const QString audience = group.isEmpty() ? QStringLiteral("org")
                                                 : protocol::scope::make(protocol::scope::GroupPrefix, group);
        if (!group.isEmpty())
            QVERIFY(b.scopes.isMember(audience, s.value(2).toString()));
        QVERIFY(isLogged(b, audience, protocol::kind::BlogPage, s.value(0).toString()));
    }
}

QTEST_GUILESS_MAIN(TestServerStore)
#include "TestServerStore.moc"
