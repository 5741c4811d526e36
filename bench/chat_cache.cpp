// Chat in the client cache, at scale: a replica with 1,000,000 cached messages in 100
// rooms (10,000 each). Measures opening a room at its newest page, each older page of 50
// from the cache, search across all rooms (FTS5), and the peak RSS (VmHWM) of this process
// after scrolling the real message view (QListView + MessageDelegate, offscreen, set up as
// ChatPage sets it up, loading older pages at the top as ChatPage does) through 10,000
// messages of a room, every row painted. A table, then one JSON line.
//
// The measuring half runs in a process of its own (this program again, with --replica), so
// that the memory of filling the cache is not counted in its RSS.
//
//     chat_cache [--messages N] [--rooms N]
#include "BenchCommon.h"
#include "cache/Replica.h"
#include "chat/ChatSearch.h"
#include "chat/MessageListModel.h"
#include "chat/MessageDelegate.h"
#include "model/Ids.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QListView>
#include <QProcess>
#include <QScrollBar>
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

long statusKb(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(qsizetype(qstrlen(key))).trimmed().split(' ').first().toLong();
    return -1;
}

const char *const Words[] = {"budget", "export", "deploy", "factuur", "lunch", "review", "kwartaal", "server",
                             "ledger", "planning", "klant", "release", "vergadering", "rapport", "query", "koffie"};
} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    QCommandLineOption messagesOpt(QStringLiteral("messages"), QStringLiteral("messages"), QStringLiteral("n"),
                                   QStringLiteral("1000000"));
    QCommandLineOption roomsOpt(QStringLiteral("rooms"), QStringLiteral("rooms"), QStringLiteral("n"),
                                QStringLiteral("100"));
    QCommandLineOption replicaOpt(QStringLiteral("replica"), QStringLiteral("measure this filled replica"), QStringLiteral("path"));
    parser.addOptions({messagesOpt, roomsOpt, replicaOpt});
    parser.process(app);
    const int total = parser.value(messagesOpt).toInt();
    const int roomCount = parser.value(roomsOpt).toInt();

    QTemporaryDir dir;
    const QString path = parser.isSet(replicaOpt) ? parser.value(replicaOpt) : dir.filePath(QStringLiteral("replica.sqlite"));
    QStringList rooms;
    if (!parser.isSet(replicaOpt)) {
        auto db = Replica::open(path, QStringLiteral("fill"), Replica::Access::ReadWrite);
        if (!db)
            qFatal("%s", qPrintable(db.error().message));
        QSqlQuery q(db.value());
        q.exec(QStringLiteral("PRAGMA synchronous = OFF"));
        q.exec(QStringLiteral("PRAGMA cache_size = -262144"));   // the indexes being filled stay in memory
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
    if (!parser.isSet(replicaOpt)) {
        // Measure in a fresh process; its table and JSON line are this program's output.
        QProcess measure;
        measure.setProcessChannelMode(QProcess::ForwardedChannels);
        measure.start(QCoreApplication::applicationFilePath(),
                      {QStringLiteral("--replica"), path, QStringLiteral("--messages"), QString::number(total),
                       QStringLiteral("--rooms"), QString::number(roomCount)});
        if (!measure.waitForFinished(-1) || measure.exitStatus() != QProcess::NormalExit)
            qFatal("the measuring process failed");
        return measure.exitCode();
    }

    auto db = Replica::open(path, QStringLiteral("read"), Replica::Access::ReadOnly);
    if (!db)
        qFatal("%s", qPrintable(db.error().message));
    {
        QSqlQuery q(db.value());
        q.exec(QStringLiteral("SELECT id FROM chat_rooms ORDER BY rowid"));
        while (q.next())
            rooms.append(q.value(0).toString());
    }
    const long rssBefore = statusKb("VmRSS:");
    QList<double> open, older, search;
    int scrolled = 0;
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
        // The real view scrolls up through 10,000 messages of one room: at the top it loads
        // the next older page and keeps the first row in place, as ChatPage does; every
        // step is painted (offscreen).
        QListView view;
        view.setModel(&model);
        auto *delegate = new MessageDelegate(&view, QStringLiteral("user-1"));
        view.setItemDelegate(delegate);
        view.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        view.setResizeMode(QListView::Adjust);
        view.setUniformItemSizes(false);
        view.setWordWrap(true);
        view.resize(900, 1000);
        view.show();
        model.setRoom(rooms.first());
        QCoreApplication::processEvents();
        view.scrollToBottom();
        QScrollBar *bar = view.verticalScrollBar();
        for (int guard = 0; guard < 100000 && model.rowCount() < 10000; ++guard) {
            if (bar->value() > bar->minimum()) {
                bar->setValue(qMax(bar->minimum(), bar->value() - view.viewport()->height()));
            } else {
                const QString anchor = model.index(0).data(MessageListModel::IdRole).toString();
                if (!model.loadOlder())
                    break;
                view.scrollTo(model.index(model.rowOf(anchor)), QAbstractItemView::PositionAtTop);
            }
            view.viewport()->repaint();
            QCoreApplication::processEvents();
        }
        scrolled = model.rowCount();
        qInfo("scrolled the view through %d messages", scrolled);
    }
    const double rssMb = statusKb("VmRSS:") / 1024.0, hwmMb = statusKb("VmHWM:") / 1024.0;
    bench::printTable(QStringLiteral("chat cache: %1 messages in %2 rooms").arg(total).arg(roomCount),
                      {{QStringLiteral("room opens at newest page"),
                        QStringLiteral("p50 %1 ms  p99 %2 ms (target < 50)").arg(percentile(open, 0.5), 0, 'f', 2).arg(percentile(open, 0.99), 0, 'f', 2)},
                       {QStringLiteral("older page of 50"),
                        QStringLiteral("p50 %1 ms  p99 %2 ms (target < 5)").arg(percentile(older, 0.5), 0, 'f', 2).arg(percentile(older, 0.99), 0, 'f', 2)},
                       {QStringLiteral("search across all rooms"),
                        QStringLiteral("p50 %1 ms  p99 %2 ms (target < 50)").arg(percentile(search, 0.5), 0, 'f', 2).arg(percentile(search, 0.99), 0, 'f', 2)},
                       {QStringLiteral("view scrolled through"), QStringLiteral("%1 messages").arg(scrolled)},
                       {QStringLiteral("RSS after scrolling"),
                        QStringLiteral("%1 MB, peak %2 MB (before the model %3 MB; target < 200)")
                            .arg(rssMb, 0, 'f', 1).arg(hwmMb, 0, 'f', 1).arg(rssBefore / 1024.0, 0, 'f', 1)}});
    db.value() = QSqlDatabase();
    Replica::close(QStringLiteral("read"));
    auto r2 = [](double v) { return qRound(v * 100) / 100.0; };
    bench::printJson(QStringLiteral("chat_cache"), {{QStringLiteral("messages"), total},
                                                    {QStringLiteral("rooms"), roomCount},
                                                    {QStringLiteral("open_p50_ms"), r2(percentile(open, 0.5))},
                                                    {QStringLiteral("open_p99_ms"), r2(percentile(open, 0.99))},
                                                    {QStringLiteral("older_page_p50_ms"), r2(percentile(older, 0.5))},
                                                    {QStringLiteral("older_page_p99_ms"), r2(percentile(older, 0.99))},
                                                    {QStringLiteral("search_p50_ms"), r2(percentile(search, 0.5))},
                                                    {QStringLiteral("search_p99_ms"), r2(percentile(search, 0.99))},
                                                    {QStringLiteral("scrolled"), scrolled},
                                                    {QStringLiteral("rss_mb"), r2(rssMb)},
                                                    {QStringLiteral("peak_rss_mb"), r2(hwmMb)}});
    return 0;
}
