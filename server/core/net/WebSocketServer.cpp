#include "net/WebSocketServer.h"

#include "Backend.h"
#include "Logging.h"
#include "net/ClientSession.h"
#include "protocol/Limits.h"
#include "protocol/Protocol.h"

#include <QThreadPool>
#include <QTimer>
#include <QWebSocket>

namespace plein::server {

namespace {
constexpr int ShutdownGraceMs = 2000;
}

WebSocketServer::WebSocketServer(Backend &backend, QObject *parent)
    : QObject(parent), m_backend(backend),
      m_server(QStringLiteral("plein-server"), QWebSocketServer::NonSecureMode),
      m_authTimeoutMs(limits::AuthTimeoutSecs * 1000)
{
    m_server.setHandshakeTimeout(10000);
    // A deactivated person's connections end at once (their tokens are already revoked).
    m_backend.peopleFeature.setEndSessions([this](const QString &userId) {
        for (ClientSession *s : std::as_const(m_sessions))
            if (s->userId() == userId)
                s->closeWith(protocol::close::SessionRevoked, QStringLiteral("deactivated"));
    });
    connect(&m_server, &QWebSocketServer::newConnection, this, &WebSocketServer::onNewConnection);
    connect(&m_server, &QWebSocketServer::acceptError, this, [](QAbstractSocket::SocketError e) {
        qCWarning(lcNet, "accept failed: %d", int(e));
    });
}

WebSocketServer::~WebSocketServer()
{
    // Password checks still running post their results to sessions that are about to go;
    // let them finish so nothing outlives the backend.
    QThreadPool::globalInstance()->waitForDone();
    m_backend.peopleFeature.setEndSessions({});
    qDeleteAll(m_sessions);
}

bool WebSocketServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (!m_server.listen(address, port)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1:%2: %3")
                         .arg(address.toString())
                         .arg(port)
                         .arg(m_server.errorString());
        return false;
    }
    return true;
}

QHostAddress WebSocketServer::address() const
{
    return m_server.serverAddress();
}

quint16 WebSocketServer::port() const
{
    return m_server.serverPort();
}

QString WebSocketServer::url() const
{
    const QHostAddress a = address();
    const QString host = a.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("[%1]").arg(a.toString())
                                                                       : a.toString();
    return QStringLiteral("ws://%1:%2").arg(host).arg(port());
}

void WebSocketServer::onNewConnection()
{
    while (QWebSocket *socket = m_server.nextPendingConnection()) {
        if (m_stopping) {
            socket->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
            socket->deleteLater();
            continue;
        }
        auto *session = new ClientSession(socket, m_backend, m_authTimeoutMs, this);
        m_sessions.append(session);
        connect(session, &ClientSession::finished, this, [this, session] { onSessionFinished(session); });
        connect(session, &ClientSession::loggedOut, this,
                [this, session](const QString &hash) { onLoggedOut(session, hash); });
    }
}

void WebSocketServer::onSessionFinished(ClientSession *session)
{
    if (!m_sessions.removeOne(session))
        return;
    session->deleteLater();
    checkStopped();
}

void WebSocketServer::onLoggedOut(ClientSession *from, const QString &tokenHash)
{
    for (ClientSession *s : std::as_const(m_sessions)) {
        if (s != from && s->tokenHash() == tokenHash)
            s->closeWith(protocol::close::SessionRevoked, QStringLiteral("the session was revoked"));
    }
}

void WebSocketServer::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_server.close();
    for (ClientSession *s : std::as_const(m_sessions))
        s->closeWith(protocol::close::GoingAway, QStringLiteral("server shutting down"));
    // A peer that never answers the close handshake must not keep the server alive.
    QTimer::singleShot(ShutdownGraceMs, this, [this] {
        if (!m_sessions.isEmpty())
            qCInfo(lcNet, "%lld connection(s) did not close in time", qlonglong(m_sessions.size()));
        finishStop();
    });
    checkStopped();
}

void WebSocketServer::checkStopped()
{
    if (m_stopping && m_sessions.isEmpty())
        finishStop();
}

void WebSocketServer::finishStop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    emit stopped();
}

} // namespace plein::server
