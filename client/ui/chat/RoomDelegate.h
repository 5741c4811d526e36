#pragma once

#include <QStyledItemDelegate>

namespace plein::client {

class ChatClient;

// One room in the room list: avatar (with a presence dot for direct rooms), name, the last
// message, its time, and badges for unread messages and mentions; muted rooms are grey.
class RoomDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    RoomDelegate(ChatClient *chat, QObject *parent);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    ChatClient *m_chat;
};

} // namespace plein::client
