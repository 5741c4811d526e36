#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// Small helpers shared by the benchmark programs: where the programs are, percentiles, the
// machine line, the table and the one JSON line each benchmark prints last.
namespace plein::bench {

// Sets PLEIN_SERVER_BIN / PLEIN_CLIENT_BIN to the programs of this build unless already set.
void setProgramPaths();
QString serverBinary();
QString clientBinary();

// "<nproc>, <cpu model>" from /proc/cpuinfo.
QString machine();
// The value below which p percent of `values` lie (nearest rank); 0 for no values.
double percentile(QList<double> values, double p);
double median(QList<double> values);
// VmRSS / VmHWM of a process, in MB (-1 when unreadable).
double rssMb(qint64 pid);
double peakRssMb(qint64 pid);

// A human table: a title, then `label  value` rows.
void printTable(const QString &title, const QList<QPair<QString, QString>> &rows);
// {"bench":name, ...figures..., "machine":...} on one line of stdout.
void printJson(const QString &name, QJsonObject figures);

// Runs a command and returns its exit code (-1 on failure to start or on timeout).
int run(const QString &program, const QStringList &args, QByteArray *out = nullptr, QByteArray *err = nullptr,
        int timeoutMs = 600000);

// One protocol frame, encoded: what the load clients send.
QByteArray frame(const char *type, const QJsonObject &body, const QString &id = {}, const QString &op = {});

// "--name value" from argv, or fallback.
qint64 intArg(const QStringList &args, const QString &name, qint64 fallback);
QString stringArg(const QStringList &args, const QString &name, const QString &fallback = {});

} // namespace plein::bench
