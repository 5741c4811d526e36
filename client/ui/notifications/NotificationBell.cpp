#include "notifications/NotificationBell.h"

#include "common/Theme.h"

#include <QPainter>
#include <QPainterPath>

namespace plein::client {

NotificationBell::NotificationBell(QWidget *parent) : QToolButton(parent)
{
    setObjectName(QStringLiteral("notificationsButton"));
    setCursor(Qt::PointingHandCursor);
    setAutoRaise(true);
    setCount(0);
}

void NotificationBell::setCount(int unread)
{
    m_count = unread;
    const QString tip = unread == 0 ? tr("Notifications") : tr("Notifications: %n unread", nullptr, unread);
    setToolTip(tip);
    setAccessibleName(tip);
    update();
}

void NotificationBell::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    if (underMouse()) {
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 255, 255, 28));
        p.drawRoundedRect(rect(), 6, 6);
    }
    // The bell, centred, 18 px high.
    const QPointF c(width() / 2.0, height() / 2.0 + 1);
    QPainterPath bell;
    bell.moveTo(c.x() - 7, c.y() + 4);
    bell.lineTo(c.x() - 5.5, c.y() + 2);
    bell.lineTo(c.x() - 5.5, c.y() - 3);
    bell.cubicTo(c.x() - 5.5, c.y() - 8.5, c.x() + 5.5, c.y() - 8.5, c.x() + 5.5, c.y() - 3);
    bell.lineTo(c.x() + 5.5, c.y() + 2);
    bell.lineTo(c.x() + 7, c.y() + 4);
    bell.closeSubpath();
    QPen pen(m_count > 0 ? QColor(Qt::white) : theme::sidebarText(), 1.6);
    pen.setJoinStyle(Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawPath(bell);
    p.drawArc(QRectF(c.x() - 2, c.y() + 4, 4, 4), 180 * 16, 180 * 16);
    p.drawLine(QPointF(c.x(), c.y() - 8), QPointF(c.x(), c.y() - 9.5));
    if (m_count <= 0)
        return;
    const QString text = m_count > 99 ? QStringLiteral("99+") : QString::number(m_count);
    QFont f = font();
    f.setPixelSize(9);
    f.setBold(true);
    p.setFont(f);
    const qreal w = qMax<qreal>(14, QFontMetricsF(f).horizontalAdvance(text) + 6);
    const QRectF badge(c.x() + 1, 1, w, 14);
    p.setPen(Qt::NoPen);
    p.setBrush(theme::like());
    p.drawRoundedRect(badge, 7, 7);
    p.setPen(Qt::white);
    p.drawText(badge, Qt::AlignCenter, text);
}

} // namespace plein::client
