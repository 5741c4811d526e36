#pragma once

#include <QList>

namespace plein::client {
class ChangeApplier;
}

// The directory in the replica: profiles, skills, endorsements, expert questions, answers
// and notices, plus two full-text indexes kept by triggers (people by name, title,
// department, location and skills; posts by hashtag), so that search and expert ranking
// work offline.
namespace plein::client::peoplecache {

// The replica migration that adds the tables, indexes and triggers.
const QList<const char *> &migration();
// A later migration for the directory's search: the small index of leavers, so the whole
// directory is counted without reading every profile.
const QList<const char *> &searchMigration();
// Registers the appliers of the profile, endorsement, question, answer and notice kinds.
void registerKinds(ChangeApplier &applier);

} // namespace plein::client::peoplecache
