#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QUrl>
#include <QWebSocketServer>

namespace plein::server {

class Backend;
class ClientSession;

// Accepts WebSocket connections and gives each its own ClientSession.
//
// Plain ws only: version 1 is meant for loopback and development. wss (a certificate and
// key, QWebSocketServer::SecureMode) is future work before it faces a real network.
class WebSocketServer : public QObject
{
    Q_OBJECT
public:
    explicit WebSocketServer(Backend &backend, QObject *parent = nullptr);
    ~WebSocketServer() override;

    // For tests of the sign-in deadline; limits::AuthTimeoutSecs otherwise.
    void setAuthTimeoutMs(int ms) { m_authTimeoutMs = ms; }

    bool listen(const QHostAddress &address, quint16 port, QString *error = nullptr);
    QHostAddress address() const;
    quint16 port() const;
    // ws://ADDR:PORT, with brackets around an IPv6 address.
    QString url() const;
    qsizetype sessionCount() const { return m_sessions.size(); }

    // Stops accepting, closes every connection with 1001 and emits stopped() once they
    // are gone (or after a short grace period).
    void shutdown();

signals:
    void stopped();

private:
    void onNewConnection();
    void onSessionFinished(ClientSession *session);
    void onLoggedOut(ClientSession *from, const QString &tokenHash);
    void checkStopped();
    void finishStop();

    Backend &m_backend;
    QWebSocketServer m_server;
    QList<ClientSession *> m_sessions;
    int m_authTimeoutMs;
    bool m_stopping = false;
    bool m_stopped = false;
};

} // namespace plein::server
