#include "signin/SignInDialog.h"

#include "common/Resources.h"
#include "common/Theme.h"
#include "protocol/Protocol.h"

#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>
#include <QVBoxLayout>

namespace plein::client {

namespace {
QLabel *fieldLabel(const QString &text, QLineEdit *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    label->setStyleSheet(QStringLiteral("font-weight: 600;"));
    return label;
}
} // namespace

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent)
    , m_server(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_signIn(new QPushButton(this))
    , m_error(new QLabel(this))
    , m_busyLabel(new QLabel(this))
    , m_busy(new QProgressBar(this))
    , m_keychainNote(new QLabel(this))
    , m_countdown(new QTimer(this))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to Plein"));
    setWindowIcon(appIcon());
    setStyleSheet(QStringLiteral("QDialog#signInDialog { background: white; }"
                                 "QLineEdit { border: 1px solid #CBD5E1; border-radius: 7px; padding: 7px 9px;"
                                 " background: white; }"
                                 "QLineEdit:focus { border: 1px solid %1; }"
                                 "QLineEdit:disabled { background: #F1F5F9; color: #64748B; }")
                      .arg(theme::accent().name()));

    auto *logo = new QLabel(this);
    logo->setPixmap(appIcon().pixmap(QSize(64, 64)));
    logo->setAlignment(Qt::AlignCenter);
    auto *title = new QLabel(tr("Sign in to Plein"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    title->setAlignment(Qt::AlignCenter);
    auto *subtitle = new QLabel(tr("Your organisation's square for news, groups and colleagues."), this);
    subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    subtitle->setAlignment(Qt::AlignCenter);
    subtitle->setWordWrap(true);

    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_server->setPlaceholderText(tr("ws://plein.example.com:8765"));
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_user->setPlaceholderText(tr("for example anna"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Your password"));

    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: %1; background: #FEF2F2; border: 1px solid #FECACA;"
                                          " border-radius: 7px; padding: 8px 10px; }")
                               .arg(theme::danger().name()));
    m_error->hide();

    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    m_busyLabel->setText(tr("Connecting…"));
    m_busyLabel->setStyleSheet(QStringLiteral("color: %1;").arg(theme::textSecondary().name()));
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setFixedHeight(4);
    m_busyLabel->hide();
    m_busy->hide();

    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setWordWrap(true);
    m_keychainNote->setText(
        tr("No system keychain found; your session is stored in a file in your profile, readable only by you."));
    m_keychainNote->setStyleSheet(QStringLiteral("color: %1; font-size: 9pt;").arg(theme::textSecondary().name()));
    m_keychainNote->hide();

    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setText(tr("Sign in"));
    m_signIn->setDefault(true);
    m_signIn->setAutoDefault(true);
    m_signIn->setCursor(Qt::PointingHandCursor);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(36, 28, 36, 28);
    layout->setSpacing(6);
    layout->addWidget(logo);
    layout->addSpacing(6);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addSpacing(16);
    layout->addWidget(fieldLabel(tr("&Server"), m_server, this));
    layout->addWidget(m_server);
    layout->addSpacing(8);
    layout->addWidget(fieldLabel(tr("&User name"), m_user, this));
    layout->addWidget(m_user);
    layout->addSpacing(8);
    layout->addWidget(fieldLabel(tr("&Password"), m_password, this));
    layout->addWidget(m_password);
    layout->addSpacing(12);
    layout->addWidget(m_error);
    layout->addWidget(m_busyLabel);
    layout->addWidget(m_busy);
    layout->addSpacing(4);
    layout->addWidget(m_signIn);
    layout->addSpacing(6);
    layout->addWidget(m_keychainNote);
    // Fixed width; the height follows what is shown (an error, the busy line, the note).
    setFixedWidth(440);
    logo->setFixedHeight(64);

    connect(m_signIn, &QPushButton::clicked, this, &SignInDialog::submit);
    connect(m_password, &QLineEdit::returnPressed, this, &SignInDialog::submit);
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &SignInDialog::tick);
    // The server throttles per user name: another name may be tried at once.
    connect(m_user, &QLineEdit::textEdited, this, [this] {
        if (m_countdown->isActive()) {
            stopCountdown();
            showMessage({});
        }
    });
}

void SignInDialog::setServer(const QUrl &server)
{
    m_server->setText(server.toDisplayString());
}

void SignInDialog::setUserName(const QString &userName)
{
    m_user->setText(userName);
    // Whatever is already known, the cursor goes to the first empty field.
    if (m_server->text().isEmpty())
        m_server->setFocus();
    else if (userName.isEmpty())
        m_user->setFocus();
    else
        m_password->setFocus();
}

QUrl SignInDialog::server() const
{
    return parseServer(m_server->text());
}

QString SignInDialog::userName() const
{
    return m_user->text().trimmed().toLower();
}

QUrl SignInDialog::parseServer(const QString &text)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QUrl();
    if (!trimmed.contains(QLatin1String("://")))
        trimmed.prepend(QLatin1String("ws://"));
    QUrl url(trimmed, QUrl::StrictMode);
    if (url.scheme() == u"http")
        url.setScheme(QStringLiteral("ws"));
    else if (url.scheme() == u"https")
        url.setScheme(QStringLiteral("wss"));
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"ws" && url.scheme() != u"wss"))
        return QUrl();
    return url.adjusted(QUrl::StripTrailingSlash);
}

QString SignInDialog::throttledText(int seconds)
{
    if (seconds < 120)
        return tr("Too many attempts, try again in %n second(s).", nullptr, qMax(1, seconds));
    return tr("Too many attempts, try again in %n minute(s).", nullptr, (seconds + 59) / 60);
}

QString SignInDialog::describeFailure(const QString &code, const QString &message, const QUrl &server,
                                      int retryAfter)
{
    namespace c = protocol::code;
    if (code == QLatin1String(c::AuthFailed))
        return tr("The user name or password is not right. Check them and try again.");
    if (code == QLatin1String(c::AuthThrottled)) {
        if (retryAfter > 0)
            return throttledText(retryAfter);
        // An older server tells the wait only in its message.
        static const QRegularExpression number(QStringLiteral("(\\d+)"));
        const QRegularExpressionMatch match = number.match(message);
        if (match.hasMatch())
            return throttledText(match.captured(1).toInt());
        return tr("Too many failed attempts. Wait a while, then try again.");
    }
    if (code == QLatin1String(c::TokenInvalid))
        return tr("Your session has ended. Sign in with your password to continue.");
    if (code == u"unreachable")
        return tr("Cannot reach the server at %1. Check the address and your network connection, then try again.")
            .arg(server.toDisplayString());
    if (code == QLatin1String(c::UnsupportedVersion))
        return tr("This server speaks a different version of Plein. Update Plein and try again.");
    if (message.isEmpty())
        return tr("Signing in did not work (%1). Try again in a moment.").arg(code);
    return tr("Signing in did not work: %1").arg(message);
}

void SignInDialog::submit()
{
    if (m_isBusy || m_countdown->isActive())
        return;
    const QUrl url = server();
    if (!url.isValid()) {
        showMessage(m_server->text().trimmed().isEmpty()
                        ? tr("Enter the address of your Plein server.")
                        : tr("\"%1\" is not a server address. It looks like ws://plein.example.com:8765.")
                              .arg(m_server->text().trimmed()));
        m_server->setFocus();
        return;
    }
    static const QRegularExpression validName(QStringLiteral("^[a-z0-9._-]{1,64}$"));
    if (userName().isEmpty()) {
        showMessage(tr("Enter your user name."));
        m_user->setFocus();
        return;
    }
    if (!validName.match(userName()).hasMatch()) {
        showMessage(tr("A user name has only letters, digits, dots, dashes and underscores."));
        m_user->setFocus();
        return;
    }
    if (m_password->text().isEmpty()) {
        showMessage(tr("Enter your password."));
        m_password->setFocus();
        return;
    }
    m_error->hide();
    emit signInRequested(url, userName(), m_password->text());
}

void SignInDialog::setBusy(bool busy)
{
    m_isBusy = busy;
    m_server->setEnabled(!busy);
    m_user->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_signIn->setEnabled(!busy && !m_countdown->isActive());
    if (!m_countdown->isActive())
        m_signIn->setText(busy ? tr("Signing in…") : tr("Sign in"));
    m_busy->setVisible(busy);
    m_busyLabel->setVisible(busy);
    if (busy)
        m_error->hide();
    fitHeight();
}

bool SignInDialog::isBusy() const
{
    return m_isBusy;
}

void SignInDialog::showFailure(const QString &code, const QString &message, int retryAfter)
{
    setBusy(false);
    if (code == QLatin1String(protocol::code::AuthThrottled) && retryAfter > 0) {
        startCountdown(retryAfter);
        return;
    }
    showMessage(describeFailure(code, message, server(), retryAfter));
    if (code == QLatin1String(protocol::code::AuthFailed) || code == QLatin1String(protocol::code::TokenInvalid)) {
        m_password->selectAll();
        m_password->setFocus();
    }
}

void SignInDialog::showMessage(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    fitHeight();
}

void SignInDialog::setKeychainFallback(bool fileFallback)
{
    m_keychainNote->setVisible(fileFallback);
    fitHeight();
}

int SignInDialog::secondsToWait() const
{
    if (!m_countdown->isActive())
        return 0;
    return int((m_retryAt.remainingTime() + 999) / 1000);
}

void SignInDialog::startCountdown(int seconds)
{
    m_retryAt.setRemainingTime(qint64(seconds) * 1000);
    m_countdown->start();
    tick();
}

void SignInDialog::tick()
{
    const int left = secondsToWait();
    if (left <= 0) {
        stopCountdown();
        showMessage({});
        m_password->setFocus();
        return;
    }
    m_signIn->setEnabled(false);
    m_signIn->setText(tr("Try again in %1:%2").arg(left / 60).arg(left % 60, 2, 10, QLatin1Char('0')));
    showMessage(throttledText(left));
}

void SignInDialog::stopCountdown()
{
    m_countdown->stop();
    m_signIn->setEnabled(!m_isBusy);
    m_signIn->setText(m_isBusy ? tr("Signing in…") : tr("Sign in"));
}

void SignInDialog::fitHeight()
{
    layout()->activate();
    // Word-wrapped labels need their height for the dialog's fixed width.
    setFixedHeight(layout()->totalHeightForWidth(width()));
}

} // namespace plein::client
