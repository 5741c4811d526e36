#pragma once

#include "cache/ChangeApplier.h"
#include "cache/Outbox.h"
#include "protocol/Envelope.h"
#include "sync/Backoff.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QTimer;
class QWebSocket;

namespace plein::client {

// The sync side of a session, living on its own thread: it owns the WebSocket, the
// replica's write connection, the applier and the outbox sender.
//
// connect -> hello -> auth.login / auth.resume -> sync {since: cursor} -> `changes` batches
// applied one transaction each -> sync.done -> live pushes. Outbox rows are sent in order
// whenever signed in and kept until acknowledged; after a drop the engine reconnects with
// jittered exponential backoff, resumes with its token and sends what is still queued (the
// server answers a repeated op with the same ack). Only a complete sync (sync.done) resets
// the backoff, so a connection that breaks the same way every time (a message over the
// size limit, a refused sync) comes back slower and slower rather than in a tight loop.
//
// Call the public functions on the engine's thread (QMetaObject::invokeMethod).
class SyncEngine : public QObject
{
    Q_OBJECT
public:
    enum class State { Offline, Connecting, Online };
    Q_ENUM(State)

    explicit SyncEngine(QObject *parent = nullptr);
    ~SyncEngine() override;

    // Opens the replica's write connection on this thread. Emits replicaFailed on error.
    void openReplica(const QString &path);
    void connectWithPassword(const QUrl &server, const QString &userName, const QString &password);
    void connectWithToken(const QUrl &server, const QString &token);
    // Closes the socket and stops reconnecting; queued writes stay in the outbox.
    void disconnectFromServer();
    // Revokes the token on the server when online, then disconnects for good.
    void signOut();
    // The outbox got new rows: send them when signed in.
    void kick();
    void setBackoffRange(int minMs, int maxMs);
    // The largest message (and frame) accepted from the server; a larger one breaks the
    // connection, which is then resynced from the cursor. Tests lower it; default below.
    void setMaxIncomingBytes(quint64 bytes);
    // How the outbox is sent: at most maxInFlight writes unanswered, paced below the server's
    // request limit so that a long queue is not refused half-way (refusals can reorder
    // writes). perSecond <= 0 turns pacing off (tests that want refusals).
    void setOutboxLimits(int maxInFlight, double perSecond, int burst);
    // Asks for items of `scope` older than `before` (ScopeCache's history mark); the page
    // is cached when it comes and historyFetched() follows. Dropped while offline.
    void requestHistory(const QString &scope, qint64 before, int limit);
    // A frame outside the outbox that is not worth keeping (typing, presence): sent now
    // when signed in, dropped otherwise.
    void sendEphemeral(const QString &type, const QJsonObject &body);
    // A request outside the outbox (photo pieces, search-gap records): answered with
    // requestAnswered(id, ...) or requestFailed(id, ...); at once with code "offline" when
    // not signed in, and for every unanswered one when the connection drops.
    void sendRequest(const QString &id, const QString &type, const QJsonObject &body);

    // Protocol timing; the defaults suit people, tests may shorten them.
    static constexpr int ConnectTimeoutMs = 15000;  // socket open through auth.ok
    static constexpr int PingIntervalMs = 15000;
    static constexpr int SilenceLimitMs = 45000;    // no frame at all for this long: drop
    static constexpr int DefaultMaxInFlight = 64;   // writes sent but not answered
    // Below limits::RequestsPerSecond / RequestBurst, leaving room for pings and sync.
    static constexpr double DefaultPacePerSecond = 40.0;
    static constexpr int DefaultPaceBurst = 200;
    // Incoming frames may be far larger than what the server accepts: a changes frame holds
    // up to 500 changes of up to 10,000 characters each.
    static constexpr quint64 MaxIncomingBytes = 64ull * 1024 * 1024;

signals:
    void stateChanged(plein::client::SyncEngine::State state);
    void signedIn(const QString &token);
    // retryAfter: seconds before the server takes another attempt (auth_throttled), else 0.
    void signInFailed(const QString &code, const QString &message, int retryAfter);
    void synced(qint64 head);
    void cacheChanged();
    void outboxChanged();
    void writeAcked(const QString &op, qint64 seq);
    void writeFailed(const QString &op, const QString &code, const QString &message);
    // A history page (or, with snapshot, the recent content of a newly joined scope) is cached.
    void historyFetched(const QString &scope, int count, bool more);
    // chat.typing or presence from the server.
    void ephemeralReceived(const QString &type, const QJsonObject &body);
    void requestAnswered(const QString &id, const QString &type, const QJsonObject &body);
    void requestFailed(const QString &id, const QString &code, const QString &message);
    // The server could not be reached or the connection broke; reconnecting continues.
    void connectionError(const QString &message);
    void replicaFailed(const QString &message);

private:
    enum class Phase { Closed, Opening, Hello, Auth, Live };

    void ensureSocket();
    void open();
    void onConnected();
    void onDisconnected();
    void reportOversize();
    void onSocketError();
    void onText(const QString &text);
    void onMessage(const protocol::Envelope &e);
    void onHello(const protocol::Envelope &e);
    void onAuthOk(const protocol::Envelope &e);
    void onChanges(const protocol::Envelope &e);
    void onScopePage(const protocol::Envelope &e, bool snapshot);
    void onAck(const protocol::Envelope &e);
    void onError(const protocol::Envelope &e);
    void onWriteError(const QString &op, const QString &code, const QString &message, int retryAfter);
    void onPingTick();
    void pump();
    bool takeSendToken();
    void drop();
    void scheduleReconnect();
    void stopForGood(const QString &code, const QString &message, int retryAfter = 0);
    void send(protocol::Envelope e);
    QString nextId();
    void setState(State s);

    QWebSocket *m_socket = nullptr;
    QTimer *m_reconnectTimer = nullptr;
    QTimer *m_connectTimer = nullptr;
    QTimer *m_pingTimer = nullptr;
    QTimer *m_retryTimer = nullptr;
    QTimer *m_paceTimer = nullptr;
    QElapsedTimer m_sinceLastFrame;

    QString m_connectionName;
    std::unique_ptr<ChangeApplier> m_applier;
    std::unique_ptr<Outbox> m_outbox;

    QUrl m_server;
    QString m_userName;
    QString m_password;  // only until the first auth.ok; the token is used after that
    QString m_token;
    bool m_wanted = false;  // keep (re)connecting
    Phase m_phase = Phase::Closed;
    State m_state = State::Offline;
    Backoff m_backoff{500, 30000};  // reset by a complete sync, not by a sign-in alone
    quint64 m_maxIncoming = MaxIncomingBytes;
    quint64 m_nextId = 0;
    QString m_helloId;
    QString m_authId;
    QString m_syncId;
    QString m_logoutId;

    // Outbox sending: ops sent and not yet answered, in order; the last ord sent.
    QStringList m_inFlight;
    QStringList m_requests;   // ids of sendRequest() requests not answered yet
    qint64 m_lastSentOrd = 0;
    bool m_retryWaiting = false;  // a transient error: later answers are retried too
    bool m_retryDue = false;      // resend from the start once in-flight answers are in
    // Token bucket for outbox frames, refilled per connection.
    int m_maxInFlight = DefaultMaxInFlight;
    double m_pacePerSecond = DefaultPacePerSecond;
    int m_paceBurst = DefaultPaceBurst;
    double m_tokens = 0;
    QElapsedTimer m_paceClock;
};

} // namespace plein::client
