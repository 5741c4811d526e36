#pragma once

#include "protocol/Error.h"
#include "seed/BulkSeed.h"

#include <QList>

namespace plein::server {

class Backend;

struct BulkPeopleReport
{
    int profiles = 0;
    int photos = 0;         // distinct portraits stored
    int withPhoto = 0;      // people showing one of them
    int endorsements = 0;
};

// The directory part of `plein-server seed`, run after BulkSeed on the people it made: a
// profile for everyone (location, the manager from the organisation, phone, bio, skills from
// the department's pool, languages, start date: heads and leads joined earlier, a few people
// this month), endorsements between colleagues of one department, and portraits. Portraits
// stay cheap at any size: a fixed set of variants is drawn (PeopleDemo::portrait) and stored
// once each, and about seven in ten people show one of them (the rest keep their initials),
// so a client fetches a few dozen photos however large the organisation. Deterministic for a
// given seed; one transaction per batch of rows.
class BulkPeople
{
public:
    static constexpr int PortraitVariants = 48;
    static constexpr int PortraitSide = 256;

    explicit BulkPeople(Backend &backend) : m_backend(backend) {}
    Result<BulkPeopleReport> run(const QList<BulkPerson> &people, const BulkSeedOptions &options);

    // The skill pool of a department of the generated organisation.
    static QStringList skillPool(const QString &department);

private:
    Backend &m_backend;
};

} // namespace plein::server
