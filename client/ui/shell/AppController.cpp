#include "shell/AppController.h"
#include "shell/FirstPaintWatch.h"

#include "common/Settings.h"
#include "protocol/Protocol.h"
#include "session/Session.h"
#include "shell/MainWindow.h"
#include "signin/SignInDialog.h"
#include "timeline/TimelinePage.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QStatusBar>

#include <cstdio>

Q_LOGGING_CATEGORY(lcApp, "plein.client.ui")

namespace plein::client {

AppController::AppController(LaunchOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_tokens(new TokenStore(m_options.profileDir, this))
{
    connect(m_tokens, &TokenStore::finished, this, &AppController::tokenLoaded);
    connect(m_tokens, &TokenStore::failed, this, &AppController::tokenFailed);
}

AppController::~AppController()
{
    delete m_dialog;
    delete m_window;  // before the session whose models it shows
}

Session *AppController::session() const
{
    return m_session.get();
}

TokenStore *AppController::tokenStore() const
{
    return m_tokens;
}

MainWindow *AppController::mainWindow() const
{
    return m_window;
}

SignInDialog *AppController::signInDialog() const
{
    return m_dialog;
}

void AppController::start()
{
    const auto stored = settings::open(m_options.profileDir);
    m_server = m_options.server.isValid()
                   ? m_options.server
                   : QUrl(stored->value(QLatin1String(settings::ServerKey)).toString());
    m_userName = !m_options.userName.isEmpty() ? m_options.userName
                                               : stored->value(QLatin1String(settings::UserKey)).toString();
    if (!m_server.isValid() || m_userName.isEmpty()) {
        showSignIn();
        return;
    }
    // The keychain answers asynchronously; the sign-in dialog or the window follows.
    m_phase = Phase::LoadingToken;
    m_tokens->load(m_server, m_userName);
}

void AppController::tokenLoaded(TokenStore::Operation operation, const QString &token)
{
    if (operation != TokenStore::Operation::Load || m_phase != Phase::LoadingToken)
        return;
    if (token.isEmpty())
        showSignIn();
    else
        resume(token);
}

void AppController::tokenFailed(TokenStore::Operation operation, const QString &message)
{
    qCWarning(lcApp) << "token store:" << operation << message;
    if (operation == TokenStore::Operation::Load && m_phase == Phase::LoadingToken) {
        showSignIn();
    } else if (operation == TokenStore::Operation::Save && m_window) {
        m_window->statusBar()->showMessage(
            tr("Your session could not be kept (%1); you will be asked to sign in next time.").arg(message), 15000);
    }
}

void AppController::resume(const QString &token)
{
    QString error;
    if (!ensureSession(m_server, m_userName, &error)) {
        showSignIn(QString(), error);
        return;
    }
    m_token = token;
    m_phase = Phase::Resuming;
    // The cache first: the window shows what is stored while the session connects.
    openMainWindow();
    m_session->resume(token);
}

void AppController::showSignIn(const QString &code, const QString &message)
{
    if (m_phase == Phase::LoadingToken)
        m_phase = Phase::Idle;
    if (!m_dialog) {
        m_dialog = new SignInDialog;
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_dialog, &SignInDialog::signInRequested, this, &AppController::signInRequested);
        connect(m_dialog, &QDialog::rejected, this, [this] {
            // Closing the dialog with no window behind it ends the program.
            if (!m_window)
                QCoreApplication::quit();
        });
        connect(m_tokens, &TokenStore::backendChanged, m_dialog,
                [this] { m_dialog->setKeychainFallback(m_tokens->usingFileFallback()); });
    }
    m_dialog->setServer(m_server);
    m_dialog->setUserName(m_userName);
    m_dialog->setKeychainFallback(m_tokens->usingFileFallback());
    if (!code.isEmpty())
        m_dialog->showFailure(code, message);
    else if (!message.isEmpty())
        m_dialog->showMessage(message);
    m_dialog->setWindowModality(m_window ? Qt::ApplicationModal : Qt::NonModal);
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    emit signInShown();
}

void AppController::signInRequested(const QUrl &server, const QString &userName, const QString &password)
{
    QString error;
    if (!ensureSession(server, userName, &error)) {
        m_dialog->showMessage(error);
        return;
    }
    m_phase = Phase::SigningIn;
    m_dialog->setBusy(true);
    m_session->signIn(password);
}

bool AppController::ensureSession(const QUrl &server, const QString &userName, QString *error)
{
    const bool same = m_session && m_phase != Phase::SignedOut && m_session->server() == server
                      && m_session->userName() == userName;
    if (same)
        return true;
    closeMainWindow();
    m_session.reset();
    auto session = std::make_unique<Session>(m_options.profileDir);
    QString openError;
    if (!session->openAccount(server, userName, &openError)) {
        *error = tr("The local copy for %1 could not be opened: %2").arg(userName, openError);
        return false;
    }
    m_session = std::move(session);
    m_server = server;
    m_userName = userName;
    connect(m_session.get(), &Session::signedIn, this, &AppController::signedIn);
    connect(m_session.get(), &Session::signInFailed, this, &AppController::signInFailed);
    connect(m_session.get(), &Session::connectionError, this, &AppController::connectionFailed);
    return true;
}

void AppController::signedIn(const QString &token)
{
    const Phase phase = m_phase;
    m_phase = Phase::SignedIn;
    if (token != m_token) {
        m_token = token;
        m_tokens->save(m_server, m_userName, token);
    }
    remember(m_server, m_userName);
    if (phase == Phase::SigningIn) {
        openMainWindow();  // before the dialog closes, so the program never has no window
        if (m_dialog) {
            m_dialog->setBusy(false);
            m_dialog->accept();
        }
    }
}

void AppController::signInFailed(const QString &code, const QString &message, int retryAfter)
{
    qCInfo(lcApp) << "sign-in failed:" << code << message;
    if (m_phase == Phase::SigningIn) {
        m_phase = Phase::Idle;
        if (m_dialog)
            m_dialog->showFailure(code, message, retryAfter);
        return;
    }
    if (m_phase != Phase::Resuming && m_phase != Phase::SignedIn)
        return;
    const bool credentialsGone = code == QLatin1String(protocol::code::TokenInvalid)
                                 || code == QLatin1String(protocol::code::AuthFailed);
    if (!credentialsGone)
        return;  // unreachable and the like: the window says Offline and the session retries
    // The stored token is no good any more: forget it and ask for the password, over the
    // window, which keeps showing the cache.
    m_tokens->remove(m_server, m_userName);
    m_token.clear();
    m_phase = Phase::Idle;
    showSignIn(code, message);
}

void AppController::connectionFailed(const QString &message)
{
    // While resuming or signed in the session keeps retrying and the window says Offline.
    // While the dialog waits, the attempt ends here: nothing reconnects behind the user's back.
    if (m_phase != Phase::SigningIn)
        return;
    m_session->disconnectFromServer();
    m_phase = Phase::Idle;
    if (m_dialog)
        m_dialog->showFailure(QStringLiteral("unreachable"), message);
}

void AppController::openMainWindow()
{
    if (m_window) {
        m_window->raise();
        return;
    }
    m_window = new MainWindow(m_options.profileDir, m_session.get(), m_tokens);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_window, &MainWindow::signOutRequested, this, &AppController::signOut);
    if (m_options.timing) {
        auto *watch = new FirstPaintWatch(m_window, m_window);
        connect(watch, &FirstPaintWatch::painted, this, [this] {
            if (m_timingReported)
                return;
            m_timingReported = true;
            std::fprintf(stderr, "first_paint_ms=%lld\n", static_cast<long long>(m_options.clock.elapsed()));
            std::fflush(stderr);
            // Benchmarks (bench/cold_start) measure start-up alone: leave once the page is up.
            if (qEnvironmentVariable("PLEIN_EXIT_AFTER_FIRST_PAINT") == u"1")
                QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
        });
    }
    m_window->show();
    emit mainWindowShown();
}

void AppController::closeMainWindow()
{
    if (m_window) {
        m_window->disconnect(this);
        // Not close(): the program must not quit for want of a window.
        m_window->hide();
        delete m_window;
    }
}

void AppController::signOut()
{
    if (!m_session)
        return;
    m_session->signOut();
    m_tokens->remove(m_server, m_userName);
    m_token.clear();
    m_phase = Phase::SignedOut;
    showSignIn();  // first, so that closing the window does not end the program
    closeMainWindow();
}

void AppController::remember(const QUrl &server, const QString &userName)
{
    const auto stored = settings::open(m_options.profileDir);
    stored->setValue(QLatin1String(settings::ServerKey), server.toString());
    stored->setValue(QLatin1String(settings::UserKey), userName);
}

} // namespace plein::client
