#pragma once

#include "cache/Statements.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace plein::client {

// One person as the directory shows them: the `user` row plus the profile.
struct PersonCard
{
    QString id;
    QString name;
    QString displayName;
    QString role;
    QString title;
    QString department;
    QString location;
    QString email;
    QString phone;
    QString bio;
    QString manager;
    QString startDate;
    QStringList skills;
    QStringList languages;
    QString photo;    // hash or empty
    bool active = true;
};

// A skill of a person with who endorsed it.
struct SkillEvidence
{
    QString skill;
    int endorsements = 0;
    bool endorsedByMe = false;
};

// One ranked expert for a topic, with the evidence behind the rank.
struct Expert
{
    PersonCard person;
    bool listsSkill = false;
    int endorsements = 0;
    int posts = 0;     // posts tagged #topic
    int answers = 0;   // answers to questions on the topic
    double score = 0;
};

struct QuestionRow
{
    QString id, asker, topic, text;
    QStringList experts;
    qint64 created = 0;
    struct AnswerRow
    {
        QString id, author, text;
        qint64 created = 0;
    };
    QList<AnswerRow> answers;
};

struct PostRow
{
    QString id;
    QString text;
    qint64 created = 0;
    QString group;   // the group's name for a group post, empty on the company timeline
};

// A group a person belongs to, as far as this cache knows: members are known for my own
// groups, and the creator of every group in the directory.
struct PersonGroup
{
    QString id;
    QString name;
    QString role;   // owner | member
};

// Read-only queries over the replica's directory (the caller's read connection). Everything
// here works offline: search and ranking use the local full-text indexes.
class PeopleDirectory
{
public:
    explicit PeopleDirectory(const QSqlDatabase &db) : m_sql(db) {}

    struct Filter
    {
        QString text;         // search-as-you-type over names, titles, departments, locations, skills
        QString department;   // exact, or empty for all
        QString location;
    };
    // Active people matching the filter, by display name, after (name, id) of the last row
    // of the previous page (empty for the first page).
    QList<PersonCard> search(const Filter &f, const QString &afterName, const QString &afterId, int limit);
    int count(const Filter &f);
    std::optional<PersonCard> person(const QString &id);
    QStringList departments();
    QStringList locations();

    // The org chart: the chain of managers above (nearest first), direct reports, and the
    // size of everyone under a person.
    QList<PersonCard> managers(const QString &id);
    QList<PersonCard> reports(const QString &id);
    int teamSize(const QString &id);
    QList<PersonCard> topLevel();   // active people without a manager

    // People who started within `days` before today, newest first.
    QList<PersonCard> newColleagues(int days, int limit);

    QList<SkillEvidence> skillsOf(const QString &id, const QString &me);
    // Newest first across the company timeline and the groups in my cache.
    QList<PostRow> recentPosts(const QString &author, int limit);
    QList<PersonGroup> groupsOf(const QString &id);
    // Known skill tags starting with the (normalised) prefix, most used first.
    QStringList completeSkill(const QString &prefix, int limit);

    // "Who knows about X?": ranked by score = 3 x lists the skill + 2 x endorsements
    // + 1 x posts tagged #x + 2 x answers on x.
    QList<Expert> experts(const QString &topic, int limit);
    static QString evidence(const Expert &e, const QString &topic);

    QList<QuestionRow> questions(const QString &me, int limit);   // asked by me or to me
    std::optional<QuestionRow> question(const QString &id);
    int unseenNotices();

    // An FTS5 query for search-as-you-type: each word a prefix, all required.
    static QString ftsQuery(const QString &text);

    // How the last search() found its page (tests check that each plan gives the same order).
    enum class Plan { Everyone, Nobody, Sort, Walk, WalkThenSort };
    Plan lastPlan() const { return m_lastPlan; }
    // Up to this many text matches are sorted at once; above it the name index is walked
    // first, at most WalkCap rows, and the matches are sorted only if that found no page.
    // 1,500: a first name shared by ~1,000 people ("priya") sorts in ~3 ms, while walking to
    // the cap and then sorting cost 4-6 ms (people_bench, 20,000 people).
    static constexpr int SortMatches = 1500;
    static constexpr int WalkCap = 4000;

private:
    int textMatches(const QString &fts);
    qint64 dataVersion();
    QList<PersonCard> cards(const QString &where, const QVariantList &values, const QString &tail = {});

    Statements m_sql;
    struct Matches
    {
        QString fts;
        qint64 version = -1;
        int count = 0;
    } m_matches;   // the last text count, for the replica at `version`
    Plan m_lastPlan = Plan::Everyone;
};

} // namespace plein::client
