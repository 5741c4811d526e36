#pragma once

#include "model/Types.h"
#include "protocol/Error.h"
#include "protocol/Messages.h"
#include "protocol/NewsMessages.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace plein::server {

class ChangeLog;
class NewsStore;
class WriteHandlers;

// Managed news. Editors and admins save (create, edit, schedule), pin and unpublish; every
// person an article reaches reads, acknowledges, comments and reacts. Handlers run inside
// Writer's transaction.
//
// Audiences: an article's changes go to its reader audiences while it is published
// ("org" when it targets everyone, else "dept:<name>" and "loc:<name>" per target), and
// always to "editors" (editors and admins), who also see scheduled articles and each
// article's reach (news_stats). A reader's own read state goes to "user:<id>".
class NewsFeature
{
public:
    NewsFeature(NewsStore &store, ChangeLog &log) : m_store(store), m_log(log) {}

    void registerHandlers(WriteHandlers &handlers);
    // Called (inside the transaction) when a save changed what is scheduled.
    void setScheduleChanged(std::function<void()> f) { m_scheduleChanged = std::move(f); }
    // Called (inside the transaction) when an article's reach changed: NewsReach recomputes
    // it after the commit. Unset, the reach is logged at once.
    void setReachChanged(std::function<void(const QString &)> f) { m_reachChanged = std::move(f); }

    static bool isEditor(const Person &p);
    static QStringList readerAudiences(const protocol::NewsArticle &a);

    Result<protocol::AckBody> save(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> pin(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> unpublish(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> read(const Person &actor, const QString &op, const QJsonObject &body, bool ack);
    Result<protocol::AckBody> comment(const Person &actor, const QString &op, const QJsonObject &body);
    Result<protocol::AckBody> react(const Person &actor, const QString &op, const QJsonObject &body);

    // Publishes one scheduled article whose time has come (the scheduler, in its own
    // transaction). The seq of its last change, 0 on failure.
    qint64 publishScheduled(const QString &id);

private:
    // The article if the actor may see it; not_found otherwise (never says it exists).
    Result<protocol::NewsArticle> visibleArticle(const Person &actor, const QString &id);
    // The same for the writes only editors and admins make (forbidden for anyone else).
    Result<protocol::NewsArticle> managedArticle(const Person &actor, const QString &id);
    // Appends the article to `audiences`; the last seq or 0.
    qint64 logArticle(const protocol::NewsArticle &a, const QStringList &audiences, const QString &op, bool deleted);
    qint64 logStats(const protocol::NewsArticle &a, const QString &op);
    // The reach changed: logs it now, or has NewsReach do it after the commit. False on failure.
    bool reachChanged(const protocol::NewsArticle &a, const QString &op);
    static QStringList allAudiences(const protocol::NewsArticle &a);

    NewsStore &m_store;
    ChangeLog &m_log;
    std::function<void()> m_scheduleChanged;
    std::function<void(const QString &)> m_reachChanged;
};

} // namespace plein::server
