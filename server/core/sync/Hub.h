#pragma once

#include <QHash>
#include <QList>
#include <QPointer>
#include <QString>
#include <QTimer>

#include <functional>

namespace plein::protocol {
struct Envelope;
struct Change;
}

namespace plein::server {

class ChangeLog;
class SyncStream;

// Fan-out: after a write commits, every live stream reads what it has not sent yet from
// the change log. Each stream filters by its user's audiences and tracks its own cursor,
// so a change reaches a session once, in order, with no gap.
//
// What is the same for many sessions is done once: one deferred pump per commit walks the
// live streams (not a timer per stream), the log's head is read once per pump, the changes
// are read once (ChangeLog's live window), and a `changes` frame is encoded once per
// distinct batch and its text shared by every stream that sends that batch.
class Hub
{
public:
    Hub();
    void add(SyncStream *stream);
    void remove(SyncStream *stream);
    // Call after a commit that appended changes.
    void publish();
    // An ephemeral frame (typing, presence): never logged, sent now to every live stream
    // `to` accepts; a session that is not connected simply misses it. Encoded once.
    void deliver(const protocol::Envelope &frame, const std::function<bool(const SyncStream &)> &to);
    qsizetype streamCount() const { return m_streams.size(); }

    // The text of a live `changes` frame (no `re`) holding exactly `batch`, encoded on first
    // use and shared afterwards: committed changes never change, so equal seqs mean an
    // equal frame.
    QString liveFrame(const QList<protocol::Change> &batch);

private:
    void pumpLive();

    QList<QPointer<SyncStream>> m_streams;
    ChangeLog *m_log = nullptr;   // the log every stream reads (set by the first add())
    QTimer m_pump;
    QHash<QList<qint64>, QString> m_frames;
};

} // namespace plein::server
