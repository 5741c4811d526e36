#include "common/Avatar.h"

#include <QFont>
#include <QPainter>
#include <QStringList>

#include <array>

namespace plein::client::avatar {

QColor colorFor(const QString &personId)
{
    // Muted, readable colours; white initials keep enough contrast on each of them.
    static constexpr std::array<QRgb, 12> palette = {
        0xFF0E7C86, 0xFF2563EB, 0xFF7C3AED, 0xFFC026D3, 0xFFDB2777, 0xFFDC2626,
        0xFFEA580C, 0xFFCA8A04, 0xFF65A30D, 0xFF059669, 0xFF0891B2, 0xFF4F46E5,
    };
    // FNV-1a over the UTF-16 code units: stable across runs and platforms, unlike qHash.
    quint32 hash = 2166136261u;
    for (const QChar c : personId) {
        hash ^= c.unicode();
        hash *= 16777619u;
    }
    return QColor::fromRgba(palette[hash % palette.size()]);
}

QString initialsFor(const QString &displayName)
{
    const QStringList words = displayName.split(u' ', Qt::SkipEmptyParts);
    if (words.isEmpty())
        return QStringLiteral("?");
    QString initials = words.constFirst().left(1).toUpper();
    // Dutch names: "Anna de Vries" is AV, so lower-case particles (de, van, der) are skipped.
    for (qsizetype i = words.size() - 1; i > 0; --i) {
        if (words.at(i).at(0).isUpper()) {
            initials += words.at(i).left(1);
            break;
        }
    }
    return initials;
}

void paint(QPainter *painter, const QRectF &rect, const QString &initials, const QString &personId)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colorFor(personId));
    painter->drawEllipse(rect);
    QFont font = painter->font();
    font.setBold(true);
    font.setPixelSize(qMax(8, int(rect.height() * 0.38)));
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(rect, Qt::AlignCenter, initials.isEmpty() ? QStringLiteral("?") : initials);
    painter->restore();
}

} // namespace plein::client::avatar
