#pragma once

#include <QDeadlineTimer>
#include <QDialog>
#include <QUrl>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace plein::client {

// Asks for the server, the user name and the password. It validates what it can by itself
// and emits signInRequested(); whoever drives the session answers with setBusy(),
// showFailure() or accept(). Failures are told in plain words by their protocol code.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(QWidget *parent = nullptr);

    void setServer(const QUrl &server);
    void setUserName(const QString &userName);
    QUrl server() const;
    QString userName() const;

    void setBusy(bool busy);
    bool isBusy() const;
    // retryAfter > 0 (auth_throttled): the sign-in button stays disabled and counts down.
    void showFailure(const QString &code, const QString &message, int retryAfter = 0);
    void showMessage(const QString &text);  // a plain error line, already translated
    // States that no system keychain answered and the session will be kept in a file.
    void setKeychainFallback(bool fileFallback);

    // "plein.example:8765" -> ws://plein.example:8765; http(s) become ws(s). Empty on error.
    static QUrl parseServer(const QString &text);
    static QString describeFailure(const QString &code, const QString &message, const QUrl &server,
                                   int retryAfter = 0);
    // "Too many attempts, try again in N seconds" (minutes from two minutes up).
    static QString throttledText(int seconds);
    // Seconds left before the server takes another attempt; 0 when not waiting.
    int secondsToWait() const;

signals:
    void signInRequested(const QUrl &server, const QString &userName, const QString &password);

private:
    void submit();
    void fitHeight();
    void startCountdown(int seconds);
    void tick();
    void stopCountdown();

    QLineEdit *m_server;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QPushButton *m_signIn;
    QLabel *m_error;
    QLabel *m_busyLabel;
    QProgressBar *m_busy;
    QLabel *m_keychainNote;
    QTimer *m_countdown;
    QDeadlineTimer m_retryAt;
    bool m_isBusy = false;
};

} // namespace plein::client
