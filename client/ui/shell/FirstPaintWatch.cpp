#include "shell/FirstPaintWatch.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QCoreApplication>
#include <QEvent>
#include <QTimer>
#include <QWidget>

namespace plein::client {

namespace {

// The object names of the lists whose first painted page counts as "the timeline is up".
bool isTimelineList(const QObject *view)
{
    const QString name = view->objectName();
    return name == u"timelineView" || name == u"homeTimelineList";
}

} // namespace

FirstPaintWatch::FirstPaintWatch(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{
    qApp->installEventFilter(this);
}

bool FirstPaintWatch::eventFilter(QObject *watched, QEvent *event)
{
    if (m_done || event->type() != QEvent::Paint || !m_window)
        return false;
    auto *viewport = qobject_cast<QWidget *>(watched);
    auto *view = viewport ? qobject_cast<QAbstractItemView *>(viewport->parentWidget()) : nullptr;
    if (!view || view->viewport() != viewport || !isTimelineList(view) || view->window() != m_window
        || !view->model() || view->model()->rowCount() == 0)
        return false;
    m_done = true;
    qApp->removeEventFilter(this);
    // The filter runs before the paint; the zero timer fires once it is done.
    QTimer::singleShot(0, this, &FirstPaintWatch::painted);
    return false;
}

} // namespace plein::client
