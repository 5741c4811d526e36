#pragma once

#include "auth/AuthService.h"
#include "net/TokenBucket.h"
#include "protocol/Envelope.h"
#include "sync/SyncStream.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QTimer>

#include <optional>

class QWebSocket;

namespace plein::server {

class Backend;

// One client connection: reads frames, answers each according to docs/protocol.md, and
// keeps the connection's state (signed in or not, its sync stream, its rate budget).
// Nothing a peer sends can take the server down or touch another connection: every
// failure is an `error` frame for that request, or a close code for this socket only.
class ClientSession : public QObject, public FrameSink
{
    Q_OBJECT
public:
    // Takes ownership of the socket.
    ClientSession(QWebSocket *socket, Backend &backend, int authTimeoutMs, QObject *parent = nullptr);
    ~ClientSession() override;

    bool isSignedIn() const { return m_session.has_value(); }
    QString userId() const;
    QString tokenHash() const;
    void closeWith(int code, const QString &reason);

    void sendFrame(const protocol::Envelope &frame) override;
    void sendText(const QString &text) override;
    qint64 bufferedBytes() const override;

signals:
    void finished();                              // the socket is gone; delete me
    void loggedOut(const QString &tokenHash);     // other sessions on this token must end

private:
    using Handler = void (ClientSession::*)(const protocol::Envelope &);

    void onTextMessage(const QString &message);
    void onBinaryMessage(const QByteArray &message);
    void onBytesWritten();
    void process(const QString &message);
    void dispatch(const protocol::Envelope &e);

    void onHello(const protocol::Envelope &e);
    void onPing(const protocol::Envelope &e);
    void onLogin(const protocol::Envelope &e);
    void onResume(const protocol::Envelope &e);
    void onLogout(const protocol::Envelope &e);
    void onSync(const protocol::Envelope &e);
    void onHistory(const protocol::Envelope &e);
    void onWrite(const protocol::Envelope &e);

    void finishLogin(const AuthService::Attempt &attempt, bool passwordOk, const QString &re);
    void signIn(const SignedIn &s, const QString &re);
    void sendError(const QString &re, const char *code, const QString &message, int retryAfter = -1);
    void sendError(const QString &re, const Error &error);
    void drainQueue();

    QPointer<QWebSocket> m_socket;
    Backend &m_backend;
    QString m_peer;
    TokenBucket m_bucket;
    QTimer m_authTimer;
    std::optional<SignedIn> m_session;
    SyncStream *m_stream = nullptr;
    // Messages that arrived while a password was being checked off the event loop; they
    // are handled after it, in order.
    bool m_busy = false;
    QQueue<QString> m_queued;
    bool m_closing = false;
};

} // namespace plein::server
