#pragma once

#include "protocol/Envelope.h"
#include "protocol/Messages.h"

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <limits>

namespace plein::server {

class ChangeLog;
class Hub;
class Scopes;

// Where a stream writes its frames: the session's socket.
class FrameSink
{
public:
    virtual ~FrameSink() = default;
    virtual void sendFrame(const protocol::Envelope &frame) = 0;
    // A frame already encoded (shared by many sessions: Hub::liveFrame). The default
    // decodes it for sinks that only take envelopes.
    virtual void sendText(const QString &text);
    // Bytes queued on the socket and not yet written to the network.
    virtual qint64 bufferedBytes() const = 0;
};

// One session's view of the change log. start() streams every visible change after the
// client's cursor in `changes` frames of limits::SyncBatchSize (re = the sync request's
// id), then `sync.done {head}`; from then on wake() pushes new changes without `re`.
//
// One batch is sent per turn of the event loop, and none while more than HighWaterBytes
// wait in the socket's buffer, so a sync of a huge log neither blocks the server nor fills
// its memory. The cursor is the highest seq the session has been brought up to (sent, or
// skipped as not visible), so the live stream continues exactly where the sync stopped.
class SyncStream : public QObject
{
    Q_OBJECT
public:
    enum class Phase { Idle, Syncing, Live };
    Q_ENUM(Phase)

    static constexpr qint64 HighWaterBytes = 1024 * 1024;
    static constexpr qint64 LowWaterBytes = 256 * 1024;

    SyncStream(ChangeLog &log, Hub &hub, FrameSink &sink, const QStringList &audiences, QObject *parent = nullptr);
    ~SyncStream() override;

    // Adds the scoped audiences of `userId` (see Scopes), kept current as memberships
    // change. A scope the user joined after the client's cursor is not streamed from the
    // log: once the stream has caught up with the head it sends one `scope.snapshot` of it
    // and continues with that scope's changes after the snapshot. Call before start().
    void setScopes(const Scopes *scopes, const QString &userId);
    // A (new) sync request; a stream already running restarts from `since`.
    void start(const QString &requestId, qint64 since);
    // New changes were committed (a running pump reads them anyway; a live stream is
    // pumped by its Hub once per commit, see pumpLive()).
    void wake();
    // From the Hub after a commit: a live stream sends what it has up to `head` now.
    void pumpLive(qint64 head);
    // The socket's buffer went below LowWaterBytes.
    void drained();

    Phase phase() const { return m_phase; }
    QString userId() const { return m_userId; }
    // Whether the stream carries `scope` (its user is a member; see setScopes()).
    bool hasScope(const QString &scope) const { return m_floors.contains(scope); }
    // A frame outside the change log (Hub::deliver); dropped before the stream started.
    void sendEphemeral(const QString &text);
    qint64 cursor() const { return m_cursor; }
    ChangeLog &changeLog() const { return m_log; }

signals:
    void synced(qint64 head);

private:
    void pump();
    void pumpAt(qint64 head);
    // Sends one read batch as `changes` frames, split so that none passes the peer's
    // message limit (a batch of 500 large profiles would).
    void sendBatch(const QList<protocol::Change> &batch);
    void schedule();
    void refreshScopes();
    bool sendNextSnapshot(qint64 head);

    ChangeLog &m_log;
    Hub &m_hub;
    FrameSink &m_sink;
    QStringList m_audiences;
    const Scopes *m_scopes = nullptr;
    QString m_userId;
    quint64 m_scopeGeneration = 0;
    // Scope -> the seq up to which the client has its content from a snapshot;
    // SnapshotDue while the snapshot is still to be sent (the log is not read for it).
    QHash<QString, qint64> m_floors;
    static constexpr qint64 SnapshotDue = std::numeric_limits<qint64>::max();
    bool m_snapshotsDue = false;   // some floor may be SnapshotDue
    QString m_requestId;
    qint64 m_cursor = 0;
    Phase m_phase = Phase::Idle;
    bool m_waitingForDrain = false;
    QTimer m_next;
};

} // namespace plein::server
