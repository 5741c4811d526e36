#include "net/ClientSession.h"

#include "Backend.h"
#include "Logging.h"
#include "auth/Password.h"
#include "model/Ids.h"
#include "protocol/Limits.h"
#include "protocol/Messages.h"
#include "protocol/NewsMessages.h"
#include "protocol/Protocol.h"
#include "sync/Audience.h"
#include "sync/Scopes.h"

#include <QCoreApplication>
#include <QSet>
#include <QThreadPool>
#include <QWebSocket>

namespace plein::server {

namespace {
constexpr qsizetype MaxQueued = 64;

QString latin(const char *s)
{
    return QLatin1String(s);
}

// The agent string in our hello.
QString agent()
{
    return QStringLiteral("plein-server " PLEIN_VERSION);
}
} // namespace

ClientSession::ClientSession(QWebSocket *socket, Backend &backend, int authTimeoutMs, QObject *parent)
    : QObject(parent), m_socket(socket), m_backend(backend),
      m_bucket(limits::RequestsPerSecond, limits::RequestBurst)
{
    socket->setParent(this);
    // Qt closes the socket with 1009 when a frame or message is over these.
    socket->setMaxAllowedIncomingFrameSize(quint64(limits::MaxFrameBytes));
    socket->setMaxAllowedIncomingMessageSize(quint64(limits::MaxMessageBytes));
    m_peer = QStringLiteral("%1:%2").arg(socket->peerAddress().toString()).arg(socket->peerPort());

    connect(socket, &QWebSocket::textMessageReceived, this, &ClientSession::onTextMessage);
    connect(socket, &QWebSocket::binaryMessageReceived, this, &ClientSession::onBinaryMessage);
    connect(socket, &QWebSocket::bytesWritten, this, &ClientSession::onBytesWritten);
    connect(socket, &QWebSocket::disconnected, this, &ClientSession::finished);

    m_authTimer.setSingleShot(true);
    m_authTimer.setInterval(authTimeoutMs);
    connect(&m_authTimer, &QTimer::timeout, this, [this] {
        closeWith(protocol::close::AuthTimeout, QStringLiteral("no sign-in in time"));
    });
    m_authTimer.start();
    qCDebug(lcNet, "%s connected", qPrintable(m_peer));
}

ClientSession::~ClientSession()
{
    if (m_session) {
        delete m_stream;
        m_stream = nullptr;
        m_backend.chatLive.sessionEnded(m_session->user.id);
    }
    qCDebug(lcNet, "%s gone", qPrintable(m_peer));
}

QString ClientSession::userId() const
{
    return m_session ? m_session->user.id : QString();
}

QString ClientSession::tokenHash() const
{
    return m_session ? m_session->tokenHash : QString();
}

void ClientSession::closeWith(int code, const QString &reason)
{
    if (m_closing || !m_socket)
        return;
    m_closing = true;
    m_authTimer.stop();
    delete m_stream;
    m_stream = nullptr;
    m_socket->close(static_cast<QWebSocketProtocol::CloseCode>(code), reason);
}

void ClientSession::sendFrame(const protocol::Envelope &frame)
{
    sendText(QString::fromUtf8(frame.encode()));
}

void ClientSession::sendText(const QString &text)
{
    if (!m_socket || m_closing)
        return;
    m_socket->sendTextMessage(text);
    // Write now rather than from the socket's write notifier on a later turn: a live
    // change goes to a thousand sessions in one pump, and a thousand notifiers firing
    // together cost the event dispatcher more than the writes (see docs/performance.md).
    m_socket->flush();
}

qint64 ClientSession::bufferedBytes() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void ClientSession::onBytesWritten()
{
    if (m_stream && bufferedBytes() < SyncStream::LowWaterBytes)
        m_stream->drained();
}

void ClientSession::sendError(const QString &re, const char *code, const QString &message, int retryAfter)
{
    sendFrame(protocol::makeError(re, latin(code), message, retryAfter));
}

void ClientSession::sendError(const QString &re, const Error &error)
{
    sendFrame(protocol::makeError(re, error.code, error.message));
}

void ClientSession::onBinaryMessage(const QByteArray &)
{
    if (m_closing)
        return;
    if (!m_bucket.take()) {
        sendError({}, protocol::code::RateLimited, QStringLiteral("too many requests"), m_bucket.retryAfterSecs());
        return;
    }
    sendError({}, protocol::code::BadFrame, QStringLiteral("binary frames are not used in protocol version 1"));
}

void ClientSession::onTextMessage(const QString &message)
{
    if (m_closing)
        return;
    // The budget is spent on arrival, so queued messages count too.
    if (!m_bucket.take()) {
        sendError({}, protocol::code::RateLimited, QStringLiteral("too many requests"), m_bucket.retryAfterSecs());
        return;
    }
    if (m_busy) {
        if (m_queued.size() >= MaxQueued) {
            sendError({}, protocol::code::RateLimited, QStringLiteral("too many requests while signing in"), 1);
            return;
        }
        m_queued.enqueue(message);
        return;
    }
    process(message);
}

void ClientSession::drainQueue()
{
    while (!m_busy && !m_closing && !m_queued.isEmpty())
        process(m_queued.dequeue());
}

void ClientSession::process(const QString &message)
{
    auto decoded = protocol::Envelope::decode(message.toUtf8());
    if (!decoded) {
        sendError({}, decoded.error());
        return;
    }
    dispatch(decoded.value());
}

void ClientSession::dispatch(const protocol::Envelope &e)
{
    using namespace protocol;
    static const QHash<QString, Handler> connectionHandlers = {
        {latin(type::Hello), &ClientSession::onHello},       {latin(type::Ping), &ClientSession::onPing},
        {latin(type::AuthLogin), &ClientSession::onLogin},   {latin(type::AuthResume), &ClientSession::onResume},
        {latin(type::AuthLogout), &ClientSession::onLogout}, {latin(type::Sync), &ClientSession::onSync},
        {latin(type::History), &ClientSession::onHistory},
    };
    static const QSet<QString> beforeAuth = {latin(type::Hello), latin(type::Ping), latin(type::AuthLogin),
                                             latin(type::AuthResume)};

    const QString re = e.replyTo();
    if (!isKnownType(e.type)) {
        sendError(re, code::UnknownType, QStringLiteral("unknown message type '%1'").arg(e.type));
        return;
    }
    if (!m_session && !beforeAuth.contains(e.type)) {
        sendError(re, code::AuthRequired, QStringLiteral("sign in first"));
        return;
    }
    if (const auto it = connectionHandlers.constFind(e.type); it != connectionHandlers.constEnd()) {
        (this->*it.value())(e);
        return;
    }
    // Chat's ephemeral frames: no op, no answer unless refused, never stored.
    if (e.type == latin(type::ChatTyping) || e.type == latin(type::PresenceSet)) {
        const auto refused = e.type == latin(type::ChatTyping) ? m_backend.chatLive.typing(m_session->user, e.body)
                                                               : m_backend.chatLive.setStatus(m_session->user, e.body);
        if (refused)
            sendError(re, *refused);
        return;
    }
    if (m_backend.writeHandlers.find(e.type)) {
        onWrite(e);
        return;
    }
    if (const RequestHandler *h = m_backend.requestHandlers.find(e.type)) {
        auto answer = (*h)(m_session->user, e);
        if (!answer) {
            sendError(e.id, answer.error());
            return;
        }
        answer.value().re = e.id;
        sendFrame(answer.value());
        return;
    }
    sendError(re, code::BadRequest, QStringLiteral("'%1' is sent by the server, not to it").arg(e.type));
}

void ClientSession::onHello(const protocol::Envelope &e)
{
    auto body = protocol::decode<protocol::HelloBody>(e.body);
    if (!body) {
        sendError(e.id, body.error());
        return;
    }
    if (body->protocol != protocol::Version) {
        sendError(e.id, protocol::code::UnsupportedVersion,
                  QStringLiteral("this server speaks protocol version %1").arg(protocol::Version));
        closeWith(protocol::close::ProtocolError, QStringLiteral("unsupported protocol version"));
        return;
    }
    protocol::Envelope reply;
    reply.type = latin(protocol::type::Hello);
    reply.re = e.id;
    reply.body = protocol::encode(protocol::HelloBody{protocol::Version, agent()});
    sendFrame(reply);
}

void ClientSession::onPing(const protocol::Envelope &e)
{
    protocol::Envelope reply;
    reply.type = latin(protocol::type::Pong);
    reply.re = e.id;
    sendFrame(reply);
}

void ClientSession::onLogin(const protocol::Envelope &e)
{
    if (m_session) {
        sendError(e.id, protocol::code::BadRequest, QStringLiteral("already signed in; sign out first"));
        return;
    }
    auto body = protocol::decode<protocol::LoginBody>(e.body);
    if (!body) {
        sendError(e.id, body.error());
        return;
    }
    if (const int wait = m_backend.auth.throttledFor(body->user); wait > 0) {
        sendError(e.id, protocol::code::AuthThrottled, AuthService::throttledMessage(wait),
                  wait);
        return;
    }
    // Argon2 takes tens of milliseconds and 19 MiB: verify on the thread pool so other
    // connections keep being served, and handle this connection's next messages after.
    const AuthService::Attempt attempt = m_backend.auth.prepareLogin(body->user, body->device);
    m_busy = true;
    QPointer<ClientSession> self(this);
    const QString password = body->password;
    const QString re = e.id;
    QThreadPool::globalInstance()->start([self, attempt, password, re] {
        const bool ok = password::verify(attempt.phc, password);
        // Back on the main thread; the context outlives every session.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, attempt, ok, re] {
                if (self)
                    self->finishLogin(attempt, ok, re);
            },
            Qt::QueuedConnection);
    });
}

void ClientSession::finishLogin(const AuthService::Attempt &attempt, bool passwordOk, const QString &re)
{
    m_busy = false;
    if (m_closing)
        return;
    auto result = m_backend.auth.finishLogin(attempt, passwordOk);
    if (!result) {
        const bool throttled = result.error().code == QLatin1String(protocol::code::AuthThrottled);
        sendFrame(protocol::makeError(re, result.error().code, result.error().message,
                                      throttled ? m_backend.auth.throttledFor(attempt.name) : -1));
    } else {
        signIn(result.value(), re);
    }
    drainQueue();
}

void ClientSession::onResume(const protocol::Envelope &e)
{
    if (m_session) {
        sendError(e.id, protocol::code::BadRequest, QStringLiteral("already signed in; sign out first"));
        return;
    }
    auto body = protocol::decode<protocol::ResumeBody>(e.body);
    if (!body) {
        sendError(e.id, body.error());
        return;
    }
    auto result = m_backend.auth.resume(body->token);
    if (!result) {
        sendError(e.id, result.error());
        return;
    }
    signIn(result.value(), e.id);
}

void ClientSession::signIn(const SignedIn &s, const QString &re)
{
    m_session = s;
    m_authTimer.stop();
    delete m_stream;
    QStringList audiences = audience::visibleTo(s.user);
    // News targeted at a location reaches the people whose directory profile has it.
    if (const QString location = m_backend.news.locationOf(s.user.id); !location.isEmpty())
        audiences.append(protocol::audience::location(location));
    m_stream = new SyncStream(m_backend.log, m_backend.hub, *this, audiences, this);
    m_stream->setScopes(&m_backend.scopes, s.user.id);

    protocol::Envelope reply;
    reply.type = latin(protocol::type::AuthOk);
    reply.re = re;
    reply.body = protocol::encode(protocol::AuthOkBody{s.token, s.expires, s.user});
    sendFrame(reply);
    m_backend.chatLive.sessionStarted(s.user.id);
    m_backend.mustReadNotices.signedIn(s.user.id);
    sendFrame(m_backend.chatLive.snapshot());
    qCInfo(lcNet, "%s signed in as '%s'", qPrintable(m_peer), qPrintable(s.user.name));
}

void ClientSession::onLogout(const protocol::Envelope &e)
{
    const QString hash = m_session->tokenHash;
    if (!m_backend.auth.logout(hash)) {
        sendError(e.id, protocol::code::Internal, QStringLiteral("could not revoke the session"));
        return;
    }
    delete m_stream;
    m_stream = nullptr;
    m_backend.chatLive.sessionEnded(m_session->user.id);
    m_session.reset();
    m_authTimer.start();

    protocol::Envelope reply;
    reply.type = latin(protocol::type::Ok);
    reply.re = e.id;
    sendFrame(reply);
    emit loggedOut(hash);
}

void ClientSession::onSync(const protocol::Envelope &e)
{
    auto body = protocol::decode<protocol::SyncBody>(e.body);
    if (!body) {
        sendError(e.id, body.error());
        return;
    }
    m_stream->start(e.id, body->since);
}

void ClientSession::onHistory(const protocol::Envelope &e)
{
    auto body = protocol::decode<protocol::HistoryBody>(e.body);
    if (!body) {
        sendError(e.id, body.error());
        return;
    }
    // Not a member and no such scope look the same, so scopes cannot be probed.
    if (!m_backend.scopes.reads(body->scope, m_session->user.id)) {
        sendError(e.id, protocol::code::NotFound, QStringLiteral("no scope %1 of yours").arg(body->scope));
        return;
    }
    sendText(QString::fromUtf8(
        m_backend.scopes.pageFrame(protocol::type::HistoryPage, e.id, body->scope, body->before, body->limit)));
}

void ClientSession::onWrite(const protocol::Envelope &e)
{
    if (e.op.isEmpty() || !ids::isValid(e.op)) {
        sendError(e.replyTo(), protocol::code::BadRequest, QStringLiteral("a write needs an 'op' that is a UUID"));
        return;
    }
    const WriteHandler *handler = m_backend.writeHandlers.find(e.type);
    auto outcome = m_backend.writer.apply(m_session->user, e.op, e.body, *handler);
    if (!outcome) {
        sendError(e.op, outcome.error());
        return;
    }
    protocol::Envelope ack;
    ack.type = latin(protocol::type::Ack);
    ack.re = e.op;
    ack.body = protocol::encode(outcome->ack);
    sendFrame(ack);
    // The ack goes out before the change itself reaches anyone, the author included.
    if (!outcome->replayed)
        m_backend.hub.publish();
}

} // namespace plein::server
