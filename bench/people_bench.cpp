// People figures on a replica of 20,000 cached people (no server needed):
//   1. search-as-you-type: every keystroke of a few typed words goes through the real
//      PeopleModel and grid (first page plus the total from the local FTS5 index, then the
//      paint of the results); the UI thread's wall and CPU time per keystroke, and the
//      longest stall of its event loop while typing.
//   2. face grid scrolling: the real QListView + FaceDelegate + PhotoLoader, offscreen,
//      scrolled from top to bottom; a 1 ms probe timer on the UI thread measures the
//      longest time the event loop was blocked, and the loader counts decodes on the UI
//      thread (must be 0: faces are decoded on the thread pool).
//
//   people_bench [--people N] [--photos N]
#include "cache/ChangeApplier.h"
#include "cache/Replica.h"
#include "common/Theme.h"
#include "model/Ids.h"
#include "models/PeopleModel.h"
#include "people/FaceDelegate.h"
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
    QCommandLineOption slowOpt(QStringLiteral("show-slow"), QStringLiteral("list keystrokes over this many ms of UI CPU"),
                               QStringLiteral("MS"), QStringLiteral("0"));
    QCommandLineOption noScrollOpt(QStringLiteral("no-scroll"), QStringLiteral("only the search part"));
    parser.addOptions({peopleOpt, photosOpt, slowOpt, noScrollOpt});
    parser.process(app);
    const int people = parser.value(peopleOpt).toInt();
    const int photoCount = parser.value(photosOpt).toInt();
    const double showSlow = parser.value(slowOpt).toDouble();
    theme::apply(app);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("replica.sqlite"));
    const QString photoDir = dir.filePath(QStringLiteral("photos"));
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
    for (int i = 0; i < photoCount; ++i) {
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
    {
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
    }
    std::printf("cache: %d people, %d photos on disk, built in %.1f s\n", people, photoCount, t.elapsed() / 1000.0);

    auto readDb = Replica::open(path, QStringLiteral("bench-read"), Replica::Access::ReadOnly);
    if (!readDb)
        return 1;
    PeopleService service(readDb.value(), writeDb.value(), nullptr, photoDir);
    PeopleDirectory &directory = service.directory();

    // The real grid: model, view, delegate and photo loader, as PeoplePage sets them up.
    PhotoLoader loader(&service);
    PeopleModel model(directory);
    QListView view;
    view.setViewMode(QListView::IconMode);
    view.setResizeMode(QListView::Adjust);
    view.setMovement(QListView::Static);
    view.setUniformItemSizes(true);
    view.setLayoutMode(QListView::Batched);   // as PeoplePage does
    view.setBatchSize(60);
    view.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view.setItemDelegate(new FaceDelegate(&loader, &view));
    view.setModel(&model);
    QObject::connect(&loader, &PhotoLoader::ready, view.viewport(), qOverload<>(&QWidget::update));
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
    struct PaintSpy : QObject
    {
        int paints = 0;
        bool eventFilter(QObject *, QEvent *e) override
        {
            if (e->type() == QEvent::Paint)
                ++paints;
            return false;
        }
    } paintSpy;
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
    probe.start();
    for (int round = 0; round < 3; ++round) {
        if (round == 1)
            resetProbe();   // the first round warms the page cache
        for (const QString &w : words) {
            for (int n = 0; n <= w.size(); ++n) {
                PeopleDirectory::Filter f;
                f.text = w.left(n);
                QElapsedTimer k;
                k.start();
                const double cpu0 = threadCpuMs();
                const int paintsBefore = paintSpy.paints;
                model.setFilter(f);
                const int total = model.totalCount();
                const double query = k.nsecsElapsed() / 1e6;
                view.viewport()->update();
                while (paintSpy.paints == paintsBefore && k.elapsed() < 1000)
                    QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
                if (round > 0) {
                    perKey.append(k.nsecsElapsed() / 1e6);
                    perKeyCpu.append(threadCpuMs() - cpu0);
                    queryOnly.append(query);
                    if (showSlow > 0 && perKeyCpu.constLast() > showSlow)
                        std::printf("  slow keystroke '%s': %d matches, query %.2f ms, UI CPU %.2f ms\n",
                                    qPrintable(f.text), total, query, perKeyCpu.constLast());
                }
                Q_UNUSED(total)
                QElapsedTimer pause;
                pause.start();
                while (pause.elapsed() < 80)
                    QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
            }
        }
    }
    probe.stop();
    std::printf("search-as-you-type: %lld keystrokes, each until the grid painted its results (first page of %d + "
                "total count + paint): wall median %.2f ms, p95 %.2f ms, max %.2f ms; UI-thread CPU median %.2f ms, "
                "p95 %.2f ms, max %.2f ms (the queries alone: wall median %.2f ms, p95 %.2f ms, max %.2f ms)\n",
                qint64(perKey.size()), PeopleModel::PageSize, percentile(perKey, 0.5), percentile(perKey, 0.95),
                percentile(perKey, 1.0), percentile(perKeyCpu, 0.5), percentile(perKeyCpu, 0.95),
                percentile(perKeyCpu, 1.0), percentile(queryOnly, 0.5), percentile(queryOnly, 0.95),
                percentile(queryOnly, 1.0));
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
