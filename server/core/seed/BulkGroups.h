#pragma once

#include "protocol/Error.h"

#include <QStringList>

namespace plein::server {

class Backend;

// Groups for `plein-server seed --groups N`: N groups of every kind (team, department,
// location, project, interest) and visibility (about 6 in 10 open, 3 closed, 1 secret), each
// with an owner and 3-40 members drawn from the whole organisation (so memberships cross
// departments), and 5-15 posts each; every third group a blog page by a member, and every
// fifth owner one on their profile. Rows, memberships (Scopes) and their changes are what
// live writes make. Deterministic for a seed; commits in batches; call inside no transaction.
struct BulkGroupsReport
{
    int groups = 0;
    int memberships = 0;
    int posts = 0;
    int blogPages = 0;
};
Result<BulkGroupsReport> seedGroups(Backend &backend, const QStringList &people, int groups, quint32 seed,
                                    int batchRows = 20000);

} // namespace plein::server
