#include "timeline/PostDelegate.h"

#include "common/Avatar.h"
#include "common/Markdown.h"
#include "common/RelativeTime.h"
#include "common/Theme.h"
#include "models/Roles.h"
#include "protocol/NewsMessages.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QHelpEvent>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTextDocument>
#include <QToolTip>

#include <cmath>

namespace plein::client {

namespace {

struct Metrics
{
    int marginX;
    int marginY;
    int padding;
    int avatar;
    int gap;
};

Metrics metricsFor(PostDelegate::Mode mode)
{
    if (mode == PostDelegate::Mode::Post)
        return {16, 5, 14, 40, 12};
    return {10, 4, 10, 30, 10};
}

QFont nameFont(QFont font)
{
    font.setBold(true);
    return font;
}

QFont smallFont(QFont font)
{
    font.setPointSizeF(font.pointSizeF() * 0.9);
    return font;
}

QFont titleFont(QFont font)
{
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.25);
    return font;
}

QString reactionLabel(const QString &r)
{
    if (r == QLatin1String(protocol::reaction::Celebrate))
        return PostDelegate::tr("Celebrate");
    if (r == QLatin1String(protocol::reaction::Love))
        return PostDelegate::tr("Love");
    if (r == QLatin1String(protocol::reaction::Insightful))
        return PostDelegate::tr("Insightful");
    if (r == QLatin1String(protocol::reaction::Funny))
        return PostDelegate::tr("Funny");
    return PostDelegate::tr("Like");
}

QString chipText(const QString &reaction, int count)
{
    if (reaction == QLatin1String("+"))
        return PostDelegate::tr("+ React");
    return QStringLiteral("%1 %2").arg(reactionLabel(reaction), QLocale().toString(count));
}

QPainterPath heartPath(const QRectF &r)
{
    // Two lobes meeting in a point, drawn in a unit box and scaled to r.
    QPainterPath path;
    const qreal w = r.width();
    const qreal h = r.height();
    const qreal x = r.left();
    const qreal y = r.top();
    path.moveTo(x + w * 0.5, y + h * 0.92);
    path.cubicTo(x + w * 0.1, y + h * 0.62, x - w * 0.02, y + h * 0.32, x + w * 0.22, y + h * 0.12);
    path.cubicTo(x + w * 0.36, y + h * 0.02, x + w * 0.48, y + h * 0.12, x + w * 0.5, y + h * 0.24);
    path.cubicTo(x + w * 0.52, y + h * 0.12, x + w * 0.64, y + h * 0.02, x + w * 0.78, y + h * 0.12);
    path.cubicTo(x + w * 1.02, y + h * 0.32, x + w * 0.9, y + h * 0.62, x + w * 0.5, y + h * 0.92);
    return path;
}

QPainterPath bubblePath(const QRectF &r)
{
    QPainterPath path;
    const QRectF body(r.left(), r.top() + r.height() * 0.06, r.width(), r.height() * 0.72);
    path.addRoundedRect(body, r.width() * 0.22, r.width() * 0.22);
    QPainterPath tail;
    tail.moveTo(r.left() + r.width() * 0.26, body.bottom() - 1);
    tail.lineTo(r.left() + r.width() * 0.22, r.bottom());
    tail.lineTo(r.left() + r.width() * 0.5, body.bottom() - 1);
    tail.closeSubpath();
    return path.united(tail);
}

} // namespace

PostDelegate::PostDelegate(Mode mode, QAbstractItemView *view)
    : QStyledItemDelegate(view)
    , m_mode(mode)
    , m_view(view)
    , m_documents(400)
{
    view->viewport()->installEventFilter(this);
    view->viewport()->setMouseTracking(true);
}

PostDelegate::~PostDelegate() = default;

int PostDelegate::rowWidth(const QStyleOptionViewItem &option) const
{
    // QListView asks sizeHint() with an empty rect: the row is as wide as the viewport.
    if (option.rect.width() > 0)
        return option.rect.width();
    return m_view ? m_view->viewport()->width() : 480;
}

void PostDelegate::setHover(const QModelIndex &index, int part)
{
    const QModelIndex target = part == 0 ? QModelIndex() : index;
    if (target == m_hoverIndex && part == m_hoverPart)
        return;
    if (m_hoverIndex.isValid())
        m_view->update(m_hoverIndex);
    m_hoverIndex = target;
    m_hoverPart = part;
    if (target.isValid())
        m_view->update(target);
}

QStyleOptionViewItem PostDelegate::optionFor(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    option.initFrom(m_view);
    option.font = m_view->font();
    option.rect = m_view->visualRect(index);
    option.widget = m_view;
    initStyleOption(&option, index);
    return option;
}

QRect PostDelegate::likeRect(const QModelIndex &index) const
{
    const QStyleOptionViewItem option = optionFor(index);
    return geometry(option, index, option.rect.width()).like;
}

QRect PostDelegate::commentsRect(const QModelIndex &index) const
{
    const QStyleOptionViewItem option = optionFor(index);
    return geometry(option, index, option.rect.width()).comments;
}

QRect PostDelegate::reactionRect(const QModelIndex &index, const QString &reaction) const
{
    const QStyleOptionViewItem option = optionFor(index);
    for (const auto &chip : geometry(option, index, option.rect.width()).chips)
        if (chip.first == reaction)
            return chip.second;
    return {};
}

QString PostDelegate::linkAt(const QModelIndex &index, const QPoint &pos) const
{
    const QStyleOptionViewItem option = optionFor(index);
    const Geometry g = geometry(option, index, option.rect.width());
    if (!g.text.contains(pos))
        return {};
    QTextDocument *doc = document(option, index, g.text.width());
    return doc ? doc->documentLayout()->anchorAt(QPointF(pos - g.text.topLeft())) : QString();
}

QString PostDelegate::statusText(const QModelIndex &index) const
{
    switch (static_cast<ItemState>(index.data(StateRole).toInt())) {
    case ItemState::Pending:
        return tr("Sending…");
    case ItemState::Failed: {
        const QString reason = index.data(ErrorRole).toString();
        return reason.isEmpty() ? tr("Not sent") : tr("Not sent: %1").arg(reason);
    }
    case ItemState::Sent:
        break;
    }
    return QString();
}

QTextDocument *PostDelegate::document(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const
{
    const bool deleted = index.data(DeletedRole).toBool();
    QString text = index.data(TextRole).toString();
    if (m_excerpt > 0)
        text = markdown::excerpt(text, m_excerpt);
    const QString key = index.data(IdRole).toString() + QLatin1Char('|') + QString::number(width) + QLatin1Char('|')
                        + QString::number(qHash(text)) + QLatin1Char('|') + QString::number(option.font.pointSizeF())
                        + (deleted ? QStringLiteral("|d") : QString());
    if (QTextDocument *doc = m_documents.object(key))
        return doc;
    auto *doc = new QTextDocument;
    doc->setDocumentMargin(0);
    doc->setDefaultFont(option.font);
    doc->setDefaultStyleSheet(QStringLiteral("a { color: %1; }").arg(theme::accent().name()));
    if (deleted)
        doc->setHtml(QStringLiteral("<i style=\"color:%1\">%2</i>")
                         .arg(theme::textSecondary().name(),
                              m_mode == Mode::Post ? tr("This post was deleted.") : tr("This comment was deleted.")));
    else
        doc->setHtml(markdown::toHtml(text, m_me));
    doc->setTextWidth(width);
    m_documents.insert(key, doc);
    return doc;
}

PostDelegate::Geometry PostDelegate::geometry(const QStyleOptionViewItem &option, const QModelIndex &index,
                                              int width) const
{
    const Metrics m = metricsFor(m_mode);
    const QFontMetrics nameMetrics(nameFont(option.font));
    const QFontMetrics smallMetrics(smallFont(option.font));
    const int top = option.rect.top();
    const int left = option.rect.left();
    const bool deleted = index.data(DeletedRole).toBool();

    Geometry g;
    g.card = QRect(left + m.marginX, top + m.marginY, width - 2 * m.marginX, 0);
    g.avatar = QRect(g.card.left() + m.padding, g.card.top() + m.padding, m.avatar, m.avatar);
    const int contentLeft = g.avatar.right() + 1 + m.gap;
    const int contentWidth = qMax(40, g.card.right() - m.padding - contentLeft);
    g.header = QRect(contentLeft, g.avatar.top() + (m_mode == Mode::Post ? 1 : 0), contentWidth,
                     nameMetrics.height());
    int y = g.header.bottom() + 1 + 3;
    const QString title = index.data(TitleRole).toString();
    if (!title.isEmpty() && !deleted) {
        const QFontMetrics tm(titleFont(option.font));
        g.title = QRect(contentLeft, y + 2, contentWidth, tm.height());
        y = g.title.bottom() + 1 + 4;
    }
    QTextDocument *doc = document(option, index, contentWidth);
    g.text = QRect(contentLeft, y, contentWidth, int(std::ceil(doc->size().height())));

    int bottom = g.text.bottom() + 1;
    const QString status = statusText(index);
    if (m_mode == Mode::Post && !deleted) {
        int footerTop = bottom + 8;
        const int footerHeight = qMax(22, smallMetrics.height() + 6);
        const int likeWidth = 18 + 6 + smallMetrics.horizontalAdvance(QStringLiteral("0000"));
        g.like = QRect(contentLeft - 4, footerTop, likeWidth + 8, footerHeight);
        g.comments = QRect(g.like.right() + 1 + 8, footerTop, likeWidth + 8, footerHeight);
        const int statusWidth = status.isEmpty() ? 0 : qMin(contentWidth / 3, smallMetrics.horizontalAdvance(status) + 8);
        const int right = g.card.right() - m.padding - statusWidth;
        int x = g.comments.right() + 1 + 10;
        const QVariantMap counts = index.data(ReactionsRole).toMap();
        QStringList chips;
        for (const QString &r : protocol::reaction::all())
            if (r != QLatin1String(protocol::reaction::Like) && counts.value(r).toInt() > 0)
                chips.append(r);
        chips.append(QStringLiteral("+"));
        for (const QString &r : chips) {
            const int w = smallMetrics.horizontalAdvance(chipText(r, counts.value(r).toInt())) + 18;
            if (x + w > right && x > contentLeft) {   // wrap onto another footer line
                footerTop += footerHeight + 6;
                x = contentLeft - 4;
            }
            g.chips.append({r, QRect(x, footerTop, w, footerHeight)});
            x += w + 6;
        }
        if (!status.isEmpty())
            g.status = QRect(g.card.right() - m.padding - statusWidth, g.like.top(), statusWidth, footerHeight);
        bottom = footerTop + footerHeight;
    } else if (!status.isEmpty()) {
        g.status = QRect(contentLeft, bottom + 4, contentWidth, smallMetrics.height());
        bottom = g.status.bottom() + 1;
    }
    bottom = qMax(bottom, g.avatar.bottom() + 1);
    g.card.setBottom(bottom + m.padding - 2);
    g.height = g.card.bottom() + 1 + m.marginY - top;
    return g;
}

QSize PostDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.rect = QRect(0, 0, rowWidth(option), 0);
    const Geometry g = geometry(opt, index, opt.rect.width());
    return QSize(opt.rect.width(), g.height);
}

void PostDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const Geometry g = geometry(option, index, option.rect.width());
    const auto state = static_cast<ItemState>(index.data(StateRole).toInt());
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool hovered = option.state.testFlag(QStyle::State_MouseOver);
    const bool deleted = index.data(DeletedRole).toBool();

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);

    // The card
    QColor fill = theme::card();
    if (hovered && !selected)
        fill = QColor(0xFB, 0xFC, 0xFD);
    painter->setPen(QPen(selected ? theme::accent() : theme::cardBorder(), selected ? 1.5 : 1));
    painter->setBrush(fill);
    painter->drawRoundedRect(QRectF(g.card).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10);

    avatar::paint(painter, g.avatar, index.data(AuthorInitialsRole).toString(), index.data(AuthorIdRole).toString());

    // Name · in group · time · edited
    const QString name = index.data(AuthorNameRole).toString();
    QString after;
    const QString context = index.data(ContextRole).toString();
    if (!context.isEmpty())
        after += QStringLiteral(" · ") + tr("in %1").arg(context);
    after += QStringLiteral(" · ") + RelativeTime::format(index.data(CreatedRole).toDateTime());
    if (index.data(EditedRole).toDateTime().isValid() && !deleted)
        after += QStringLiteral(" · ") + tr("edited");
    const QFont bold = nameFont(option.font);
    const QFontMetrics boldMetrics(bold);
    painter->setFont(bold);
    painter->setPen(theme::textPrimary());
    const int afterWidth = QFontMetrics(option.font).horizontalAdvance(after);
    const QString shownName = boldMetrics.elidedText(name, Qt::ElideRight, qMax(20, g.header.width() - afterWidth));
    painter->drawText(g.header, Qt::AlignLeft | Qt::AlignVCenter, shownName);
    painter->setFont(option.font);
    painter->setPen(theme::textSecondary());
    painter->drawText(g.header.adjusted(boldMetrics.horizontalAdvance(shownName), 0, 0, 0),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(option.font).elidedText(after, Qt::ElideRight,
                                                           g.header.width() - boldMetrics.horizontalAdvance(shownName)));

    if (!g.title.isEmpty()) {
        const QFont tf = titleFont(option.font);
        painter->setFont(tf);
        painter->setPen(theme::textPrimary());
        painter->drawText(g.title, Qt::AlignLeft | Qt::AlignVCenter,
                          QFontMetrics(tf).elidedText(index.data(TitleRole).toString(), Qt::ElideRight, g.title.width()));
    }

    // Text: pending rows a little lighter, so they read as not yet shared
    QTextDocument *doc = document(option, index, g.text.width());
    painter->save();
    painter->translate(g.text.topLeft());
    QAbstractTextDocumentLayout::PaintContext ctx;
    ctx.palette.setColor(QPalette::Text, state == ItemState::Pending ? theme::textSecondary() : theme::textPrimary());
    ctx.clip = QRectF(0, 0, g.text.width(), g.text.height());
    doc->documentLayout()->draw(painter, ctx);
    painter->restore();

    const QFont small = smallFont(option.font);
    painter->setFont(small);
    if (m_mode == Mode::Post && !deleted) {
        const bool liked = index.data(LikedByMeRole).toBool();
        const bool hoverRow = m_hoverIndex.isValid() && m_hoverIndex == index;
        painter->setPen(Qt::NoPen);
        painter->setBrush(QColor(0xF1, 0xF5, 0xF9));
        if (hoverRow && m_hoverPart == 1)
            painter->drawRoundedRect(QRectF(g.like).adjusted(-2, -1, 0, 1), 6, 6);
        if (hoverRow && m_hoverPart == 2)
            painter->drawRoundedRect(QRectF(g.comments).adjusted(-2, -1, 0, 1), 6, 6);
        const QRectF heart(g.like.left() + 4, g.like.center().y() - 7.5, 17, 15);
        painter->setPen(QPen(liked ? theme::like() : theme::textSecondary(), 1.4));
        painter->setBrush(liked ? theme::like() : Qt::transparent);
        painter->drawPath(heartPath(heart));
        painter->setPen(liked ? theme::like() : theme::textSecondary());
        painter->drawText(g.like.adjusted(4 + 17 + 6, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                          QLocale().toString(index.data(LikeCountRole).toInt()));

        const QRectF bubble(g.comments.left() + 4, g.comments.center().y() - 7.5, 16, 15);
        painter->setPen(QPen(theme::textSecondary(), 1.4));
        painter->setBrush(Qt::transparent);
        painter->drawPath(bubblePath(bubble));
        painter->setPen(theme::textSecondary());
        painter->drawText(g.comments.adjusted(4 + 16 + 6, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                          QLocale().toString(index.data(CommentCountRole).toInt()));

        // Reaction chips: the user's own filled in the brand tint.
        const QVariantMap counts = index.data(ReactionsRole).toMap();
        const QStringList mine = index.data(MyReactionsRole).toStringList();
        for (int i = 0; i < g.chips.size(); ++i) {
            const auto &[reaction, rect] = g.chips.at(i);
            const bool isMine = mine.contains(reaction);
            const bool hot = hoverRow && m_hoverPart == 3 + i;
            painter->setPen(QPen(isMine ? theme::accent() : theme::cardBorder(), 1));
            painter->setBrush(isMine ? theme::accentSoft() : hot ? QColor(0xF1, 0xF5, 0xF9) : QColor(Qt::white));
            painter->drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), rect.height() / 2.0,
                                     rect.height() / 2.0);
            painter->setPen(isMine ? theme::accent() : theme::textSecondary());
            painter->drawText(rect, Qt::AlignCenter, chipText(reaction, counts.value(reaction).toInt()));
        }
    }
    if (!g.status.isEmpty()) {
        const QString status = statusText(index);
        painter->setPen(state == ItemState::Failed ? theme::danger() : theme::textSecondary());
        QFont italic = small;
        italic.setItalic(state == ItemState::Pending);
        painter->setFont(italic);
        const Qt::Alignment align = m_mode == Mode::Post ? Qt::AlignRight | Qt::AlignVCenter
                                                          : Qt::AlignLeft | Qt::AlignVCenter;
        painter->drawText(g.status, align, QFontMetrics(italic).elidedText(status, Qt::ElideRight, g.status.width()));
    }
    painter->restore();
}

bool PostDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                               const QModelIndex &index)
{
    if (m_mode == Mode::Post && event->type() == QEvent::MouseButtonRelease
        && static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton) {
        const Geometry g = geometry(option, index, option.rect.width());
        if (g.comments.contains(static_cast<QMouseEvent *>(event)->position().toPoint()))
            emit commentsClicked(index);
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

void PostDelegate::showReactionMenu(const QModelIndex &index, const QPoint &globalPos)
{
    QMenu menu(m_view);
    menu.setObjectName(QStringLiteral("reactionMenu"));
    const QStringList mine = index.data(MyReactionsRole).toStringList();
    const QPersistentModelIndex target(index);
    for (const QString &r : protocol::reaction::all()) {
        QAction *a = menu.addAction(reactionLabel(r));
        a->setCheckable(true);
        a->setChecked(mine.contains(r));
        connect(a, &QAction::triggered, this, [this, target, r](bool on) {
            if (target.isValid())
                emit reactionToggled(target, r, on);
        });
    }
    menu.exec(globalPos);
}

bool PostDelegate::eventFilter(QObject *watched, QEvent *event)
{
    // The footer and links are handled before the view sees the press, which would select
    // the row (and open its comments) before editorEvent() ever ran.
    const auto type = event->type();
    if (type == QEvent::Leave && m_view && watched == m_view->viewport())
        setHover(QModelIndex(), 0);
    if (!m_view || watched != m_view->viewport()
        || (type != QEvent::MouseButtonPress && type != QEvent::MouseButtonRelease
            && type != QEvent::MouseButtonDblClick && type != QEvent::MouseMove))
        return QStyledItemDelegate::eventFilter(watched, event);

    const auto *mouse = static_cast<QMouseEvent *>(event);
    const QPoint pos = mouse->position().toPoint();
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid()) {
        if (type == QEvent::MouseMove)
            setHover({}, 0);
        return false;
    }
    const QStyleOptionViewItem option = optionFor(index);
    const Geometry g = geometry(option, index, option.rect.width());
    int part = 0;
    if (m_mode == Mode::Post && g.like.contains(pos))
        part = 1;
    else if (m_mode == Mode::Post && g.comments.contains(pos))
        part = 2;
    for (int i = 0; part == 0 && i < g.chips.size(); ++i)
        if (g.chips.at(i).second.contains(pos))
            part = 3 + i;
    const QString link = part == 0 ? linkAt(index, pos) : QString();
    if (type == QEvent::MouseMove) {
        m_view->viewport()->setCursor(part != 0 || !link.isEmpty() ? Qt::PointingHandCursor : Qt::ArrowCursor);
        setHover(index, part);
        return false;
    }
    if (mouse->button() != Qt::LeftButton || (part != 1 && part < 3 && link.isEmpty()))
        return false;
    if (type == QEvent::MouseButtonRelease) {
        if (part == 1) {
            emit likeToggled(index, !index.data(LikedByMeRole).toBool());
        } else if (part >= 3) {
            const QString r = g.chips.at(part - 3).first;
            if (r == QLatin1String("+"))
                showReactionMenu(index, m_view->viewport()->mapToGlobal(g.chips.at(part - 3).second.bottomLeft()));
            else
                emit reactionToggled(index, r, !index.data(MyReactionsRole).toStringList().contains(r));
        } else {
            emit linkActivated(link);
        }
    }
    return true;
}

bool PostDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                             const QModelIndex &index)
{
    if (event->type() != QEvent::ToolTip || !index.isValid())
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    const Geometry g = geometry(option, index, option.rect.width());
    QString tip;
    if (g.header.contains(event->pos())) {
        tip = RelativeTime::exact(index.data(CreatedRole).toDateTime());
        const QDateTime edited = index.data(EditedRole).toDateTime();
        if (edited.isValid())
            tip += QLatin1Char('\n') + tr("Edited %1").arg(RelativeTime::exact(edited));
    } else if (g.like.contains(event->pos())) {
        tip = index.data(LikedByMeRole).toBool() ? tr("Unlike") : tr("Like");
    } else if (g.comments.contains(event->pos())) {
        tip = tr("Show comments");
    } else if (g.status.contains(event->pos())) {
        tip = statusText(index);
    } else {
        for (const auto &chip : g.chips)
            if (chip.second.contains(event->pos()))
                tip = chip.first == QLatin1String("+") ? tr("Add a reaction") : reactionLabel(chip.first);
        if (tip.isEmpty())
            tip = linkAt(index, event->pos());
    }
    if (tip.isEmpty()) {
        QToolTip::hideText();
        return true;
    }
    QToolTip::showText(event->globalPos(), tip, view);
    return true;
}

} // namespace plein::client
