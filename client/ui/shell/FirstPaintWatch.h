#pragma once

#include <QObject>
#include <QPointer>

class QWidget;

namespace plein::client {

// The cold-start mark: reports once, the first time a timeline list in `window` (the start
// page's "My timeline" or the company timeline, whichever the user's last choice shows) has
// painted rows from the cache. It watches paints application-wide because the start page
// builds its widgets only after the stored layout is read; it is installed only when timing
// is asked for (PLEIN_TIMING=1), so normal runs pay nothing.
class FirstPaintWatch : public QObject
{
    Q_OBJECT
public:
    explicit FirstPaintWatch(QWidget *window, QObject *parent = nullptr);

signals:
    void painted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPointer<QWidget> m_window;
    bool m_done = false;
};

} // namespace plein::client
