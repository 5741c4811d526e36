#include "BenchCommon.h"

#include "protocol/Envelope.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace plein::bench {

void setProgramPaths()
{
    if (qEnvironmentVariableIsEmpty("PLEIN_SERVER_BIN"))
        qputenv("PLEIN_SERVER_BIN", PLEIN_BENCH_SERVER_BIN);
    if (qEnvironmentVariableIsEmpty("PLEIN_CLIENT_BIN"))
        qputenv("PLEIN_CLIENT_BIN", PLEIN_BENCH_CLIENT_BIN);
}

QByteArray frame(const char *type, const QJsonObject &body, const QString &id, const QString &op)
{
    protocol::Envelope e;
    e.type = QLatin1String(type);
    e.id = id;
    e.op = op;
    e.body = body;
    return e.encode();
}

QString serverBinary()
{
    return qEnvironmentVariable("PLEIN_SERVER_BIN");
}

QString clientBinary()
{
    return qEnvironmentVariable("PLEIN_CLIENT_BIN");
}

QString machine()
{
    QString model = QStringLiteral("unknown cpu");
    QFile f(QStringLiteral("/proc/cpuinfo"));
    if (f.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> lines = f.readAll().split('\n');
        for (const QByteArray &line : lines) {
            if (line.startsWith("model name")) {
                model = QString::fromUtf8(line.mid(line.indexOf(':') + 1)).trimmed();
                break;
            }
        }
    }
    return QStringLiteral("%1, %2").arg(QThread::idealThreadCount()).arg(model);
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype rank = qsizetype(std::ceil(p / 100.0 * double(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

double median(QList<double> values)
{
    return percentile(std::move(values), 50);
}

static double statusMb(qint64 pid, const char *key)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(key)) {
            const QByteArray kb = line.mid(line.indexOf(':') + 1).trimmed().split(' ').value(0);
            return kb.toDouble() / 1024.0;
        }
    }
    return -1;
}

double rssMb(qint64 pid)
{
    return statusMb(pid, "VmRSS");
}

double peakRssMb(qint64 pid)
{
    return statusMb(pid, "VmHWM");
}

void printTable(const QString &title, const QList<QPair<QString, QString>> &rows)
{
    QTextStream out(stdout);
    out << title << Qt::endl;
    int width = 0;
    for (const auto &r : rows)
        width = qMax(width, int(r.first.size()));
    for (const auto &r : rows)
        out << "  " << r.first.leftJustified(width + 2) << r.second << Qt::endl;
}

static QByteArray jsonValue(const QJsonValue &v)
{
    const QByteArray a = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

void printJson(const QString &name, QJsonObject figures)
{
    // "bench" first and "machine" last; the figures in between in key order.
    QByteArray line = "{\"bench\":" + jsonValue(name);
    for (auto it = figures.constBegin(); it != figures.constEnd(); ++it)
        line += ',' + jsonValue(it.key()) + ':' + jsonValue(it.value());
    line += ",\"machine\":" + jsonValue(machine()) + "}\n";
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

int run(const QString &program, const QStringList &args, QByteArray *out, QByteArray *err, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(30000))
        return -1;
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

qint64 intArg(const QStringList &args, const QString &name, qint64 fallback)
{
    const qsizetype i = args.indexOf(name);
    if (i < 0 || i + 1 >= args.size())
        return fallback;
    bool ok = false;
    const qint64 v = args.at(i + 1).toLongLong(&ok);
    return ok ? v : fallback;
}

QString stringArg(const QStringList &args, const QString &name, const QString &fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
}

} // namespace plein::bench
