#include "timeline/CommentsPanel.h"

#include "common/Markdown.h"
#include "models/CommentsModel.h"
#include "models/Roles.h"
#include "protocol/Limits.h"
#include "session/Session.h"
#include "timeline/Composer.h"
#include "timeline/HashtagView.h"
#include "timeline/MentionCompleter.h"
#include "timeline/PostDelegate.h"
#include "timeline/PostWrites.h"
#include "posts/PostsClient.h"

#include <QMenu>

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QScrollBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace plein::client {

namespace {
constexpr int PostPreviewChars = 280;
}

CommentsPanel::CommentsPanel(Session *session, QWidget *parent, CommentsModel *model)
    : QWidget(parent)
    , m_session(session)
    , m_model(model ? model : session->commentsModel())
    , m_postAuthor(new QLabel(this))
    , m_postText(new QLabel(this))
    , m_view(new QListView(this))
    , m_empty(new QLabel(this))
    , m_composer(new Composer(Composer::Kind::Comment, limits::MaxCommentChars, this))
{
    setObjectName(QStringLiteral("commentsPanel"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("QWidget#commentsPanel { background: white; border-left: 1px solid #E2E8F0; }"));

    auto *title = new QLabel(tr("Comments"), this);
    title->setObjectName(QStringLiteral("panelTitle"));
    title->setStyleSheet(QStringLiteral("font-size: 13pt; font-weight: 600;"));
    auto *close = new QToolButton(this);
    close->setObjectName(QStringLiteral("closeCommentsButton"));
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Close comments"));
    close->setAutoRaise(true);
    connect(close, &QToolButton::clicked, this, &CommentsPanel::closeRequested);

    auto *header = new QHBoxLayout;
    header->addWidget(title, 1);
    header->addWidget(close);

    m_postAuthor->setObjectName(QStringLiteral("commentsPostAuthor"));
    m_postAuthor->setStyleSheet(QStringLiteral("color: #64748B;"));
    m_postText->setObjectName(QStringLiteral("commentsPostText"));
    m_postText->setWordWrap(true);
    m_postText->setTextFormat(Qt::PlainText);
    m_postText->setStyleSheet(QStringLiteral("QLabel { background: #F3F5F8; border-radius: 8px; padding: 8px 10px; }"));

    m_view->setObjectName(QStringLiteral("commentsView"));
    m_view->setModel(m_model);
    auto *delegate = new PostDelegate(PostDelegate::Mode::Comment, m_view);
    delegate->setCurrentUserName(session->userName());
    m_view->setItemDelegate(delegate);
    connect(delegate, &PostDelegate::linkActivated, this,
            [this](const QString &href) { followLink(m_session, this, href); });
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &CommentsPanel::showContextMenu);
    new MentionCompleter(session, m_composer->editor());
    m_view->setUniformItemSizes(false);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalScrollBar()->setSingleStep(16);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setStyleSheet(QStringLiteral("QListView { background: white; }"));

    m_empty->setObjectName(QStringLiteral("commentsEmptyLabel"));
    m_empty->setText(tr("No comments yet. Be the first to reply."));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: #64748B; padding: 24px;"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 16);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(m_postAuthor);
    layout->addWidget(m_postText);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_composer);

    connect(m_composer, &Composer::submitted, this, &CommentsPanel::submit);
    QAbstractItemModel *listModel = m_model;
    connect(listModel, &QAbstractItemModel::rowsInserted, this, &CommentsPanel::updateEmptyState);
    connect(listModel, &QAbstractItemModel::rowsRemoved, this, &CommentsPanel::updateEmptyState);
    connect(listModel, &QAbstractItemModel::modelReset, this, &CommentsPanel::updateEmptyState);
    connect(listModel, &QAbstractItemModel::rowsInserted, m_view, [this] { m_view->scrollToBottom(); });
    updateEmptyState();
}

QString CommentsPanel::postId() const
{
    return m_postId;
}

void CommentsPanel::showPost(const QModelIndex &postIndex)
{
    m_postId = postIndex.data(IdRole).toString();
    m_postAuthor->setText(tr("On the post by %1").arg(postIndex.data(AuthorNameRole).toString()));
    // The post's title or the plain text of its Markdown: the panel quotes it, it does not render it.
    const QString title = postIndex.data(TitleRole).toString();
    m_postText->setText(title.isEmpty() ? markdown::excerpt(postIndex.data(TextRole).toString(), PostPreviewChars)
                                        : title);
    m_model->setPost(m_postId);
    m_composer->clear();
    updateEmptyState();
    m_view->scrollToBottom();
}

void CommentsPanel::submit(const QString &text)
{
    if (m_postId.isEmpty())
        return;
    QString error;
    if (m_session->posts()->comment(m_postId, text, &error).isEmpty()) {
        m_composer->showError(error.isEmpty() ? tr("The comment could not be saved.") : error);
        return;
    }
    m_composer->clear();
}

void CommentsPanel::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    m_empty->setVisible(empty);
    m_view->setVisible(!empty);
}

void CommentsPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    QMenu menu(this);
    postwrites::addActions(menu, m_session, this, index, true);
    if (!menu.isEmpty())
        menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace plein::client
