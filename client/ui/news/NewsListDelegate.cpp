#include "news/NewsListDelegate.h"

#include "common/RelativeTime.h"
#include "common/Theme.h"
#include "news/NewsModel.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>

namespace plein::client {

namespace {
constexpr int Margin = 6;
constexpr int Padding = 12;

// A small rounded label; answers its width.
int badge(QPainter *p, int x, int y, const QString &text, const QColor &fg, const QColor &bg)
{
    QFont f = p->font();
    f.setPointSizeF(f.pointSizeF() * 0.8);
    f.setBold(true);
    const QFontMetrics fm(f);
    const QRect r(x, y, fm.horizontalAdvance(text) + 12, fm.height() + 4);
    QPainterPath path;
    path.addRoundedRect(r, 4, 4);
    p->fillPath(path, bg);
    p->save();
    p->setFont(f);
    p->setPen(fg);
    p->drawText(r, Qt::AlignCenter, text);
    p->restore();
    return r.width();
}
} // namespace

QSize NewsListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return {280, 2 * Margin + 2 * Padding + 2 * fm.height() + fm.height() + 10};
}

void NewsListDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QRect card = option.rect.adjusted(Margin, Margin / 2, -Margin, -Margin / 2);
    const bool selected = option.state & QStyle::State_Selected;
    QPainterPath path;
    path.addRoundedRect(card, 9, 9);
    p->fillPath(path, selected ? theme::accentSoft() : theme::card());
    p->setPen(QPen(selected ? theme::accent() : theme::cardBorder(), 1));
    p->drawPath(path);

    const bool read = index.data(NewsModel::ReadRole).toBool();
    const QFontMetrics fm(option.font);
    int x = card.left() + Padding;
    int y = card.top() + Padding;
    const int width = card.width() - 2 * Padding;
    if (!read && !index.data(NewsModel::ScheduledRole).toBool()) {
        p->setBrush(theme::accent());
        p->setPen(Qt::NoPen);
        p->drawEllipse(QPointF(card.left() + 6, card.top() + Padding + fm.height() / 2.0), 3, 3);
    }
    // Badges first, on their own line.
    int bx = x;
    if (index.data(NewsModel::PinnedRole).toBool())
        bx += badge(p, bx, y, tr("PINNED"), theme::accent(), theme::accentSoft()) + 6;
    if (index.data(NewsModel::ScheduledRole).toBool())
        bx += badge(p, bx, y, tr("SCHEDULED"), QColor(0x92, 0x40, 0x0E), QColor(0xFE, 0xF3, 0xC7)) + 6;
    if (index.data(NewsModel::MustReadRole).toBool()) {
        if (index.data(NewsModel::AckedRole).toBool())
            bx += badge(p, bx, y, tr("CONFIRMED"), theme::online(), QColor(0xDC, 0xFC, 0xE7)) + 6;
        else
            bx += badge(p, bx, y, tr("MUST READ"), theme::danger(), QColor(0xFE, 0xE2, 0xE2)) + 6;
    }
    if (bx == x) {
        const QStringList targets = index.data(NewsModel::TargetsRole).toStringList();
        bx += badge(p, bx, y, targets.isEmpty() ? tr("EVERYONE") : targets.join(QStringLiteral(", ")).toUpper(),
                    theme::textSecondary(), theme::canvas());
    }
    y += fm.height() + 10;

    QFont titleFont = option.font;
    titleFont.setBold(!read);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.05);
    p->setFont(titleFont);
    p->setPen(theme::textPrimary());
    const QFontMetrics tfm(titleFont);
    p->drawText(QRect(x, y, width, tfm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                tfm.elidedText(index.data(NewsModel::TitleRole).toString(), Qt::ElideRight, width));
    y += tfm.height() + 2;

    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    p->setFont(small);
    p->setPen(theme::textSecondary());
    const QDateTime when = index.data(NewsModel::PublishAtRole).toDateTime();
    QString meta = index.data(NewsModel::AuthorNameRole).toString() + QStringLiteral("  ·  ")
                   + (index.data(NewsModel::ScheduledRole).toBool()
                          ? tr("goes out %1").arg(QLocale().toString(when, QLocale::ShortFormat))
                          : RelativeTime::format(when));
    const int readers = index.data(NewsModel::ReadersRole).toInt();
    if (readers >= 0)
        meta += QStringLiteral("  ·  ") + tr("read by %1 of %2").arg(readers).arg(index.data(NewsModel::AudienceSizeRole).toInt());
    p->drawText(QRect(x, y, width, QFontMetrics(small).height()), Qt::AlignLeft | Qt::AlignVCenter,
                QFontMetrics(small).elidedText(meta, Qt::ElideRight, width));
    p->restore();
}

} // namespace plein::client
