#include "common/Resources.h"

// Q_INIT_RESOURCE must be called outside any namespace; it keeps the linker from dropping
// the static library's resource object.
static void initPleinResources()
{
    Q_INIT_RESOURCE(plein);
}

namespace plein::client {

QIcon appIcon()
{
    static const bool initialised = (initPleinResources(), true);
    Q_UNUSED(initialised);
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/plein/icons/plein-%1.png").arg(size), QSize(size, size));
    return icon;
}

} // namespace plein::client
