#include "people/FaceDelegate.h"

#include "common/Avatar.h"
#include "common/Theme.h"
#include "models/PeopleModel.h"
#include "people/PeopleDirectory.h"
#include "people/PhotoLoader.h"
#include "protocol/PeopleMessages.h"

#include <QPainter>
#include <QPainterPath>
#include <QPaintDevice>

namespace plein::client {

namespace {
// Texts of about this many cards are kept: several screens of the grid, and the people a
// search goes back and forth between while typing.
constexpr int TextCacheEntries = 3000;
constexpr int InitialsCacheEntries = 500;
} // namespace

FaceDelegate::FaceDelegate(PhotoLoader *photos, QObject *parent)
    : QStyledItemDelegate(parent), m_photos(photos), m_initials(InitialsCacheEntries), m_texts(TextCacheEntries)
{
}

QSize FaceDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    return {CardWidth, CardHeight};
}

void FaceDelegate::paintFace(QPainter *painter, const QRect &rect, const QPixmap &photo, const QString &initials,
                             const QString &personId)
{
    if (photo.isNull()) {
        avatar::paint(painter, rect, initials, personId);
        return;
    }
    // PhotoLoader's faces come cut to a circle at the size asked for: a plain blit.
    if (photo.size() == rect.size()) {
        painter->drawPixmap(rect.topLeft(), photo);
        return;
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    QPainterPath clip;
    clip.addEllipse(rect);
    painter->setClipPath(clip);
    // Photos are square thumbnails; anything else is centred and cropped.
    const QSize s = photo.size().scaled(rect.size(), Qt::KeepAspectRatioByExpanding);
    const QRect target(rect.center().x() - s.width() / 2 + 1, rect.center().y() - s.height() / 2 + 1, s.width(), s.height());
    painter->drawPixmap(target, photo);
    painter->restore();
}

QPixmap FaceDelegate::faceIcon(PhotoLoader *photos, const PersonCard &person, int side, bool large)
{
    const qreal dpr = 1.0;
    QPixmap out(side, side);
    out.setDevicePixelRatio(dpr);
    out.fill(Qt::transparent);
    QPainter p(&out);
    const QPixmap photo = photos ? photos->pixmap(person.photo,
                                                  QLatin1String(large ? protocol::people::SizeMedium
                                                                      : protocol::people::SizeSmall),
                                                  side)
                                 : QPixmap();
    paintFace(&p, QRect(0, 0, side, side), photo, avatar::initialsFor(person.displayName), person.id);
    return out;
}

void FaceDelegate::useFont(const QFont &base, int textWidth) const
{
    if (m_haveFont && base == m_baseFont && textWidth == m_textWidth)
        return;
    m_baseFont = base;
    m_nameFont = base;
    m_nameFont.setBold(true);
    m_smallFont = base;
    if (base.pointSizeF() > 0)
        m_smallFont.setPointSizeF(base.pointSizeF() * 0.88);
    else
        m_smallFont.setPixelSize(qMax(6, int(base.pixelSize() * 0.88)));
    m_nameHeight = QFontMetrics(m_nameFont).height();
    m_smallHeight = QFontMetrics(m_smallFont).height();
    m_textWidth = textWidth;
    m_texts.clear();
    m_haveFont = true;
}

const QStaticText &FaceDelegate::text(TextKind kind, const QString &s, const QFont &font) const
{
    QString key;
    key.reserve(s.size() + 1);
    key += QLatin1Char(kind);
    key += s;
    if (const QStaticText *cached = m_texts.object(key))
        return *cached;
    auto *t = new QStaticText(QFontMetrics(font).elidedText(s, Qt::ElideRight, m_textWidth));
    t->setTextFormat(Qt::PlainText);
    t->prepare(QTransform(), font);
    m_texts.insert(key, t);
    return *t;
}

const QPixmap &FaceDelegate::cardPixmap(const QSize &size, qreal dpr, bool selected, bool hovered) const
{
    QPixmap &pm = m_cards[(selected ? 2 : 0) + (hovered ? 1 : 0)];
    if (!pm.isNull() && pm.devicePixelRatio() == dpr && pm.deviceIndependentSize().toSize() == size)
        return pm;
    pm = QPixmap(size * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(selected ? theme::accent() : theme::cardBorder(), selected ? 2 : 1));
    p.setBrush(hovered ? theme::accentSoft().lighter(104) : theme::card());
    p.drawRoundedRect(QRectF(QPointF(0, 0), QSizeF(size)).adjusted(6, 6, -6, -6), 10, 10);
    return pm;
}

QPixmap FaceDelegate::initialsPixmap(const QString &initials, const QString &personId, int side, qreal dpr) const
{
    // The colour comes from the id, so it is part of the key rather than the id itself:
    // the few hundred pairs of initials and colours serve everyone.
    const QColor color = avatar::colorFor(personId);
    const QString key = QStringLiteral("%1|%2|%3|%4").arg(initials).arg(color.rgba()).arg(side).arg(dpr);
    if (const QPixmap *cached = m_initials.object(key))
        return *cached;
    auto *pm = new QPixmap(QSize(side, side) * dpr);
    pm->setDevicePixelRatio(dpr);
    pm->fill(Qt::transparent);
    {
        QPainter p(pm);
        p.setFont(m_baseFont);
        avatar::paint(&p, QRectF(0, 0, side, side), initials, personId);
    }
    const QPixmap out = *pm;
    m_initials.insert(key, pm);
    return out;
}

void FaceDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QRectF card = QRectF(option.rect).adjusted(6, 6, -6, -6);
    const int textW = int(card.width()) - 16;
    useFont(option.font, textW);
    const qreal dpr = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    painter->save();
    painter->drawPixmap(option.rect.topLeft(), cardPixmap(option.rect.size(), dpr, selected, hovered));

    const QString id = index.data(PeopleModel::IdRole).toString();
    const QString hash = index.data(PeopleModel::PhotoRole).toString();
    const QRect face(int(card.center().x()) - Photo / 2, int(card.top()) + 14, Photo, Photo);
    const QPixmap photo = m_photos ? m_photos->pixmap(hash, QLatin1String(protocol::people::SizeSmall), Photo) : QPixmap();
    if (photo.isNull())
        painter->drawPixmap(face.topLeft(), initialsPixmap(index.data(PeopleModel::InitialsRole).toString(), id, Photo, dpr));
    else
        paintFace(painter, face, photo, QString(), id);

    // Each line centred like drawText(rect, AlignHCenter) would, from its laid-out text.
    const int left = int(card.left()) + 8;
    int y = face.bottom() + 12;
    const auto line = [&](TextKind kind, const QString &s, const QFont &font, const QColor &color) {
        const QStaticText &t = text(kind, s, font);
        painter->setFont(font);
        painter->setPen(color);
        painter->drawStaticText(QPointF(left + (textW - t.size().width()) / 2, y), t);
    };
    line(NameText, index.data(Qt::DisplayRole).toString(), m_nameFont, theme::textPrimary());
    y += m_nameHeight + 2;
    line(TitleText, index.data(PeopleModel::TitleRole).toString(), m_smallFont, theme::textSecondary());
    y += m_smallHeight;
    line(DepartmentText, index.data(PeopleModel::DepartmentRole).toString(), m_smallFont, theme::accent());
    painter->restore();
}

} // namespace plein::client
