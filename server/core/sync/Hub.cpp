#include "sync/Hub.h"

#include "protocol/Envelope.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"
#include "sync/ChangeLog.h"
#include "sync/SyncStream.h"

namespace plein::server {

namespace {
// Frames kept for sharing; a pump needs a handful (one per distinct audience set).
constexpr qsizetype MaxFrames = 256;
} // namespace

Hub::Hub()
{
    m_pump.setSingleShot(true);
    m_pump.setInterval(0);
    m_pump.callOnTimeout(&m_pump, [this] { pumpLive(); });
}

void Hub::add(SyncStream *stream)
{
    m_log = &stream->changeLog();
    if (!m_streams.contains(stream))
        m_streams.append(stream);
}

void Hub::remove(SyncStream *stream)
{
    m_streams.removeAll(stream);
}

void Hub::publish()
{
    // After the writer's turn, once: commits in the same turn share the pump.
    if (!m_pump.isActive())
        m_pump.start();
}

void Hub::pumpLive()
{
    m_streams.removeAll(nullptr);
    if (m_streams.isEmpty() || !m_log)
        return;
    m_frames.clear();
    const qint64 head = m_log->head();
    const auto streams = m_streams;   // a send may end in a stream being removed
    for (const QPointer<SyncStream> &s : streams) {
        if (s)
            s->pumpLive(head);
    }
}

QString Hub::liveFrame(const QList<protocol::Change> &batch)
{
    QList<qint64> key;
    key.reserve(batch.size());
    for (const protocol::Change &c : batch)
        key.append(c.seq);
    auto it = m_frames.constFind(key);
    if (it != m_frames.constEnd())
        return it.value();
    if (m_frames.size() >= MaxFrames)
        m_frames.clear();
    protocol::Envelope e;
    e.type = QLatin1String(protocol::type::Changes);
    e.body = protocol::encode(protocol::ChangesBody{batch});
    const QString text = QString::fromUtf8(e.encode());
    m_frames.insert(key, text);
    return text;
}

void Hub::deliver(const protocol::Envelope &frame, const std::function<bool(const SyncStream &)> &to)
{
    QString text;
    for (const QPointer<SyncStream> &s : std::as_const(m_streams)) {
        if (!s || !to(*s))
            continue;
        if (text.isNull())
            text = QString::fromUtf8(frame.encode());
        s->sendEphemeral(text);
    }
}

} // namespace plein::server
