// cold_start: the real `plein` program started on a profile whose replica holds N cached
// rows (default 1,000,000): time from process start until the first timeline page is
// painted, and the program's peak RSS. The program runs offscreen, offline (nothing listens
// at the replica's server), resumes with a token from the profile's token file and prints
// first_paint_ms (PLEIN_TIMING=1). Its peak RSS is its own VmHWM, read 300 ms after the
// first paint, before it is told to leave (SIGTERM): the rusage of wait4() would also count
// the pages of this process at fork() time (Linux keeps maxrss across exec), which after
// building a 1,000,000-row profile in-process are several times the client's.
//
//   cold_start [--rows N] [--runs R] [--profile DIR]
#include "BenchCommon.h"
#include "CacheProfile.h"

#include "session/TokenStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonObject>
#include <QTemporaryDir>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace plein;

namespace {

struct Launch
{
    double externalMs = -1;   // fork to the first_paint_ms line arriving
    double reportedMs = -1;   // what the program printed (from its main())
    double peakRssMb = -1;
    int status = -1;
    QByteArray err;
};

Launch launch(const bench::CacheProfile &p)
{
    Launch out;
    int pipeFd[2];
    if (pipe(pipeFd) != 0)
        return out;
    const QByteArray bin = bench::clientBinary().toLocal8Bit();
    const QByteArray profile = p.dir.toLocal8Bit();
    const QByteArray server = p.server.toString().toLocal8Bit();
    const QByteArray user = p.userName.toLocal8Bit();
    QElapsedTimer clock;
    clock.start();
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(pipeFd[1], STDERR_FILENO);
        close(pipeFd[0]);
        close(pipeFd[1]);
        setenv("QT_QPA_PLATFORM", "offscreen", 1);
        setenv("PLEIN_TIMING", "1", 1);
        setenv("PLEIN_TOKEN_STORE", "file", 1);
        execl(bin.constData(), bin.constData(), "--profile", profile.constData(), "--server", server.constData(),
              "--user", user.constData(), static_cast<char *>(nullptr));
        _exit(127);
    }
    close(pipeFd[1]);
    // Read stderr, noting when the timing line arrives; 300 ms later read the program's
    // peak RSS and end it. Give up after 60 s.
    QByteArray err;
    pollfd pfd{pipeFd[0], POLLIN, 0};
    while (clock.elapsed() < 60000) {
        if (out.externalMs >= 0 && clock.nsecsElapsed() / 1e6 > out.externalMs + 300) {
            out.peakRssMb = bench::peakRssMb(pid);
            kill(pid, SIGTERM);
            break;
        }
        if (poll(&pfd, 1, 50) <= 0)
            continue;
        char buf[4096];
        const ssize_t n = read(pipeFd[0], buf, sizeof buf);
        if (n <= 0)
            break;
        err.append(buf, n);
        if (out.externalMs < 0 && err.contains("first_paint_ms="))
            out.externalMs = double(clock.nsecsElapsed()) / 1e6;
    }
    close(pipeFd[0]);
    int status = 0;
    QElapsedTimer exitWait;
    exitWait.start();
    while (waitpid(pid, &status, WNOHANG) == 0) {
        if (exitWait.elapsed() > 5000) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            break;
        }
        usleep(10000);
    }
    out.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    const qsizetype at = err.indexOf("first_paint_ms=");
    if (at >= 0)
        out.reportedMs = err.mid(at + 15, err.indexOf('\n', at) - at - 15).trimmed().toDouble();
    out.err = err;
    return out;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    bench::setProgramPaths();
    const QStringList args = app.arguments();
    const qint64 rows = bench::intArg(args, QStringLiteral("--rows"), 1'000'000);
    const int runs = int(bench::intArg(args, QStringLiteral("--runs"), 5));
    const QString dir = bench::stringArg(args, QStringLiteral("--profile"),
                                         QDir::temp().filePath(QStringLiteral("plein-bench-cache-%1").arg(rows)));

    bool built = false;
    QElapsedTimer buildTimer;
    buildTimer.start();
    const bench::CacheProfile p = bench::ensureCacheProfile(dir, rows, &built);
    if (p.dir.isEmpty())
        return 1;
    const double buildS = double(buildTimer.elapsed()) / 1000.0;

    // A token for the account, in the profile's token file, so the program resumes straight
    // into the main window (the server is offline; the token is never checked).
    {
        client::TokenStore tokens(p.dir);
        tokens.setForceFileFallback(true);
        QEventLoop loop;
        QObject::connect(&tokens, &client::TokenStore::finished, &loop, &QEventLoop::quit);
        QObject::connect(&tokens, &client::TokenStore::failed, &loop, &QEventLoop::quit);
        tokens.save(p.server, p.userName, QStringLiteral("bench-token-not-checked-offline"));
        loop.exec();
    }

    QList<double> external, reported, rss;
    for (int i = 0; i < runs; ++i) {
        const Launch l = launch(p);
        if (l.reportedMs < 0) {
            fprintf(stderr, "run %d: no first_paint_ms (exit %d):\n%s\n", i + 1, l.status, l.err.constData());
            return 1;
        }
        fprintf(stderr, "  run %d: first paint %.1f ms (program says %.0f ms), peak RSS %.1f MB\n", i + 1,
                l.externalMs, l.reportedMs, l.peakRssMb);
        external.append(l.externalMs);
        reported.append(l.reportedMs);
        rss.append(l.peakRssMb);
    }
    const double paint = bench::median(external);
    const double peak = bench::median(rss);
    bench::printTable(QStringLiteral("cold_start: plein on a profile with %1 cached rows (%2 runs, medians)").arg(rows).arg(runs),
                      {{QStringLiteral("cache"), QStringLiteral("%1 people, %2 posts, %3 comments, %4 likes%5")
                                                     .arg(p.people).arg(p.posts).arg(p.comments).arg(p.likes)
                                                     .arg(built ? QStringLiteral(" (built in %1 s)").arg(buildS, 0, 'f', 1)
                                                                : QStringLiteral(" (reused)"))},
                       {QStringLiteral("first paint, fork to line"), QStringLiteral("%1 ms").arg(paint, 0, 'f', 1)},
                       {QStringLiteral("first paint, from main()"), QStringLiteral("%1 ms").arg(bench::median(reported), 0, 'f', 0)},
                       {QStringLiteral("first paint, worst run"), QStringLiteral("%1 ms").arg(bench::percentile(external, 100), 0, 'f', 1)},
                       {QStringLiteral("peak RSS"), QStringLiteral("%1 MB").arg(peak, 0, 'f', 1)},
                       {QStringLiteral("target"), QStringLiteral("< 500 ms, < 150 MB: %1")
                                                      .arg(paint < 500 && peak < 150 ? QStringLiteral("met") : QStringLiteral("MISSED"))}});
    bench::printJson(QStringLiteral("cold_start"),
                     {{QStringLiteral("first_paint_ms"), qRound(paint * 10) / 10.0},
                      {QStringLiteral("first_paint_main_ms"), bench::median(reported)},
                      {QStringLiteral("peak_rss_mb"), qRound(peak * 10) / 10.0},
                      {QStringLiteral("cached_rows"), double(rows)},
                      {QStringLiteral("runs"), runs}});
    return 0;
}
