#pragma once

#include "model/Types.h"

#include <QString>
#include <QStringList>

// Who may see and who may write what. Version 1 has one shared audience (org) plus a
// private one per user; groups and rooms will add theirs here.
namespace plein::server {
class Scopes;
}

namespace plein::server::audience {

// The audiences whose changes this user's sessions receive.
QStringList visibleTo(const Person &user);
// The same plus every scope ("room:<id>", "group:<id>") the user is a member of.
QStringList visibleTo(const Person &user, const Scopes &scopes);
bool maySee(const Person &user, const QString &audience);
// Whether the user may publish to `audience` (the timeline: every signed-in user).
bool mayWrite(const Person &user, const QString &audience);

} // namespace plein::server::audience
