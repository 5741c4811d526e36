#include "timeline/Composer.h"

#include "common/Theme.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace plein::client {

Composer::Composer(Kind kind, int maxChars, QWidget *parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_maxChars(maxChars)
    , m_edit(new QPlainTextEdit(this))
    , m_button(new QPushButton(this))
    , m_counter(new QLabel(this))
    , m_error(new QLabel(this))
{
    const bool post = kind == Kind::Post;
    m_edit->setObjectName(post ? QStringLiteral("composerEdit") : QStringLiteral("commentEdit"));
    m_edit->setPlaceholderText(post ? tr("Share something with your colleagues…") : tr("Write a comment…"));
    m_edit->setTabChangesFocus(true);
    const int lines = post ? 3 : 2;
    m_edit->setFixedHeight(m_edit->fontMetrics().lineSpacing() * lines + 20);
    m_edit->installEventFilter(this);

    m_button->setObjectName(post ? QStringLiteral("postButton") : QStringLiteral("commentButton"));
    m_button->setText(post ? tr("Post") : tr("Comment"));
    m_button->setToolTip(tr("Send (Ctrl+Enter)"));
    m_button->setCursor(Qt::PointingHandCursor);

    m_counter->setObjectName(post ? QStringLiteral("composerCounter") : QStringLiteral("commentCounter"));
    m_counter->setStyleSheet(QStringLiteral("color: %1;").arg(theme::textSecondary().name()));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *bottom = new QHBoxLayout;
    bottom->setContentsMargins(0, 0, 0, 0);
    bottom->addWidget(m_counter, 1);
    bottom->addWidget(m_button);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_edit);
    layout->addWidget(m_error);
    layout->addLayout(bottom);

    connect(m_edit, &QPlainTextEdit::textChanged, this, &Composer::updateState);
    connect(m_button, &QPushButton::clicked, this, &Composer::submit);
    updateState();
}

QString Composer::text() const
{
    return m_edit->toPlainText();
}

QPlainTextEdit *Composer::editor() const
{
    return m_edit;
}

void Composer::clear()
{
    m_edit->clear();
    m_error->hide();
}

void Composer::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void Composer::updateState()
{
    const QString text = m_edit->toPlainText();
    const int length = int(text.trimmed().size());
    const bool tooLong = length > m_maxChars;
    m_button->setEnabled(length > 0 && !tooLong);
    m_error->hide();

    const QLocale locale;
    QString hint;
    if (tooLong)
        hint = tr("%n character(s) too many", nullptr, length - m_maxChars);
    else if (length > m_maxChars * 8 / 10)
        hint = tr("%1 of %2 characters").arg(locale.toString(length), locale.toString(m_maxChars));
    else if (length == 0)
        hint = m_kind == Kind::Post ? tr("Ctrl+Enter posts") : tr("Ctrl+Enter sends");
    m_counter->setText(hint);
    m_counter->setStyleSheet(QStringLiteral("color: %1;").arg((tooLong ? theme::danger() : theme::textSecondary()).name()));
}

void Composer::submit()
{
    if (!m_button->isEnabled())
        return;
    emit submitted(m_edit->toPlainText().trimmed());
}

bool Composer::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && key->modifiers().testFlag(Qt::ControlModifier)) {
            submit();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace plein::client
