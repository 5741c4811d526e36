#include "timeline/TimelinePage.h"

#include "models/Roles.h"
#include "models/TimelineModel.h"
#include "protocol/Limits.h"
#include "session/Session.h"
#include "timeline/CommentsPanel.h"
#include "timeline/Composer.h"
#include "timeline/HashtagView.h"
#include "timeline/MentionCompleter.h"
#include "timeline/PostDelegate.h"
#include "timeline/PostWrites.h"
#include "posts/PostsClient.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QMenu>
#include <QFrame>
#include <QLabel>
#include <QListView>
#include <QScrollBar>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace plein::client {

namespace {
constexpr int ColumnMaxWidth = 820;
constexpr int RelativeTimeRefreshMs = 60 * 1000;
} // namespace

TimelinePage::TimelinePage(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_view(new QListView(this))
    , m_delegate(new PostDelegate(PostDelegate::Mode::Post, m_view))
    , m_composer(new Composer(Composer::Kind::Post, limits::MaxPostChars, this))
    , m_comments(new CommentsPanel(session, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("timelinePage"));

    auto *title = new QLabel(tr("Company timeline"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    auto *subtitle = new QLabel(tr("What is happening across the organisation"), this);
    subtitle->setObjectName(QStringLiteral("pageSubtitle"));

    auto *composerCard = new QFrame(this);
    composerCard->setObjectName(QStringLiteral("card"));
    auto *composerLayout = new QVBoxLayout(composerCard);
    composerLayout->setContentsMargins(14, 14, 14, 12);
    composerLayout->addWidget(m_composer);

    m_view->setObjectName(QStringLiteral("timelineView"));
    m_view->setModel(m_session->timelineModel());
    m_view->setItemDelegate(m_delegate);
    // Rows differ in height; per-pixel scrolling keeps tall posts from jumping.
    m_view->setUniformItemSizes(false);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalScrollBar()->setSingleStep(20);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setMouseTracking(true);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setAccessibleName(tr("Company timeline"));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &TimelinePage::showContextMenu);
    auto *copy = new QAction(tr("&Copy text"), m_view);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, [this] { copyText(m_view->currentIndex()); });
    m_view->addAction(copy);

    m_empty->setObjectName(QStringLiteral("timelineEmptyLabel"));
    m_empty->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_empty->setWordWrap(true);
    m_empty->setStyleSheet(QStringLiteral("color: #64748B; padding: 40px;"));

    // The timeline column stays readable on wide screens.
    auto *column = new QWidget(this);
    column->setMaximumWidth(ColumnMaxWidth);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 20, 0, 0);
    columnLayout->setSpacing(0);
    auto *headerLayout = new QVBoxLayout;
    headerLayout->setContentsMargins(18, 0, 18, 12);
    headerLayout->setSpacing(2);
    headerLayout->addWidget(title);
    headerLayout->addWidget(subtitle);
    columnLayout->addLayout(headerLayout);
    auto *composerWrap = new QVBoxLayout;
    composerWrap->setContentsMargins(16, 0, 16, 8);
    composerWrap->addWidget(composerCard);
    columnLayout->addLayout(composerWrap);
    columnLayout->addWidget(m_view, 1);
    columnLayout->addWidget(m_empty, 1);

    auto *centre = new QWidget(this);
    auto *centreLayout = new QHBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->addStretch(0);
    centreLayout->addWidget(column, 1);
    centreLayout->addStretch(0);

    m_comments->setMinimumWidth(300);
    m_comments->hide();
    m_splitter->addWidget(centre);
    m_splitter->addWidget(m_comments);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_composer, &Composer::submitted, this, &TimelinePage::submitPost);
    connect(m_delegate, &PostDelegate::likeToggled, this, [this](const QModelIndex &index, bool liked) {
        m_session->setLiked(index.data(IdRole).toString(), liked);
    });
    connect(m_delegate, &PostDelegate::commentsClicked, this, &TimelinePage::openComments);
    connect(m_delegate, &PostDelegate::reactionToggled, this,
            [this](const QModelIndex &index, const QString &reaction, bool on) {
                postwrites::react(m_session, this, index, reaction, on);
            });
    connect(m_delegate, &PostDelegate::linkActivated, this,
            [this](const QString &href) { followLink(m_session, this, href); });
    m_delegate->setCurrentUserName(m_session->userName());
    new MentionCompleter(m_session, m_composer->editor());
    // Selection, not the current index: the view makes the first row current when it gets
    // the focus, and that alone should not open anything.
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
        if (!selected.isEmpty())
            openComments(selected.constFirst());
    });
    connect(m_comments, &CommentsPanel::closeRequested, this, &TimelinePage::closeComments);

    QAbstractItemModel *model = m_session->timelineModel();
    connect(model, &QAbstractItemModel::rowsInserted, this, &TimelinePage::updateEmptyState);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &TimelinePage::updateEmptyState);
    connect(model, &QAbstractItemModel::modelReset, this, &TimelinePage::updateEmptyState);
    connect(m_session, &Session::synced, this, &TimelinePage::updateEmptyState);
    updateEmptyState();

    // "5 min ago" has to move on while the window stays open.
    auto *clock = new QTimer(this);
    clock->setInterval(RelativeTimeRefreshMs);
    connect(clock, &QTimer::timeout, m_view->viewport(), qOverload<>(&QWidget::update));
    clock->start();
}

QListView *TimelinePage::view() const
{
    return m_view;
}

PostDelegate *TimelinePage::delegate() const
{
    return m_delegate;
}

Composer *TimelinePage::composer() const
{
    return m_composer;
}

CommentsPanel *TimelinePage::commentsPanel() const
{
    return m_comments;
}

void TimelinePage::submitPost(const QString &text)
{
    QString error;
    if (m_session->createPost(text, &error).isEmpty()) {
        m_composer->showError(error.isEmpty() ? tr("The post could not be saved.") : error);
        return;
    }
    m_composer->clear();
    m_view->scrollToTop();
}

void TimelinePage::openComments(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    if (!m_view->selectionModel()->isSelected(index))
        m_view->setCurrentIndex(index);  // selects it, and comes back here through selectionChanged
    if (m_comments->postId() == index.data(IdRole).toString() && m_comments->isVisible())
        return;
    m_comments->showPost(index);
    m_comments->show();
}

void TimelinePage::closeComments()
{
    m_comments->hide();
    m_view->selectionModel()->clear();
}

void TimelinePage::updateEmptyState()
{
    const bool empty = m_session->timelineModel()->rowCount() == 0;
    // A replica that has never synced is not an empty timeline, just one still on its way.
    m_empty->setText(m_session->cursor() == 0 ? tr("Fetching the timeline…")
                                              : tr("Nothing here yet. Share the first post with your colleagues!"));
    m_empty->setVisible(empty);
    m_view->setVisible(!empty);
}

void TimelinePage::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return;
    QMenu menu(this);
    connect(menu.addAction(tr("&Copy text")), &QAction::triggered, this, [this, index] { copyText(index); });
    const bool liked = index.data(LikedByMeRole).toBool();
    connect(menu.addAction(liked ? tr("&Unlike") : tr("&Like")), &QAction::triggered, this,
            [this, index, liked] { m_session->setLiked(index.data(IdRole).toString(), !liked); });
    connect(menu.addAction(tr("Show c&omments")), &QAction::triggered, this, [this, index] { openComments(index); });
    menu.addSeparator();
    postwrites::addActions(menu, m_session, this, index, false);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void TimelinePage::copyText(const QModelIndex &index)
{
    if (index.isValid())
        QGuiApplication::clipboard()->setText(index.data(TextRole).toString());
}

} // namespace plein::client
