#include "timeline/HashtagView.h"

#include "common/Theme.h"
#include "models/Roles.h"
#include "posts/ContentModel.h"
#include "posts/PostsClient.h"
#include "session/Session.h"
#include "timeline/PostDelegate.h"
#include "timeline/PostWrites.h"

#include <QCursor>
#include <QDesktopServices>
#include <QLabel>
#include <QListView>
#include <QPointer>
#include <QScrollBar>
#include <QToolTip>
#include <QUrl>
#include <QVBoxLayout>

namespace plein::client {

HashtagView::HashtagView(Session *session, QWidget *parent)
    : QWidget(parent, Qt::Window), m_session(session), m_title(new QLabel(this)), m_count(new QLabel(this)),
      m_view(new QListView(this)), m_delegate(new PostDelegate(PostDelegate::Mode::Post, m_view))
{
    setObjectName(QStringLiteral("hashtagView"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("QWidget#hashtagView { background: %1; }"
                                 "QLabel#hashtagTitle { font-size: 19pt; font-weight: 600; color: %2; }"
                                 "QLabel#hashtagCount { color: %3; }")
                      .arg(theme::canvas().name(), theme::accent().name(), theme::textSecondary().name()));
    resize(720, 760);
    m_title->setObjectName(QStringLiteral("hashtagTitle"));
    m_count->setObjectName(QStringLiteral("hashtagCount"));
    m_view->setObjectName(QStringLiteral("hashtagList"));
    m_view->setModel(session->posts()->tagged());
    m_view->setItemDelegate(m_delegate);
    m_view->setUniformItemSizes(false);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->verticalScrollBar()->setSingleStep(20);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setStyleSheet(QStringLiteral("QListView { background: %1; }").arg(theme::canvas().name()));
    m_delegate->setCurrentUserName(session->userName());
    m_delegate->setExcerptChars(600);
    connect(m_delegate, &PostDelegate::linkActivated, this,
            [this](const QString &href) { followLink(m_session, this, href); });
    connect(m_delegate, &PostDelegate::likeToggled, this, [this](const QModelIndex &i, bool on) {
        postwrites::react(m_session, this, i, QStringLiteral("like"), on);
    });
    connect(m_delegate, &PostDelegate::reactionToggled, this,
            [this](const QModelIndex &i, const QString &r, bool on) { postwrites::react(m_session, this, i, r, on); });
    QAbstractItemModel *model = session->posts()->tagged();
    connect(model, &QAbstractItemModel::modelReset, this, &HashtagView::updateCount);
    connect(model, &QAbstractItemModel::rowsInserted, this, &HashtagView::updateCount);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &HashtagView::updateCount);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 12);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_count);
    layout->addSpacing(6);
    layout->addWidget(m_view, 1);
}

HashtagView *HashtagView::open(Session *session, const QString &tag, QWidget *near)
{
    static QPointer<HashtagView> view;
    if (!view || view->m_session != session) {
        delete view;
        view = new HashtagView(session, near ? near->window() : nullptr);
    }
    view->setTag(tag);
    view->show();
    view->raise();
    view->activateWindow();
    return view;
}

QString HashtagView::tag() const
{
    return m_session->posts()->tagged()->key();
}

void HashtagView::setTag(const QString &tag)
{
    m_session->posts()->tagged()->setKey(tag);
    setWindowTitle(tr("#%1 — Plein").arg(tag));
    m_title->setText(QStringLiteral("#") + tag);
    updateCount();
}

void HashtagView::updateCount()
{
    const int n = m_session->posts()->tagged()->rowCount();
    const bool more = m_session->posts()->tagged()->canFetchMore({});
    m_count->setText(n == 0 ? tr("Nothing with this tag yet.")
                     : more ? tr("The newest %n posts and pages with this tag", nullptr, n)
                            : tr("%n post(s) and page(s) with this tag", nullptr, n));
}

void followLink(Session *session, QWidget *from, const QString &href)
{
    if (href.startsWith(QLatin1String("tag:"))) {
        HashtagView::open(session, href.mid(4), from);
    } else if (href.startsWith(QLatin1String("mention:"))) {
        const QString name = href.mid(8);
        QString who = QLatin1Char('@') + name;
        for (const MentionCandidate &c : session->posts()->mentionCandidates(name, 20))
            if (c.name == name)
                who = QStringLiteral("%1 (@%2)").arg(c.displayName, name);
        QToolTip::showText(QCursor::pos(), who, from);
    } else if (href.startsWith(QLatin1String("https://")) || href.startsWith(QLatin1String("http://"))) {
        QDesktopServices::openUrl(QUrl(href, QUrl::StrictMode));
    }
}

} // namespace plein::client
