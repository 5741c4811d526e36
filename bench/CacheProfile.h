#pragma once

#include <QString>
#include <QUrl>

namespace plein::bench {

// A client profile whose replica holds `rows` cached rows (people, posts, comments, likes in
// the proportions 1 : 25 : 50 : 24 per hundred), written through the client core's
// ChangeApplier, as a sync would (ten sync batches per transaction, no fsync: only the
// result is measured). The replica belongs to
// `user00001` on `server`; built once per directory and reused while its marker (row count
// and schema version) matches.
struct CacheProfile
{
    QString dir;
    QUrl server;
    QString userName = QStringLiteral("user00001");
    QString userId;
    qint64 rows = 0;
    qint64 people = 0, posts = 0, comments = 0, likes = 0;
    QString replicaPath() const;
};

// Builds (or reuses) the profile; prints progress on stderr. Empty dir on failure.
CacheProfile ensureCacheProfile(const QString &dir, qint64 rows, bool *built = nullptr);

} // namespace plein::bench
