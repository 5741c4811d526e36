#include "home/FeedDelegate.h"

#include "common/Avatar.h"
#include "common/RelativeTime.h"
#include "common/Theme.h"

#include <QDateTime>
#include <QPainter>
#include <QWidget>
#include <QTextLayout>

namespace plein::client {

namespace {
constexpr int Pad = 10;
constexpr int AvatarSize = 34;
} // namespace

FeedDelegate::FeedDelegate(Parts parts, QObject *parent) : QStyledItemDelegate(parent), m_parts(std::move(parts))
{
}

QSize FeedDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QFontMetrics fm(option.font);
    const QString text = m_parts.text ? m_parts.text(index).simplified() : QString();
    int lines = 0;
    if (!text.isEmpty()) {
        // One line when it fits the row's text column, else two (the rest is elided).
        const int rowWidth = option.widget ? option.widget->width() : 400;
        const int width = rowWidth - 2 * Pad - (m_parts.unread ? 12 : 0) - (m_parts.avatar ? AvatarSize + Pad : 0) - 20;
        lines = fm.horizontalAdvance(text) <= width ? 1 : 2;
    }
    const int textHeight = Pad * 2 + fm.height() + (lines > 0 ? lines * fm.height() + 4 : 0) + 2;
    return {200, qMax(textHeight, m_parts.avatar ? AvatarSize + 2 * Pad + 2 : 0)};
}

void FeedDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QRect r = option.rect;
    const bool hover = option.state & QStyle::State_MouseOver;
    p->fillRect(r, hover ? theme::canvas() : theme::card());
    p->setPen(theme::cardBorder());
    p->drawLine(r.left() + Pad, r.bottom(), r.right() - Pad, r.bottom());

    const bool unread = m_parts.unread && m_parts.unread(index);
    int x = r.left() + Pad;
    if (m_parts.unread) {
        if (unread) {
            p->setPen(Qt::NoPen);
            p->setBrush(theme::accent());
            p->drawEllipse(QPointF(x + 3, r.top() + Pad + AvatarSize / 2.0), 3.5, 3.5);
        }
        x += 12;
    }
    const QString who = m_parts.avatar ? m_parts.avatar(index) : QString();
    if (!who.isEmpty()) {
        avatar::paint(p, QRectF(x, r.top() + Pad, AvatarSize, AvatarSize), avatar::initialsFor(who),
                      m_parts.avatarKey ? m_parts.avatarKey(index) : who);
        x += AvatarSize + Pad;
    }

    const QFontMetrics fm(option.font);
    const qint64 ms = m_parts.time ? m_parts.time(index) : 0;
    const QString when = ms > 0 ? RelativeTime::format(QDateTime::fromMSecsSinceEpoch(ms)) : QString();
    const int whenWidth = when.isEmpty() ? 0 : fm.horizontalAdvance(when) + Pad;
    const int right = r.right() - Pad;
    int y = r.top() + Pad;

    QFont bold = option.font;
    bold.setWeight(unread || !m_parts.unread ? QFont::DemiBold : QFont::Normal);
    const QFontMetrics bfm(bold);
    const QString title = m_parts.title ? m_parts.title(index) : QString();
    const QString context = m_parts.context ? m_parts.context(index) : QString();
    const int lineWidth = right - x - whenWidth;
    const QString titleShown = bfm.elidedText(title, Qt::ElideRight, lineWidth);
    p->setFont(bold);
    p->setPen(theme::textPrimary());
    p->drawText(QRect(x, y, lineWidth, fm.height()), Qt::AlignLeft | Qt::AlignVCenter, titleShown);
    const int titleWidth = bfm.horizontalAdvance(titleShown);
    if (!context.isEmpty() && titleWidth + 20 < lineWidth) {
        p->setFont(option.font);
        p->setPen(theme::textSecondary());
        p->drawText(QRect(x + titleWidth + 8, y, lineWidth - titleWidth - 8, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                    fm.elidedText(context, Qt::ElideRight, lineWidth - titleWidth - 8));
    }
    if (!when.isEmpty()) {
        p->setFont(option.font);
        p->setPen(theme::textSecondary());
        p->drawText(QRect(right - whenWidth, y, whenWidth, fm.height()), Qt::AlignRight | Qt::AlignVCenter, when);
    }
    y += fm.height() + 4;

    const QString text = m_parts.text ? m_parts.text(index).simplified() : QString();
    if (!text.isEmpty()) {
        p->setFont(option.font);
        p->setPen(theme::textPrimary().lighter(135));
        const int width = right - x;
        QTextLayout layout(text, option.font);
        layout.beginLayout();
        int lines = 0;
        int lastStart = 0;
        while (lines < 2) {
            QTextLine line = layout.createLine();
            if (!line.isValid())
                break;
            line.setLineWidth(width);
            if (lines == 1)
                lastStart = line.textStart();
            ++lines;
        }
        layout.endLayout();
        const QString first = lines > 1 ? text.left(lastStart) : text;
        p->drawText(QRect(x, y, width, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                    fm.elidedText(first.trimmed(), Qt::ElideRight, width));
        if (lines > 1)
            p->drawText(QRect(x, y + fm.height(), width, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                        fm.elidedText(text.mid(lastStart), Qt::ElideRight, width));
    }
    p->restore();
}

} // namespace plein::client
