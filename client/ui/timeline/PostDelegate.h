#pragma once

#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

class QAbstractItemView;
class QTextLayout;

namespace plein::client {

// Paints one timeline post (or, in Comment mode, one comment) as a card: avatar with
// initials, name, relative time, word-wrapped text, and for posts a footer with the like
// toggle and the like and comment counts. Rows still in the outbox say "Sending…", rows the
// server refused say why. No widget per row: everything is painted, and the like toggle is
// handled in editorEvent().
class PostDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class Mode { Post, Comment };

    PostDelegate(Mode mode, QAbstractItemView *view);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // Where the like toggle and the comment count of the row at index are, in viewport
    // coordinates (tests click them).
    QRect likeRect(const QModelIndex &index) const;
    QRect commentsRect(const QModelIndex &index) const;

signals:
    void likeToggled(const QModelIndex &index, bool liked);  // liked: the new state
    void commentsClicked(const QModelIndex &index);

private:
    struct Geometry
    {
        QRect card;
        QRect avatar;
        QRect header;     // name and time
        QRect text;
        QRect like;       // heart and count: the click target
        QRect comments;   // bubble and count
        QRect status;     // "Sending…" / "Not sent: …"
        int height = 0;
    };

    Geometry geometry(const QStyleOptionViewItem &option, const QModelIndex &index, int width,
                      QTextLayout *layout) const;
    bool eventFilter(QObject *watched, QEvent *event) override;
    QStyleOptionViewItem optionFor(const QModelIndex &index) const;
    int rowWidth(const QStyleOptionViewItem &option) const;
    QString statusText(const QModelIndex &index) const;

    Mode m_mode;
    void setHover(const QModelIndex &index, int part);

    QAbstractItemView *m_view;
    // The like toggle or comment count under the mouse, drawn in a hover tint.
    QPersistentModelIndex m_hoverIndex;
    int m_hoverPart = 0;  // 0 none, 1 like, 2 comments
};

} // namespace plein::client
