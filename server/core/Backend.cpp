#include "Backend.h"

namespace plein::server {

Backend::Backend(const QString &connectionName) : db(connectionName)
{
    timelineFeature.registerHandlers(writeHandlers);
}

bool Backend::open(const QString &dataDir, QString *error, int schemaVersion)
{
    return db.open(dataDir, error, schemaVersion);
}

} // namespace plein::server
