#pragma once

#include <QPixmap>
#include <QStyledItemDelegate>

namespace plein::client {

class PhotoLoader;
struct PersonCard;

// One card of the face grid: the photo (or coloured initials) in a circle, the name, the
// job title and the department. Photos come from PhotoLoader, never decoded here.
class FaceDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int CardWidth = 164;
    static constexpr int CardHeight = 178;
    static constexpr int Photo = 84;

    FaceDelegate(PhotoLoader *photos, QObject *parent = nullptr);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // Paints a round face (photo or initials) into rect: shared with the other people views.
    static void paintFace(QPainter *painter, const QRect &rect, const QPixmap &photo, const QString &initials,
                          const QString &personId);
    // A round face as a pixmap (for buttons and labels); initials until the photo is in.
    static QPixmap faceIcon(PhotoLoader *photos, const PersonCard &person, int side, bool large = false);

private:
    PhotoLoader *m_photos;
};

} // namespace plein::client
