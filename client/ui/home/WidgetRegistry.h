#pragma once

#include <QList>
#include <QString>

#include <functional>

class QWidget;

namespace plein::client {

class Session;

// A kind of widget the start page offers. `make` builds its body (the page adds the card
// around it with the title and the move and remove buttons).
struct HomeWidgetKind
{
    QString id;                                     // stored in the layout; a-z 0-9 . _ -
    std::function<QString()> title;                 // translated at the time it is shown
    std::function<QWidget *(Session *session, QWidget *parent)> make;
};

// The widgets the start page can show. The built-in ones (news, my timeline, mentions, my
// groups, new colleagues) are registered on first use; another feature adds its own with
// one call, e.g. from its page's constructor:
//     WidgetRegistry::instance().add({"experts", [] { return tr("Open questions"); }, makeExpertsWidget});
// A layout id nobody registered (a newer client's widget) is skipped, not removed.
class WidgetRegistry
{
public:
    static WidgetRegistry &instance();

    void add(HomeWidgetKind kind);
    const HomeWidgetKind *find(const QString &id) const;
    const QList<HomeWidgetKind> &kinds() const { return m_kinds; }

private:
    WidgetRegistry();
    QList<HomeWidgetKind> m_kinds;
};

} // namespace plein::client
