#include "timeline/MentionCompleter.h"

#include "common/Avatar.h"
#include "common/Theme.h"
#include "posts/PostsClient.h"
#include "session/Session.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QKeyEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QTextBlock>

namespace plein::client {

namespace {
constexpr int NameRole = Qt::UserRole + 1;
constexpr int AvatarSide = 24;

QIcon avatarIcon(const MentionCandidate &c, qreal dpr)
{
    QPixmap pixmap(QSize(AvatarSide, AvatarSide) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    avatar::paint(&painter, QRectF(0, 0, AvatarSide, AvatarSide), avatar::initialsFor(c.displayName),
                  c.id.isEmpty() ? c.name : c.id);
    return QIcon(pixmap);
}
} // namespace

MentionCompleter::MentionCompleter(Session *session, QPlainTextEdit *editor)
    : QObject(editor), m_session(session), m_editor(editor), m_model(new QStandardItemModel(this)),
      m_completer(new QCompleter(this))
{
    m_completer->setModel(m_model);
    m_completer->setWidget(editor);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    QAbstractItemView *popup = m_completer->popup();
    popup->setObjectName(QStringLiteral("mentionPopup"));
    popup->setIconSize(QSize(AvatarSide, AvatarSide));
    popup->setStyleSheet(QStringLiteral("QListView#mentionPopup { background: white; border: 1px solid %1;"
                                        " border-radius: 8px; color: %2; }"
                                        "QListView#mentionPopup::item { padding: 5px 8px; border-radius: 6px; }"
                                        "QListView#mentionPopup::item:selected { background: %3; color: %2; }")
                             .arg(theme::cardBorder().name(), theme::textPrimary().name(),
                                  theme::accentSoft().name()));
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
            [this](const QModelIndex &i) { insert(i.data(NameRole).toString()); });
    connect(editor, &QPlainTextEdit::textChanged, this, &MentionCompleter::update);
    editor->installEventFilter(this);
    // While the popup is open it gets the keys, and QCompleter hands Enter and Tab to the
    // editor's event() first (past any filter), which would insert a new line or a tab.
    // Installed after QCompleter's own filter, this one sees them first.
    m_completer->popup()->installEventFilter(this);
}

QString MentionCompleter::currentPrefix() const
{
    const QTextCursor c = m_editor->textCursor();
    const QString before = c.block().text().left(c.positionInBlock());
    // The same start as the mention rule: not inside a word or an address.
    static const QRegularExpression re(QStringLiteral("(?:^|[^\\w@/.])@([a-zA-Z0-9._-]*)$"),
                                       QRegularExpression::UseUnicodePropertiesOption);
    const auto m = re.match(before);
    return m.hasMatch() ? QLatin1Char('@') + m.captured(1) : QString();
}

void MentionCompleter::update()
{
    const QString prefix = currentPrefix();
    if (prefix.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_model->clear();
    for (const MentionCandidate &c : m_session->posts()->mentionCandidates(prefix.mid(1))) {
        auto *item = new QStandardItem(avatarIcon(c, m_editor->devicePixelRatioF()),
                                       QStringLiteral("%1  @%2").arg(c.displayName, c.name));
        item->setData(c.name, NameRole);
        m_model->appendRow(item);
    }
    if (m_model->rowCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    // cursorRect() is in the viewport's coordinates; the completer places the popup in the
    // editor's, just below the rectangle.
    QRect r = m_editor->cursorRect().translated(m_editor->viewport()->pos() + QPoint(0, 3));
    r.setWidth(300);
    m_completer->complete(r);
    m_completer->popup()->setCurrentIndex(m_model->index(0, 0));
}

void MentionCompleter::insert(const QString &name)
{
    const QString prefix = currentPrefix();
    if (prefix.isEmpty() || name.isEmpty())
        return;
    QTextCursor c = m_editor->textCursor();
    c.movePosition(QTextCursor::Left, QTextCursor::KeepAnchor, int(prefix.size()));
    c.insertText(QLatin1Char('@') + name + QLatin1Char(' '));
    m_editor->setTextCursor(c);
    m_completer->popup()->hide();
}

bool MentionCompleter::eventFilter(QObject *watched, QEvent *event)
{
    // While the popup is up, Enter and Tab pick the highlighted person.
    if ((watched == m_editor || watched == m_completer->popup()) && event->type() == QEvent::KeyPress
        && m_completer->popup()->isVisible()) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter || key->key() == Qt::Key_Tab)
            && key->modifiers() == Qt::NoModifier) {
            const QModelIndex i = m_completer->popup()->currentIndex();
            insert((i.isValid() ? i : m_model->index(0, 0)).data(NameRole).toString());
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

} // namespace plein::client
