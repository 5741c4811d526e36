#pragma once

#include <QCache>
#include <QPersistentModelIndex>
#include <QStyledItemDelegate>

class QAbstractItemView;
class QTextDocument;

namespace plein::client {

// Paints one post (a company post, group post or blog page; in Comment mode one comment) as
// a card: avatar with initials, name (and the group it is in), relative time and "edited",
// the Markdown text (Markdown.h: links, code, @mentions, #hashtags), and for posts a footer
// with the like toggle, the comment count, the other reactions with their counts (the
// user's own highlighted) and a React button. A deleted row says so in place of its text.
// Rows still in the outbox say "Sending…", rows the server refused say why.
//
// No widget per row: everything is painted. Each row's text is laid out once into a
// QTextDocument kept in a cache keyed by row, text and width, so scrolling re-uses it.
// Clicks on the heart, the reactions and links are handled in eventFilter().
class PostDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum class Mode { Post, Comment };

    PostDelegate(Mode mode, QAbstractItemView *view);
    ~PostDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

    // The current user's sign-in name: mentions of it are drawn stronger.
    void setCurrentUserName(const QString &name) { m_me = name; }
    // Rows show at most this many characters of their text (blog lists); 0: everything.
    void setExcerptChars(int chars) { m_excerpt = chars; }

    // Where the like toggle, the comment count and a reaction chip ("+" for the React
    // button) of the row at index are, in viewport coordinates (tests click them).
    QRect likeRect(const QModelIndex &index) const;
    QRect commentsRect(const QModelIndex &index) const;
    QRect reactionRect(const QModelIndex &index, const QString &reaction) const;
    // The link target under a viewport point of the row, if any.
    QString linkAt(const QModelIndex &index, const QPoint &pos) const;

signals:
    void likeToggled(const QModelIndex &index, bool liked);  // liked: the new state
    void commentsClicked(const QModelIndex &index);
    void reactionToggled(const QModelIndex &index, const QString &reaction, bool on);
    // http(s) links, "tag:<tag>" and "mention:<name>".
    void linkActivated(const QString &href);

private:
    struct Geometry
    {
        QRect card;
        QRect avatar;
        QRect header;     // name, group and time
        QRect title;      // blog pages
        QRect text;
        QRect like;       // heart and count: the click target
        QRect comments;   // bubble and count
        QList<QPair<QString, QRect>> chips;   // reactions other than like, then "+"
        QRect status;     // "Sending…" / "Not sent: …"
        int height = 0;
    };

    Geometry geometry(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;
    QTextDocument *document(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;
    bool eventFilter(QObject *watched, QEvent *event) override;
    QStyleOptionViewItem optionFor(const QModelIndex &index) const;
    int rowWidth(const QStyleOptionViewItem &option) const;
    QString statusText(const QModelIndex &index) const;
    void showReactionMenu(const QModelIndex &index, const QPoint &globalPos);

    Mode m_mode;
    void setHover(const QModelIndex &index, int part);

    QAbstractItemView *m_view;
    QString m_me;
    int m_excerpt = 0;
    mutable QCache<QString, QTextDocument> m_documents;
    // The like toggle, comment count or a reaction under the mouse, drawn in a hover tint.
    QPersistentModelIndex m_hoverIndex;
    int m_hoverPart = 0;  // 0 none, 1 like, 2 comments, 3 + n: chip n
};

} // namespace plein::client
