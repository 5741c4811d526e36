// plein: the desktop client. Command line and application set-up only; the windows live in
// plein_client_ui and everything else in plein_client_core.
#include "common/Language.h"
#include "common/Resources.h"
#include "common/Settings.h"
#include "common/Theme.h"
#include "session/SyncOnce.h"
#include "shell/AppController.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QStandardPaths>

#include <cstdio>
#include <cstring>

namespace {

bool hasArgument(int argc, char **argv, std::initializer_list<const char *> names)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *name : names) {
            if (std::strcmp(argv[i], name) == 0)
                return true;
        }
    }
    return false;
}

struct Options
{
    QCommandLineOption profile{QStringLiteral("profile"), QStringLiteral("Keep settings and the local copy in DIR."),
                               QStringLiteral("DIR")};
    QCommandLineOption server{QStringLiteral("server"),
                              QStringLiteral("The server to sign in to, e.g. ws://host:8765."), QStringLiteral("URL")};
    QCommandLineOption user{QStringLiteral("user"), QStringLiteral("The user name to sign in as."),
                            QStringLiteral("NAME")};
    QCommandLineOption syncOnce{
        QStringLiteral("sync-once"),
        QStringLiteral("Sync once without a window (with --server, --user, --password-stdin, --profile).")};
};

Options configure(QCommandLineParser &parser)
{
    Options opts;
    parser.setApplicationDescription(QStringLiteral("Plein, the social intranet"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({opts.profile, opts.server, opts.user, opts.syncOnce});
    return opts;
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Plein"));
    QCoreApplication::setApplicationName(QStringLiteral("plein"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PLEIN_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    QElapsedTimer clock;
    clock.start();

    // Headless: no widgets, no display, the same client core.
    if (hasArgument(argc, argv, {"--sync-once"})) {
        QCoreApplication app(argc, argv);
        setIdentity();
        return plein::client::runSyncOnce(QCoreApplication::arguments());
    }

    // --help and --version answer without a display too.
    if (hasArgument(argc, argv, {"-h", "--help", "-?", "--help-all", "-v", "--version"})) {
        QCoreApplication info(argc, argv);
        setIdentity();
        QCommandLineParser parser;
        configure(parser);
        parser.process(info);  // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    setIdentity();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Plein"));
    QGuiApplication::setDesktopFileName(QStringLiteral("plein"));

    QCommandLineParser parser;
    const Options opts = configure(parser);
    parser.process(app);

    QString profileDir = parser.value(opts.profile);
    if (profileDir.isEmpty())
        profileDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    profileDir = QDir(profileDir).absolutePath();
    if (!QDir().mkpath(profileDir)) {
        std::fprintf(stderr, "plein: cannot create the profile directory %s\n", qPrintable(profileDir));
        return 1;
    }

    plein::client::Language::install(
        &app, plein::client::settings::open(profileDir)->value(QLatin1String(plein::client::settings::LanguageKey))
                  .toString());
    plein::client::theme::apply(app);
    QApplication::setWindowIcon(plein::client::appIcon());

    plein::client::LaunchOptions options;
    options.profileDir = profileDir;
    if (parser.isSet(opts.server)) {
        QString server = parser.value(opts.server).trimmed();
        if (!server.contains(QLatin1String("://")))
            server.prepend(QLatin1String("ws://"));
        options.server = QUrl(server);
        if (!options.server.isValid() || options.server.host().isEmpty()) {
            std::fprintf(stderr, "plein: not a server address: %s\n", qPrintable(parser.value(opts.server)));
            return 1;
        }
    }
    options.userName = parser.value(opts.user).trimmed().toLower();
    options.timing = qEnvironmentVariable("PLEIN_TIMING") == u"1";
    options.clock = clock;

    plein::client::AppController controller(options);
    controller.start();
    return QApplication::exec();
}
