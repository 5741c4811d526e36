#include "features/news/NewsScheduler.h"

#include "features/news/NewsFeature.h"
#include "features/news/NewsStore.h"
#include "model/Ids.h"
#include "store/Database.h"
#include "sync/Hub.h"

#include <QLoggingCategory>

namespace plein::server {

Q_LOGGING_CATEGORY(lcNewsScheduler, "plein.server.news", QtInfoMsg)

namespace {
constexpr qint64 MaxWaitMs = 60 * 60 * 1000;   // re-check at least hourly (clock changes)
}

NewsScheduler::NewsScheduler(Database &db, NewsStore &store, NewsFeature &feature, Hub &hub, QObject *parent)
    : QObject(parent), m_db(db), m_store(store), m_feature(feature), m_hub(hub)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &NewsScheduler::check);
}

void NewsScheduler::rearmSoon()
{
    m_timer.start(0);
}

void NewsScheduler::check()
{
    if (!m_db.isOpen() || m_db.inTransaction()) {
        m_timer.start(50);
        return;
    }
    int published = 0;
    {
        Transaction tx(m_db);
        if (!tx.ok()) {
            m_timer.start(1000);
            return;
        }
        for (const QString &id : m_store.dueScheduled(ids::nowMs(), 100)) {
            if (m_feature.publishScheduled(id) == 0) {
                qCWarning(lcNewsScheduler, "could not publish scheduled article %s", qPrintable(id));
                m_timer.start(1000);
                return;   // rolls back
            }
            ++published;
        }
        if (published > 0 && !tx.commit()) {
            m_timer.start(1000);
            return;
        }
    }
    if (published > 0) {
        qCInfo(lcNewsScheduler, "published %d scheduled article(s)", published);
        m_hub.publish();
    }
    const auto next = m_store.nextScheduledAt();
    if (!next)
        return;
    const qint64 wait = qBound<qint64>(0, *next - ids::nowMs(), MaxWaitMs);
    m_timer.start(int(wait));
}

} // namespace plein::server
