#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace plein::client {

// One row of a feed on the start page or the notifications list: an avatar with initials,
// a bold first line with a grey context after it, up to two lines of text, the time on the
// right and, for unread rows, an accent dot. What each part shows comes from functions of
// the index, so any list model can use it.
class FeedDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    struct Parts
    {
        std::function<QString(const QModelIndex &)> title;
        std::function<QString(const QModelIndex &)> context;
        std::function<QString(const QModelIndex &)> text;
        std::function<qint64(const QModelIndex &)> time;       // ms, 0: none
        std::function<QString(const QModelIndex &)> avatar;   // name for the initials ("" for none)
        std::function<QString(const QModelIndex &)> avatarKey; // colour seed
        std::function<bool(const QModelIndex &)> unread;       // may be empty
    };

    FeedDelegate(Parts parts, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    Parts m_parts;
};

} // namespace plein::client
