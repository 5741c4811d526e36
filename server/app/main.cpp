// plein-server: the command line only. Everything it runs lives in plein_server_core.
//
//   plein-server --data-dir DIR [--listen ADDR] [--port N] [--demo]
//   plein-server --data-dir DIR user add NAME --display-name "..." [--role R]
//                [--department D] [--title T] --password-stdin
//   plein-server --data-dir DIR seed [--people N] [--groups N] [--posts N] [--comments N] [--likes N]
//                [--rooms N] [--messages N] [--seed S]
//   plein-server --data-dir DIR directory import FILE.csv [--deactivate-missing]
//   plein-server --data-dir DIR user set-password NAME   (prompts, or reads standard input)
//   plein-server --data-dir DIR sessions issue [--people N]
#include "Backend.h"
#include "auth/Accounts.h"
#include "features/people/DirectoryImport.h"
#include "net/WebSocketServer.h"
#include "seed/BulkPeople.h"
#include "seed/BulkSeed.h"
#include "seed/BulkSessions.h"
#include "seed/DemoBlogs.h"
#include "seed/DemoGroups.h"
#include "seed/DemoHome.h"
#include "seed/DemoChat.h"
#include "seed/DemoNews.h"
#include "seed/DemoSeed.h"
#include "seed/PeopleDemo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QTextStream>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>
#endif

using namespace plein;
using namespace plein::server;

namespace {

constexpr int ExitFailure = 1;
constexpr int ExitUsage = 2;

int fail(const QString &message, int code = ExitFailure)
{
    QTextStream(stderr) << "plein-server: " << message << Qt::endl;
    return code;
}

#ifdef Q_OS_UNIX
// SIGTERM/SIGINT write one byte to a socket pair; the event loop reads it and shuts down
// cleanly. A signal handler may do almost nothing else safely.
int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char b = 1;
    [[maybe_unused]] const auto n = ::write(g_signalFds[0], &b, 1);
}

bool installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return false;
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &sa, nullptr) == 0 && ::sigaction(SIGINT, &sa, nullptr) == 0;
}
#endif

// The password from stdin, without the one line ending `echo` or a here-string adds.
QString readPasswordFromStdin()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    QByteArray data = in.readAll();
    if (data.endsWith('\n'))
        data.chop(1);
    if (data.endsWith('\r'))
        data.chop(1);
    return QString::fromUtf8(data);
}

// A password typed at a terminal, not echoed; empty when standard input is no terminal.
QString promptPassword(const QString &prompt)
{
#ifdef Q_OS_UNIX
    if (!::isatty(STDIN_FILENO))
        return {};
    QTextStream(stderr) << prompt << Qt::flush;
    termios old = {};
    ::tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    QTextStream in(stdin);
    const QString line = in.readLine();
    ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
    QTextStream(stderr) << "\n" << Qt::flush;
    return line;
#else
    Q_UNUSED(prompt);
    return {};
#endif
}

bool stdinIsTerminal()
{
#ifdef Q_OS_UNIX
    return ::isatty(STDIN_FILENO);
#else
    return false;
#endif
}

struct Options
{
    QCommandLineOption dataDir{QStringLiteral("data-dir"), QStringLiteral("Directory of the database (created if missing)."),
                               QStringLiteral("DIR")};
    QCommandLineOption listen{QStringLiteral("listen"), QStringLiteral("Address to listen on (default 127.0.0.1)."),
                              QStringLiteral("ADDR"), QStringLiteral("127.0.0.1")};
    QCommandLineOption port{QStringLiteral("port"), QStringLiteral("TCP port (default 8765; 0 picks a free one)."),
                            QStringLiteral("N"), QStringLiteral("8765")};
    QCommandLineOption demo{QStringLiteral("demo"), QStringLiteral("Seed an empty database with a demo organisation.")};
    QCommandLineOption displayName{QStringLiteral("display-name"), QStringLiteral("user add: the full name shown."),
                                   QStringLiteral("NAME")};
    QCommandLineOption role{QStringLiteral("role"), QStringLiteral("user add: employee, editor or admin."),
                            QStringLiteral("ROLE"), QStringLiteral("employee")};
    QCommandLineOption department{QStringLiteral("department"), QStringLiteral("user add: department."),
                                  QStringLiteral("D")};
    QCommandLineOption title{QStringLiteral("title"), QStringLiteral("user add: job title."), QStringLiteral("T")};
    QCommandLineOption passwordStdin{QStringLiteral("password-stdin"),
                                     QStringLiteral("user add: read the password from standard input.")};
    QCommandLineOption people{QStringLiteral("people"), QStringLiteral("seed: number of people (default 100)."),
                              QStringLiteral("N"), QStringLiteral("100")};
    QCommandLineOption posts{QStringLiteral("posts"), QStringLiteral("seed: number of posts (default 1000)."),
                             QStringLiteral("N"), QStringLiteral("1000")};
    QCommandLineOption comments{QStringLiteral("comments"), QStringLiteral("seed: number of comments (default 0)."),
                                QStringLiteral("N"), QStringLiteral("0")};
    QCommandLineOption likes{QStringLiteral("likes"), QStringLiteral("seed: number of likes (default 0)."),
                             QStringLiteral("N"), QStringLiteral("0")};
    QCommandLineOption groups{QStringLiteral("groups"),
                              QStringLiteral("seed: number of groups of every kind and visibility, with members and posts (default 0)."),
                              QStringLiteral("N"), QStringLiteral("0")};
    QCommandLineOption rooms{QStringLiteral("rooms"),
                             QStringLiteral("seed: number of chat rooms (accepted; not generated until chat exists)."),
                             QStringLiteral("N"), QStringLiteral("0")};
    QCommandLineOption messages{QStringLiteral("messages"),
                                QStringLiteral("seed: number of chat messages (accepted; not generated until chat exists)."),
                                QStringLiteral("N"), QStringLiteral("0")};
    QCommandLineOption seedValue{QStringLiteral("seed"),
                                 QStringLiteral("seed: random seed; the same seed and counts give the same data (default 7031)."),
                                 QStringLiteral("S"), QStringLiteral("7031")};
    QCommandLineOption deactivateMissing{QStringLiteral("deactivate-missing"),
                                         QStringLiteral("directory import: deactivate people missing from the file.")};
    QCommandLineOption authTimeout{QStringLiteral("auth-timeout-ms"),
                                   QStringLiteral("Close connections not signed in after this long (tests)."),
                                   QStringLiteral("MS")};
};

int addUser(const QCommandLineParser &parser, const Options &o, const QString &name)
{
    if (!parser.isSet(o.displayName))
        return fail(QStringLiteral("user add needs --display-name"), ExitUsage);
    if (!parser.isSet(o.passwordStdin))
        return fail(QStringLiteral("user add needs --password-stdin (the password is never taken from the command line)"),
                    ExitUsage);
    NewUser u;
    u.name = name;
    u.displayName = parser.value(o.displayName);
    u.role = parser.value(o.role);
    u.department = parser.value(o.department);
    u.title = parser.value(o.title);
    u.password = readPasswordFromStdin();
    // Check before opening the database, so a typo creates no data dir.
    if (auto e = Accounts::validate(u))
        return fail(e->message);

    Backend backend;
    QString error;
    if (!backend.open(parser.value(o.dataDir), &error))
        return fail(error);
    auto person = backend.accounts.addUser(u);
    if (!person)
        return fail(person.error().message);
    QTextStream(stdout) << "added user " << person->name << " (" << person->id << ")" << Qt::endl;
    return 0;
}

int setPassword(const QCommandLineParser &parser, const Options &o, const QString &name)
{
    QString password;
    if (stdinIsTerminal()) {
        password = promptPassword(QStringLiteral("New password for %1: ").arg(name));
        if (promptPassword(QStringLiteral("Again: ")) != password)
            return fail(QStringLiteral("the two passwords differ; nothing changed"));
    } else {
        password = readPasswordFromStdin();
    }
    if (password.isEmpty())
        return fail(QStringLiteral("the password must not be empty; nothing changed"));

    Backend backend;
    QString error;
    if (!backend.open(parser.value(o.dataDir), &error))
        return fail(error);
    auto r = backend.accounts.setPassword(name, password);
    if (!r)
        return fail(r.error().message);
    QTextStream out(stdout);
    out << "password set for " << r->person.name << " (" << r->person.id << ")";
    if (r->sessionsEnded > 0)
        out << "; " << r->sessionsEnded << " session(s) signed out";
    out << Qt::endl;
    if (!r->active)
        QTextStream(stderr) << "plein-server: note: " << name
                            << " is deactivated and cannot sign in until reactivated" << Qt::endl;
    return 0;
}

// Sessions for the first N users (all without --people), for benchmarks that bring in
// hundreds of connections with auth.resume instead of hundreds of Argon2 checks.
int issueSessions(const QCommandLineParser &parser, const Options &o)
{
    bool ok = true;
    const int count = parser.isSet(o.people) ? parser.value(o.people).toInt(&ok) : 0;
    if (!ok || count < 0)
        return fail(QStringLiteral("--people: '%1' is not a count").arg(parser.value(o.people)), ExitUsage);
    Backend backend;
    QString error;
    if (!backend.open(parser.value(o.dataDir), &error))
        return fail(error);
    const auto issued = BulkSessions::issue(backend, count, 24LL * 3600 * 1000, QStringLiteral("sessions issue"));
    if (!issued)
        return fail(QStringLiteral("could not store the sessions"));
    const QString path = parser.value(o.dataDir) + QStringLiteral("/issued-sessions.tsv");
    if (!BulkSessions::write(*issued, path, &error))
        return fail(error);
    QTextStream(stdout) << issued->size() << " sessions, valid 24 hours, in " << path << Qt::endl;
    return 0;
}

int seed(const QCommandLineParser &parser, const Options &o)
{
    BulkSeedOptions b;
    const std::pair<const QCommandLineOption *, int *> counts[] = {
        {&o.people, &b.people}, {&o.posts, &b.posts},       {&o.comments, &b.comments}, {&o.likes, &b.likes},
        {&o.groups, &b.groups}, {&o.rooms, &b.rooms},       {&o.messages, &b.messages}};
    for (const auto &[option, target] : counts) {
        bool ok = false;
        *target = parser.value(*option).toInt(&ok);
        if (!ok || *target < 0)
            return fail(QStringLiteral("--%1: '%2' is not a count").arg(option->names().constFirst(), parser.value(*option)),
                        ExitUsage);
    }
    bool seedOk = false;
    b.seed = parser.value(o.seedValue).toUInt(&seedOk);
    if (!seedOk)
        return fail(QStringLiteral("--seed: '%1' is not a number").arg(parser.value(o.seedValue)), ExitUsage);
    Backend backend;
    QString error;
    if (!backend.open(parser.value(o.dataDir), &error))
        return fail(error);
    QElapsedTimer timer;
    timer.start();
    BulkSeed seeder(backend);
    seeder.setProgress([&timer](qint64 rows) {
        QTextStream(stderr) << rows << " rows, " << timer.elapsed() / 1000.0 << " s" << Qt::endl;
    });
    auto report = seeder.run(b);
    if (!report)
        return fail(report.error().message);
    // The directory for the people just made: profiles, portraits, skills, endorsements.
    auto directory = BulkPeople(backend).run(BulkSeed::organisation(b.people, b.seed), b);
    if (!directory)
        return fail(directory.error().message);
    QTextStream(stdout) << "directory: " << directory->profiles << " profiles (" << directory->withPhoto
                        << " with one of " << directory->photos << " portraits), " << directory->endorsements
                        << " endorsements" << Qt::endl;
    const qint64 rows = qint64(report->users) + report->posts + report->comments + report->likes;
    QTextStream(stdout) << "seeded " << report->users << " people, " << report->posts << " posts, " << report->comments
                        << " comments, " << report->likes << " likes: " << rows << " rows (and " << rows
                        << " changes) in " << timer.elapsed() / 1000.0 << " s" << Qt::endl;
    return 0;
}

// Exit 0: imported, every row accepted; 3: imported, some rows rejected (listed);
// 1: the file failed as a whole and nothing changed.
int importDirectory(const QCommandLineParser &parser, const Options &o, const QString &file)
{
    Backend backend;
    QString error;
    if (!backend.open(parser.value(o.dataDir), &error))
        return fail(error);
    auto report = DirectoryImport(backend).run(file, parser.isSet(o.deactivateMissing));
    if (!report)
        return fail(QStringLiteral("%1 (nothing was imported)").arg(report.error().message));
    QTextStream out(stdout);
    for (const QString &r : std::as_const(report->rejected))
        out << "rejected " << r << Qt::endl;
    for (const QString &m : std::as_const(report->missing))
        out << (parser.isSet(o.deactivateMissing) ? "deactivated " : "missing ") << m << Qt::endl;
    out << report->rows << " rows: " << report->created << " created, " << report->updated << " updated, "
        << report->unchanged << " unchanged, " << report->rejected.size() << " rejected; " << report->missing.size()
        << " missing from the file, " << report->deactivated << " deactivated" << Qt::endl;
    return report->rejected.isEmpty() ? 0 : 3;
}

int serve(QCoreApplication &app, const QCommandLineParser &parser, const Options &o)
{
    QHostAddress address;
    const QString listen = parser.value(o.listen);
    if (listen == QLatin1String("localhost"))
        address = QHostAddress(QHostAddress::LocalHost);
    else if (!address.setAddress(listen))
        return fail(QStringLiteral("--listen: '%1' is not an IP address").arg(listen), ExitUsage);
    bool ok = false;
    const uint port = parser.value(o.port).toUInt(&ok);
    if (!ok || port > 65535)
        return fail(QStringLiteral("--port: '%1' is not a port number").arg(parser.value(o.port)), ExitUsage);

    Backend backend;
    QString error;
    if (!backend.open(parser.value(o.dataDir), &error))
        return fail(error);
    if (parser.isSet(o.demo)) {
        auto report = DemoSeed(backend).run();
        if (!report)
            return fail(QStringLiteral("demo data: %1").arg(report.error().message));
        if (report->seeded) {
            auto directory = PeopleDemo(backend).run();
            if (!directory)
                return fail(QStringLiteral("demo directory: %1").arg(directory.error().message));
            auto chat = DemoChat(backend).run();
            if (!chat)
                return fail(QStringLiteral("demo chat: %1").arg(chat.error().message));
        }
        if (report->seeded) {
            auto news = DemoNews(backend).run();
            if (!news)
                return fail(QStringLiteral("demo news: %1").arg(news.error().message));
            auto groups = DemoGroups(backend).run();
            if (!groups)
                return fail(QStringLiteral("demo groups: %1").arg(groups.error().message));
            auto blogs = DemoBlogs(backend).run();
            if (!blogs)
                return fail(QStringLiteral("demo blogs: %1").arg(blogs.error().message));
            auto home = DemoHome(backend).run();
            if (!home)
                return fail(QStringLiteral("demo home: %1").arg(home.error().message));
        }
    }

    WebSocketServer server(backend);
    if (parser.isSet(o.authTimeout))
        server.setAuthTimeoutMs(qMax(1, parser.value(o.authTimeout).toInt()));
    QObject::connect(&server, &WebSocketServer::stopped, &app, &QCoreApplication::quit);

#ifdef Q_OS_UNIX
    if (!installSignalHandlers())
        return fail(QStringLiteral("cannot install signal handlers"));
    QSocketNotifier signalNotifier(g_signalFds[1], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &server, [&server, &signalNotifier] {
        char b = 0;
        [[maybe_unused]] const auto n = ::read(g_signalFds[1], &b, 1);
        signalNotifier.setEnabled(false);
        server.shutdown();
    });
#endif

    if (!server.listen(address, quint16(port), &error))
        return fail(error);
    // Tests and scripts wait for exactly this line.
    std::printf("listening on %s\n", qPrintable(server.url()));
    std::fflush(stdout);
    const int rc = app.exec();
    return rc;
}

} // namespace

int main(int argc, char *argv[])
{
    // Qt's own poll() dispatcher instead of GLib's: with a thousand connections GLib's
    // socket-notifier bookkeeping (a linked list walked on every write-notifier toggle)
    // cost more than the sync code (docs/performance.md, fanout). The server needs no GLib.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("plein-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PLEIN_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Plein sync server.\n\n"
        "  plein-server --data-dir DIR [--listen ADDR] [--port N] [--demo]\n"
        "  plein-server --data-dir DIR user add NAME --display-name \"Full Name\" [--role R]\n"
        "               [--department D] [--title T] --password-stdin\n"
        "  plein-server --data-dir DIR user set-password NAME   (prompts; or the password on stdin)\n"
        "  plein-server --data-dir DIR directory import FILE.csv [--deactivate-missing]\n"
        "  plein-server --data-dir DIR seed [--people N] [--groups N] [--posts N] [--comments N]\n"
        "               [--likes N] [--rooms N] [--messages N] [--seed S]\n"
        "  plein-server --data-dir DIR sessions issue [--people N]\n\n"
        "seed makes a deterministic organisation (departments, teams, managers; skewed activity;\n"
        "Dutch and English text), with groups of every kind and visibility, chat rooms and messages."));
    parser.addHelpOption();
    parser.addVersionOption();
    Options o;
    o.authTimeout.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(o.deactivateMissing);
    parser.addOptions({o.dataDir, o.listen, o.port, o.demo, o.displayName, o.role, o.department, o.title,
                       o.passwordStdin, o.people, o.posts, o.comments, o.likes, o.groups, o.rooms, o.messages, o.seedValue,
                       o.authTimeout});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("Optional: user add NAME, user set-password NAME, directory import FILE, seed, or sessions issue"),
                                 QStringLiteral("[user add NAME | user set-password NAME | directory import FILE | seed | sessions issue]"));
    parser.process(app);

    if (!parser.isSet(o.dataDir) || parser.value(o.dataDir).isEmpty())
        return fail(QStringLiteral("--data-dir DIR is required (see --help)"), ExitUsage);

    const QStringList args = parser.positionalArguments();
    if (args.isEmpty())
        return serve(app, parser, o);
    if (args.size() == 3 && args.at(0) == QLatin1String("user") && args.at(1) == QLatin1String("add"))
        return addUser(parser, o, args.at(2));
    if (args.size() == 3 && args.at(0) == QLatin1String("user") && args.at(1) == QLatin1String("set-password"))
        return setPassword(parser, o, args.at(2));
    if (args.size() == 1 && args.at(0) == QLatin1String("seed"))
        return seed(parser, o);
    if (args.size() == 2 && args.at(0) == QLatin1String("sessions") && args.at(1) == QLatin1String("issue"))
        return issueSessions(parser, o);
    if (args.size() == 3 && args.at(0) == QLatin1String("directory") && args.at(1) == QLatin1String("import"))
        return importDirectory(parser, o, args.at(2));
    return fail(QStringLiteral("unknown command '%1' (see --help)").arg(args.join(QLatin1Char(' '))), ExitUsage);
}
