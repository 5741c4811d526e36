#pragma once

#include "protocol/Error.h"

#include <QString>
#include <QtGlobal>

namespace plein::server {

class Backend;

struct SeedReport
{
    bool seeded = false;   // false: the database already held data and was left alone
    int users = 0;
    int posts = 0;
    int comments = 0;
    int likes = 0;
};

// The --demo data set: a fictional organisation (48 people in 9 departments, Dutch and
// English names and titles) and a few hundred timeline posts in Dutch and English with
// comments and likes, spread over the four weeks before the anchor.
//
// Deterministic: a fixed QRandomGenerator seed and ids from ids::derived("demo:..."), so
// every run makes the same people, texts, ids, authors and order. Times are offsets back
// from the anchor, by default the start of the current hour (UTC), so the demo always
// looks recent; setAnchor() pins them for a fully reproducible set.
//
// Seeds only an empty database (no users, no changes); anywhere else it does nothing.
// Every demo user's password is DemoPassword; it is hashed once and the PHC string reused.
// Rows go in one transaction in time order, so the change log reads like a real history.
class DemoSeed
{
public:
    static constexpr quint32 RandomSeed = 20240611;
    static constexpr int PostCount = 320;
    static constexpr int Days = 28;
    static constexpr char DemoPassword[] = "plein-demo";

    explicit DemoSeed(Backend &backend);

    void setAnchor(qint64 msSinceEpoch) { m_anchor = msSinceEpoch; }
    Result<SeedReport> run();

private:
    Backend &m_backend;
    qint64 m_anchor = 0;
};

} // namespace plein::server
