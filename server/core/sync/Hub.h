#pragma once

#include <QList>
#include <QPointer>

#include <functional>

namespace plein::protocol {
struct Envelope;
}

namespace plein::server {

class SyncStream;

// Fan-out: after a write commits, every live stream is woken and reads what it has not
// sent yet from the change log. Each stream filters by its user's audiences and tracks
// its own cursor, so a change reaches a session once, in order, with no gap.
class Hub
{
public:
    void add(SyncStream *stream);
    void remove(SyncStream *stream);
    // Call after a commit that appended changes.
    void publish();
    // An ephemeral frame (typing, presence): never logged, sent now to every live stream
    // `to` accepts; a session that is not connected simply misses it.
    void deliver(const protocol::Envelope &frame, const std::function<bool(const SyncStream &)> &to);
    qsizetype streamCount() const { return m_streams.size(); }

private:
    QList<QPointer<SyncStream>> m_streams;
};

} // namespace plein::server
