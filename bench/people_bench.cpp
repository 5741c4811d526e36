// People figures on a replica of 20,000 cached people (no server needed):
//   1. search-as-you-type: every keystroke of a few typed words goes through the real
//      PeopleModel and the page's own FaceGrid (first page plus the total from the local
//      FTS5 index, the layout, then the paint of cards of the results); the UI thread's wall
//      and CPU time per keystroke, and the longest stall of its event loop while typing.
//   2. face grid scrolling: the real FaceGrid + FaceDelegate + PhotoLoader, offscreen,
//      scrolled from top to bottom; a 1 ms probe timer on the UI thread measures the
//      longest time the event loop was blocked, and the loader counts decodes on the UI
//      thread (must be 0: faces are decoded on the thread pool).
//
//   people_bench [--people N] [--photos N] [--show-slow MS] [--no-scroll] [--dir DIR]
#include "cache/ChangeApplier.h"
#include "cache/Replica.h"
#include "common/Theme.h"
#include "model/Ids.h"
#include "models/PeopleModel.h"
#include "people/FaceDelegate.h"
#include "people/FaceGrid.h"
#include "people/PeopleService.h"
#include "people/PhotoLoader.h"
#include "protocol/PeopleMessages.h"

#include <QApplication>
#include <QBuffer>
#include <QCommandLineParser>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QListView>
#include <QPainter>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace plein;
using namespace plein::client;

namespace {
const char *const First[] = {"Anna", "Bram", "Cees", "Daan", "Eva", "Femke", "Gijs", "Hanna", "Iris", "Jan", "Koen",
                             "Lotte", "Milan", "Noor", "Olivier", "Priya", "Ruben", "Sanne", "Thijs", "Yasmin"};
const char *const Last[] = {"de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder",
                            "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker"};
const char *const Titles[] = {"Developer", "Controller", "Recruiter", "Account manager", "Designer", "Analyst",
                              "Team lead", "Engineer", "Advisor", "Planner"};
const char *const Depts[] = {"Finance", "IT", "Sales", "Operations", "Legal", "Human Resources", "Communications"};
const char *const Skills[] = {"sql", "python", "excel", "negotiation", "gdpr", "qt", "c++", "lean", "design",
                              "coaching", "crm", "linux", "planning", "budgeting"};

// CPU time of the calling thread in ms: what our own work costs, apart from the time the
// thread waits for a core on a loaded machine.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

// The real delegate, counting the cards it paints: a keystroke counts as done once the grid
// has painted cards of its results (a paint of the viewport before the view has laid out the
// new rows shows an empty grid, not the results).
class CountingFaceDelegate : public FaceDelegate
{
public:
    using FaceDelegate::FaceDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        ++cards;
        FaceDelegate::paint(painter, option, index);
    }
    mutable int cards = 0;
};

// Paints of the grid's viewport.
class PaintSpy : public QObject
{
public:
    int paints = 0;
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

struct Keystroke
{
    double wallMs = 0;
    double cpuMs = 0;
    double queryMs = 0;   // the model's part: the first page and the total
    int total = 0;
    int paints = 0;       // viewport paints until the results were on screen
};

// One keystroke as PeoplePage::applyFilter handles it (the model reloads its first page,
// the total is counted), timed until the grid has painted the results: cards of the new
// rows, or an empty grid when nobody matches. A function of its own, so a profiler can
// count exactly this work (callgrind --toggle-collect='*typeKey*').
Q_NEVER_INLINE Keystroke typeKey(PeopleModel &model, FaceGrid &view, const CountingFaceDelegate &delegate,
                                 const PaintSpy &spy, const QString &text)
{
    PeopleDirectory::Filter f;
    f.text = text;
    Keystroke k;
    QElapsedTimer wall;
    wall.start();
    const double cpu0 = threadCpuMs();
    const int paintsBefore = spy.paints;
    const int cardsBefore = delegate.cards;
    model.setFilter(f);
    k.total = model.totalCount();
    k.queryMs = wall.nsecsElapsed() / 1e6;
    view.viewport()->update();
    // processEvents returns after whole events, so a paint that drew cards has drawn them all.
    const auto shown = [&] {
        return k.total > 0 ? delegate.cards > cardsBefore : spy.paints > paintsBefore;
    };
    while (!shown() && wall.elapsed() < 1000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    k.wallMs = wall.nsecsElapsed() / 1e6;
    k.cpuMs = threadCpuMs() - cpu0;
    k.paints = spy.paints - paintsBefore;
    return k;
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size()))));
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    QCommandLineOption peopleOpt(QStringLiteral("people"), QStringLiteral("people in the cache"), QStringLiteral("N"),
                                 QStringLiteral("20000"));
    QCommandLineOption photosOpt(QStringLiteral("photos"), QStringLiteral("distinct photos"), QStringLiteral("N"),
                                 QStringLiteral("400"));
    QCommandLineOption slowOpt(QStringLiteral("show-slow"), QStringLiteral("list keystrokes over this many ms (wall)"),
                               QStringLiteral("MS"), QStringLiteral("0"));
    QCommandLineOption noScrollOpt(QStringLiteral("no-scroll"), QStringLiteral("only the search part"));
    QCommandLineOption dirOpt(QStringLiteral("dir"),
                              QStringLiteral("keep the cache in DIR and reuse it when it was built with the same counts"),
                              QStringLiteral("DIR"));
    parser.addOptions({peopleOpt, photosOpt, slowOpt, noScrollOpt, dirOpt});
    parser.process(app);
    const int people = parser.value(peopleOpt).toInt();
    const int photoCount = parser.value(photosOpt).toInt();
    const double showSlow = parser.value(slowOpt).toDouble();
    theme::apply(app);

    QTemporaryDir tempDir;
    const QDir dir(parser.isSet(dirOpt) ? parser.value(dirOpt) : tempDir.path());
    const QString path = dir.filePath(QStringLiteral("replica.sqlite"));
    const QString photoDir = dir.filePath(QStringLiteral("photos"));
    // Written last: its presence says the cache in DIR is complete for these counts.
    const QString builtMark = dir.filePath(QStringLiteral("built-%1-%2").arg(people).arg(photoCount));
    const bool reuse = QFile::exists(builtMark);
    if (!reuse) {
        QFile::remove(path);
        QFile::remove(path + QStringLiteral("-wal"));
        QFile::remove(path + QStringLiteral("-shm"));
        QDir(photoDir).removeRecursively();
    }
    QDir().mkpath(photoDir);
    auto writeDb = Replica::open(path, QStringLiteral("bench-write"), Replica::Access::ReadWrite);
    if (!writeDb) {
        std::fprintf(stderr, "%s\n", qPrintable(writeDb.error().message));
        return 1;
    }

    // Thumbnails on disk, as PeopleService caches them.
    QElapsedTimer t;
    t.start();
    QStringList hashes;
    for (int i = 0; i < photoCount && !reuse; ++i) {
        QImage img(protocol::people::ThumbSide, protocol::people::ThumbSide, QImage::Format_RGB32);
        img.fill(QColor::fromHsv((i * 37) % 360, 90, 230));
        QPainter p(&img);
        p.setRenderHint(QPainter::Antialiasing);
        p.setBrush(QColor::fromHsv((i * 53) % 360, 120, 160));
        p.setPen(Qt::NoPen);
        p.drawEllipse(QRect(26, 18, 44, 54));
        p.end();
        QByteArray jpg;
        QBuffer b(&jpg);
        b.open(QIODevice::WriteOnly);
        img.save(&b, "JPEG", 85);
        const QString hash = QString::fromLatin1(QCryptographicHash::hash(jpg, QCryptographicHash::Sha256).toHex());
        QFile f(QDir(photoDir).filePath(hash + QStringLiteral("-s")));
        if (!f.open(QIODevice::WriteOnly) || f.write(jpg) != jpg.size())
            return 1;
        hashes.append(hash);
    }

    // 20,000 people through the real applier, in batches of 500 like a sync.
    if (!reuse) {
        ChangeApplier applier(writeDb.value());
        QRandomGenerator rng(4242);
        qint64 seq = 0;
        QList<protocol::Change> batch;
        for (int i = 0; i < people; ++i) {
            const QString id = ids::derived(QStringLiteral("bench:person:%1").arg(i));
            Person u{id, QStringLiteral("user%1").arg(i),
                     QStringLiteral("%1 %2").arg(QLatin1String(First[rng.bounded(20)]), QLatin1String(Last[rng.bounded(15)])),
                     QStringLiteral("employee"), QLatin1String(Depts[rng.bounded(7)]), QLatin1String(Titles[rng.bounded(10)])};
            batch.append({++seq, QStringLiteral("user"), id, {}, false, protocol::encode(u)});
            protocol::Profile pr;
            pr.id = id;
            pr.location = QStringLiteral("Utrecht");
            pr.skills = {QLatin1String(Skills[rng.bounded(14)]), QLatin1String(Skills[rng.bounded(14)])};
            pr.skills.removeDuplicates();
            pr.photo = hashes.isEmpty() || i % 9 == 0 ? QString() : hashes.at(i % hashes.size());
            pr.manager = i > 0 ? ids::derived(QStringLiteral("bench:person:%1").arg((i - 1) / 8)) : QString();
            batch.append({++seq, QStringLiteral("profile"), id, {}, false, protocol::encode(pr)});
            if (batch.size() >= 500) {
                if (!applier.apply(batch)) {
                    std::fprintf(stderr, "apply failed\n");
                    return 1;
                }
                batch.clear();
            }
        }
        if (!batch.isEmpty() && !applier.apply(batch))
            return 1;
        if (parser.isSet(dirOpt)) {
            QFile mark(builtMark);
            if (!mark.open(QIODevice::WriteOnly))
                return 1;
        }
    }
    std::printf("cache: %d people, %d photos on disk, %s in %.1f s\n", people, photoCount, reuse ? "reused" : "built",
                t.elapsed() / 1000.0);

    auto readDb = Replica::open(path, QStringLiteral("bench-read"), Replica::Access::ReadOnly);
    if (!readDb)
        return 1;
    PeopleService service(readDb.value(), writeDb.value(), nullptr, photoDir);
    PeopleDirectory &directory = service.directory();

    // The real grid: model, view, delegate and photo loader, as PeoplePage sets them up.
    PhotoLoader loader(&service);
    PeopleModel model(directory);
    FaceGrid view(&loader);
    // The grid's own delegate, counting the cards it paints.
    auto *delegate = new CountingFaceDelegate(&loader, &view);
    view.setItemDelegate(delegate);
    view.setModel(&model);
    view.resize(1280, 860);
    view.show();
    model.setFilter({});

    // A 1 ms probe on the UI thread: how long it went between event-loop turns (wall), and
    // how much of that was its own work (CPU).
    QElapsedTimer probeClock;
    probeClock.start();
    qint64 lastTick = 0;
    double lastCpu = threadCpuMs();
    QList<double> gaps, gapsCpu;
    QTimer probe;
    probe.setInterval(1);
    QObject::connect(&probe, &QTimer::timeout, &view, [&] {
        const qint64 now = probeClock.nsecsElapsed();
        const double cpu = threadCpuMs();
        if (lastTick) {
            gaps.append((now - lastTick) / 1e6);
            gapsCpu.append(cpu - lastCpu);
        }
        lastTick = now;
        lastCpu = cpu;
    });
    const auto resetProbe = [&] {
        gaps.clear();
        gapsCpu.clear();
        lastTick = 0;
    };

    // Paints of the grid, so a keystroke is timed until its results are on screen.
    PaintSpy paintSpy;
    view.viewport()->installEventFilter(&paintSpy);
    for (int i = 0; i < 50; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);

    // 1. Search-as-you-type: each keystroke does what PeoplePage::applyFilter does (the
    // model reloads its first page, the total is counted) and is timed until the grid has
    // painted the new results: the UI thread's whole work for the keystroke. Keystrokes
    // come 80 ms apart with the event loop running in between (layout batches, photo
    // decodes landing), while the probe records the longest stall.
    const QStringList words = {QStringLiteral("anna de vries"), QStringLiteral("developer"), QStringLiteral("sql"),
                               QStringLiteral("priya bakker"), QStringLiteral("human resources"), QStringLiteral("c++"),
                               QStringLiteral("zzz")};
    QList<double> perKey, perKeyCpu, queryOnly;
    int emptyFirst = 0;   // keystrokes whose first paint showed the grid before it had laid out the results
    probe.start();
    for (int round = 0; round < 3; ++round) {
        if (round == 1)
            resetProbe();   // the first round warms the page cache
        for (const QString &w : words) {
            for (int n = 0; n <= w.size(); ++n) {
                const Keystroke k = typeKey(model, view, *delegate, paintSpy, w.left(n));
                if (round > 0) {
                    if (k.total > 0 && k.paints > 1)
                        ++emptyFirst;
                    perKey.append(k.wallMs);
                    perKeyCpu.append(k.cpuMs);
                    queryOnly.append(k.queryMs);
                    if (showSlow > 0 && k.wallMs > showSlow)
                        std::printf("  slow keystroke '%s': %d matches, query %.2f ms, wall %.2f ms, UI CPU %.2f ms, "
                                    "%d paints\n",
                                    qPrintable(w.left(n)), k.total, k.queryMs, k.wallMs, k.cpuMs, k.paints);
                }
                QElapsedTimer pause;
                pause.start();
                while (pause.elapsed() < 80)
                    QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            }
        }
    }
    probe.stop();
    std::printf("search-as-you-type: %lld keystrokes, each until the grid painted cards of its results (first page of "
                "%d + total count + layout + paint): wall median %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms; "
                "UI-thread CPU median %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (the queries alone: wall median "
                "%.2f ms, p95 %.2f ms, max %.2f ms); %d keystrokes painted an empty grid before their results\n",
                qint64(perKey.size()), PeopleModel::PageSize, percentile(perKey, 0.5), percentile(perKey, 0.95),
                percentile(perKey, 0.99), percentile(perKey, 1.0), percentile(perKeyCpu, 0.5),
                percentile(perKeyCpu, 0.95), percentile(perKeyCpu, 0.99), percentile(perKeyCpu, 1.0),
                percentile(queryOnly, 0.5), percentile(queryOnly, 0.95), percentile(queryOnly, 1.0), emptyFirst);
    std::printf("while typing, UI thread between event-loop turns (%lld turns): wall max %.2f ms, p99 %.2f ms; "
                "UI-thread CPU max %.2f ms, p99 %.2f ms\n",
                qint64(gaps.size()), percentile(gaps, 1.0), percentile(gaps, 0.99), percentile(gapsCpu, 1.0),
                percentile(gapsCpu, 0.99));

    if (parser.isSet(noScrollOpt))
        return 0;

    // 2. Face grid scrolling, from the top of the whole directory.
    model.setFilter({});
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    resetProbe();
    probe.start();

    const int rowsToScroll = std::min(people, 3000);
    QList<double> frames, framesCpu;
    QTimer scroller;
    scroller.setInterval(16);
    bool done = false;
    QObject::connect(&scroller, &QTimer::timeout, &view, [&] {
        QElapsedTimer f;
        f.start();
        const double cpu0 = threadCpuMs();
        QScrollBar *bar = view.verticalScrollBar();
        bar->setValue(bar->value() + 90);
        view.viewport()->repaint();   // the frame, painted now so it is measured
        frames.append(f.nsecsElapsed() / 1e6);
        framesCpu.append(threadCpuMs() - cpu0);
        const bool atEnd = bar->value() >= bar->maximum();
        if ((atEnd && model.rowCount() >= rowsToScroll) || (atEnd && !model.canFetchMore({}))) {
            done = true;
            scroller.stop();
        }
    });
    QElapsedTimer total;
    total.start();
    scroller.start();
    while (!done && total.elapsed() < 120000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    // Let the last decodes land.
    QElapsedTimer settle;
    settle.start();
    while (loader.pendingDecodes() > 0 && settle.elapsed() < 5000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    probe.stop();
    std::printf("face grid: scrolled (target %d rows, %d loaded by fetchMore) for %.1f s, %lld frames (scroll + paint): wall median %.2f ms, "
                "p99 %.2f ms, max %.2f ms; CPU median %.2f ms, p99 %.2f ms, max %.2f ms\n",
                rowsToScroll, model.rowCount(), total.elapsed() / 1000.0, qint64(frames.size()), percentile(frames, 0.5),
                percentile(frames, 0.99), percentile(frames, 1.0), percentile(framesCpu, 0.5), percentile(framesCpu, 0.99),
                percentile(framesCpu, 1.0));
    std::printf("UI thread between event-loop turns (1 ms probe, %lld turns): wall max %.2f ms, p99 %.2f ms; "
                "UI-thread CPU max %.2f ms, p99 %.2f ms; %d photo decodes, %d of them on the UI thread\n",
                qint64(gaps.size()), percentile(gaps, 1.0), percentile(gaps, 0.99), percentile(gapsCpu, 1.0),
                percentile(gapsCpu, 0.99), loader.decodes(), loader.decodesOnUiThread());
    return 0;
}
