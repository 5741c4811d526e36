#pragma once

#include "protocol/Error.h"
#include "seed/DemoSeed.h"

#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QString>

#include <functional>
#include <memory>

namespace plein::server {

class Backend;
class BulkStatement;

struct BulkSeedOptions
{
    int people = 100;
    int posts = 1000;
    int comments = 0;
    int likes = 0;
    // Accepted so that one command line describes a whole organisation; they generate
    // nothing until the stores for groups and chat exist (their issues add a generator).
    int groups = 0;
    int rooms = 0;
    int messages = 0;
    quint32 seed = 7031;        // the same seed and counts give the same data, byte for byte
    int batchRows = 50000;      // entity rows per transaction
    qint64 anchor = 0;          // 0: the start of the current hour (UTC)
    int days = 365;             // the timeline spans this many days before the anchor
};

// One generated person: where it sits in the organisation.
struct BulkPerson
{
    QString id;
    QString name;          // user00001 ...
    QString displayName;
    QString department;
    QString title;
    int manager = -1;      // index of the manager; -1 for the director
    bool dutch = true;     // writes in Dutch (else English)
};

// Large, deterministic organisations for benchmarks (`plein-server seed ...`): people
// user00001..N (password DemoSeed::DemoPassword) in departments with teams, team leads and
// heads; then posts, comments and likes interleaved in time order so that the change log
// reads like a real history. Activity is skewed (a few people write most), texts are Dutch
// or English with realistic lengths. Each batch of rows is one transaction through the
// prepared statements of the stores. Like the demo seed it only fills an empty database.
//
// Extending: one generator per kind (writePerson, writePost, writeComment, writeLike); a new
// kind adds its generator and a count in BulkSeedOptions, and is scheduled in run().
class BulkSeed
{
public:
    static constexpr quint32 RandomSeed = 7031;

    explicit BulkSeed(Backend &backend);
    ~BulkSeed();

    // Called after each committed batch with the rows written so far.
    void setProgress(std::function<void(qint64 rows)> progress) { m_progress = std::move(progress); }
    Result<SeedReport> run(const BulkSeedOptions &options);

    // The organisation run() generates for `people` people (no database needed): index i is
    // user i + 1. Departments are contiguous blocks; the first person of a department is its
    // head (reporting to person 0, the director), each team of up to 8 has a lead.
    static QList<BulkPerson> organisation(int people, quint32 seed);
    // The author of the n-th post: Zipf-like, so about 10% of the people write half the posts.
    static int skewedIndex(QRandomGenerator &rng, int count);
    // A post or comment text in the given language, 1 to ~12 sentences, mostly short.
    static QString postText(QRandomGenerator &rng, bool dutch);
    static QString commentText(QRandomGenerator &rng, bool dutch);

private:
    // Batching shared by the generators: begin() before a row, done() after it.
    bool begin();
    bool done();
    Error fail(const QString &what);

    bool writePerson(const BulkPerson &person);
    bool writePost(int n, qint64 at);
    bool writeComment(int n, qint64 at);
    bool writeLike(qint64 at);
    bool writeChange(const char *kind, const QString &entity, const QJsonObject &data, qint64 at);

    Backend &m_backend;
    std::function<void(qint64)> m_progress;
    // Run state (valid inside run()).
    const BulkSeedOptions *m_options = nullptr;
    QRandomGenerator m_rng;
    QList<BulkPerson> m_people;
    QList<QString> m_postIds;
    QList<int> m_likesPerPost;
    SeedReport m_report;
    qint64 m_rows = 0;
    qint64 m_inBatch = 0;
    bool m_open = false;
    QString m_passwordHash;
    // Prepared once for the run (seed/BulkSql): posts, comments, likes, changes.
    std::unique_ptr<BulkStatement> m_insertPost, m_insertComment, m_insertLike, m_insertChange;
};

} // namespace plein::server
