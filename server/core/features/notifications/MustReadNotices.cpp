#include "features/notifications/MustReadNotices.h"

#include "features/news/NewsStore.h"
#include "features/notifications/Notifier.h"
#include "model/Ids.h"
#include "protocol/HomeMessages.h"
#include "protocol/NewsMessages.h"
#include "protocol/Protocol.h"
#include "store/Database.h"
#include "sync/ChangeLog.h"
#include "sync/Hub.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

namespace plein::server {

Q_LOGGING_CATEGORY(lcMustRead, "plein.server.mustread", QtInfoMsg)

namespace {
QLatin1String k(const char *s)
{
    return QLatin1String(s);
}
constexpr int RetryMs = 200;
} // namespace

MustReadNotices::MustReadNotices(Database &db, NewsStore &news, ChangeLog &log, Hub &hub, QObject *parent)
    : QObject(parent), m_db(db), m_news(news), m_log(log), m_hub(hub)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &MustReadNotices::work);
}

void MustReadNotices::attach(Notifier &notifier)
{
    // Runs inside the writer's transaction: it only queues; the notifications are made
    // after the commit (a rolled-back article finds nothing to notify).
    notifier.addRule(k(protocol::kind::News), [this](const ChangeRecord &c) {
        auto a = protocol::decode<protocol::NewsArticle>(c.data);
        if (a && a->mustRead && a->state == k(protocol::newsstate::Published)
            && c.audience != k(protocol::audience::Editors) && m_online)
            for (const QString &user : m_online())
                queue(user);
        return QList<Notifier::Draft>{};
    });
}

void MustReadNotices::signedIn(const QString &userId)
{
    queue(userId);
}

void MustReadNotices::queue(const QString &userId)
{
    if (m_queued.contains(userId))
        return;
    m_queued.insert(userId);
    m_pending.append(userId);
    if (!m_timer.isActive())
        m_timer.start(0);
}

void MustReadNotices::work()
{
    if (m_pending.isEmpty())
        return;
    if (!m_db.isOpen() || m_db.inTransaction()) {
        m_timer.start(10);
        return;
    }
    QElapsedTimer slice;
    slice.start();
    const qint64 now = ids::nowMs();
    qsizetype done = 0;
    int made = 0;
    {
        Transaction tx(m_db);
        if (!tx.ok()) {
            m_timer.start(RetryMs);
            return;
        }
        while (done < m_pending.size() && (done == 0 || slice.elapsed() < SliceMs)) {
            const int n = catchUp(m_pending.at(done), now);
            if (n < 0) {
                qCWarning(lcMustRead, "could not make the must-read notifications of %s",
                          qPrintable(m_pending.at(done)));
                m_timer.start(RetryMs);
                return;   // rolls back; the queue is kept
            }
            made += n;
            ++done;
        }
        if (made > 0 && !tx.commit()) {
            m_timer.start(RetryMs);
            return;
        }
    }
    for (qsizetype i = 0; i < done; ++i)
        m_queued.remove(m_pending.takeFirst());
    if (made > 0)
        m_hub.publish();
    if (!m_pending.isEmpty())
        m_timer.start(0);   // the rest after the loop has served others
}

int MustReadNotices::catchUp(const QString &userId, qint64 now)
{
    Person person;
    {
        Stmt s(m_db, QStringLiteral("SELECT department FROM users WHERE id = ? AND active = 1"));
        s.bind(userId);
        if (!s.exec())
            return -1;
        if (!s.next())
            return 0;   // gone or deactivated
        person.id = userId;
        person.department = s.value(0).toString();
    }
    const auto articles = m_news.unacknowledgedMustReads(userId, MaxArticles);
    if (!articles)
        return -1;
    int made = 0;
    for (const protocol::NewsArticle &a : *articles) {
        if (a.author == userId || !m_news.isTargeted(a, person))
            continue;
        // The id every server version derives for this notification, so it is made once.
        const QString kind = k(protocol::notify::MustRead);
        const QString id = ids::derived(kind + QLatin1Char(':') + a.id + QLatin1Char(':') + userId);
        const protocol::Notification n{
            id, kind, a.author, a.id, k(protocol::kind::News), {}, {}, Notifier::excerpt(a.title), now, false};
        Stmt s(m_db, QStringLiteral("INSERT INTO notifications (id, user_id, kind, actor, item, item_kind, parent,"
                                    " group_id, text, created, read_at) VALUES (?, ?, ?, ?, ?, ?, '', '', ?, ?, 0)"
                                    " ON CONFLICT (id) DO NOTHING"));
        s.bind(id).bind(userId).bind(n.kind).bind(n.actor).bind(n.item).bind(n.itemKind).bind(n.text).bind(now);
        if (!s.exec())
            return -1;
        if (s.query().numRowsAffected() < 1)
            continue;   // told before
        if (m_log.append({protocol::audience::user(userId), k(protocol::kind::Notification), id, QString(), false,
                          protocol::encode(n)},
                         now)
            == 0)
            return -1;
        ++made;
    }
    return made;
}

} // namespace plein::server
