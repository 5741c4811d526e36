#include "people/PeopleCache.h"

#include "cache/ChangeApplier.h"
#include "cache/Statements.h"
#include "protocol/PeopleMessages.h"

#include <QSqlError>
#include <QSqlQuery>

namespace plein::client::peoplecache {

namespace {

Error cacheError(const QString &what, const QSqlQuery &q)
{
    return Error{QStringLiteral("cache"), QStringLiteral("%1: %2").arg(what, q.lastError().text())};
}

QVariant v(qint64 n)
{
    return QVariant::fromValue(n);
}

// A string column never holds NULL: an absent field is stored as ''.
QString nz(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

Result<bool> applyProfile(Statements &sql, const protocol::Change &c, const QString &)
{
    auto p = protocol::decode<protocol::Profile>(c.data);
    if (!p)
        return Error{p.error().code, QStringLiteral("profile change %1: %2").arg(c.id, p.error().message)};
    bool ok = false;
    QSqlQuery &q = sql.exec(
        QStringLiteral("INSERT INTO profiles (id, email, phone, bio, location, manager, start_date, skills, languages,"
                       " photo, active, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT (id) DO UPDATE SET email = excluded.email, phone = excluded.phone,"
                       " bio = excluded.bio, location = excluded.location, manager = excluded.manager,"
                       " start_date = excluded.start_date, skills = excluded.skills, languages = excluded.languages,"
                       " photo = excluded.photo, active = excluded.active, seq = excluded.seq"),
        {p->id, nz(p->email), nz(p->phone), nz(p->bio), nz(p->location), nz(p->manager), nz(p->startDate),
         nz(p->skills.join(QLatin1Char(' '))), nz(p->languages.join(QLatin1Char('\n'))), nz(p->photo), p->active ? 1 : 0,
         v(c.seq)},
        &ok);
    if (!ok)
        return cacheError(QStringLiteral("profile %1").arg(c.id), q);
    sql.exec(QStringLiteral("DELETE FROM person_skills WHERE person = ?"), {p->id}, &ok);
    if (!ok)
        return Error{QStringLiteral("cache"), QStringLiteral("skills of %1").arg(c.id)};
    for (const QString &s : std::as_const(p->skills)) {
        sql.exec(QStringLiteral("INSERT OR IGNORE INTO person_skills (skill, person) VALUES (?, ?)"), {s, p->id}, &ok);
        if (!ok)
            return Error{QStringLiteral("cache"), QStringLiteral("skills of %1").arg(c.id)};
    }
    return true;
}

Result<bool> applyEndorsement(Statements &sql, const protocol::Change &c, const QString &)
{
    auto e = protocol::decode<protocol::Endorsement>(c.data);
    if (!e)
        return Error{e.error().code, QStringLiteral("endorsement %1: %2").arg(c.id, e.error().message)};
    bool ok = false;
    QSqlQuery &q = e->endorsed && !c.deleted
                       ? sql.exec(QStringLiteral("INSERT INTO endorsements (skill, person, by_user, seq) VALUES (?, ?, ?, ?)"
                                                 " ON CONFLICT DO UPDATE SET seq = excluded.seq"),
                                  {e->skill, e->person, e->by, v(c.seq)}, &ok)
                       : sql.exec(QStringLiteral("DELETE FROM endorsements WHERE skill = ? AND person = ? AND by_user = ?"),
                                  {e->skill, e->person, e->by}, &ok);
    return ok ? Result<bool>(true) : cacheError(QStringLiteral("endorsement %1").arg(c.id), q);
}

Result<bool> applyQuestion(Statements &sql, const protocol::Change &c, const QString &)
{
    auto x = protocol::decode<protocol::Question>(c.data);
    if (!x)
        return Error{x.error().code, QStringLiteral("question %1: %2").arg(c.id, x.error().message)};
    bool ok = false;
    QSqlQuery &q = sql.exec(QStringLiteral("INSERT INTO questions (id, asker, topic, text, experts, created, seq)"
                                           " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                                           " text = excluded.text, experts = excluded.experts, seq = excluded.seq"),
                            {x->id, x->asker, x->topic, x->text, nz(x->experts.join(QLatin1Char(' '))), v(x->created), v(c.seq)},
                            &ok);
    return ok ? Result<bool>(true) : cacheError(QStringLiteral("question %1").arg(c.id), q);
}

Result<bool> applyAnswer(Statements &sql, const protocol::Change &c, const QString &)
{
    auto a = protocol::decode<protocol::Answer>(c.data);
    if (!a)
        return Error{a.error().code, QStringLiteral("answer %1: %2").arg(c.id, a.error().message)};
    bool ok = false;
    QSqlQuery &q = sql.exec(QStringLiteral("INSERT INTO answers (id, question, author, text, created, seq)"
                                           " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                                           " text = excluded.text, seq = excluded.seq"),
                            {a->id, a->question, a->author, a->text, v(a->created), v(c.seq)}, &ok);
    return ok ? Result<bool>(true) : cacheError(QStringLiteral("answer %1").arg(c.id), q);
}

Result<bool> applyNotice(Statements &sql, const protocol::Change &c, const QString &)
{
    auto n = protocol::decode<protocol::Notice>(c.data);
    if (!n)
        return Error{n.error().code, QStringLiteral("notice %1: %2").arg(c.id, n.error().message)};
    bool ok = false;
    QSqlQuery &q = sql.exec(QStringLiteral("INSERT INTO notices (id, kind, question, from_id, text, created, seq)"
                                           " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING"),
                            {n->id, n->kind, n->question, n->from, nz(n->text), v(n->created), v(c.seq)}, &ok);
    return ok ? Result<bool>(true) : cacheError(QStringLiteral("notice %1").arg(c.id), q);
}

} // namespace

const QList<const char *> &migration()
{
    static const QList<const char *> m = {
        // skills: normalised tags separated by spaces (they hold none); languages: one a line.
        "CREATE TABLE profiles (id TEXT PRIMARY KEY, email TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',"
        " bio TEXT NOT NULL DEFAULT '', location TEXT NOT NULL DEFAULT '', manager TEXT NOT NULL DEFAULT '',"
        " start_date TEXT NOT NULL DEFAULT '', skills TEXT NOT NULL DEFAULT '', languages TEXT NOT NULL DEFAULT '',"
        " photo TEXT NOT NULL DEFAULT '', active INTEGER NOT NULL DEFAULT 1, seq INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX profiles_manager ON profiles (manager)",
        "CREATE INDEX profiles_start ON profiles (start_date)",
        "CREATE INDEX users_by_name ON users (display_name COLLATE NOCASE, id)",
        "CREATE TABLE person_skills (skill TEXT NOT NULL, person TEXT NOT NULL, PRIMARY KEY (skill, person)) WITHOUT ROWID",
        "CREATE TABLE endorsements (skill TEXT NOT NULL, person TEXT NOT NULL, by_user TEXT NOT NULL,"
        " seq INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (skill, person, by_user)) WITHOUT ROWID",
        "CREATE TABLE questions (id TEXT PRIMARY KEY, asker TEXT NOT NULL, topic TEXT NOT NULL, text TEXT NOT NULL,"
        " experts TEXT NOT NULL, created INTEGER NOT NULL, seq INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX questions_topic ON questions (topic)",
        "CREATE TABLE answers (id TEXT PRIMARY KEY, question TEXT NOT NULL, author TEXT NOT NULL, text TEXT NOT NULL,"
        " created INTEGER NOT NULL, seq INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX answers_question ON answers (question, created)",
        "CREATE TABLE notices (id TEXT PRIMARY KEY, kind TEXT NOT NULL, question TEXT NOT NULL, from_id TEXT NOT NULL,"
        " text TEXT NOT NULL, created INTEGER NOT NULL, seq INTEGER NOT NULL DEFAULT 0)",
        // Searches that found nobody while offline, sent (as counts only) once online.
        "CREATE TABLE pending_gaps (term TEXT PRIMARY KEY, count INTEGER NOT NULL)",
        // People search: rowid = users.rowid, active people only (so a count needs no join).
        // Prefix indexes make search-as-you-type cheap.
        "CREATE VIRTUAL TABLE people_fts USING fts5(name, title, department, location, skills, prefix = '1 2 3',"
        " tokenize = \"unicode61 remove_diacritics 2 tokenchars '+#-'\")",
        "CREATE TRIGGER people_fts_user_insert AFTER INSERT ON users BEGIN"
        " INSERT INTO people_fts (rowid, name, title, department, location, skills) SELECT NEW.rowid,"
        " NEW.display_name, NEW.title, NEW.department, coalesce((SELECT location FROM profiles WHERE id = NEW.id), ''),"
        " coalesce((SELECT skills FROM profiles WHERE id = NEW.id), '')"
        " WHERE coalesce((SELECT active FROM profiles WHERE id = NEW.id), 1) = 1; END",
        "CREATE TRIGGER people_fts_user_update AFTER UPDATE OF display_name, title, department ON users BEGIN"
        " DELETE FROM people_fts WHERE rowid = OLD.rowid;"
        " INSERT INTO people_fts (rowid, name, title, department, location, skills) SELECT NEW.rowid,"
        " NEW.display_name, NEW.title, NEW.department, coalesce((SELECT location FROM profiles WHERE id = NEW.id), ''),"
        " coalesce((SELECT skills FROM profiles WHERE id = NEW.id), '')"
        " WHERE coalesce((SELECT active FROM profiles WHERE id = NEW.id), 1) = 1; END",
        "CREATE TRIGGER people_fts_user_delete AFTER DELETE ON users BEGIN DELETE FROM people_fts WHERE rowid = OLD.rowid; END",
        "CREATE TRIGGER people_fts_profile_insert AFTER INSERT ON profiles BEGIN"
        " DELETE FROM people_fts WHERE rowid = (SELECT rowid FROM users WHERE id = NEW.id);"
        " INSERT INTO people_fts (rowid, name, title, department, location, skills) SELECT rowid, display_name, title,"
        " department, NEW.location, NEW.skills FROM users WHERE id = NEW.id AND NEW.active = 1; END",
        "CREATE TRIGGER people_fts_profile_update AFTER UPDATE OF location, skills, active ON profiles BEGIN"
        " DELETE FROM people_fts WHERE rowid = (SELECT rowid FROM users WHERE id = NEW.id);"
        " INSERT INTO people_fts (rowid, name, title, department, location, skills) SELECT rowid, display_name, title,"
        " department, NEW.location, NEW.skills FROM users WHERE id = NEW.id AND NEW.active = 1; END",
        "INSERT INTO people_fts (rowid, name, title, department, location, skills)"
        " SELECT rowid, display_name, title, department, '', '' FROM users",
        // Hashtags of posts: an index over posts.text where '#sql' is one token.
        "CREATE VIRTUAL TABLE post_tags_fts USING fts5(text, content = 'posts', content_rowid = 'rowid',"
        " tokenize = \"unicode61 remove_diacritics 2 tokenchars '#+-_'\")",
        "CREATE TRIGGER post_tags_insert AFTER INSERT ON posts BEGIN"
        " INSERT INTO post_tags_fts (rowid, text) VALUES (NEW.rowid, NEW.text); END",
        "CREATE TRIGGER post_tags_delete AFTER DELETE ON posts BEGIN"
        " INSERT INTO post_tags_fts (post_tags_fts, rowid, text) VALUES ('delete', OLD.rowid, OLD.text); END",
        "CREATE TRIGGER post_tags_update AFTER UPDATE OF text ON posts BEGIN"
        " INSERT INTO post_tags_fts (post_tags_fts, rowid, text) VALUES ('delete', OLD.rowid, OLD.text);"
        " INSERT INTO post_tags_fts (rowid, text) VALUES (NEW.rowid, NEW.text); END",
        "INSERT INTO post_tags_fts (post_tags_fts) VALUES ('rebuild')",
    };
    return m;
}

const QList<const char *> &searchMigration()
{
    // Partial: it holds the few leavers only (counting them read all 20,000 profiles, 2 ms).
    // IF NOT EXISTS: a replica whose version was set back replays it (TestReplicaTags).
    static const QList<const char *> m = {"CREATE INDEX IF NOT EXISTS profiles_leavers ON profiles (id) WHERE active = 0"};
    return m;
}

void registerKinds(ChangeApplier &applier)
{
    applier.addKind(QLatin1String(protocol::kind::Profile), &applyProfile);
    applier.addKind(QLatin1String(protocol::kind::Endorsement), &applyEndorsement);
    applier.addKind(QLatin1String(protocol::kind::Question), &applyQuestion);
    applier.addKind(QLatin1String(protocol::kind::Answer), &applyAnswer);
    applier.addKind(QLatin1String(protocol::kind::Notice), &applyNotice);
}

} // namespace plein::client::peoplecache
