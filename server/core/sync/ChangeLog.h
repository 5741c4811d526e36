#pragma once

#include "protocol/Messages.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace plein::server {

class Database;

// What a write appends to the change log; the seq is given by the store.
struct ChangeRecord
{
    QString audience;   // protocol::audience::Org, "user:<id>", ...
    QString kind;       // protocol::kind::*
    QString entity;     // entity id; for likes "<post>:<user>"
    QString op;         // the op that caused it, empty for seeds and admin commands
    bool deleted = false;
    QJsonObject data;   // encode(Post) etc.
};

// The change log: one global, strictly increasing seq over every change, each with the
// audience that may see it. Appends happen inside the writer's transaction, so an entity,
// its change and its applied op are committed together or not at all.
class ChangeLog
{
public:
    explicit ChangeLog(Database &db) : m_db(db) {}

    // The new seq, or 0 on failure (the caller rolls back).
    qint64 append(const ChangeRecord &change, qint64 at);
    // Sees every change append() writes, inside the same transaction, so what it derives
    // (notifications, features/notifications) commits or rolls back with it. It may append
    // changes itself. Returning false fails the append.
    using Observer = std::function<bool(const ChangeRecord &change, qint64 seq, qint64 at)>;
    void setObserver(Observer observer) { m_observer = std::move(observer); }
    // Bulk seeds for benchmarks turn it off (nothing is derived from what they write).
    void setObserving(bool on) { m_observing = on; }
    // The highest seq written so far (0 for an empty log).
    qint64 head();
    // Changes with after < seq <= upTo whose audience is in `audiences`, in seq order, at
    // most `limit`.
    QList<protocol::Change> read(qint64 after, qint64 upTo, const QStringList &audiences, int limit);
    // The same, where an audience listed in `floors` is read only above its floor (a scope
    // whose content up to there the client got as a snapshot).
    QList<protocol::Change> read(qint64 after, qint64 upTo, const QStringList &audiences, int limit,
                                 const QHash<QString, qint64> &floors);

    // Live fan-out reads a short range right after a commit, once per live stream. A range
    // of at most this many seqs is read once from the database (every audience) and kept, so
    // the other streams filter it in memory instead of each querying and parsing it again.
    static constexpr qint64 LiveWindow = 256;

private:
    struct Row
    {
        QString audience;
        protocol::Change change;
    };
    // Committed changes with m_windowFrom < seq <= m_windowTo (the log is append-only and
    // a seq is never reused once committed, so the window never goes stale).
    bool loadWindow(qint64 after, qint64 upTo);

    Database &m_db;
    Observer m_observer;
    bool m_observing = true;
    qint64 m_windowFrom = -1;
    qint64 m_windowTo = -1;
    QList<Row> m_window;
};

} // namespace plein::server
