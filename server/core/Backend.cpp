#include "Backend.h"

namespace plein::server {

Backend::Backend(const QString &connectionName) : db(connectionName)
{
    timelineFeature.registerHandlers(writeHandlers);
    chatFeature.registerHandlers(writeHandlers);
    newsFeature.registerHandlers(writeHandlers);
    groupsFeature.registerHandlers(writeHandlers);
    postsFeature.registerHandlers(writeHandlers);  // after timeline: takes over comment.create
    blogFeature.registerHandlers(writeHandlers);
    peopleFeature.registerHandlers(writeHandlers, requestHandlers);
    followsFeature.registerHandlers(writeHandlers);
    homeFeature.registerHandlers(writeHandlers);
    notificationsFeature.registerHandlers(writeHandlers);
    log.setObserver([this](const ChangeRecord &c, qint64 seq, qint64 at) { return notifier.observe(c, seq, at); });
    mustReadNotices.attach(notifier);
    mustReadNotices.setOnlineUsers([this] { return chatLive.onlineUsers(); });
    newsFeature.setScheduleChanged([this] { newsScheduler.rearmSoon(); });
    newsFeature.setReachChanged([this](const QString &article) { newsReach.changed(article); });
}

bool Backend::open(const QString &dataDir, QString *error, int schemaVersion)
{
    if (!db.open(dataDir, error, schemaVersion))
        return false;
    // Scheduled news that fell due while the server was down goes out once the loop runs.
    newsScheduler.rearmSoon();
    return true;
}

} // namespace plein::server
