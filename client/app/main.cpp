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

bool wantsSyncOnce(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--sync-once") == 0)
            return true;
    }
    return false;
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
    if (wantsSyncOnce(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        return plein::client::runSyncOnce(QCoreApplication::arguments());
    }

    QApplication app(argc, argv);
    setIdentity();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Plein"));
    QGuiApplication::setDesktopFileName(QStringLiteral("plein"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plein, the social intranet"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(QStringLiteral("profile"),
                                           QStringLiteral("Keep settings and the local copy in DIR."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          QStringLiteral("The server to sign in to, e.g. ws://host:8765."),
                                          QStringLiteral("URL"));
    const QCommandLineOption userOption(QStringLiteral("user"), QStringLiteral("The user name to sign in as."),
                                        QStringLiteral("NAME"));
    const QCommandLineOption syncOnceOption(
        QStringLiteral("sync-once"),
        QStringLiteral("Sync once without a window (with --server, --user, --password-stdin, --profile)."));
    parser.addOptions({profileOption, serverOption, userOption, syncOnceOption});
    parser.process(app);

    QString profileDir = parser.value(profileOption);
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
    if (parser.isSet(serverOption)) {
        QString server = parser.value(serverOption).trimmed();
        if (!server.contains(QLatin1String("://")))
            server.prepend(QLatin1String("ws://"));
        options.server = QUrl(server);
        if (!options.server.isValid() || options.server.host().isEmpty()) {
            std::fprintf(stderr, "plein: not a server address: %s\n", qPrintable(parser.value(serverOption)));
            return 1;
        }
    }
    options.userName = parser.value(userOption).trimmed().toLower();
    options.timing = qEnvironmentVariable("PLEIN_TIMING") == u"1";
    options.clock = clock;

    plein::client::AppController controller(options);
    controller.start();
    return QApplication::exec();
}
