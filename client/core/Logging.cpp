#include "Logging.h"

Q_LOGGING_CATEGORY(lcCache, "plein.client.cache")
Q_LOGGING_CATEGORY(lcSync, "plein.client.sync")
Q_LOGGING_CATEGORY(lcSession, "plein.client.session")
Q_LOGGING_CATEGORY(lcModels, "plein.client.models")
