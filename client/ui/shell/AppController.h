#pragma once

#include "session/TokenStore.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

namespace plein::client {

class MainWindow;
class Session;
class SignInDialog;

struct LaunchOptions
{
    QString profileDir;
    QUrl server;        // --server; empty: the one remembered from the last sign-in
    QString userName;   // --user; likewise
    bool timing = false;  // PLEIN_TIMING=1: print first_paint_ms on stderr
    QElapsedTimer clock;  // started as early in main() as possible
};

// Runs the client's windows: resumes silently with a stored token (showing the cached
// timeline at once, online or not) or asks to sign in; keeps the token in the TokenStore;
// signs out. One Session per account; a different account gets a fresh Session.
class AppController : public QObject
{
    Q_OBJECT
public:
    explicit AppController(LaunchOptions options, QObject *parent = nullptr);
    ~AppController() override;

    void start();

    Session *session() const;
    TokenStore *tokenStore() const;
    MainWindow *mainWindow() const;
    SignInDialog *signInDialog() const;

signals:
    void mainWindowShown();
    void signInShown();

private:
    enum class Phase { Idle, LoadingToken, SigningIn, Resuming, SignedIn, SignedOut };

    void tokenLoaded(TokenStore::Operation operation, const QString &token);
    void tokenFailed(TokenStore::Operation operation, const QString &message);
    void showSignIn(const QString &code = {}, const QString &message = {});
    void signInRequested(const QUrl &server, const QString &userName, const QString &password);
    void signedIn(const QString &token);
    void signInFailed(const QString &code, const QString &message, int retryAfter);
    void connectionFailed(const QString &message);
    void resume(const QString &token);
    void openMainWindow();
    void signOut();
    bool ensureSession(const QUrl &server, const QString &userName, QString *error);
    void closeMainWindow();
    void remember(const QUrl &server, const QString &userName);

    LaunchOptions m_options;
    TokenStore *m_tokens;
    std::unique_ptr<Session> m_session;
    QPointer<MainWindow> m_window;
    QPointer<SignInDialog> m_dialog;
    Phase m_phase = Phase::Idle;
    QUrl m_server;
    QString m_userName;
    QString m_token;
    bool m_timingReported = false;
};

} // namespace plein::client
