#include "blog/BlogPage.h"

#include "common/Markdown.h"
#include "common/RelativeTime.h"
#include "common/Theme.h"
#include "models/CommentsModel.h"
#include "models/Roles.h"
#include "posts/ContentModel.h"
#include "posts/PostsClient.h"
#include "protocol/NewsMessages.h"
#include "protocol/PostMessages.h"
#include "session/Session.h"
#include "timeline/CommentsPanel.h"
#include "timeline/HashtagView.h"
#include "timeline/MentionCompleter.h"
#include "timeline/PostDelegate.h"
#include "timeline/PostWrites.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace plein::client {

namespace {

QString reactionName(const QString &r)
{
    if (r == QLatin1String(protocol::reaction::Celebrate))
        return BlogPage::tr("Celebrate");
    if (r == QLatin1String(protocol::reaction::Love))
        return BlogPage::tr("Love");
    if (r == QLatin1String(protocol::reaction::Insightful))
        return BlogPage::tr("Insightful");
    if (r == QLatin1String(protocol::reaction::Funny))
        return BlogPage::tr("Funny");
    return BlogPage::tr("Like");
}

} // namespace

BlogPage::BlogPage(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_list(new QListView(this)),
      m_delegate(new PostDelegate(PostDelegate::Mode::Post, m_list)), m_stack(new QStackedWidget(this)),
      m_empty(new QLabel(this)), m_readerPane(new QWidget(this)), m_reader(new QTextBrowser(m_readerPane)),
      m_edit(new QPushButton(tr("Edit"), m_readerPane)), m_delete(new QPushButton(tr("Delete"), m_readerPane)),
      m_comments(new CommentsPanel(session, this, session->posts()->blogComments())), m_editorPane(new QWidget(this)),
      m_titleEdit(new QLineEdit(m_editorPane)), m_where(new QComboBox(m_editorPane)),
      m_textEdit(new QPlainTextEdit(m_editorPane)), m_error(new QLabel(m_editorPane)),
      m_save(new QPushButton(tr("Publish"), m_editorPane))
{
    setObjectName(QStringLiteral("blogPage"));
    setStyleSheet(QStringLiteral(
        "QWidget#blogReaderPane, QWidget#blogEditorPane { background: white; border: 1px solid %1; border-radius: 10px; }"
        "QTextBrowser#blogReader { border: none; background: white; }"
        "QToolButton#blogReaction { border: 1px solid %1; border-radius: 14px; padding: 3px 10px; background: white; }"
        "QToolButton#blogReaction:checked { background: %2; border-color: %3; color: %3; }"
        "QLineEdit#blogTitleEdit { font-size: 16pt; font-weight: 600; border: none; border-bottom: 1px solid %1;"
        " padding: 6px 2px; }"
        "QPlainTextEdit#blogTextEdit { border: 1px solid %1; border-radius: 8px; padding: 6px; }"
        "QPushButton#blogPrimary { background: %3; color: white; border: none; border-radius: 7px; padding: 7px 18px;"
        " font-weight: 600; }")
                      .arg(theme::cardBorder().name(), theme::accentSoft().name(), theme::accent().name()));

    auto *title = new QLabel(tr("Blogs"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    auto *subtitle = new QLabel(tr("Longer stories from colleagues and groups"), this);
    subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    auto *write = new QPushButton(tr("Write a page…"), this);
    write->setObjectName(QStringLiteral("blogPrimary"));
    connect(write, &QPushButton::clicked, this, [this] { editPage(); });
    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->setSpacing(4);
    titles->addWidget(title);
    titles->addWidget(subtitle);
    header->addLayout(titles, 1);
    header->addWidget(write, 0, Qt::AlignBottom);

    // The list
    m_list->setObjectName(QStringLiteral("blogList"));
    m_list->setModel(session->posts()->blogPages());
    m_delegate->setCurrentUserName(session->userName());
    m_delegate->setExcerptChars(180);
    m_list->setItemDelegate(m_delegate);
    m_list->setUniformItemSizes(false);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->verticalScrollBar()->setSingleStep(20);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setFixedWidth(380);
    m_list->setStyleSheet(QStringLiteral("QListView#blogList { background: %1; }").arg(theme::canvas().name()));
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &i) { openPage(i.data(IdRole).toString()); });
    connect(m_delegate, &PostDelegate::likeToggled, this, [this](const QModelIndex &i, bool on) {
        postwrites::react(m_session, this, i, QLatin1String(protocol::reaction::Like), on);
    });
    connect(m_delegate, &PostDelegate::reactionToggled, this,
            [this](const QModelIndex &i, const QString &r, bool on) { postwrites::react(m_session, this, i, r, on); });
    connect(m_delegate, &PostDelegate::commentsClicked, this,
            [this](const QModelIndex &i) { openPage(i.data(IdRole).toString()); });
    connect(m_delegate, &PostDelegate::linkActivated, this,
            [this](const QString &href) { followLink(m_session, this, href); });

    // The reader
    m_readerPane->setObjectName(QStringLiteral("blogReaderPane"));
    m_readerPane->setAttribute(Qt::WA_StyledBackground);
    m_reader->setObjectName(QStringLiteral("blogReader"));
    m_reader->setOpenLinks(false);
    m_reader->document()->setDocumentMargin(18);
    connect(m_reader, &QTextBrowser::anchorClicked, this,
            [this](const QUrl &url) { followLink(m_session, this, url.toString()); });
    m_edit->setObjectName(QStringLiteral("blogEditButton"));
    m_delete->setObjectName(QStringLiteral("blogDeleteButton"));
    connect(m_edit, &QPushButton::clicked, this, [this] { editPage(m_current); });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const int row = m_session->posts()->blogPages()->rowOf(m_current);
        if (row >= 0)
            postwrites::remove(m_session, this, m_session->posts()->blogPages()->index(row), false);
    });
    auto *reactions = new QHBoxLayout;
    reactions->setContentsMargins(18, 0, 18, 12);
    reactions->setSpacing(6);
    for (const QString &r : protocol::reaction::all()) {
        auto *b = new QToolButton(m_readerPane);
        b->setObjectName(QStringLiteral("blogReaction"));
        b->setCheckable(true);
        b->setProperty("reaction", r);
        b->setCursor(Qt::PointingHandCursor);
        connect(b, &QToolButton::clicked, this, [this, r](bool on) {
            QString error;
            m_session->posts()->react(m_current, r, on, &error);
        });
        reactions->addWidget(b);
        m_reactions.append(b);
    }
    reactions->addStretch(1);
    reactions->addWidget(m_edit);
    reactions->addWidget(m_delete);
    auto *r = new QVBoxLayout(m_readerPane);
    r->setContentsMargins(0, 0, 0, 0);
    r->addWidget(m_reader, 1);
    r->addLayout(reactions);

    // The editor
    m_editorPane->setObjectName(QStringLiteral("blogEditorPane"));
    m_editorPane->setAttribute(Qt::WA_StyledBackground);
    m_titleEdit->setObjectName(QStringLiteral("blogTitleEdit"));
    m_titleEdit->setPlaceholderText(tr("Title"));
    m_titleEdit->setMaxLength(protocol::limits_blog::MaxTitleChars);
    m_where->setObjectName(QStringLiteral("blogWhere"));
    m_textEdit->setObjectName(QStringLiteral("blogTextEdit"));
    m_textEdit->setPlaceholderText(tr("Write in Markdown: ## headings, **bold**, *italic*, lists, `code`, links, "
                                      "@mentions and #hashtags."));
    new MentionCompleter(session, m_textEdit);
    m_error->setStyleSheet(QStringLiteral("color: %1;").arg(theme::danger().name()));
    m_error->hide();
    m_save->setObjectName(QStringLiteral("blogPrimary"));
    connect(m_save, &QPushButton::clicked, this, &BlogPage::save);
    auto *cancel = new QPushButton(tr("Cancel"), m_editorPane);
    connect(cancel, &QPushButton::clicked, this, &BlogPage::showReader);
    auto *whereRow = new QHBoxLayout;
    whereRow->addWidget(new QLabel(tr("Publish"), m_editorPane));
    whereRow->addWidget(m_where, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_error, 1);
    buttons->addWidget(cancel);
    buttons->addWidget(m_save);
    auto *e = new QVBoxLayout(m_editorPane);
    e->setContentsMargins(18, 14, 18, 14);
    e->setSpacing(10);
    e->addWidget(m_titleEdit);
    e->addLayout(whereRow);
    e->addWidget(m_textEdit, 1);
    e->addLayout(buttons);

    m_empty->setObjectName(QStringLiteral("hintLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_readerPane);
    m_stack->addWidget(m_editorPane);

    m_comments->setMinimumWidth(300);
    m_comments->setMaximumWidth(360);
    m_comments->hide();
    connect(m_comments, &CommentsPanel::closeRequested, m_comments, &QWidget::hide);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(12);
    columns->addWidget(m_list);
    columns->addWidget(m_stack, 1);
    columns->addWidget(m_comments);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->addLayout(header);
    layout->addSpacing(10);
    layout->addLayout(columns, 1);

    connect(session, &Session::cacheChanged, this, [this] {
        if (m_stack->currentWidget() == m_readerPane)
            showReader();
        updateEmptyState();
    });
    updateEmptyState();
}

void BlogPage::updateEmptyState()
{
    m_empty->setText(m_session->posts()->blogPages()->rowCount() == 0
                         ? tr("No blog pages yet. Write the first one: a story, a how-to, a look back.")
                         : tr("Choose a page on the left to read it."));
}

bool BlogPage::openPage(const QString &id)
{
    if (id.isEmpty() || m_session->posts()->blogPage(id).id.isEmpty())
        return false;
    m_current = id;
    const int row = m_session->posts()->blogPages()->rowOf(id);
    if (row >= 0) {
        const QModelIndex i = m_session->posts()->blogPages()->index(row);
        if (m_list->currentIndex() != i)
            m_list->setCurrentIndex(i);
        m_comments->showPost(i);
        m_comments->show();
    }
    showReader();
    return true;
}

void BlogPage::showReader()
{
    const BlogPageView p = m_session->posts()->blogPage(m_current);
    if (p.id.isEmpty()) {
        m_current.clear();
        m_comments->hide();
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    QString meta = tr("By %1").arg(p.authorName.toHtmlEscaped());
    meta += QStringLiteral(" · ")
            + (p.group.isEmpty() ? tr("on their profile") : tr("in %1").arg(p.groupName.toHtmlEscaped()));
    meta += QStringLiteral(" · ") + RelativeTime::format(QDateTime::fromMSecsSinceEpoch(p.created).toLocalTime());
    if (p.edited > 0)
        meta += QStringLiteral(" · ") + tr("edited");
    if (p.pending)
        meta += QStringLiteral(" · ") + tr("sending…");
    const int scroll = m_reader->verticalScrollBar()->value();
    m_reader->setHtml(QStringLiteral("<p style=\"font-size:22pt;font-weight:600;margin-bottom:4px;color:%1\">%2</p>"
                                     "<p style=\"color:%3;margin-top:0;margin-bottom:14px\">%4</p>%5")
                          .arg(theme::textPrimary().name(), p.title.toHtmlEscaped(), theme::textSecondary().name(), meta,
                               markdown::toHtml(p.text, m_session->userName())));
    m_reader->verticalScrollBar()->setValue(scroll);
    const bool mine = p.authorId == m_session->posts()->myId();
    m_edit->setVisible(mine);
    m_delete->setVisible(m_session->posts()->mayDelete(p.authorId));
    updateReactions();
    m_stack->setCurrentWidget(m_readerPane);
}

void BlogPage::updateReactions()
{
    const int row = m_session->posts()->blogPages()->rowOf(m_current);
    const QModelIndex i = row >= 0 ? m_session->posts()->blogPages()->index(row) : QModelIndex();
    const QVariantMap counts = i.data(ReactionsRole).toMap();
    const QStringList mine = i.data(MyReactionsRole).toStringList();
    for (QToolButton *b : std::as_const(m_reactions)) {
        const QString r = b->property("reaction").toString();
        const int n = counts.value(r).toInt();
        b->setText(n > 0 ? QStringLiteral("%1  %2").arg(reactionName(r)).arg(n) : reactionName(r));
        b->setChecked(mine.contains(r));
    }
}

void BlogPage::editPage(const QString &id)
{
    m_editing = id;
    m_error->hide();
    m_where->clear();
    const BlogPageView p = id.isEmpty() ? BlogPageView{} : m_session->posts()->blogPage(id);
    if (!id.isEmpty() && p.id.isEmpty())
        return;
    if (id.isEmpty()) {
        m_where->addItem(tr("On my profile, for everyone"), QString());
        for (const auto &[groupId, name] : m_session->posts()->myGroups())
            m_where->addItem(tr("In %1").arg(name), groupId);
    } else {
        m_where->addItem(p.group.isEmpty() ? tr("On my profile, for everyone") : tr("In %1").arg(p.groupName), p.group);
    }
    m_where->setEnabled(id.isEmpty());
    m_titleEdit->setText(p.title);
    m_textEdit->setPlainText(p.text);
    m_save->setText(id.isEmpty() ? tr("Publish") : tr("Save"));
    m_comments->hide();
    m_stack->setCurrentWidget(m_editorPane);
    m_titleEdit->setFocus();
}

void BlogPage::save()
{
    QString error;
    const QString id = m_session->posts()->saveBlog(m_editing, m_where->currentData().toString(), m_titleEdit->text(),
                                                    m_textEdit->toPlainText(), &error);
    if (id.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    m_editing.clear();
    openPage(id);
}

} // namespace plein::client
