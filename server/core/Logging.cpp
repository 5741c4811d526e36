#include "Logging.h"

namespace plein::server {
Q_LOGGING_CATEGORY(lcStore, "plein.server.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "plein.server.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "plein.server.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNet, "plein.server.net", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTimeline, "plein.server.timeline", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSeed, "plein.server.seed", QtInfoMsg)
} // namespace plein::server
