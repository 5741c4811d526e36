#include "Backend.h"

namespace plein::server {

Backend::Backend(const QString &connectionName) : db(connectionName)
{
    timelineFeature.registerHandlers(writeHandlers);
    chatFeature.registerHandlers(writeHandlers);
    newsFeature.registerHandlers(writeHandlers);
    groupsFeature.registerHandlers(writeHandlers);
    peopleFeature.registerHandlers(writeHandlers, requestHandlers);
    newsFeature.setScheduleChanged([this] { newsScheduler.rearmSoon(); });
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
