#pragma once

#include <QStyledItemDelegate>

namespace plein::client {

// One article in the news list: title (bold while unread), author and time, and badges
// for pinned, must-read (until acknowledged) and scheduled.
class NewsListDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace plein::client
