#pragma once

#include <QLoggingCategory>

// One category per server module; enable debug output with
// QT_LOGGING_RULES="plein.server.*.debug=true".
namespace plein::server {
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcTimeline)
Q_DECLARE_LOGGING_CATEGORY(lcSeed)
} // namespace plein::server
