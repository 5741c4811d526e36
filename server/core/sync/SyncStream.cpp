#include "sync/SyncStream.h"

#include "Logging.h"
#include "protocol/Limits.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"
#include "sync/ChangeLog.h"
#include "sync/Hub.h"
#include "sync/Scopes.h"

namespace plein::server {

void FrameSink::sendText(const QString &text)
{
    if (auto e = protocol::Envelope::decode(text.toUtf8()))
        sendFrame(e.value());
}

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

void SyncStream::setScopes(const Scopes *scopes, const QString &userId)
{
    m_scopes = scopes;
    m_userId = userId;
    m_scopeGeneration = 0;
}

void SyncStream::sendEphemeral(const QString &text)
{
    if (m_phase != Phase::Idle)
        m_sink.sendText(text);
}

void SyncStream::refreshScopes()
{
    m_scopeGeneration = m_scopes->generation();
    const QHash<QString, qint64> mine = m_scopes->scopesOf(m_userId);
    for (auto it = m_floors.begin(); it != m_floors.end();) {
        if (mine.contains(it.key()))
            ++it;
        else
            it = m_floors.erase(it);   // left: nothing more of it reaches this client
    }
    for (auto it = mine.constBegin(); it != mine.constEnd(); ++it) {
        // Joined after the client's cursor: the client has nothing of it yet.
        if (!m_floors.contains(it.key())) {
            const bool due = it.value() > m_cursor;
            m_floors.insert(it.key(), due ? SnapshotDue : 0);
            m_snapshotsDue = m_snapshotsDue || due;
        }
    }
}

bool SyncStream::sendNextSnapshot(qint64 head)
{
    // Most pumps have none due: skip the walk over every scope of the user.
    if (!m_snapshotsDue)
        return false;
    for (auto it = m_floors.begin(); it != m_floors.end(); ++it) {
        if (it.value() != SnapshotDue)
            continue;
        m_sink.sendText(QString::fromUtf8(
            m_scopes->pageFrame(protocol::type::ScopeSnapshot, {}, it.key(), 0, protocol::scope::SnapshotSize)));
        // The snapshot is the scope's state at head (nothing commits within this turn).
        it.value() = head;
        return true;
    }
    m_snapshotsDue = false;
    return false;
}

void SyncStream::start(const QString &requestId, qint64 since)
{
    m_requestId = requestId;
    m_cursor = since;
    m_floors.clear();
    if (m_scopes)
        refreshScopes();
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

void SyncStream::pumpLive(qint64 head)
{
    // A stream whose own pump is pending or that waits for its socket goes on by itself.
    if (m_phase == Phase::Live && !m_waitingForDrain && !m_next.isActive())
        pumpAt(head);
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
    if (m_phase != Phase::Idle)
        pumpAt(m_log.head());
}

void SyncStream::sendBatch(const QList<protocol::Change> &batch)
{
    // Room for the envelope around the changes; a single change is always far below it
    // (texts, profiles and pages have their own limits).
    constexpr qint64 Budget = limits::MaxMessageBytes - 4096;
    QString text;
    if (m_phase == Phase::Live) {
        text = m_hub.liveFrame(batch);
    } else {
        protocol::Envelope e;
        e.type = QLatin1String(protocol::type::Changes);
        if (m_phase == Phase::Syncing)
            e.re = m_requestId;
        e.body = protocol::encode(protocol::ChangesBody{batch});
        text = QString::fromUtf8(e.encode());
    }
    // A UTF-16 unit is at most three UTF-8 bytes: count exactly only when that bound is passed.
    const bool fits = text.size() * 3 <= Budget || text.toUtf8().size() <= Budget;
    if (fits || batch.size() == 1) {
        m_sink.sendText(text);
        return;
    }
    const qsizetype half = batch.size() / 2;
    sendBatch(batch.first(half));
    sendBatch(batch.sliced(half));
}

void SyncStream::pumpAt(qint64 head)
{
    if (m_sink.bufferedBytes() > HighWaterBytes) {
        m_waitingForDrain = true;
        return;
    }
    if (m_scopes && m_scopes->generation() != m_scopeGeneration)
        refreshScopes();
    const QList<protocol::Change> batch =
        m_floors.isEmpty() ? m_log.read(m_cursor, head, m_audiences, limits::SyncBatchSize)
                           : m_log.read(m_cursor, head, m_audiences + m_floors.keys(), limits::SyncBatchSize, m_floors);
    if (!batch.isEmpty())
        sendBatch(batch);
    if (batch.size() == limits::SyncBatchSize) {
        m_cursor = batch.constLast().seq;
        schedule();
        return;
    }
    // Everything visible up to head has been sent; invisible changes are skipped too.
    m_cursor = qMax(m_cursor, head);
    // Then the snapshots of newly joined scopes, one per turn so flow control applies.
    if (m_scopes && sendNextSnapshot(head)) {
        schedule();
        return;
    }
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
