#include "common/NavIcons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QtMath>

namespace plein::client::navicons {

namespace {

// Draws in a 24 x 24 box, like most line-icon sets, with a 1.8 px stroke.
void draw(QPainter &p, Glyph glyph)
{
    switch (glyph) {
    case Glyph::Home: {
        QPainterPath roof;
        roof.moveTo(3.5, 11);
        roof.lineTo(12, 3.8);
        roof.lineTo(20.5, 11);
        p.drawPath(roof);
        QPainterPath body;
        body.moveTo(6, 9.5);
        body.lineTo(6, 20);
        body.lineTo(18, 20);
        body.lineTo(18, 9.5);
        p.drawPath(body);
        p.drawRect(QRectF(10, 14, 4, 6));
        break;
    }
    case Glyph::News:
        p.drawRoundedRect(QRectF(3.5, 5, 17, 14.5), 2, 2);
        p.drawRect(QRectF(6.5, 8, 5, 4));
        p.drawLine(QPointF(13.5, 8.5), QPointF(17.5, 8.5));
        p.drawLine(QPointF(13.5, 11.5), QPointF(17.5, 11.5));
        p.drawLine(QPointF(6.5, 15.5), QPointF(17.5, 15.5));
        break;
    case Glyph::Groups:
        p.drawEllipse(QPointF(12, 8.5), 3, 3);
        p.drawArc(QRectF(6.5, 13, 11, 10), 0, 180 * 16);
        p.drawEllipse(QPointF(5.5, 10.5), 2.2, 2.2);
        p.drawArc(QRectF(1.5, 14.5, 8, 7), 40 * 16, 140 * 16);
        p.drawEllipse(QPointF(18.5, 10.5), 2.2, 2.2);
        p.drawArc(QRectF(14.5, 14.5, 8, 7), 0, 140 * 16);
        break;
    case Glyph::Blogs: {
        // A page with a pen across it.
        p.drawRoundedRect(QRectF(4.5, 3.5, 12, 17), 1.5, 1.5);
        p.drawLine(QPointF(7.5, 8), QPointF(13.5, 8));
        p.drawLine(QPointF(7.5, 11.5), QPointF(11.5, 11.5));
        QPainterPath pen;
        pen.moveTo(19.5, 9.5);
        pen.lineTo(21.5, 11.5);
        pen.lineTo(13.5, 19.5);
        pen.lineTo(11, 20.5);
        pen.lineTo(12, 18);
        pen.closeSubpath();
        p.drawPath(pen);
        break;
    }
    case Glyph::Chat: {
        QPainterPath bubble;
        bubble.addRoundedRect(QRectF(3.5, 4.5, 17, 12), 3.5, 3.5);
        QPainterPath tail;
        tail.moveTo(7.5, 16.4);
        tail.lineTo(6.5, 20.5);
        tail.lineTo(11.5, 16.4);
        p.drawPath(bubble.united(tail));
        break;
    }
    case Glyph::People:
        p.drawEllipse(QPointF(12, 8), 3.8, 3.8);
        p.drawArc(QRectF(4.5, 14, 15, 13), 0, 180 * 16);
        break;
    case Glyph::Experts: {
        // A star: the colleague who knows.
        QPainterPath star;
        for (int i = 0; i < 10; ++i) {
            const qreal r = i % 2 == 0 ? 8.5 : 3.8;
            const qreal a = qDegreesToRadians(-90.0 + i * 36.0);
            const QPointF pt(12 + r * qCos(a), 12.6 + r * qSin(a));
            i == 0 ? star.moveTo(pt) : star.lineTo(pt);
        }
        star.closeSubpath();
        p.drawPath(star);
        break;
    }
    case Glyph::Documents: {
        QPainterPath page;
        page.moveTo(6, 3.5);
        page.lineTo(14, 3.5);
        page.lineTo(19, 8.5);
        page.lineTo(19, 20.5);
        page.lineTo(6, 20.5);
        page.closeSubpath();
        p.drawPath(page);
        QPainterPath fold;
        fold.moveTo(14, 3.5);
        fold.lineTo(14, 8.5);
        fold.lineTo(19, 8.5);
        p.drawPath(fold);
        p.drawLine(QPointF(9, 13), QPointF(16, 13));
        p.drawLine(QPointF(9, 16.5), QPointF(16, 16.5));
        break;
    }
    case Glyph::Analytics:
        p.drawLine(QPointF(3.5, 20.5), QPointF(20.5, 20.5));
        p.drawRoundedRect(QRectF(5.5, 12, 3, 8.5), 1, 1);
        p.drawRoundedRect(QRectF(10.5, 6, 3, 14.5), 1, 1);
        p.drawRoundedRect(QRectF(15.5, 9.5, 3, 11), 1, 1);
        break;
    case Glyph::Settings: {
        // A gear: eight teeth around a ring.
        for (int i = 0; i < 8; ++i) {
            const qreal a = qDegreesToRadians(i * 45.0);
            p.drawLine(QPointF(12 + 6.5 * qCos(a), 12 + 6.5 * qSin(a)), QPointF(12 + 9 * qCos(a), 12 + 9 * qSin(a)));
        }
        p.drawEllipse(QPointF(12, 12), 6.3, 6.3);
        p.drawEllipse(QPointF(12, 12), 2.6, 2.6);
        break;
    }
    }
}

QPixmap render(Glyph glyph, const QColor &colour, int size, qreal dpr)
{
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 24.0, size / 24.0);
    p.setPen(QPen(colour, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    draw(p, glyph);
    return pixmap;
}

} // namespace

QIcon icon(Glyph glyph, const QColor &normal, const QColor &selected)
{
    QIcon result;
    for (const qreal dpr : {1.0, 2.0}) {
        for (const int size : {20, 24}) {
            result.addPixmap(render(glyph, normal, size, dpr), QIcon::Normal);
            result.addPixmap(render(glyph, selected, size, dpr), QIcon::Selected);
            result.addPixmap(render(glyph, selected, size, dpr), QIcon::Active);
        }
    }
    return result;
}

} // namespace plein::client::navicons
