#include "seed/BulkSeed.h"
#include "seed/BulkGroups.h"

#include <QScopeGuard>

#include "Backend.h"
#include "Logging.h"
#include "auth/Password.h"
#include "model/Ids.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"
#include "protocol/Json.h"
#include "seed/BulkChat.h"
#include "seed/BulkSql.h"

#include <QElapsedTimer>

#include <cmath>

namespace plein::server {

namespace {
constexpr qint64 HourMs = 3600 * 1000;
constexpr int TeamSize = 8;

Error error(const char *code, const QString &message)
{
    return Error{QLatin1String(code), message};
}

template<qsizetype N>
const char *pick(QRandomGenerator &rng, const char *const (&list)[N])
{
    return list[rng.bounded(int(N))];
}

// Vocabulary. Plain UTF-8 data; names are common Dutch and English ones.
const char *const DutchFirst[] = {"Anna", "Daan", "Sanne", "Bram", "Femke", "Lucas", "Noor", "Thijs", "Lotte",
                                  "Ruben", "Iris", "Jesse", "Eva", "Milan", "Fleur", "Sem", "Julia", "Finn",
                                  "Tess", "Lars", "Roos", "Koen", "Esmee", "Joris", "Maud", "Stijn", "Ilse",
                                  "Wouter", "Marloes", "Gijs", "Anouk", "Bas", "Yara", "Mohammed", "Fatima"};
const char *const EnglishFirst[] = {"Oliver", "Emily", "James", "Grace", "Harry", "Chloe", "Samuel", "Lucy",
                                    "George", "Amelia", "Jack", "Sophie", "Thomas", "Isla", "Charlie", "Ella",
                                    "William", "Mia", "Henry", "Priya", "Daniel", "Hannah", "Ethan", "Zoe"};
const char *const DutchLast[] = {"de Vries", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
                                 "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen",
                                 "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer",
                                 "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Berg", "El Amrani", "Yılmaz"};
const char *const EnglishLast[] = {"Bennett", "Carter", "Whitfield", "Mitchell", "Thompson", "Green", "Morgan",
                                   "Hughes", "Clarke", "Baker", "Walker", "Wright", "Turner", "Cooper", "Hill",
                                   "Ward", "Sharma", "Patel", "Evans", "Robinson", "O'Brien", "Murphy"};

struct Department
{
    const char *name;
    int weight;                 // relative size
    const char *titles[4];      // the titles of its members
};
const Department Departments[] = {
    {"Finance", 6, {"Controller", "Financial Analyst", "Accounts Payable Specialist", "Payroll Administrator"}},
    {"Human Resources", 4, {"HR Business Partner", "Recruiter", "HR Advisor", "Learning & Development Advisor"}},
    {"Communications", 3, {"Content Editor", "Graphic Designer", "Communications Advisor", "Web Editor"}},
    {"IT", 12, {"Software Engineer", "Systems Administrator", "Service Desk Analyst", "Data Engineer"}},
    {"Sales", 14, {"Account Manager", "Business Developer", "Inside Sales Representative", "Sales Engineer"}},
    {"Marketing", 5, {"Marketing Specialist", "Campaign Manager", "SEO Specialist", "Market Analyst"}},
    {"Operations", 18, {"Operations Coordinator", "Planner", "Warehouse Supervisor", "Logistics Specialist"}},
    {"Customer Service", 16, {"Customer Service Agent", "Support Specialist", "Quality Coach", "Team Coordinator"}},
    {"Legal", 2, {"Legal Counsel", "Compliance Officer", "Privacy Officer", "Paralegal"}},
    {"Research & Development", 10, {"Research Engineer", "Product Designer", "Test Engineer", "Product Owner"}},
    {"Facilities", 4, {"Facility Coordinator", "Office Manager", "Receptionist", "Maintenance Engineer"}},
    {"Procurement", 6, {"Buyer", "Category Manager", "Contract Manager", "Supplier Quality Engineer"}},
};

const char *const DutchSentences[] = {
    "Goedemorgen allemaal!",
    "De koffie op de derde verdieping is weer gerepareerd.",
    "Vanmiddag om drie uur is er taart in de kantine, iedereen is welkom.",
    "We hebben het kwartaal afgesloten met een mooi resultaat, dank aan iedereen die daaraan heeft bijgedragen.",
    "Wie heeft er nog tips voor een goede planningstool?",
    "De nieuwe versie van het klantportaal staat sinds vanochtend live.",
    "Denk eraan: vrijdag is de deadline voor de urenregistratie.",
    "Het team in Rotterdam heeft deze week drie nieuwe klanten binnengehaald.",
    "Ik zoek iemand die ervaring heeft met het inkoopproces voor hardware.",
    "Volgende week start de nieuwe lichting trainees, heet ze vooral welkom.",
    "De parkeergarage is maandag gesloten vanwege onderhoud.",
    "Na twee jaar voorbereiding is het nieuwe magazijn eindelijk open.",
    "Bedankt voor alle reacties op de enquête, de resultaten delen we binnenkort.",
    "Heeft iemand een oplader van een laptop laten liggen in vergaderzaal Amstel?",
    "Het project Zuidas loopt goed op schema.",
    "Bij de klantenservice is de gemiddelde wachttijd gehalveerd.",
    "We zoeken vrijwilligers voor de sponsorloop in juni.",
    "Let op: de vpn wordt vanavond tussen tien en twaalf uur bijgewerkt.",
    "Mooi nieuws: ons duurzaamheidsrapport is genomineerd voor een prijs.",
    "De lunchlezing over informatiebeveiliging is terug te kijken op het intranet.",
    "Wie gaat er mee naar de beurs in Utrecht?",
    "Ik was vandaag bij een klant in Eindhoven en die was erg te spreken over onze service.",
    "De afdeling verhuist volgende maand naar de tweede verdieping.",
    "Vergeet niet je vakantiedagen voor de zomer door te geven.",
};
const char *const EnglishSentences[] = {
    "Good morning everyone!",
    "The coffee machine on the third floor works again.",
    "There is cake in the canteen at three this afternoon, everyone is welcome.",
    "We closed the quarter with a great result; thanks to everyone who helped.",
    "Does anyone have tips for a good planning tool?",
    "The new version of the customer portal went live this morning.",
    "Reminder: timesheets are due on Friday.",
    "The Rotterdam team signed three new customers this week.",
    "I am looking for someone with experience in the hardware purchasing process.",
    "A new group of trainees starts next week, please make them feel welcome.",
    "The car park is closed on Monday for maintenance.",
    "After two years of preparation the new warehouse is finally open.",
    "Thanks for all the answers to the survey; we will share the results soon.",
    "Did someone leave a laptop charger in meeting room Amstel?",
    "Project Harbour is on schedule.",
    "Average waiting time at customer service has been cut in half.",
    "We are looking for volunteers for the charity run in June.",
    "Heads up: the VPN will be updated tonight between ten and midnight.",
    "Good news: our sustainability report has been nominated for an award.",
    "The lunch talk on information security can be watched again on the intranet.",
    "Who is joining us at the trade fair in Utrecht?",
    "I visited a customer in Eindhoven today and they were very happy with our service.",
    "Our department moves to the second floor next month.",
    "Please remember to book your summer holidays.",
};
const char *const DutchComments[] = {"Goed bezig!", "Top, dank je wel.", "Ik doe mee.", "Wat een mooi resultaat!",
                                     "Kunnen we hier volgende week over bellen?", "Eens.", "Gefeliciteerd team!",
                                     "Ik stuur je een berichtje.", "Goed om te horen.", "Waar kan ik me aanmelden?",
                                     "Is dit ook voor de collega's in Groningen?", "Helemaal mee eens, goed punt."};
const char *const EnglishComments[] = {"Great news!", "Thanks for sharing.", "Count me in.", "Well done, team!",
                                       "Can we talk about this next week?", "Agreed.", "Congratulations!",
                                       "I will send you a message.", "Good to hear.", "Where can I sign up?",
                                       "Does this apply to the Groningen office too?", "Fully agree, good point."};
// A topic per post gives search something selective to find.
const char *const Topics[] = {"Aurora", "Zuidas", "Harbour", "Delta", "Tulip", "Polder", "Beacon", "Atlas",
                              "Nova", "Windmill", "Horizon", "Canal", "Orion", "Dune", "Meridian", "Lighthouse"};

// The vocabulary decoded once: a million texts are then appends of shared strings.
template<qsizetype N>
QList<QString> decodeAll(const char *const (&list)[N])
{
    QList<QString> out;
    for (const char *s : list)
        out.append(QString::fromUtf8(s));
    return out;
}

struct Vocabulary
{
    QList<QString> dutchSentences = decodeAll(DutchSentences);
    QList<QString> englishSentences = decodeAll(EnglishSentences);
    QList<QString> dutchComments = decodeAll(DutchComments);
    QList<QString> englishComments = decodeAll(EnglishComments);
    QList<QString> topics = decodeAll(Topics);
};

const Vocabulary &vocabulary()
{
    static const Vocabulary v;
    return v;
}

QString sentences(QRandomGenerator &rng, const QList<QString> &list, int count)
{
    QString text;
    text.reserve(count * 90);
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            text += QLatin1Char(' ');
        text += list.at(rng.bounded(int(list.size())));
    }
    return text;
}

} // namespace

BulkSeed::BulkSeed(Backend &backend) : m_backend(backend) {}

BulkSeed::~BulkSeed() = default;

QList<BulkPerson> BulkSeed::organisation(int people, quint32 seed)
{
    QRandomGenerator rng(seed ^ 0x9e3779b9u);
    int totalWeight = 0;
    for (const Department &d : Departments)
        totalWeight += d.weight;
    constexpr int DepartmentCount = int(std::size(Departments));
    QList<BulkPerson> list;
    list.reserve(people);
    // Department d holds the block [first[d], first[d + 1]); person 0 is the director.
    QList<int> first(DepartmentCount + 1, 1);
    int acc = 0;
    for (int d = 0; d < DepartmentCount; ++d) {
        first[d] = 1 + int(qint64(people - 1) * acc / totalWeight);
        acc += Departments[d].weight;
    }
    first[DepartmentCount] = people;
    for (int i = 0; i < people; ++i) {
        BulkPerson p;
        p.name = QStringLiteral("user%1").arg(i + 1, 5, 10, QLatin1Char('0'));
        p.id = ids::derived(QStringLiteral("bulk:user:") + p.name);
        p.dutch = rng.bounded(100) < 60;
        p.displayName = p.dutch ? QStringLiteral("%1 %2").arg(QString::fromUtf8(pick(rng, DutchFirst)),
                                                             QString::fromUtf8(pick(rng, DutchLast)))
                                : QStringLiteral("%1 %2").arg(QString::fromUtf8(pick(rng, EnglishFirst)),
                                                             QString::fromUtf8(pick(rng, EnglishLast)));
        if (i == 0) {
            p.department = QStringLiteral("Board");
            p.title = QStringLiteral("Managing Director");
            list.append(p);
            continue;
        }
        int d = 0;
        while (d + 1 < DepartmentCount && i >= first[d + 1])
            ++d;
        const Department &dep = Departments[d];
        const int head = first[d];
        const int offset = i - head;   // 0 is the head; teams of TeamSize below the head
        p.department = QString::fromUtf8(dep.name);
        if (offset == 0) {
            p.title = QStringLiteral("Head of %1").arg(p.department);
            p.manager = 0;
        } else {
            const int lead = head + 1 + ((offset - 1) / TeamSize) * TeamSize;
            if (i == lead) {
                p.title = QStringLiteral("Team Lead %1").arg(p.department);
                p.manager = head;
            } else {
                p.title = QString::fromUtf8(dep.titles[rng.bounded(4)]);
                p.manager = lead;
            }
        }
        list.append(p);
    }
    return list;
}

int BulkSeed::skewedIndex(QRandomGenerator &rng, int count)
{
    // u^4 puts half the mass on the first 1/16 of the range: a few people write most.
    const double u = rng.generateDouble();
    return qMin(count - 1, int(count * (u * u * u * u)));
}

QString BulkSeed::postText(QRandomGenerator &rng, bool dutch)
{
    // Mostly one to three sentences; one post in twenty is a long one (up to 12).
    const int roll = int(rng.bounded(100));
    const int count = roll < 45 ? 1 : roll < 75 ? 2 : roll < 95 ? 3 + int(rng.bounded(3)) : 6 + int(rng.bounded(7));
    const Vocabulary &v = vocabulary();
    QString text = sentences(rng, dutch ? v.dutchSentences : v.englishSentences, count);
    if (rng.bounded(3) == 0) {
        text += QLatin1String(" #");
        text += v.topics.at(rng.bounded(int(v.topics.size())));
    }
    return text;
}

QString BulkSeed::commentText(QRandomGenerator &rng, bool dutch)
{
    const Vocabulary &v = vocabulary();
    const QList<QString> &comments = dutch ? v.dutchComments : v.englishComments;
    QString text = comments.at(rng.bounded(int(comments.size())));
    if (rng.bounded(4) == 0) {
        text += QLatin1Char(' ');
        text += sentences(rng, dutch ? v.dutchSentences : v.englishSentences, 1);
    }
    return text;
}

bool BulkSeed::begin()
{
    if (!m_open)
        m_open = m_backend.db.begin();
    return m_open;
}

bool BulkSeed::done()
{
    ++m_rows;
    if (++m_inBatch < m_options->batchRows)
        return true;
    m_inBatch = 0;
    m_open = false;
    if (!m_backend.db.commit())
        return false;
    if (m_progress)
        m_progress(m_rows);
    return true;
}

Error BulkSeed::fail(const QString &what)
{
    m_backend.db.rollback();
    m_open = false;
    return error(protocol::code::Internal, QStringLiteral("seeding stopped at row %1: %2").arg(m_rows).arg(what));
}

bool BulkSeed::writePerson(const BulkPerson &person)
{
    // The manager link lives in BulkPerson until the users table has a column for it.
    NewUser u;
    u.name = person.name;
    u.id = person.id;
    u.displayName = person.displayName;
    u.role = QLatin1String(role::Employee);
    u.department = person.department;
    u.title = person.title;
    u.passwordHash = m_passwordHash;
    u.created = m_options->anchor - qint64(m_options->days) * 24 * HourMs;
    if (!begin())
        return false;
    auto p = m_backend.accounts.insertUser(u);
    if (!p) {
        qCWarning(lcSeed) << "person" << person.name << p.error().message;
        return false;
    }
    ++m_report.users;
    return done();
}

bool BulkSeed::writeChange(const char *kind, const QString &entity, const QJsonObject &data, qint64 at)
{
    // As ChangeLog::append writes it: the org audience, no op (a seed), not deleted.
    const QByteArray entityUtf8 = entity.toUtf8();
    const QByteArray payload = protocol::toJsonText(data);
    return m_insertChange->bind(1, protocol::audience::Org)
        .bind(2, kind)
        .bind(3, entityUtf8)
        .bindNull(4)
        .bind(5, 0)
        .bind(6, payload)
        .bind(7, at)
        .step();
}

bool BulkSeed::writePost(int n, qint64 at)
{
    const BulkPerson &author = m_people.at(skewedIndex(m_rng, int(m_people.size())));
    const Post post{ids::derived(QStringLiteral("bulk:post:%1").arg(n)), author.id, postText(m_rng, author.dutch), at};
    const QByteArray id = post.id.toUtf8(), authorId = post.author.toUtf8(), text = post.text.toUtf8();
    if (!begin() || !m_insertPost->bind(1, id).bind(2, authorId).bind(3, text).bind(4, at).step()
        || !writeChange(protocol::kind::Post, post.id, protocol::encode(post), at))
        return false;
    m_postIds.append(post.id);
    ++m_report.posts;
    return done();
}

bool BulkSeed::writeComment(int n, qint64 at)
{
    // Recent posts draw most comments: the target is skewed towards the newest post.
    const int written = int(m_postIds.size());
    const int target = written - 1 - skewedIndex(m_rng, written);
    const BulkPerson &author = m_people.at(skewedIndex(m_rng, int(m_people.size())));
    const Comment c{ids::derived(QStringLiteral("bulk:comment:%1").arg(n)), m_postIds.at(target), author.id,
                    commentText(m_rng, author.dutch), at};
    const QByteArray id = c.id.toUtf8(), post = c.post.toUtf8(), authorId = c.author.toUtf8(), text = c.text.toUtf8();
    if (!begin() || !m_insertComment->bind(1, id).bind(2, post).bind(3, authorId).bind(4, text).bind(5, at).step()
        || !writeChange(protocol::kind::Comment, c.id, protocol::encode(c), at))
        return false;
    ++m_report.comments;
    return done();
}

bool BulkSeed::writeLike(qint64 at)
{
    const int written = int(m_postIds.size());
    const int people = int(m_people.size());
    int target = written - 1 - skewedIndex(m_rng, written);
    for (int tries = 0; m_likesPerPost.at(target) >= people && tries < written; ++tries)
        target = (target + 1) % written;
    if (m_likesPerPost.at(target) >= people)
        return true;   // every post so far is liked by everyone; drop this one
    // Each post's k-th like comes from a different person: (post*7 + k) mod people, so a
    // plain INSERT never meets an existing like.
    const int k = m_likesPerPost[target]++;
    const Like l{m_postIds.at(target), m_people.at(int((qint64(target) * 7 + k) % people)).id, true};
    const QByteArray post = l.post.toUtf8(), user = l.user.toUtf8();
    if (!begin() || !m_insertLike->bind(1, post).bind(2, user).bind(3, at).step()
        || !writeChange(protocol::kind::Like, l.post + QLatin1Char(':') + l.user, protocol::encode(l), at))
        return false;
    ++m_report.likes;
    return done();
}

Result<SeedReport> BulkSeed::run(const BulkSeedOptions &options)
{
    BulkSeedOptions o = options;
    if (o.people < 1 || o.posts < 0 || o.comments < 0 || o.likes < 0 || o.groups < 0 || o.rooms < 0 || o.messages < 0
        || o.batchRows < 1 || o.days < 1)
        return error(protocol::code::BadRequest, QStringLiteral("people must be at least 1; counts must not be negative"));
    if ((o.comments > 0 || o.likes > 0) && o.posts == 0)
        return error(protocol::code::BadRequest, QStringLiteral("comments and likes need posts"));
    if (qint64(o.likes) > qint64(o.posts) * o.people)
        return error(protocol::code::BadRequest, QStringLiteral("more likes than (post, person) pairs"));
    if (m_backend.users.count() != 0 || m_backend.log.head() != 0)
        return error(protocol::code::Conflict, QStringLiteral("the database is not empty; seed a fresh data dir"));
    if (o.messages > 0 && o.rooms == 0)
        return error(protocol::code::BadRequest, QStringLiteral("messages need rooms"));

    QElapsedTimer timer;
    timer.start();
    if (!o.anchor)
        o.anchor = (ids::nowMs() / HourMs) * HourMs;
    m_options = &o;
    m_rng = QRandomGenerator(o.seed);
    m_report = {};
    m_rows = m_inBatch = 0;
    m_open = false;
    m_postIds.clear();
    m_postIds.reserve(o.posts);
    m_likesPerPost = QList<int>(o.posts, 0);
    auto hash = password::hash(QLatin1String(DemoSeed::DemoPassword));
    if (!hash)
        return hash.error();
    m_passwordHash = hash.value();
    m_people = organisation(o.people, o.seed);
    // A fresh database that is thrown away if seeding fails: no fsync, and a page cache
    // large enough that the indexes being filled are not re-read from the file.
    m_backend.db.exec(QStringLiteral("PRAGMA synchronous=OFF"));
    m_backend.db.exec(QStringLiteral("PRAGMA cache_size=-262144"));
    // The timeline's rows go straight to SQLite (seed/BulkSql), with the secondary indexes
    // built once at the end.
    BulkLoad load(m_backend.db, {QStringLiteral("posts"), QStringLiteral("comments"), QStringLiteral("likes"),
                                 QStringLiteral("changes")});
    m_insertPost = std::make_unique<BulkStatement>(load.handle(), "INSERT INTO posts (id, author, text, created) VALUES (?, ?, ?, ?)");
    m_insertComment = std::make_unique<BulkStatement>(
        load.handle(), "INSERT INTO comments (id, post_id, author, text, created) VALUES (?, ?, ?, ?, ?)");
    m_insertLike = std::make_unique<BulkStatement>(load.handle(), "INSERT INTO likes (post_id, user_id, created) VALUES (?, ?, ?)");
    m_insertChange = std::make_unique<BulkStatement>(
        load.handle(), "INSERT INTO changes (audience, kind, entity, op, deleted, payload, created) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!m_insertPost->isValid() || !m_insertComment->isValid() || !m_insertLike->isValid() || !m_insertChange->isValid())
        return error(protocol::code::Internal, QStringLiteral("cannot prepare the bulk inserts"));
    // Benchmark data: no notifications are derived from it (features/notifications).
    m_backend.log.setObserving(false);
    const auto observeAgain = qScopeGuard([this] { m_backend.log.setObserving(true); });

    for (const BulkPerson &p : std::as_const(m_people)) {
        if (!writePerson(p))
            return fail(QStringLiteral("person"));
    }
    // Comments and likes follow the posts at the same average rate, each on a post already
    // written, so every reference is valid and times only go forward.
    const qint64 start = o.anchor - qint64(o.days) * 24 * HourMs;
    const qint64 span = o.anchor - start;
    qint64 commentsDue = 0, likesDue = 0;
    for (int n = 0; n < o.posts; ++n) {
        const qint64 at = start + span * n / qMax(1, o.posts);
        if (!writePost(n, at))
            return fail(QStringLiteral("post"));
        for (commentsDue += o.comments; commentsDue >= o.posts; commentsDue -= o.posts) {
            if (!writeComment(m_report.comments, at))
                return fail(QStringLiteral("comment"));
        }
        for (likesDue += o.likes; likesDue >= o.posts; likesDue -= o.posts) {
            if (!writeLike(at))
                return fail(QStringLiteral("like"));
        }
    }
    if (m_open && !m_backend.db.commit())
        return fail(QStringLiteral("commit"));
    m_open = false;
    m_insertPost.reset();
    m_insertComment.reset();
    m_insertLike.reset();
    m_insertChange.reset();
    if (!load.restore())
        return error(protocol::code::Internal, QStringLiteral("cannot build the indexes after seeding"));
    if (o.rooms > 0) {
        // Chat (seed/BulkChat): rooms of these people and their messages, after the timeline.
        QStringList ids;
        for (const BulkPerson &p : std::as_const(m_people))
            ids.append(p.id);
        auto chat = seedChat(m_backend, ids, o.rooms, o.messages, o.seed, o.batchRows);
        if (!chat)
            return chat.error();
        qCInfo(lcSeed, "seeded %d chat rooms with %d messages", chat->rooms, chat->messages);
    }
    if (o.groups > 0) {
        // Groups (seed/BulkGroups): every kind and visibility, members across departments.
        QStringList ids;
        for (const BulkPerson &p : std::as_const(m_people))
            ids.append(p.id);
        auto groups = seedGroups(m_backend, ids, o.groups, o.seed, o.batchRows);
        if (!groups)
            return groups.error();
    }
    if (m_progress)
        m_progress(m_rows);
    m_backend.db.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
    m_backend.db.exec(QStringLiteral("PRAGMA cache_size=-2000"));
    m_report.seeded = true;
    m_options = nullptr;
    qCInfo(lcSeed, "seeded %d people, %d posts, %d comments, %d likes (%lld entities, as many changes) in %lld ms",
           m_report.users, m_report.posts, m_report.comments, m_report.likes, m_rows, timer.elapsed());
    return m_report;
}

} // namespace plein::server
