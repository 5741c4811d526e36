#include "ServerProcess.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTimer>

namespace plein::test {

ServerProcess::ServerProcess(const QString &dataDir)
{
    if (dataDir.isEmpty()) {
        m_tempDir = std::make_unique<QTemporaryDir>();
        m_dataDir = m_tempDir->path();
    } else {
        m_dataDir = dataDir;
    }
}

ServerProcess::~ServerProcess()
{
    if (isRunning() && !terminate(5000))
        kill();
}

qint64 ServerProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QString ServerProcess::serverBinary()
{
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("PLEIN_SERVER_BIN"));
}

bool ServerProcess::start(const QStringList &extraArgs, int timeoutMs)
{
    m_extraArgs = extraArgs;
    return launch(0, timeoutMs);
}

bool ServerProcess::restart(int timeoutMs)
{
    if (isRunning())
        terminate();
    return launch(m_port, timeoutMs);
}

bool ServerProcess::launch(quint16 port, int timeoutMs)
{
    m_error.clear();
    if (isRunning()) {
        m_error = QStringLiteral("the server is already running");
        return false;
    }
    const QString bin = serverBinary();
    if (bin.isEmpty()) {
        m_error = QStringLiteral("PLEIN_SERVER_BIN is not set");
        return false;
    }
    if (m_tempDir && !m_tempDir->isValid()) {
        m_error = QStringLiteral("could not create a temporary data dir");
        return false;
    }

    m_process = std::make_unique<QProcess>();
    // The server's log goes straight to the test's stderr, which is what one wants to read
    // when a test fails; stdout carries the "listening on" line.
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_stdout.clear();
    QProcess *proc = m_process.get();
    QObject::connect(proc, &QProcess::readyReadStandardOutput, proc,
                     [this, proc] { m_stdout += proc->readAllStandardOutput(); });

    QStringList args{QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QString::number(port)};
    args += m_extraArgs;
    proc->start(bin, args);

    static const QRegularExpression listening(QStringLiteral("listening on ws://([^\\s:]+):(\\d+)"));
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(proc, &QProcess::readyReadStandardOutput, &loop, [&loop, this] {
        if (listening.match(QString::fromUtf8(m_stdout)).hasMatch())
            loop.quit();
    });
    QObject::connect(proc, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(proc, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    deadline.start(timeoutMs);
    if (!listening.match(QString::fromUtf8(m_stdout)).hasMatch())
        loop.exec();

    const QRegularExpressionMatch m = listening.match(QString::fromUtf8(m_stdout));
    if (!m.hasMatch()) {
        if (proc->state() == QProcess::NotRunning)
            m_error = QStringLiteral("plein-server exited (code %1) before listening: %2")
                          .arg(proc->exitCode())
                          .arg(proc->errorString());
        else
            m_error = QStringLiteral("plein-server did not listen within %1 ms").arg(timeoutMs);
        kill();
        return false;
    }
    m_address = m.captured(1);
    m_port = quint16(m.captured(2).toUInt());
    return true;
}

void ServerProcess::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    m_process->kill();
    m_process->waitForFinished(10000);
}

bool ServerProcess::terminate(int timeoutMs)
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return false;
    m_process->terminate();
    if (!m_process->waitForFinished(timeoutMs)) {
        m_error = QStringLiteral("plein-server did not stop within %1 ms of SIGTERM").arg(timeoutMs);
        kill();
        return false;
    }
    return m_process->exitStatus() == QProcess::NormalExit && m_process->exitCode() == 0;
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

int ServerProcess::runCommand(const QStringList &args, const QByteArray &stdinData, QByteArray *out,
                              QByteArray *err, int timeoutMs)
{
    QProcess p;
    p.start(serverBinary(), QStringList{QStringLiteral("--data-dir"), m_dataDir} + args);
    if (!p.waitForStarted(timeoutMs)) {
        m_error = p.errorString();
        return -1;
    }
    p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        m_error = QStringLiteral("plein-server %1 timed out").arg(args.join(QLatin1Char(' ')));
        return -1;
    }
    const QByteArray e = p.readAllStandardError();
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = e;
    if (p.exitStatus() != QProcess::NormalExit)
        return -1;
    if (p.exitCode() != 0)
        m_error = QString::fromUtf8(e).trimmed();
    return p.exitCode();
}

bool ServerProcess::addUser(const QString &name, const QString &password, const QString &displayName,
                            const QString &role, const QString &department, const QString &title)
{
    QStringList args{QStringLiteral("user"),         QStringLiteral("add"), name,
                     QStringLiteral("--display-name"), displayName,         QStringLiteral("--role"),
                     role,                           QStringLiteral("--password-stdin")};
    if (!department.isEmpty())
        args << QStringLiteral("--department") << department;
    if (!title.isEmpty())
        args << QStringLiteral("--title") << title;
    return runCommand(args, password.toUtf8() + '\n') == 0;
}

QUrl ServerProcess::url() const
{
    if (m_port == 0)
        return {};
    QUrl u;
    u.setScheme(QStringLiteral("ws"));
    u.setHost(m_address);
    u.setPort(m_port);
    return u;
}

quint16 ServerProcess::port() const
{
    return m_port;
}

QString ServerProcess::dataDir() const
{
    return m_dataDir;
}

QString ServerProcess::errorString() const
{
    return m_error;
}

} // namespace plein::test
