// Chat in the client cache, at scale: a replica with 1,000,000 cached messages in 100
// rooms (10,000 each). Measures opening a room at its newest page, each older page of 50 from the cache,
// search across all rooms (FTS5), and the process RSS after paging through 10,000 messages
// with every role read (what a view does). Prints one line per figure.
//
//     chat_cache [--messages N] [--rooms N]
#include "cache/Replica.h"
#include "chat/ChatSearch.h"
#include "chat/MessageListModel.h"
#include "model/Ids.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>

using namespace plein;
using namespace plein::client;

namespace {
double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(qMin(v.size() - 1, qsizetype(p * double(v.size()))));
}

long rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

const char *const Words[] = {"budget", "export", "deploy", "factuur", "lunch", "review", "kwartaal", "server",
                             "ledger", "planning", "klant", "release", "vergadering", "rapport", "query", "koffie"};
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    QCommandLineOption messagesOpt(QStringLiteral("messages"), QStringLiteral("messages"), QStringLiteral("n"),
                                   QStringLiteral("1000000"));
    QCommandLineOption roomsOpt(QStringLiteral("rooms"), QStringLiteral("rooms"), QStringLiteral("n"),
                                QStringLiteral("100"));
    parser.addOptions({messagesOpt, roomsOpt});
    parser.process(app);
    const int total = parser.value(messagesOpt).toInt();
    const int roomCount = parser.value(roomsOpt).toInt();

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("replica.sqlite"));
    QStringList rooms;
    {
        auto db = Replica::open(path, QStringLiteral("fill"), Replica::Access::ReadWrite);
        if (!db)
            qFatal("%s", qPrintable(db.error().message));
        QSqlQuery q(db.value());
        q.exec(QStringLiteral("PRAGMA synchronous = OFF"));
        Replica::setMeta(db.value(), QLatin1String(metakey::UserId), QStringLiteral("me"));
        QElapsedTimer fill;
        fill.start();
        q.exec(QStringLiteral("BEGIN"));
        QSqlQuery room(db.value());
        room.prepare(QStringLiteral("INSERT INTO chat_rooms (id, scope, name, created, seq) VALUES (?, ?, ?, 0, 1)"));
        QSqlQuery scope(db.value());
        scope.prepare(QStringLiteral("INSERT INTO scopes (scope, role, history_oldest, history_more) VALUES (?, 'member', 1, 0)"));
        for (int r = 0; r < roomCount; ++r) {
            const QString id = ids::create();
            rooms.append(id);
            room.addBindValue(id);
            room.addBindValue(QStringLiteral("room:") + id);
            room.addBindValue(QStringLiteral("Room %1").arg(r));
            room.exec();
            scope.addBindValue(QStringLiteral("room:") + id);
            scope.exec();
        }
        QSqlQuery m(db.value());
        m.prepare(QStringLiteral("INSERT INTO chat_messages (id, scope, room, author_id, text, created, pos, seq)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        for (int i = 1; i <= total; ++i) {
            const QString &r = rooms.at(i % roomCount);
            m.addBindValue(ids::create());
            m.addBindValue(QStringLiteral("room:") + r);
            m.addBindValue(r);
            m.addBindValue(QStringLiteral("user-%1").arg(i % 50));
            m.addBindValue(QStringLiteral("Bericht %1 over %2 en %3, zie de %4 van deze week")
                               .arg(i)
                               .arg(QLatin1String(Words[i % 16]), QLatin1String(Words[(i / 16) % 16]),
                                    QLatin1String(Words[(i / 7) % 16])));
            m.addBindValue(QVariant::fromValue(qint64(1790000000000) + i * 1000));
            m.addBindValue(i);
            m.addBindValue(i);
            m.exec();
        }
        q.exec(QStringLiteral("COMMIT"));
        q.exec(QStringLiteral("ANALYZE"));
        qInfo("filled %d messages in %d rooms in %.1f s", total, roomCount, fill.elapsed() / 1000.0);
    }
    Replica::close(QStringLiteral("fill"));

    auto db = Replica::open(path, QStringLiteral("read"), Replica::Access::ReadOnly);
    if (!db)
        qFatal("%s", qPrintable(db.error().message));
    const long rssBefore = rssKb();
    QList<double> open, older, search;
    {
        MessageListModel model(db.value());
        for (int i = 0; i < 50; ++i) {
            QElapsedTimer t;
            t.start();
            model.setRoom(rooms.at((i * 7) % rooms.size()));
            open.append(t.nsecsElapsed() / 1e6);
            for (int p = 0; p < 5; ++p) {
                QElapsedTimer o;
                o.start();
                model.loadOlder();
                older.append(o.nsecsElapsed() / 1e6);
            }
        }
        for (int i = 0; i < 32; ++i) {
            const QString query = QLatin1String(Words[i % 16]) + (i >= 16 ? QStringLiteral(" ") + QLatin1String(Words[(i + 3) % 16]) : QString());
            QElapsedTimer t;
            t.start();
            const auto hits = chatsearch::search(db.value(), query);
            search.append(t.nsecsElapsed() / 1e6);
            if (hits.isEmpty())
                qWarning("no hits for %s", qPrintable(query));
        }
        // Scroll through 10,000 messages of one room: every page loaded, every role read.
        model.setRoom(rooms.first());
        int seen = model.rowCount();
        while (seen < 10000 && model.loadOlder()) {
            for (int r = 0; r < 50 && r < model.rowCount(); ++r)
                for (int role = MessageListModel::IdRole; role <= MessageListModel::UnreadRole; ++role)
                    (void)model.data(model.index(r), role);
            seen = model.rowCount();
        }
        qInfo("scrolled through %d messages", seen);
    }
    qInfo("room opens at newest page: median %.2f ms, p95 %.2f ms (target < 50 ms)", percentile(open, 0.5),
          percentile(open, 0.95));
    qInfo("older page of 50 from the cache: median %.2f ms, p95 %.2f ms (target < 5 ms)", percentile(older, 0.5),
          percentile(older, 0.95));
    qInfo("search across all rooms: median %.2f ms, p95 %.2f ms, max %.2f ms (target < 50 ms)", percentile(search, 0.5),
          percentile(search, 0.95), percentile(search, 1.0));
    qInfo("RSS after scrolling 10,000 messages: %ld MB (before the model: %ld MB; target < 200 MB)", rssKb() / 1024,
          rssBefore / 1024);
    Replica::close(QStringLiteral("read"));
    return 0;
}
