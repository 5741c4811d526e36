#include "session/TokenStore.h"

#include <qt6keychain/keychain.h>

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QTimer>

Q_LOGGING_CATEGORY(lcKeychain, "plein.client.keychain")

namespace plein::client {

namespace {
constexpr char FallbackFileName[] = "session-tokens";
}

TokenStore::TokenStore(const QString &profileDir, QObject *parent)
    : QObject(parent)
    , m_profileDir(profileDir)
    , m_forceFile(qEnvironmentVariable("PLEIN_TOKEN_STORE") == u"file")
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &TokenStore::onKeychainTimeout);
}

TokenStore::~TokenStore()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->deleteLater();
    }
}

void TokenStore::setForceFileFallback(bool force)
{
    m_forceFile = force;
}

void TokenStore::setKeychainTimeout(int ms)
{
    m_timeoutMs = ms;
}

QString TokenStore::serviceName()
{
    return QStringLiteral("Plein");
}

QString TokenStore::keyFor(const QUrl &server, const QString &userName)
{
    return userName + u'@' + server.adjusted(QUrl::StripTrailingSlash).toString();
}

TokenStore::Backend TokenStore::backend() const
{
    return m_backend;
}

bool TokenStore::usingFileFallback() const
{
    return m_backend == Backend::File;
}

QString TokenStore::keychainError() const
{
    return m_keychainError;
}

QString TokenStore::fallbackFilePath() const
{
    return QDir(m_profileDir).filePath(QLatin1String(FallbackFileName));
}

void TokenStore::save(const QUrl &server, const QString &userName, const QString &token)
{
    m_queue.append({Operation::Save, keyFor(server, userName), token});
    startNext();
}

void TokenStore::load(const QUrl &server, const QString &userName)
{
    m_queue.append({Operation::Load, keyFor(server, userName), QString()});
    startNext();
}

void TokenStore::remove(const QUrl &server, const QString &userName)
{
    m_queue.append({Operation::Remove, keyFor(server, userName), QString()});
    startNext();
}

void TokenStore::startNext()
{
    if (m_busy || m_queue.isEmpty())
        return;
    m_busy = true;
    const Request request = m_queue.constFirst();
    if (m_forceFile || m_keychainMissing) {
        // Still asynchronous, so that callers see one behaviour whichever backend answers.
        QTimer::singleShot(0, this, [this, request] { runOnFile(request, QString()); });
        return;
    }
    runOnKeychain(request);
}

void TokenStore::runOnKeychain(const Request &request)
{
    QKeychain::Job *job = nullptr;
    switch (request.operation) {
    case Operation::Save: {
        auto *write = new QKeychain::WritePasswordJob(serviceName(), this);
        write->setTextData(request.token);
        job = write;
        break;
    }
    case Operation::Load:
        job = new QKeychain::ReadPasswordJob(serviceName(), this);
        break;
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(serviceName(), this);
        break;
    }
    job->setAutoDelete(false);
    job->setInsecureFallback(false);  // our own fallback is the 0600 file, and we say so
    job->setKey(request.key);
    m_job = job;
    connect(job, &QKeychain::Job::finished, this, &TokenStore::onKeychainDone);
    m_timer->start(m_timeoutMs);
    job->start();
}

void TokenStore::onKeychainDone(QKeychain::Job *job)
{
    if (job != m_job)
        return;
    m_timer->stop();
    m_job = nullptr;
    job->deleteLater();
    const Request request = m_queue.constFirst();
    const QKeychain::Error error = job->error();

    if (error == QKeychain::NoError) {
        setBackend(Backend::Keychain);
        QString token;  // Save answers with the token saved, Load with the token read
        if (request.operation == Operation::Save)
            token = request.token;
        else if (request.operation == Operation::Load)
            token = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
        if (request.operation != Operation::Load) {
            // A token kept in the file while the keychain was away must not outlive this one.
            QString ignored;
            QMap<QString, QString> entries = readFile(&ignored);
            if (entries.remove(request.key) > 0)
                writeFile(entries, &ignored);
        }
        complete(request.operation, token);
        return;
    }
    if (error == QKeychain::EntryNotFound) {
        // The keychain answers; the file may still hold a token from a session without it.
        setBackend(Backend::Keychain);
        runOnFile(request, QString());
        return;
    }
    qCInfo(lcKeychain) << "keychain unavailable (" << error << job->errorString() << "), using"
                       << fallbackFilePath();
    m_keychainMissing = true;
    m_keychainError = job->errorString();
    runOnFile(request, m_keychainError);
}

void TokenStore::onKeychainTimeout()
{
    if (!m_job)
        return;
    qCWarning(lcKeychain) << "keychain did not answer within" << m_timeoutMs << "ms; using" << fallbackFilePath();
    m_job->disconnect(this);
    m_job->deleteLater();
    m_job = nullptr;
    m_keychainMissing = true;
    m_keychainError = tr("the keychain did not answer within %n second(s)", nullptr, (m_timeoutMs + 999) / 1000);
    runOnFile(m_queue.constFirst(), m_keychainError);
}

void TokenStore::runOnFile(const Request &request, const QString &keychainError)
{
    // Reached after EntryNotFound with an empty keychainError: the keychain stays the backend
    // unless the file actually holds the entry.
    const bool fallback = m_forceFile || m_keychainMissing || !keychainError.isEmpty();
    QString error;
    QMap<QString, QString> entries = readFile(&error);
    if (!error.isEmpty()) {
        fail(request.operation, error);
        return;
    }
    switch (request.operation) {
    case Operation::Save:
        entries.insert(request.key, request.token);
        if (!writeFile(entries, &error)) {
            fail(request.operation, error);
            return;
        }
        setBackend(Backend::File);
        complete(request.operation, request.token);
        return;
    case Operation::Load: {
        const QString token = entries.value(request.key);
        if (fallback || !token.isEmpty())
            setBackend(Backend::File);
        complete(request.operation, token);
        return;
    }
    case Operation::Remove:
        if (entries.remove(request.key) > 0 && !writeFile(entries, &error)) {
            fail(request.operation, error);
            return;
        }
        if (fallback)
            setBackend(Backend::File);
        complete(request.operation, QString());
        return;
    }
}

QMap<QString, QString> TokenStore::readFile(QString *error) const
{
    QMap<QString, QString> entries;
    QFile file(fallbackFilePath());
    if (!file.exists())
        return entries;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(file.fileName(), file.errorString());
        return entries;
    }
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype space = line.indexOf(' ');
        if (space <= 0)
            continue;
        entries.insert(QString::fromUtf8(QByteArray::fromPercentEncoding(line.left(space))),
                       QString::fromUtf8(line.mid(space + 1).trimmed()));
    }
    return entries;
}

bool TokenStore::writeFile(const QMap<QString, QString> &entries, QString *error) const
{
    if (entries.isEmpty()) {
        QFile::remove(fallbackFilePath());
        return true;
    }
    if (!QDir().mkpath(m_profileDir)) {
        *error = tr("Cannot create %1").arg(m_profileDir);
        return false;
    }
    QSaveFile file(fallbackFilePath());
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    // Owner-only before any secret is written into the temporary file.
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        file.write(it.key().toUtf8().toPercentEncoding() + ' ' + it.value().toUtf8() + '\n');
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(file.fileName(), file.errorString());
        return false;
    }
    return true;
}

void TokenStore::complete(Operation operation, const QString &token)
{
    m_queue.removeFirst();
    m_busy = false;
    emit finished(operation, token);
    startNext();
}

void TokenStore::fail(Operation operation, const QString &message)
{
    qCWarning(lcKeychain) << "token" << operation << "failed:" << message;
    m_queue.removeFirst();
    m_busy = false;
    emit failed(operation, message);
    startNext();
}

void TokenStore::setBackend(Backend backend)
{
    if (m_backend == backend)
        return;
    m_backend = backend;
    emit backendChanged(backend);
}

} // namespace plein::client
