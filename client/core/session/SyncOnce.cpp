#include "session/SyncOnce.h"

#include "cache/Outbox.h"
#include "cache/Replica.h"
#include "session/Session.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QTimer>

#include <cstdio>

namespace plein::client {

namespace {

int fail(QIODevice *err, int code, const QString &message)
{
    err->write(message.simplified().toUtf8() + '\n');
    if (auto *file = qobject_cast<QFile *>(err))
        file->flush();
    return code;
}

qint64 count(const QSqlDatabase &db, const QString &table)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(table)) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

QJsonObject summary(const QString &replicaPath)
{
    const QString name = Replica::uniqueConnectionName(QStringLiteral("sync-once"));
    QJsonObject out;
    {
        auto db = Replica::open(replicaPath, name, Replica::Access::ReadOnly);
        if (db) {
            out.insert(QStringLiteral("seq"), double(Replica::cursor(db.value())));
            out.insert(QStringLiteral("users"), double(count(db.value(), QStringLiteral("users"))));
            out.insert(QStringLiteral("posts"), double(count(db.value(), QStringLiteral("posts"))));
            out.insert(QStringLiteral("comments"), double(count(db.value(), QStringLiteral("comments"))));
            QSqlQuery likes(db.value());
            if (likes.exec(QStringLiteral("SELECT count(*) FROM likes WHERE liked = 1")) && likes.next())
                out.insert(QStringLiteral("likes"), double(likes.value(0).toLongLong()));
            out.insert(QStringLiteral("pending"), Outbox::pendingCount(db.value()));
            out.insert(QStringLiteral("failed"), Outbox::failedCount(db.value()));
        }
    }
    Replica::close(name);
    return out;
}

} // namespace

int runSyncOnce(const QStringList &arguments)
{
    // stderr is for the one error line; progress logging stays off unless QT_LOGGING_RULES
    // (which wins over this) turns it on.
    QLoggingCategory::setFilterRules(QStringLiteral("plein.*.debug=false\nplein.*.info=false"));
    QFile in;
    QFile out;
    QFile err;
    if (!in.open(stdin, QIODevice::ReadOnly) || !out.open(stdout, QIODevice::WriteOnly)
        || !err.open(stderr, QIODevice::WriteOnly)) {
        std::fputs("cannot open the standard streams\n", stderr);
        return 1;
    }
    return runSyncOnce(arguments, &in, &out, &err);
}

int runSyncOnce(const QStringList &arguments, QIODevice *in, QIODevice *out, QIODevice *err)
{
    QStringList args = arguments;
    if (args.isEmpty() || args.constFirst().startsWith(QLatin1Char('-')))
        args.prepend(QStringLiteral("plein"));

    QCommandLineParser parser;
    const QCommandLineOption once(QStringLiteral("sync-once"), QStringLiteral("Sync once and exit."));
    const QCommandLineOption server(QStringLiteral("server"), QStringLiteral("Server URL (ws://host:port)."),
                                    QStringLiteral("url"));
    const QCommandLineOption user(QStringLiteral("user"), QStringLiteral("User name."), QStringLiteral("name"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
                                           QStringLiteral("Read the password from the first line of stdin."));
    const QCommandLineOption profile(QStringLiteral("profile"), QStringLiteral("Profile folder."),
                                     QStringLiteral("dir"));
    const QCommandLineOption timeout(QStringLiteral("timeout"), QStringLiteral("Give up after this many seconds."),
                                     QStringLiteral("seconds"), QStringLiteral("120"));
    parser.addOptions({once, server, user, passwordStdin, profile, timeout});
    if (!parser.parse(args))
        return fail(err, 1, parser.errorText());
    QString serverText = parser.value(server).trimmed();
    if (!serverText.isEmpty() && !serverText.contains(QLatin1String("://")))
        serverText.prepend(QLatin1String("ws://"));
    const QUrl url(serverText);
    const QString userName = parser.value(user).trimmed().toLower();
    if (!url.isValid() || url.host().isEmpty())
        return fail(err, 1, QStringLiteral("--server needs a URL such as ws://127.0.0.1:8080"));
    if (userName.isEmpty() || parser.value(profile).isEmpty())
        return fail(err, 1, QStringLiteral("--user and --profile are required"));
    if (!parser.isSet(passwordStdin))
        return fail(err, 1, QStringLiteral("--password-stdin is required (the password is never taken from the command line)"));
    bool timeoutOk = false;
    const int timeoutSecs = parser.value(timeout).toInt(&timeoutOk);
    if (!timeoutOk || timeoutSecs <= 0)
        return fail(err, 1, QStringLiteral("--timeout needs a positive number of seconds"));

    QByteArray line = in->readLine(4 * 1024);
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    const QString password = QString::fromUtf8(line);

    Session session(parser.value(profile));
    QString error;
    if (!session.openAccount(url, userName, &error))
        return fail(err, 1, QStringLiteral("cannot open the local replica: %1").arg(error));

    QEventLoop loop;
    int result = -1;
    QString message;
    bool signedIn = false;
    bool synced = false;
    auto finish = [&](int code, const QString &why) {
        if (result >= 0)
            return;
        result = code;
        message = why;
        loop.quit();
    };
    auto checkDone = [&] {
        if (synced && session.pendingCount() == 0)
            finish(0, {});
    };
    QObject::connect(&session, &Session::signInFailed, &loop, [&](const QString &code, const QString &msg) {
        finish(2, QStringLiteral("sign-in failed (%1): %2").arg(code, msg));
    });
    QObject::connect(&session, &Session::connectionError, &loop, [&](const QString &msg) {
        if (!signedIn)
            finish(3, QStringLiteral("cannot reach %1: %2").arg(url.toDisplayString(), msg));
    });
    QObject::connect(&session, &Session::signedIn, &loop, [&] { signedIn = true; });
    QObject::connect(&session, &Session::synced, &loop, [&] {
        synced = true;
        checkDone();
    });
    QObject::connect(&session, &Session::pendingCountChanged, &loop, [&] { checkDone(); });
    QTimer::singleShot(timeoutSecs * 1000, &loop, [&] {
        finish(4, QStringLiteral("timed out after %1 s (%2)")
                      .arg(timeoutSecs)
                      .arg(synced ? QStringLiteral("%1 writes still unanswered").arg(session.pendingCount())
                                  : QStringLiteral("not in sync yet")));
    });
    session.signIn(password);
    loop.exec();
    session.disconnectFromServer();
    if (result != 0)
        return fail(err, result, message);

    out->write(QJsonDocument(summary(session.replicaPath())).toJson(QJsonDocument::Compact) + '\n');
    if (auto *file = qobject_cast<QFile *>(out))
        file->flush();
    return 0;
}

} // namespace plein::client
