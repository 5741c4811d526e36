#include "chat/RoomDelegate.h"

#include "chat/ChatClient.h"
#include "chat/RoomListModel.h"
#include "common/Avatar.h"
#include "common/RelativeTime.h"
#include "common/Theme.h"
#include "protocol/ChatMessages.h"

#include <QDateTime>
#include <QPainter>
#include <QPainterPath>

namespace plein::client {

RoomDelegate::RoomDelegate(ChatClient *chat, QObject *parent) : QStyledItemDelegate(parent), m_chat(chat)
{
}

QSize RoomDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {option.rect.width(), 64};
}

void RoomDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const QRect r = option.rect;
    const bool selected = option.state & QStyle::State_Selected;
    const bool dark = option.palette.color(QPalette::Base).lightness() < 128;
    QColor bg = selected ? (dark ? theme::accent().darker(160) : theme::accentSoft()) : option.palette.color(QPalette::Base);
    if (!selected && (option.state & QStyle::State_MouseOver))
        bg = bg.darker(dark ? 80 : 103);
    p->fillRect(r, bg);

    const QString name = index.data(RoomListModel::NameRole).toString();
    const bool direct = index.data(RoomListModel::DirectRole).toBool();
    const QString key = direct ? index.data(RoomListModel::PartnerIdRole).toString()
                               : index.data(RoomListModel::RoomIdRole).toString();
    const QRectF av(r.left() + 12, r.top() + 12, 40, 40);
    avatar::paint(p, av, direct ? avatar::initialsFor(name) : QStringLiteral("#"), key);
    if (direct && m_chat) {
        const QString status = m_chat->presenceOf(key);
        const QColor dot = status == QLatin1String(protocol::chat::Online) ? theme::online()
                           : status == QLatin1String(protocol::chat::Away) ? theme::connecting()
                           : status == QLatin1String(protocol::chat::Dnd)  ? theme::danger()
                                                                           : theme::offline();
        p->setPen(QPen(bg, 2));
        p->setBrush(dot);
        p->drawEllipse(QRectF(av.right() - 11, av.bottom() - 11, 12, 12));
    }

    const bool muted = index.data(RoomListModel::MutedRole).toBool();
    const int unread = index.data(RoomListModel::UnreadRole).toInt();
    const int mentions = index.data(RoomListModel::MentionRole).toInt();
    const QColor primary = muted ? theme::textSecondary() : option.palette.color(QPalette::Text);
    const QColor secondary = theme::textSecondary();

    QFont nameFont = option.font;
    nameFont.setBold(unread > 0 && !muted);
    nameFont.setPointSizeF(option.font.pointSizeF() * 1.02);
    const int textLeft = int(av.right()) + 12;
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(index.data(RoomListModel::LastTimeRole).toLongLong());
    const QString time = RelativeTime::format(when);
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.88);
    const QFontMetrics smallFm(small);
    const int timeWidth = smallFm.horizontalAdvance(time);
    p->setFont(small);
    p->setPen(secondary);
    p->drawText(QRect(r.right() - 12 - timeWidth, r.top() + 12, timeWidth, 20), Qt::AlignRight | Qt::AlignVCenter, time);

    p->setFont(nameFont);
    p->setPen(primary);
    const QFontMetrics nfm(nameFont);
    const QString shownName = (muted ? QStringLiteral("🔕 ") : QString()) + name;
    p->drawText(QRect(textLeft, r.top() + 11, r.right() - textLeft - timeWidth - 20, 22), Qt::AlignLeft | Qt::AlignVCenter,
                nfm.elidedText(shownName, Qt::ElideRight, r.right() - textLeft - timeWidth - 20));

    // Badges: unread count, and an @ when someone mentioned me.
    int badgeRight = r.right() - 12;
    auto badge = [&](const QString &text, const QColor &color) {
        QFont f = small;
        f.setBold(true);
        const QFontMetrics fm(f);
        const int w = qMax(20, fm.horizontalAdvance(text) + 12);
        const QRectF b(badgeRight - w, r.top() + 36, w, 20);
        p->setPen(Qt::NoPen);
        p->setBrush(color);
        p->drawRoundedRect(b, 10, 10);
        p->setPen(Qt::white);
        p->setFont(f);
        p->drawText(b, Qt::AlignCenter, text);
        badgeRight = int(b.left()) - 6;
    };
    if (unread > 0)
        badge(QString::number(unread), muted ? theme::offline() : theme::accent());
    if (mentions > 0)
        badge(QStringLiteral("@"), theme::like());

    QString last = index.data(RoomListModel::LastTextRole).toString().simplified();
    last.remove(QStringLiteral("```"));
    const QString author = index.data(RoomListModel::LastAuthorRole).toString();
    if (!direct && !author.isEmpty())
        last = author.section(QLatin1Char(' '), 0, 0) + QStringLiteral(": ") + last;
    p->setFont(small);
    p->setPen(secondary);
    p->drawText(QRect(textLeft, r.top() + 36, badgeRight - textLeft - 4, 20), Qt::AlignLeft | Qt::AlignVCenter,
                smallFm.elidedText(last, Qt::ElideRight, badgeRight - textLeft - 4));
    p->restore();
}

} // namespace plein::client
