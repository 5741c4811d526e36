#include "people/FaceDelegate.h"

#include "common/Avatar.h"
#include "common/Theme.h"
#include "models/PeopleModel.h"
#include "people/PeopleDirectory.h"
#include "people/PhotoLoader.h"
#include "protocol/PeopleMessages.h"

#include <QPainter>
#include <QPainterPath>

namespace plein::client {

FaceDelegate::FaceDelegate(PhotoLoader *photos, QObject *parent) : QStyledItemDelegate(parent), m_photos(photos)
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

void FaceDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF card = QRectF(option.rect).adjusted(6, 6, -6, -6);
    const bool selected = option.state & QStyle::State_Selected;
    const bool hovered = option.state & QStyle::State_MouseOver;
    painter->setPen(QPen(selected ? theme::accent() : theme::cardBorder(), selected ? 2 : 1));
    painter->setBrush(hovered ? theme::accentSoft().lighter(104) : theme::card());
    painter->drawRoundedRect(card, 10, 10);

    const QString id = index.data(PeopleModel::IdRole).toString();
    const QString hash = index.data(PeopleModel::PhotoRole).toString();
    const QRect face(int(card.center().x()) - Photo / 2, int(card.top()) + 14, Photo, Photo);
    const QPixmap photo = m_photos ? m_photos->pixmap(hash, QLatin1String(protocol::people::SizeSmall), Photo) : QPixmap();
    paintFace(painter, face, photo, index.data(PeopleModel::InitialsRole).toString(), id);

    QFont name = option.font;
    name.setBold(true);
    const QFontMetrics nm(name);
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.88);
    const QFontMetrics sm(small);
    const int textW = int(card.width()) - 16;
    int y = face.bottom() + 12;
    painter->setFont(name);
    painter->setPen(theme::textPrimary());
    painter->drawText(QRect(int(card.left()) + 8, y, textW, nm.height()), Qt::AlignHCenter,
                      nm.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight, textW));
    y += nm.height() + 2;
    painter->setFont(small);
    painter->setPen(theme::textSecondary());
    painter->drawText(QRect(int(card.left()) + 8, y, textW, sm.height()), Qt::AlignHCenter,
                      sm.elidedText(index.data(PeopleModel::TitleRole).toString(), Qt::ElideRight, textW));
    y += sm.height();
    const QString where = index.data(PeopleModel::DepartmentRole).toString();
    painter->setPen(theme::accent());
    painter->drawText(QRect(int(card.left()) + 8, y, textW, sm.height()), Qt::AlignHCenter,
                      sm.elidedText(where, Qt::ElideRight, textW));
    painter->restore();
}

} // namespace plein::client
