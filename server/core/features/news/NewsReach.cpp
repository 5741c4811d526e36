#include "features/news/NewsReach.h"

#include "features/news/NewsStore.h"
#include "model/Ids.h"
#include "protocol/Protocol.h"
#include "store/Database.h"
#include "sync/ChangeLog.h"
#include "sync/Hub.h"

#include <QLoggingCategory>

namespace plein::server {

Q_LOGGING_CATEGORY(lcNewsReach, "plein.server.news.reach", QtInfoMsg)

namespace {
constexpr int RetryMs = 200;
}

NewsReach::NewsReach(Database &db, NewsStore &store, ChangeLog &log, Hub &hub, QObject *parent)
    : QObject(parent), m_db(db), m_store(store), m_log(log), m_hub(hub)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &NewsReach::recompute);
}

void NewsReach::changed(const QString &articleId)
{
    if (!m_dirty.contains(articleId))
        m_dirty.append(articleId);
    if (!m_timer.isActive())
        m_timer.start(DelayMs);
}

void NewsReach::recompute()
{
    if (m_dirty.isEmpty())
        return;
    if (!m_db.isOpen() || m_db.inTransaction()) {
        m_timer.start(10);
        return;
    }
    // One article per turn of the loop: each count is one stretch of work.
    const QString id = m_dirty.constFirst();
    {
        Transaction tx(m_db);
        if (!tx.ok()) {
            m_timer.start(RetryMs);
            return;
        }
        const auto row = m_store.article(id);
        if (row && !row->unpublished && row->article.state == QLatin1String(protocol::newsstate::Published)) {
            const protocol::NewsStats st = m_store.stats(row->article);
            if (m_log.append({QLatin1String(protocol::audience::Editors), QLatin1String(protocol::kind::NewsStats), id,
                              QString(), false, protocol::encode(st)},
                             ids::nowMs())
                    == 0
                || !tx.commit()) {
                qCWarning(lcNewsReach, "could not log the reach of %s", qPrintable(id));
                m_timer.start(RetryMs);
                return;
            }
        }
    }
    m_dirty.removeFirst();
    m_hub.publish();
    if (!m_dirty.isEmpty())
        m_timer.start(0);
}

} // namespace plein::server
