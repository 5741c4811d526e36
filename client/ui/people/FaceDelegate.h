#pragma once

#include <QCache>
#include <QFont>
#include <QPixmap>
#include <QStaticText>
#include <QStyledItemDelegate>

#include <array>

namespace plein::client {

class PhotoLoader;
struct PersonCard;

// One card of the face grid: the photo (or coloured initials) in a circle, the name, the
// job title and the department. Photos come from PhotoLoader, never decoded here.
// Painting a card is mostly blits: the card's rounded rectangle and the initials circles
// are drawn once into pixmaps, and each text is laid out (elided, shaped) once into a
// QStaticText kept in a cache; a new result set on every keystroke repaints the whole grid.
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
    enum TextKind : char { NameText = 'n', TitleText = 't', DepartmentText = 'd' };
    const QPixmap &cardPixmap(const QSize &size, qreal dpr, bool selected, bool hovered) const;
    QPixmap initialsPixmap(const QString &initials, const QString &personId, int side, qreal dpr) const;
    // The elided text, laid out for font (one of the two below) and m_textWidth.
    const QStaticText &text(TextKind kind, const QString &s, const QFont &font) const;
    void useFont(const QFont &base, int textWidth) const;

    PhotoLoader *m_photos;
    // Normal, hovered, selected, selected and hovered; remade when the card size or the device pixel ratio changes.
    mutable std::array<QPixmap, 4> m_cards;
    mutable QCache<QString, QPixmap> m_initials;
    mutable QCache<QString, QStaticText> m_texts;   // by kind + text, for m_baseFont and m_textWidth
    mutable QFont m_baseFont, m_nameFont, m_smallFont;
    mutable int m_nameHeight = 0, m_smallHeight = 0, m_textWidth = 0;
    mutable bool m_haveFont = false;
};

} // namespace plein::client
