#include "home/WidgetRegistry.h"

#include "home/HomeWidgets.h"

namespace plein::client {

WidgetRegistry &WidgetRegistry::instance()
{
    static WidgetRegistry registry;
    return registry;
}

WidgetRegistry::WidgetRegistry()
{
    homewidgets::registerBuiltIns(*this);
}

void WidgetRegistry::add(HomeWidgetKind kind)
{
    for (HomeWidgetKind &k : m_kinds)
        if (k.id == kind.id) {
            k = std::move(kind);
            return;
        }
    m_kinds.append(std::move(kind));
}

const HomeWidgetKind *WidgetRegistry::find(const QString &id) const
{
    for (const HomeWidgetKind &k : m_kinds)
        if (k.id == id)
            return &k;
    return nullptr;
}

} // namespace plein::client
