#include "sync/Hub.h"

#include "sync/SyncStream.h"

namespace plein::server {

void Hub::add(SyncStream *stream)
{
    if (!m_streams.contains(stream))
        m_streams.append(stream);
}

void Hub::remove(SyncStream *stream)
{
    m_streams.removeAll(stream);
}

void Hub::publish()
{
    m_streams.removeAll(nullptr);
    const auto streams = m_streams;   // a wake may end in a stream being removed
    for (const QPointer<SyncStream> &s : streams) {
        if (s)
            s->wake();
    }
}

void Hub::deliver(const protocol::Envelope &frame, const std::function<bool(const SyncStream &)> &to)
{
    for (const QPointer<SyncStream> &s : std::as_const(m_streams)) {
        if (s && to(*s))
            s->sendEphemeral(frame);
    }
}

} // namespace plein::server
