#include "sync/SyncEngine.h"

#include "Logging.h"
#include "cache/Replica.h"
#include "cache/Transaction.h"
#include "protocol/Limits.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"

#include <QSqlQuery>
#include <QSysInfo>
#include <QTimer>
#include <QWebSocket>

#include <cmath>

namespace plein::client {

namespace {

QLatin1String l1(const char *s)
{
    return QLatin1String(s);
}

// Errors that say the write itself is wrong: resending it cannot help.
bool isPermanent(const QString &code)
{
    return code == l1(protocol::code::BadRequest) || code == l1(protocol::code::TooLarge)
           || code == l1(protocol::code::Forbidden) || code == l1(protocol::code::NotFound)
           || code == l1(protocol::code::Conflict);
}

QUrl socketUrl(QUrl url)
{
    if (url.scheme() == QLatin1String("http"))
        url.setScheme(QStringLiteral("ws"));
    else if (url.scheme() == QLatin1String("https"))
        url.setScheme(QStringLiteral("wss"));
    return url;
}

} // namespace

SyncEngine::SyncEngine(QObject *parent) : QObject(parent)
{
}

SyncEngine::~SyncEngine()
{
    m_wanted = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
    m_applier.reset();
    m_outbox.reset();
    if (!m_connectionName.isEmpty())
        Replica::close(m_connectionName);
}

void SyncEngine::openReplica(const QString &path)
{
    m_connectionName = Replica::uniqueConnectionName(QStringLiteral("sync"));
    auto db = Replica::open(path, m_connectionName, Replica::Access::ReadWrite);
    if (!db) {
        m_connectionName.clear();
        qCWarning(lcSync) << db.error().message;
        emit replicaFailed(db.error().message);
        return;
    }
    // This connection writes only what the server already holds (change batches, outbox
    // settlement), so a power cut may lose its last commits and the next sync brings them
    // again (ops are idempotent): no fsync per batch. The user's own writes keep FULL on
    // LocalWriter's connection. This took the initial sync from fsync-bound to CPU-bound.
    QSqlQuery relaxed(db.value());
    relaxed.exec(QStringLiteral("PRAGMA synchronous = NORMAL"));
    m_applier = std::make_unique<ChangeApplier>(db.value());
    m_outbox = std::make_unique<Outbox>(db.value());
    ensureSocket();
}

void SyncEngine::ensureSocket()
{
    if (m_socket)
        return;
    m_socket = new QWebSocket(QStringLiteral("plein"), QWebSocketProtocol::VersionLatest, this);
    m_socket->setMaxAllowedIncomingFrameSize(m_maxIncoming);
    m_socket->setMaxAllowedIncomingMessageSize(m_maxIncoming);
    connect(m_socket, &QWebSocket::connected, this, &SyncEngine::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &SyncEngine::onDisconnected);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, &SyncEngine::onSocketError);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &SyncEngine::onText);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, [](const QByteArray &) {
        qCWarning(lcSync) << "ignoring a binary frame";
    });

    m_reconnectTimer = new QTimer(this);
    m_reconnectTimer->setSingleShot(true);
    connect(m_reconnectTimer, &QTimer::timeout, this, &SyncEngine::open);
    m_connectTimer = new QTimer(this);
    m_connectTimer->setSingleShot(true);
    m_connectTimer->setInterval(ConnectTimeoutMs);
    connect(m_connectTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcSync) << "no sign-in within" << ConnectTimeoutMs << "ms; dropping the connection";
        emit connectionError(tr("Timed out connecting to %1").arg(m_server.toDisplayString()));
        drop();
    });
    m_pingTimer = new QTimer(this);
    m_pingTimer->setInterval(PingIntervalMs);
    connect(m_pingTimer, &QTimer::timeout, this, &SyncEngine::onPingTick);
    m_retryTimer = new QTimer(this);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, [this] {
        m_retryWaiting = false;
        m_retryDue = true;
        pump();
    });
    m_paceTimer = new QTimer(this);
    m_paceTimer->setSingleShot(true);
    connect(m_paceTimer, &QTimer::timeout, this, &SyncEngine::pump);
}

void SyncEngine::connectWithPassword(const QUrl &server, const QString &userName, const QString &password)
{
    m_server = socketUrl(server);
    m_userName = userName;
    m_password = password;
    m_token.clear();
    m_wanted = true;
    m_backoff.reset();
    if (m_phase != Phase::Closed)
        drop();  // reconnects with the new credentials
    else
        open();
}

void SyncEngine::connectWithToken(const QUrl &server, const QString &token)
{
    m_server = socketUrl(server);
    m_password.clear();
    m_token = token;
    m_wanted = true;
    m_backoff.reset();
    if (m_phase != Phase::Closed)
        drop();
    else
        open();
}

void SyncEngine::disconnectFromServer()
{
    m_wanted = false;
    if (!m_socket)
        return;
    m_reconnectTimer->stop();
    if (m_phase != Phase::Closed)
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    setState(State::Offline);
}

void SyncEngine::signOut()
{
    m_wanted = false;
    m_password.clear();
    if (m_socket && m_phase == Phase::Live) {
        m_logoutId = nextId();
        protocol::Envelope e;
        e.type = l1(protocol::type::AuthLogout);
        e.id = m_logoutId;
        send(e);
        // The answer closes the socket; this closes it if no answer comes.
        QTimer::singleShot(3000, this, [this] {
            if (!m_wanted && m_phase != Phase::Closed)
                m_socket->close(QWebSocketProtocol::CloseCodeNormal);
        });
    } else {
        disconnectFromServer();
    }
    m_token.clear();
}

void SyncEngine::kick()
{
    pump();
}

void SyncEngine::setBackoffRange(int minMs, int maxMs)
{
    m_backoff = Backoff(minMs, maxMs);
}

void SyncEngine::setMaxIncomingBytes(quint64 bytes)
{
    m_maxIncoming = bytes;
    if (m_socket) {
        m_socket->setMaxAllowedIncomingFrameSize(bytes);
        m_socket->setMaxAllowedIncomingMessageSize(bytes);
    }
}

void SyncEngine::setOutboxLimits(int maxInFlight, double perSecond, int burst)
{
    m_maxInFlight = std::max(1, maxInFlight);
    m_pacePerSecond = perSecond;
    m_paceBurst = std::max(1, burst);
}

void SyncEngine::open()
{
    if (!m_wanted || !m_socket || m_phase != Phase::Closed)
        return;
    qCInfo(lcSync) << "connecting to" << m_server.toDisplayString();
    m_phase = Phase::Opening;
    setState(State::Connecting);
    m_connectTimer->start();
    m_socket->open(m_server);
}

void SyncEngine::onConnected()
{
    m_sinceLastFrame.start();
    m_tokens = m_paceBurst;  // the server's budget is per connection and starts full
    m_paceClock.start();
    m_phase = Phase::Hello;
    m_helloId = nextId();
    protocol::Envelope e;
    e.type = l1(protocol::type::Hello);
    e.id = m_helloId;
    e.body = protocol::encode(protocol::HelloBody{protocol::Version, QStringLiteral("plein " PLEIN_VERSION)});
    send(e);
    m_pingTimer->start();
}

void SyncEngine::onSocketError()
{
    const QString message = m_socket->errorString();
    qCInfo(lcSync) << "socket error:" << message;
    emit connectionError(message);
    // A failed open may end without `disconnected`; settle into Closed here as well.
    if (m_socket->state() == QAbstractSocket::UnconnectedState && m_phase != Phase::Closed)
        onDisconnected();
}

void SyncEngine::onDisconnected()
{
    if (m_phase == Phase::Closed)
        return;
    // A socket that never opened keeps the close code of an earlier connection: ignore it.
    const int closeCode = m_phase == Phase::Opening ? 0 : int(m_socket->closeCode());
    qCInfo(lcSync) << "disconnected; close code" << closeCode << m_socket->closeReason();
    m_phase = Phase::Closed;
    m_logoutId.clear();
    m_connectTimer->stop();
    m_pingTimer->stop();
    m_retryTimer->stop();
    m_paceTimer->stop();
    m_inFlight.clear();
    for (const QString &id : std::exchange(m_requests, {}))
        emit requestFailed(id, QStringLiteral("offline"), tr("The connection was lost."));
    m_lastSentOrd = 0;
    m_retryWaiting = false;
    m_retryDue = false;
    if (closeCode == protocol::close::SessionRevoked) {
        stopForGood(l1(protocol::code::TokenInvalid), tr("The session was ended on the server; sign in again."));
        return;
    }
    if (closeCode == protocol::close::ProtocolError) {
        stopForGood(l1(protocol::code::UnsupportedVersion), tr("The server does not speak this version of Plein."));
        return;
    }
    if (closeCode == QWebSocketProtocol::CloseCodeTooMuchData)
        reportOversize();
    setState(State::Offline);
    scheduleReconnect();
}

// Qt closes the socket with 1009 when a message passes m_maxIncoming (and the server does
// when one of ours passes its limit). Nothing of that message was applied and the cursor
// did not move, so the reconnect's sync brings it again, and nothing after it was skipped.
// The backoff is only reset by a complete sync, so a message that is too large every time
// makes the reconnects slower and slower instead of a tight loop.
void SyncEngine::reportOversize()
{
    qint64 cursor = -1;
    if (!m_connectionName.isEmpty())
        cursor = Replica::cursor(QSqlDatabase::database(m_connectionName, false));
    qCWarning(lcSync).nospace() << "the connection broke on a message over the size limit (close code 1009, "
                                << m_socket->closeReason() << "; this client accepts up to " << m_maxIncoming
                                << " bytes); nothing after seq " << cursor
                                << " was applied; reconnecting to resync from there (attempt "
                                << m_backoff.attempts() + 1 << ")";
    emit connectionError(tr("A message from the server was too large to read; reconnecting."));
}

void SyncEngine::drop()
{
    m_socket->abort();
    onDisconnected();  // a no-op when abort() already reported the drop
}

void SyncEngine::scheduleReconnect()
{
    if (!m_wanted)
        return;
    const int delay = m_backoff.next();
    qCInfo(lcSync) << "reconnecting in" << delay << "ms";
    m_reconnectTimer->start(delay);
}

void SyncEngine::stopForGood(const QString &code, const QString &message, int retryAfter)
{
    m_wanted = false;
    m_reconnectTimer->stop();
    if (m_phase != Phase::Closed)
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    setState(State::Offline);
    emit signInFailed(code, message, std::max(0, retryAfter));
}

void SyncEngine::onText(const QString &text)
{
    m_sinceLastFrame.start();
    // The server's frames are read up to this client's own limit (a snapshot of a group of
    // thousands carries its whole member list), not the limit the server sets on clients.
    auto e = protocol::Envelope::decode(text.toUtf8(), qint64(m_maxIncoming));
    if (!e) {
        // Skipping it could lose a change for good: the stream is broken, so reconnect and
        // resync from the cursor (nothing of this frame was applied).
        qCWarning(lcSync) << "unreadable frame from the server:" << e.error().message << "; reconnecting to resync";
        emit connectionError(tr("A message from the server could not be read; reconnecting."));
        drop();
        return;
    }
    onMessage(e.value());
}

void SyncEngine::onMessage(const protocol::Envelope &e)
{
    const QString &t = e.type;
    if (!e.re.isEmpty() && m_requests.removeOne(e.re)) {
        if (t == l1(protocol::type::Error)) {
            auto body = protocol::decode<protocol::ErrorBody>(e.body);
            emit requestFailed(e.re, body ? body->code : QString(), body ? body->message : QString());
        } else {
            emit requestAnswered(e.re, t, e.body);
        }
        return;
    }
    if (t == l1(protocol::type::Changes))
        onChanges(e);
    else if (t == l1(protocol::type::ScopeSnapshot))
        onScopePage(e, true);
    else if (t == l1(protocol::type::HistoryPage))
        onScopePage(e, false);
    else if (t == l1(protocol::type::ChatTyping) || t == l1(protocol::type::Presence))
        emit ephemeralReceived(t, e.body);
    else if (t == l1(protocol::type::Ack))
        onAck(e);
    else if (t == l1(protocol::type::Error))
        onError(e);
    else if (t == l1(protocol::type::SyncDone)) {
        auto body = protocol::decode<protocol::SyncDoneBody>(e.body);
        if (body) {
            qCInfo(lcSync) << "in sync up to seq" << body->head;
            m_backoff.reset();  // the stream is healthy again: the next drop reconnects soon
            emit synced(body->head);
        }
    } else if (t == l1(protocol::type::Hello) && e.re == m_helloId)
        onHello(e);
    else if (t == l1(protocol::type::AuthOk) && e.re == m_authId)
        onAuthOk(e);
    else if (t == l1(protocol::type::Ok) && !m_logoutId.isEmpty() && e.re == m_logoutId)
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
    else if (t == l1(protocol::type::Ping)) {
        protocol::Envelope pong;
        pong.type = l1(protocol::type::Pong);
        pong.re = e.id;
        send(pong);
    } else if (t != l1(protocol::type::Pong))
        qCDebug(lcSync) << "ignoring" << t;
}

void SyncEngine::onHello(const protocol::Envelope &)
{
    m_phase = Phase::Auth;
    m_authId = nextId();
    protocol::Envelope e;
    e.id = m_authId;
    if (!m_token.isEmpty()) {
        e.type = l1(protocol::type::AuthResume);
        e.body = protocol::encode(protocol::ResumeBody{m_token});
    } else {
        e.type = l1(protocol::type::AuthLogin);
        e.body = protocol::encode(
            protocol::LoginBody{m_userName, m_password, QSysInfo::machineHostName().left(limits::MaxDeviceChars)});
    }
    send(e);
}

void SyncEngine::onAuthOk(const protocol::Envelope &e)
{
    auto body = protocol::decode<protocol::AuthOkBody>(e.body);
    if (!body) {
        qCWarning(lcSync) << "unreadable auth.ok:" << body.error().message;
        drop();
        return;
    }
    // Remember who we are, in the replica, before anything else is applied.
    {
        const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        Transaction tx(db);
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "INSERT INTO users (id, name, display_name, role, department, title) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET name = excluded.name, display_name = excluded.display_name,"
            " role = excluded.role, department = excluded.department, title = excluded.title"));
        const Person &u = body->user;
        for (const QString &v : {u.id, u.name, u.displayName, u.role, u.department, u.title})
            q.addBindValue(v);
        if (!tx.isActive() || !q.exec() || !Replica::setMeta(db, l1(metakey::UserId), u.id) || !tx.commit())
            qCWarning(lcSync) << "cannot store the signed-in user";
    }
    m_token = body->token;
    m_password.clear();
    m_userName = body->user.name;
    m_phase = Phase::Live;
    m_connectTimer->stop();
    setState(State::Online);
    emit signedIn(m_token);
    emit cacheChanged();

    m_syncId = nextId();
    protocol::Envelope sync;
    sync.type = l1(protocol::type::Sync);
    sync.id = m_syncId;
    sync.body = protocol::encode(protocol::SyncBody{Replica::cursor(QSqlDatabase::database(m_connectionName, false))});
    qCInfo(lcSync) << "signed in as" << m_userName << "; syncing since" << sync.body.value(QLatin1String("since"));
    send(sync);
    pump();
}

void SyncEngine::onChanges(const protocol::Envelope &e)
{
    if (m_phase != Phase::Live)
        return;
    auto body = protocol::decode<protocol::ChangesBody>(e.body);
    if (!body) {
        qCWarning(lcSync) << "unreadable changes frame:" << body.error().message << "; resyncing";
        drop();  // applying later frames would move the cursor past this one
        return;
    }
    auto outcome = m_applier->apply(body->changes);
    if (!outcome) {
        qCWarning(lcSync) << "cannot apply a batch:" << outcome.error().message << "; resyncing";
        drop();
        return;
    }
    if (outcome->applied > 0)
        emit cacheChanged();
    if (!outcome->settledOps.isEmpty())
        emit outboxChanged();
}

void SyncEngine::requestHistory(const QString &scope, qint64 before, int limit)
{
    if (m_phase != Phase::Live)
        return;
    protocol::Envelope e;
    e.type = l1(protocol::type::History);
    e.id = nextId();
    e.body = protocol::encode(protocol::HistoryBody{scope, before, limit});
    send(e);
}

void SyncEngine::sendRequest(const QString &id, const QString &type, const QJsonObject &body)
{
    if (m_phase != Phase::Live) {
        emit requestFailed(id, QStringLiteral("offline"), tr("Not connected to the server."));
        return;
    }
    m_requests.append(id);
    protocol::Envelope e;
    e.type = type;
    e.id = id;
    e.body = body;
    send(e);
}

void SyncEngine::sendEphemeral(const QString &type, const QJsonObject &body)
{
    if (m_phase != Phase::Live)
        return;
    protocol::Envelope e;
    e.type = type;
    e.body = body;
    send(e);
}

void SyncEngine::onScopePage(const protocol::Envelope &e, bool snapshot)
{
    if (m_phase != Phase::Live)
        return;
    auto body = protocol::decode<protocol::ScopePageBody>(e.body);
    if (!body) {
        qCWarning(lcSync) << "unreadable scope page:" << body.error().message;
        return;
    }
    // Pages never move the cursor, so a page that cannot be applied loses nothing that a
    // later `history` cannot fetch again.
    auto outcome = m_applier->applyPage(body.value(), snapshot);
    if (!outcome) {
        qCWarning(lcSync) << "cannot apply a page of" << body->scope << ":" << outcome.error().message;
        return;
    }
    emit cacheChanged();
    if (!outcome->settledOps.isEmpty())
        emit outboxChanged();
    emit historyFetched(body->scope, int(body->changes.size()), body->more);
}

void SyncEngine::onAck(const protocol::Envelope &e)
{
    auto body = protocol::decode<protocol::AckBody>(e.body);
    const QString op = body ? body->op : e.re;
    if (op.isEmpty())
        return;
    m_inFlight.removeOne(op);
    auto settled = m_outbox->acknowledge(op, body ? body->seq : 0);
    if (!settled)
        qCWarning(lcSync) << "cannot settle" << op << settled.error().message;
    emit writeAcked(op, body ? body->seq : 0);
    if (settled && settled.value()) {
        emit cacheChanged();
        emit outboxChanged();
    }
    pump();
}

void SyncEngine::onError(const protocol::Envelope &e)
{
    auto body = protocol::decode<protocol::ErrorBody>(e.body);
    const QString code = body ? body->code : QString();
    const QString message = body ? body->message : QString();
    if (!e.re.isEmpty() && e.re == m_authId && m_phase == Phase::Auth) {
        qCInfo(lcSync) << "sign-in refused:" << code << message;
        stopForGood(code, message, body ? body->retryAfter : 0);
        return;
    }
    if (!e.re.isEmpty() && m_inFlight.contains(e.re)) {
        onWriteError(e.re, code, message, body ? body->retryAfter : -1);
        return;
    }
    // A request refused before it was read carries no `re`. The server answers one
    // connection's frames in order, so it is the oldest write still unanswered (if it was
    // a ping instead, that write is merely sent once more and the server dedups it).
    if (e.re.isEmpty() && code == l1(protocol::code::RateLimited) && !m_inFlight.isEmpty()) {
        onWriteError(m_inFlight.constFirst(), code, message, body ? body->retryAfter : -1);
        return;
    }
    if (!e.re.isEmpty() && e.re == m_syncId) {
        qCWarning(lcSync) << "sync refused:" << code << message << "; reconnecting";
        drop();
        return;
    }
    qCWarning(lcSync) << "server error" << code << message << "re" << e.re;
}

void SyncEngine::onWriteError(const QString &op, const QString &code, const QString &message, int retryAfter)
{
    m_inFlight.removeOne(op);
    // After a transient error every later answer of this round may follow from it (a
    // comment on a post that was rate limited gets not_found), so those are resent too.
    if (isPermanent(code) && !m_retryWaiting && !m_retryDue) {
        qCInfo(lcSync) << "write" << op << "refused:" << code << message;
        auto failed = m_outbox->fail(op, message);
        if (!failed)
            qCWarning(lcSync) << "cannot mark" << op << "failed:" << failed.error().message;
        emit writeFailed(op, code, message);
        emit cacheChanged();
        emit outboxChanged();
    } else if (!m_retryWaiting) {
        const int delay = retryAfter > 0 ? retryAfter * 1000 : Backoff(1000, 30000).next();
        qCInfo(lcSync) << "write" << op << "got" << code << "; resending queued writes in" << delay << "ms";
        m_retryWaiting = true;
        m_retryTimer->start(delay);
    }
    pump();
}

void SyncEngine::pump()
{
    if (m_phase != Phase::Live || !m_outbox || m_retryWaiting)
        return;
    if (m_retryDue) {
        if (!m_inFlight.isEmpty())
            return;  // wait for the answers of this round, then start over in order
        m_retryDue = false;
        m_lastSentOrd = 0;
    }
    while (m_inFlight.size() < m_maxInFlight) {
        const QList<OutboxRow> rows = m_outbox->queued(m_lastSentOrd, m_maxInFlight - int(m_inFlight.size()));
        if (rows.isEmpty())
            return;
        for (const OutboxRow &row : rows) {
            if (!takeSendToken())
                return;  // the pace timer calls pump() again
            qCDebug(lcSync) << "sending" << row.type << row.op;
            m_socket->sendTextMessage(QString::fromUtf8(row.frame));
            m_inFlight.append(row.op);
            m_lastSentOrd = row.ord;
        }
    }
}

bool SyncEngine::takeSendToken()
{
    if (m_pacePerSecond <= 0)
        return true;
    m_tokens = std::min<double>(m_paceBurst, m_tokens + m_paceClock.restart() * m_pacePerSecond / 1000.0);
    if (m_tokens >= 1.0) {
        m_tokens -= 1.0;
        return true;
    }
    if (!m_paceTimer->isActive())
        m_paceTimer->start(int(std::ceil((1.0 - m_tokens) * 1000.0 / m_pacePerSecond)));
    return false;
}

void SyncEngine::onPingTick()
{
    if (m_phase == Phase::Closed)
        return;
    if (m_sinceLastFrame.isValid() && m_sinceLastFrame.elapsed() > SilenceLimitMs) {
        qCInfo(lcSync) << "no frame for" << m_sinceLastFrame.elapsed() << "ms; dropping the connection";
        drop();
        return;
    }
    protocol::Envelope e;
    e.type = l1(protocol::type::Ping);
    e.id = nextId();
    send(e);
}

void SyncEngine::send(protocol::Envelope e)
{
    m_socket->sendTextMessage(QString::fromUtf8(e.encode()));
}

QString SyncEngine::nextId()
{
    return QString::number(++m_nextId);
}

void SyncEngine::setState(State s)
{
    if (s == m_state)
        return;
    m_state = s;
    emit stateChanged(s);
}

} // namespace plein::client
