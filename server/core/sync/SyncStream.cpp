#include "sync/SyncStream.h"

#include "Logging.h"
#include "protocol/Limits.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"
#include "sync/ChangeLog.h"
#include "sync/Hub.h"

namespace plein::server {

SyncStream::SyncStream(ChangeLog &log, Hub &hub, FrameSink &sink, const QStringList &audiences, QObject *parent)
    : QObject(parent), m_log(log), m_hub(hub), m_sink(sink), m_audiences(audiences)
{
    m_next.setSingleShot(true);
    m_next.setInterval(0);
    connect(&m_next, &QTimer::timeout, this, &SyncStream::pump);
}

SyncStream::~SyncStream()
{
    m_hub.remove(this);
}

void SyncStream::start(const QString &requestId, qint64 since)
{
    m_requestId = requestId;
    m_cursor = since;
    m_phase = Phase::Syncing;
    m_hub.add(this);
    schedule();
}

void SyncStream::wake()
{
    // While syncing, the running pump reads up to the newest head anyway.
    if (m_phase == Phase::Live)
        schedule();
}

void SyncStream::drained()
{
    if (m_waitingForDrain) {
        m_waitingForDrain = false;
        schedule();
    }
}

void SyncStream::schedule()
{
    if (!m_waitingForDrain && !m_next.isActive())
        m_next.start();
}

void SyncStream::pump()
{
    if (m_phase == Phase::Idle)
        return;
    if (m_sink.bufferedBytes() > HighWaterBytes) {
        m_waitingForDrain = true;
        return;
    }
    const qint64 head = m_log.head();
    const QList<protocol::Change> batch = m_log.read(m_cursor, head, m_audiences, limits::SyncBatchSize);
    if (!batch.isEmpty()) {
        protocol::Envelope e;
        e.type = QLatin1String(protocol::type::Changes);
        if (m_phase == Phase::Syncing)
            e.re = m_requestId;
        e.body = protocol::encode(protocol::ChangesBody{batch});
        m_sink.sendFrame(e);
    }
    if (batch.size() == limits::SyncBatchSize) {
        m_cursor = batch.constLast().seq;
        schedule();
        return;
    }
    // Everything visible up to head has been sent; invisible changes are skipped too.
    m_cursor = qMax(m_cursor, head);
    if (m_phase == Phase::Syncing) {
        protocol::Envelope done;
        done.type = QLatin1String(protocol::type::SyncDone);
        done.re = m_requestId;
        done.body = protocol::encode(protocol::SyncDoneBody{m_cursor});
        m_sink.sendFrame(done);
        m_phase = Phase::Live;
        qCDebug(lcSync, "sync done at %lld", m_cursor);
        emit synced(m_cursor);
    }
}

} // namespace plein::server
