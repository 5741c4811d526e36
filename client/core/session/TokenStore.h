#pragma once

#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QTimer;

namespace QKeychain {
class Job;
}

namespace plein::client {

// Keeps session tokens (never passwords) in the system keychain through QtKeychain, under the
// service "Plein" with one entry per account (server + user name). When no keychain service
// answers, it falls back to a file in the profile directory readable by the owner only, and
// says so through usingFileFallback() so that the UI can tell the user.
//
// Every operation is asynchronous: it ends in exactly one finished() or failed() signal, in
// the order the operations were started. Nothing blocks the calling thread on the keychain.
class TokenStore : public QObject
{
    Q_OBJECT
public:
    enum class Operation { Save, Load, Remove };
    Q_ENUM(Operation)
    enum class Backend { Unknown, Keychain, File };
    Q_ENUM(Backend)

    explicit TokenStore(const QString &profileDir, QObject *parent = nullptr);
    ~TokenStore() override;

    // Skips the keychain and uses the file (tests; also settable with PLEIN_TOKEN_STORE=file).
    void setForceFileFallback(bool force);
    // How long one keychain call may take before the store gives up on it and uses the file.
    void setKeychainTimeout(int ms);

    void save(const QUrl &server, const QString &userName, const QString &token);
    void load(const QUrl &server, const QString &userName);  // finished(Load, "") when none
    void remove(const QUrl &server, const QString &userName);

    // Where the last operation kept the token. File means no keychain service answered.
    Backend backend() const;
    bool usingFileFallback() const;
    // Why the keychain was given up on (QtKeychain's words), empty while it answers.
    QString keychainError() const;
    QString fallbackFilePath() const;
    static QString serviceName();
    static QString keyFor(const QUrl &server, const QString &userName);

signals:
    void finished(plein::client::TokenStore::Operation operation, const QString &token);
    void failed(plein::client::TokenStore::Operation operation, const QString &message);
    void backendChanged(plein::client::TokenStore::Backend backend);

private:
    struct Request
    {
        Operation operation;
        QString key;
        QString token;
    };

    void startNext();
    void runOnKeychain(const Request &request);
    void onKeychainDone(QKeychain::Job *job);
    void onKeychainTimeout();
    void runOnFile(const Request &request, const QString &keychainError);
    void complete(Operation operation, const QString &token);
    void fail(Operation operation, const QString &message);
    void setBackend(Backend backend);

    // The fallback file: one "percent-encoded-key token" pair per line.
    QMap<QString, QString> readFile(QString *error) const;
    bool writeFile(const QMap<QString, QString> &entries, QString *error) const;

    QString m_profileDir;
    bool m_forceFile = false;
    bool m_keychainMissing = false;  // a keychain call failed for want of a service; stop asking
    QString m_keychainError;
    int m_timeoutMs = 8000;
    Backend m_backend = Backend::Unknown;
    QList<Request> m_queue;
    bool m_busy = false;
    QPointer<QKeychain::Job> m_job;
    QTimer *m_timer = nullptr;
};

} // namespace plein::client
