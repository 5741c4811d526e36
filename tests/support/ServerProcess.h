#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace plein::test {

// A real plein-server process for end-to-end tests: $PLEIN_SERVER_BIN on 127.0.0.1 with an
// ephemeral port and a data dir of its own (a QTemporaryDir unless one is given). start()
// waits for the "listening on ws://ADDR:PORT" line while the caller's event loop keeps
// running, so objects on the test thread stay responsive. The process is stopped (SIGKILL
// if it does not end on SIGTERM) when the object is destroyed.
//
//     plein::test::ServerProcess server;
//     QVERIFY(server.addUser("anna", "secret", "Anna de Vries"));
//     QVERIFY2(server.start(), qPrintable(server.errorString()));
//     client.connectTo(server.url());
//     server.kill();                  // SIGKILL, like a crash
//     QVERIFY(server.restart());      // same data dir, same port, so clients can reconnect
class ServerProcess
{
public:
    // dataDir empty: a fresh temporary directory, removed with this object.
    explicit ServerProcess(const QString &dataDir = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // Starts `plein-server --data-dir DIR --listen 127.0.0.1 --port 0 [extraArgs]` and waits
    // up to timeoutMs for it to listen. extraArgs e.g. {"--demo"}. False with errorString().
    bool start(const QStringList &extraArgs = {}, int timeoutMs = 30000);
    // Starts again on the same data dir, and on the same port as before when there was one
    // (so a client's URL stays valid), with the extra arguments of the last start().
    // Stops a running process first (SIGTERM).
    bool restart(int timeoutMs = 30000);
    // SIGKILL: no clean shutdown, like a crash or power loss. Waits until the process is gone.
    void kill();
    // SIGTERM and wait; true when the server exited by itself with status 0.
    bool terminate(int timeoutMs = 10000);
    bool isRunning() const;

    // Runs `plein-server --data-dir DIR user add NAME --display-name ... --password-stdin`.
    // Works whether or not the server is running (SQLite WAL allows the second writer), but
    // a running server does not push the new user to live sessions; add users before
    // clients sync, or expect them on the next sync.
    bool addUser(const QString &name, const QString &password, const QString &displayName,
                 const QString &role = QStringLiteral("employee"), const QString &department = {},
                 const QString &title = {});
    // Runs any plein-server command line against this data dir (`--data-dir DIR` is put
    // first); returns the exit code, or -1 when it could not run or timed out.
    int runCommand(const QStringList &args, const QByteArray &stdinData = {}, QByteArray *out = nullptr,
                   QByteArray *err = nullptr, int timeoutMs = 30000);

    QUrl url() const;            // ws://127.0.0.1:PORT (empty before the first start)
    quint16 port() const;
    qint64 pid() const;          // the running process, 0 when none (benchmarks read its RSS)
    QString dataDir() const;
    QString errorString() const;
    static QString serverBinary(); // $PLEIN_SERVER_BIN

private:
    bool launch(quint16 port, int timeoutMs);

    std::unique_ptr<QTemporaryDir> m_tempDir;
    QString m_dataDir;
    QStringList m_extraArgs;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_stdout;
    QString m_address;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace plein::test
