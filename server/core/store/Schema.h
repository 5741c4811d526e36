#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace plein::server {

// One step of the schema. Steps run in order, each in its own transaction that also sets
// PRAGMA user_version to `version`; a shipped step never changes, a new one is appended.
struct Migration
{
    int version;
    QString description;
    QStringList statements;
};

const QList<Migration> &migrations();

} // namespace plein::server
