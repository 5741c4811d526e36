#include "chat/MessageDelegate.h"

#include "chat/ChatMarkdown.h"
#include "chat/MessageListModel.h"
#include "common/Avatar.h"
#include "common/RelativeTime.h"
#include "common/Theme.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QDateTime>
#include <QPainter>
#include <QRegularExpression>
#include <QTextDocument>

namespace plein::client {

namespace {
constexpr int Margin = 16;
constexpr int AvatarSize = 36;
constexpr int Gap = 12;
constexpr int HeaderHeight = 20;
constexpr int QuoteHeight = 38;
constexpr int ChipHeight = 24;
constexpr int StatusHeight = 18;
constexpr int UnreadLine = 22;
} // namespace

MessageDelegate::MessageDelegate(QAbstractItemView *view, const QString &myName)
    : QStyledItemDelegate(view), m_view(view), m_myName(myName)
{
}

int MessageDelegate::bodyWidth(int rowWidth) const
{
    return qMax(120, rowWidth - 2 * Margin - AvatarSize - Gap);
}

QTextDocument *MessageDelegate::document(const QModelIndex &index, int width, bool dark) const
{
    const bool deleted = index.data(MessageListModel::DeletedRole).toBool();
    const QString text = index.data(MessageListModel::TextRole).toString();
    const QString key = index.data(MessageListModel::IdRole).toString() + QLatin1Char('|') + QString::number(width)
                        + QLatin1Char('|') + QString::number(qHash(text)) + (dark ? QStringLiteral("d") : QString());
    if (QTextDocument *d = m_docs.object(key))
        return d;
    auto *doc = new QTextDocument;
    doc->setDocumentMargin(0);
    doc->setDefaultFont(m_view->font());
    doc->setDefaultStyleSheet(QStringLiteral("a { color: #0e7c86; }"));
    if (deleted)
        doc->setHtml(QStringLiteral("<i style=\"color:#64748b\">%1</i>").arg(tr("This message was deleted.")));
    else
        doc->setHtml(chatmarkdown::toHtml(text, m_myName, dark));
    doc->setTextWidth(width);
    m_docs.insert(key, doc);
    return doc;
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = m_view ? m_view->viewport()->width() : option.rect.width();
    const bool dark = option.palette.color(QPalette::Base).lightness() < 128;
    int h = Margin / 2 + HeaderHeight + 4;
    if (!index.data(MessageListModel::ReplyToRole).toString().isEmpty())
        h += QuoteHeight + 4;
    h += int(document(index, bodyWidth(width), dark)->size().height());
    if (!index.data(MessageListModel::ReactionsRole).toList().isEmpty())
        h += ChipHeight + 6;
    if (index.data(MessageListModel::StateRole).toInt() != 0)
        h += StatusHeight;
    if (index.data(MessageListModel::IdRole).toString() == m_firstUnread)
        h += UnreadLine;
    return {width, h + Margin / 2};
}

void MessageDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    const bool dark = option.palette.color(QPalette::Base).lightness() < 128;
    QRect r = option.rect;
    p->fillRect(r, option.palette.color(QPalette::Base));
    if (index.data(MessageListModel::MentionsMeRole).toBool())
        p->fillRect(r, dark ? QColor(0x3a, 0x2f, 0x12) : QColor(0xFF, 0xF7, 0xE0));
    if (option.state & QStyle::State_Selected)
        p->fillRect(r, dark ? theme::accent().darker(200) : theme::accentSoft());
    const QColor secondary = theme::textSecondary();

    int y = r.top() + Margin / 2;
    if (index.data(MessageListModel::IdRole).toString() == m_firstUnread) {
        p->setPen(QPen(theme::like(), 1));
        p->drawLine(r.left() + Margin, y + 10, r.right() - Margin, y + 10);
        QFont f = option.font;
        f.setPointSizeF(f.pointSizeF() * 0.85);
        f.setBold(true);
        p->setFont(f);
        const QString label = tr("New");
        const int w = QFontMetrics(f).horizontalAdvance(label) + 12;
        const QRect lr(r.right() - Margin - w, y + 2, w, 16);
        p->fillRect(lr, option.palette.color(QPalette::Base));
        p->setPen(theme::like());
        p->drawText(lr, Qt::AlignCenter, label);
        y += UnreadLine;
    }

    const QString authorId = index.data(MessageListModel::AuthorIdRole).toString();
    const QString author = index.data(MessageListModel::AuthorNameRole).toString();
    avatar::paint(p, QRectF(r.left() + Margin, y + 2, AvatarSize, AvatarSize), avatar::initialsFor(author), authorId);
    const int left = r.left() + Margin + AvatarSize + Gap;
    const int width = bodyWidth(r.width());

    QFont bold = option.font;
    bold.setBold(true);
    p->setFont(bold);
    p->setPen(option.palette.color(QPalette::Text));
    const int nameWidth = QFontMetrics(bold).horizontalAdvance(author);
    p->drawText(QRect(left, y, nameWidth + 2, HeaderHeight), Qt::AlignLeft | Qt::AlignVCenter, author);
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.86);
    p->setFont(small);
    p->setPen(secondary);
    QString meta = RelativeTime::format(QDateTime::fromMSecsSinceEpoch(index.data(MessageListModel::CreatedRole).toLongLong()));
    if (index.data(MessageListModel::EditedRole).toLongLong() > 0 && !index.data(MessageListModel::DeletedRole).toBool())
        meta += QStringLiteral(" · ") + tr("edited");
    p->drawText(QRect(left + nameWidth + 8, y, width - nameWidth - 8, HeaderHeight), Qt::AlignLeft | Qt::AlignVCenter, meta);
    y += HeaderHeight + 4;

    if (!index.data(MessageListModel::ReplyToRole).toString().isEmpty()) {
        const QRect q(left, y, width, QuoteHeight);
        p->fillRect(q, dark ? QColor(0x25, 0x2d, 0x3a) : QColor(0xF1, 0xF5, 0xF9));
        p->fillRect(QRect(q.left(), q.top(), 3, q.height()), theme::accent());
        p->setPen(theme::accent());
        QFont qb = small;
        qb.setBold(true);
        p->setFont(qb);
        p->drawText(q.adjusted(10, 2, -6, -q.height() / 2), Qt::AlignLeft | Qt::AlignVCenter,
                    index.data(MessageListModel::ReplyAuthorRole).toString());
        p->setFont(small);
        p->setPen(secondary);
        QString quoted = index.data(MessageListModel::ReplyTextRole).toString();
        static const QRegularExpression fence(QStringLiteral("```[\\w+-]*"));
        quoted = quoted.replace(fence, QStringLiteral(" ")).simplified();
        if (quoted.isEmpty())
            quoted = tr("(deleted)");
        p->drawText(q.adjusted(10, q.height() / 2 - 2, -6, -2), Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetrics(small).elidedText(quoted, Qt::ElideRight, q.width() - 16));
        y += QuoteHeight + 4;
    }

    QTextDocument *doc = document(index, width, dark);
    p->translate(left, y);
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette = option.palette;
    ctx.palette.setColor(QPalette::Text, option.palette.color(QPalette::Text));
    doc->documentLayout()->draw(p, ctx);
    p->translate(-left, -y);
    y += int(doc->size().height());

    const QVariantList reactions = index.data(MessageListModel::ReactionsRole).toList();
    if (!reactions.isEmpty()) {
        y += 6;
        int x = left;
        p->setFont(small);
        for (const QVariant &v : reactions) {
            const QVariantMap m = v.toMap();
            const QString label = m.value(QStringLiteral("emoji")).toString() + QStringLiteral("  ")
                                  + QString::number(m.value(QStringLiteral("count")).toInt());
            const int w = QFontMetrics(small).horizontalAdvance(label) + 18;
            const QRectF chip(x, y, w, ChipHeight);
            const bool mine = m.value(QStringLiteral("mine")).toBool();
            p->setPen(QPen(mine ? theme::accent() : theme::cardBorder(), 1));
            p->setBrush(mine ? (dark ? theme::accent().darker(220) : theme::accentSoft())
                             : option.palette.color(QPalette::Base));
            p->drawRoundedRect(chip, 12, 12);
            p->setPen(option.palette.color(QPalette::Text));
            p->drawText(chip, Qt::AlignCenter, label);
            x += w + 6;
        }
        y += ChipHeight;
    }

    const int state = index.data(MessageListModel::StateRole).toInt();
    if (state != 0) {
        p->setFont(small);
        p->setPen(state == 2 ? theme::danger() : secondary);
        const QString status = state == 2 ? tr("Not sent: %1 (right-click to edit and retry, or discard)")
                                                .arg(index.data(MessageListModel::ErrorRole).toString())
                                          : tr("Sending…");
        p->drawText(QRect(left, y + 2, width, StatusHeight), Qt::AlignLeft | Qt::AlignVCenter,
                    QFontMetrics(small).elidedText(status, Qt::ElideRight, width));
    }
    p->restore();
}

} // namespace plein::client
