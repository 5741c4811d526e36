#include "timeline/PostDelegate.h"

#include "common/Avatar.h"
#include "common/RelativeTime.h"
#include "common/Theme.h"
#include "models/Roles.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>
#include <QToolTip>

#include <cmath>

namespace plein::client {

namespace {

struct Metrics
{
    int marginX;
    int marginY;
    int padding;
    int avatar;
    int gap;
};

Metrics metricsFor(PostDelegate::Mode mode)
{
    if (mode == PostDelegate::Mode::Post)
        return {16, 5, 14, 40, 12};
    return {10, 4, 10, 30, 10};
}

QFont nameFont(QFont font)
{
    font.setBold(true);
    return font;
}

QFont smallFont(QFont font)
{
    font.setPointSizeF(font.pointSizeF() * 0.9);
    return font;
}

// Lays text out in lines of the given width; words longer than a line break anywhere.
int layoutText(QTextLayout *layout, int width)
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout->setTextOption(option);
    layout->beginLayout();
    qreal y = 0;
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(width);
        line.setLeadingIncluded(true);
        line.setPosition(QPointF(0, y));
        y += line.height() + 1;
    }
    layout->endLayout();
    return int(std::ceil(y));
}

QPainterPath heartPath(const QRectF &r)
{
    // Two lobes meeting in a point, drawn in a unit box and scaled to r.
    QPainterPath path;
    const qreal w = r.width();
    const qreal h = r.height();
    const qreal x = r.left();
    const qreal y = r.top();
    path.moveTo(x + w * 0.5, y + h * 0.92);
    path.cubicTo(x + w * 0.1, y + h * 0.62, x - w * 0.02, y + h * 0.32, x + w * 0.22, y + h * 0.12);
    path.cubicTo(x + w * 0.36, y + h * 0.02, x + w * 0.48, y + h * 0.12, x + w * 0.5, y + h * 0.24);
    path.cubicTo(x + w * 0.52, y + h * 0.12, x + w * 0.64, y + h * 0.02, x + w * 0.78, y + h * 0.12);
    path.cubicTo(x + w * 1.02, y + h * 0.32, x + w * 0.9, y + h * 0.62, x + w * 0.5, y + h * 0.92);
    return path;
}

QPainterPath bubblePath(const QRectF &r)
{
    QPainterPath path;
    const QRectF body(r.left(), r.top() + r.height() * 0.06, r.width(), r.height() * 0.72);
    path.addRoundedRect(body, r.width() * 0.22, r.width() * 0.22);
    QPainterPath tail;
    tail.moveTo(r.left() + r.width() * 0.26, body.bottom() - 1);
    tail.lineTo(r.left() + r.width() * 0.22, r.bottom());
    tail.lineTo(r.left() + r.width() * 0.5, body.bottom() - 1);
    tail.closeSubpath();
    return path.united(tail);
}

} // namespace

PostDelegate::PostDelegate(Mode mode, QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_mode(mode)
    , m_view(view)
{
    view->viewport()->installEventFilter(this);
}

int PostDelegate::rowWidth(const QStyleOptionViewItem &option) const
{
    // QListView asks sizeHint() with an empty rect: the row is as wide as the viewport.
    if (option.rect.width() > 0)
        return option.rect.width();
    return m_view ? m_view->viewport()->width() : 480;
}

void PostDelegate::setHover(const QModelIndex &index, int part)
{
    const QModelIndex target = part == 0 ? QModelIndex() : index;
    if (target == m_hoverIndex && part == m_hoverPart)
        return;
    if (m_hoverIndex.isValid())
        m_view->update(m_hoverIndex);
    m_hoverIndex = target;
    m_hoverPart = part;
    if (target.isValid())
        m_view->update(target);
}

QStyleOptionViewItem PostDelegate::optionFor(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    option.initFrom(m_view);
    option.font = m_view->font();
    option.rect = m_view->visualRect(index);
    option.widget = m_view;
    initStyleOption(&option, index);
    return option;
}

QRect PostDelegate::likeRect(const QModelIndex &index) const
{
    const QStyleOptionViewItem option = optionFor(index);
    QTextLayout layout;
    return geometry(option, index, option.rect.width(), &layout).like;
}

QRect PostDelegate::commentsRect(const QModelIndex &index) const
{
    const QStyleOptionViewItem option = optionFor(index);
    QTextLayout layout;
    return geometry(option, index, option.rect.width(), &layout).comments;
}

QString PostDelegate::statusText(const QModelIndex &index) const
{
    switch (static_cast<ItemState>(index.data(StateRole).toInt())) {
    case ItemState::Pending:
        return tr("Sending…");
    case ItemState::Failed: {
        const QString reason = index.data(ErrorRole).toString();
        return reason.isEmpty() ? tr("Not sent") : tr("Not sent: %1").arg(reason);
    }
    case ItemState::Sent:
        break;
    }
    return QString();
}

PostDelegate::Geometry PostDelegate::geometry(const QStyleOptionViewItem &option, const QModelIndex &index,
                                              int width, QTextLayout *layout) const
{
    const Metrics m = metricsFor(m_mode);
    const QFontMetrics nameMetrics(nameFont(option.font));
    const QFontMetrics smallMetrics(smallFont(option.font));
    const int top = option.rect.top();
    const int left = option.rect.left();

    Geometry g;
    g.card = QRect(left + m.marginX, top + m.marginY, width - 2 * m.marginX, 0);
    g.avatar = QRect(g.card.left() + m.padding, g.card.top() + m.padding, m.avatar, m.avatar);
    const int contentLeft = g.avatar.right() + 1 + m.gap;
    const int contentWidth = qMax(40, g.card.right() - m.padding - contentLeft);
    g.header = QRect(contentLeft, g.avatar.top() + (m_mode == Mode::Post ? 1 : 0), contentWidth,
                     nameMetrics.height());

    layout->setText(index.data(TextRole).toString());
    layout->setFont(option.font);
    const int textHeight = layoutText(layout, contentWidth);
    g.text = QRect(contentLeft, g.header.bottom() + 1 + 3, contentWidth, textHeight);

    int bottom = g.text.bottom() + 1;
    const QString status = statusText(index);
    if (m_mode == Mode::Post) {
        const int footerTop = bottom + 10;
        const int footerHeight = qMax(20, smallMetrics.height() + 4);
        const int likeWidth = 18 + 6 + smallMetrics.horizontalAdvance(QStringLiteral("0000"));
        g.like = QRect(contentLeft - 4, footerTop, likeWidth + 8, footerHeight);
        g.comments = QRect(g.like.right() + 1 + 12, footerTop, likeWidth + 8, footerHeight);
        if (!status.isEmpty())
            g.status = QRect(g.comments.right() + 1 + 12, footerTop, g.card.right() - m.padding - g.comments.right() - 12,
                             footerHeight);
        bottom = footerTop + footerHeight;
    } else if (!status.isEmpty()) {
        g.status = QRect(contentLeft, bottom + 4, contentWidth, smallMetrics.height());
        bottom = g.status.bottom() + 1;
    }
    bottom = qMax(bottom, g.avatar.bottom() + 1);
    g.card.setBottom(bottom + m.padding - 2);
    g.height = g.card.bottom() + 1 + m.marginY - top;
    return g;
}

QSize PostDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.rect = QRect(0, 0, rowWidth(option), 0);
    QTextLayout layout;
    const Geometry g = geometry(opt, index, opt.rect.width(), &layout);
    return QSize(opt.rect.width(), g.height);
}

void PostDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QTextLayout layout;
    const Geometry g = geometry(option, index, option.rect.width(), &layout);
    const auto state = static_cast<ItemState>(index.data(StateRole).toInt());
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool hovered = option.state.testFlag(QStyle::State_MouseOver);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);

    // The card
    QColor fill = theme::card();
    if (hovered && !selected)
        fill = QColor(0xFB, 0xFC, 0xFD);
    painter->setPen(QPen(selected ? theme::accent() : theme::cardBorder(), selected ? 1.5 : 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(QRectF(g.card).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10);

    avatar::paint(painter, g.avatar, index.data(AuthorInitialsRole).toString(), index.data(AuthorIdRole).toString());

    // Name · time
    const QString name = index.data(AuthorNameRole).toString();
    const QString when = RelativeTime::format(index.data(CreatedRole).toDateTime());
    const QFont bold = nameFont(option.font);
    const QFontMetrics boldMetrics(bold);
    painter->setFont(bold);
    painter->setPen(theme::textPrimary());
    const int timeWidth = QFontMetrics(option.font).horizontalAdvance(QStringLiteral(" · ") + when);
    const QString shownName = boldMetrics.elidedText(name, Qt::ElideRight, qMax(20, g.header.width() - timeWidth));
    painter->drawText(g.header, Qt::AlignLeft | Qt::AlignVCenter, shownName);
    painter->setFont(option.font);
    painter->setPen(theme::textSecondary());
    painter->drawText(g.header.adjusted(boldMetrics.horizontalAdvance(shownName), 0, 0, 0),
                      Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral(" · ") + when);

    // Text: pending rows a little lighter, so they read as not yet shared
    painter->setPen(state == ItemState::Pending ? theme::textSecondary() : theme::textPrimary());
    layout.draw(painter, g.text.topLeft());

    const QFont small = smallFont(option.font);
    painter->setFont(small);
    if (m_mode == Mode::Post) {
        const bool liked = index.data(LikedByMeRole).toBool();
        const bool hoverRow = m_hoverIndex.isValid() && m_hoverIndex == index;
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xF1, 0xF5, 0xF9));
        if (hoverRow && m_hoverPart == 1)
            painter->drawRoundedRect(QRectF(g.like).adjusted(-2, -1, 0, 1), 6, 6);
        if (hoverRow && m_hoverPart == 2)
            painter->drawRoundedRect(QRectF(g.comments).adjusted(-2, -1, 0, 1), 6, 6);
        const QRectF heart(g.like.left() + 4, g.like.center().y() - 7.5, 17, 15);
        painter->setPen(QPen(liked ? theme::like() : theme::textSecondary(), 1.4));
        painter->setBrush(liked ? theme::like() : Qt::transparent);
        painter->drawPath(heartPath(heart));
        painter->setPen(liked ? theme::like() : theme::textSecondary());
        painter->drawText(g.like.adjusted(4 + 17 + 6, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                          QLocale().toString(index.data(LikeCountRole).toInt()));

        const QRectF bubble(g.comments.left() + 4, g.comments.center().y() - 7.5, 16, 15);
        painter->setPen(QPen(theme::textSecondary(), 1.4));
        painter->setBrush(Qt::transparent);
        painter->drawPath(bubblePath(bubble));
        painter->setPen(theme::textSecondary());
        painter->drawText(g.comments.adjusted(4 + 16 + 6, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                          QLocale().toString(index.data(CommentCountRole).toInt()));
    }
    if (!g.status.isEmpty()) {
        const QString status = statusText(index);
        painter->setPen(state == ItemState::Failed ? theme::danger() : theme::textSecondary());
        QFont italic = small;
        italic.setItalic(state == ItemState::Pending);
        painter->setFont(italic);
        const Qt::Alignment align = m_mode == Mode::Post ? Qt::AlignRight | Qt::AlignVCenter
                                                          : Qt::AlignLeft | Qt::AlignVCenter;
        painter->drawText(g.status, align, QFontMetrics(italic).elidedText(status, Qt::ElideRight, g.status.width()));
    }
    painter->restore();
}

bool PostDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                               const QModelIndex &index)
{
    if (m_mode == Mode::Post && event->type() == QEvent::MouseButtonRelease
        && static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton) {
        QTextLayout layout;
        const Geometry g = geometry(option, index, option.rect.width(), &layout);
        if (g.comments.contains(static_cast<QMouseEvent *>(event)->position().toPoint()))
            emit commentsClicked(index);
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool PostDelegate::eventFilter(QObject *watched, QEvent *event)
{
    // The heart is handled before the view sees the press, which would select the row
    // (and open its comments) before editorEvent() ever ran.
    const auto type = event->type();
    if (type == QEvent::Leave && m_view && watched == m_view->viewport())
        setHover(QModelIndex(), 0);
    if (m_mode != Mode::Post || !m_view || watched != m_view->viewport()
        || (type != QEvent::MouseButtonPress && type != QEvent::MouseButtonRelease
            && type != QEvent::MouseButtonDblClick && type != QEvent::MouseMove))
        return QStyledItemDelegate::eventFilter(watched, event);

    const auto *mouse = static_cast<QMouseEvent *>(event);
    const QPoint pos = mouse->position().toPoint();
    const QModelIndex index = m_view->indexAt(pos);
    const bool onLike = index.isValid() && likeRect(index).contains(pos);
    if (type == QEvent::MouseMove) {
        const bool onComments = index.isValid() && commentsRect(index).contains(pos);
        m_view->viewport()->setCursor(onLike || onComments ? Qt::PointingHandCursor : Qt::ArrowCursor);
        setHover(index, onLike ? 1 : onComments ? 2 : 0);
        return false;
    }
    if (!onLike || mouse->button() != Qt::LeftButton)
        return false;
    if (type == QEvent::MouseButtonRelease)
        emit likeToggled(index, !index.data(LikedByMeRole).toBool());
    return true;
}

bool PostDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                             const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QTextLayout layout;
    const Geometry g = geometry(option, index, option.rect.width(), &layout);
    QString tip;
    if (g.header.contains(event->pos()))
        tip = RelativeTime::exact(index.data(CreatedRole).toDateTime());
    else if (g.like.contains(event->pos()))
        tip = index.data(LikedByMeRole).toBool() ? tr("Unlike") : tr("Like");
    else if (g.comments.contains(event->pos()))
        tip = tr("Show comments");
    else if (g.status.contains(event->pos()))
        tip = statusText(index);
    if (tip.isEmpty()) {
        QToolTip::hideText();
        return true;
    }
    QToolTip::showText(event->globalPos(), tip, view);
    return true;
}

} // namespace plein::client
