#pragma once

#include <QIcon>

namespace plein::client {

// The application icon from the embedded resources (resources/plein.qrc), in every size drawn.
QIcon appIcon();

} // namespace plein::client
