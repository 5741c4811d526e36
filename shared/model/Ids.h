#pragma once

#include <QString>
#include <QtGlobal>

namespace plein::ids {

// A new random UUID (v4) without braces: the id of every entity and every op.
QString create();
// A deterministic UUID (v5) for seeded data, so a seed gives the same ids on every run.
QString derived(const QString &name);
// True for a UUID in the form create() produces.
bool isValid(const QString &id);

qint64 nowMs();

} // namespace plein::ids
