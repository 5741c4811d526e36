#pragma once

#include <QList>
#include <QPointer>

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
    qsizetype streamCount() const { return m_streams.size(); }

private:
    QList<QPointer<SyncStream>> m_streams;
};

} // namespace plein::server
