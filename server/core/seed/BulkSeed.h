#pragma once

#include "protocol/Error.h"
#include "seed/DemoSeed.h"

#include <QString>

#include <functional>

namespace plein::server {

class Backend;

struct BulkSeedOptions
{
    int people = 100;
    int posts = 1000;
    int comments = 0;
    int likes = 0;
    int batchRows = 50000;      // entity rows per transaction
    qint64 anchor = 0;          // 0: the start of the current hour (UTC)
    int days = 365;             // the timeline spans this many days before the anchor
};

// Large, deterministic data sets for benchmarks (`plein-server seed ...`): people
// user00001..N (password DemoSeed::DemoPassword), then posts, comments and likes
// interleaved in time order so that the change log reads like a real history. Each batch
// of rows is one transaction through the prepared statements of the stores. Like the demo
// seed it only fills an empty database.
class BulkSeed
{
public:
    static constexpr quint32 RandomSeed = 7031;

    explicit BulkSeed(Backend &backend) : m_backend(backend) {}

    // Called after each committed batch with the rows written so far.
    void setProgress(std::function<void(qint64 rows)> progress) { m_progress = std::move(progress); }
    Result<SeedReport> run(const BulkSeedOptions &options);

private:
    Backend &m_backend;
    std::function<void(qint64)> m_progress;
};

} // namespace plein::server
