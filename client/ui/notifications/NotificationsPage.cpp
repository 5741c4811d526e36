#include "notifications/NotificationsPage.h"

#include "common/Theme.h"
#include "home/FeedDelegate.h"
#include "home/HomeClient.h"
#include "notifications/NotificationsModel.h"
#include "session/Session.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace plein::client {

NotificationsPage::NotificationsPage(Session *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("notificationsPage"));
    setStyleSheet(QStringLiteral(
        "QListView#notificationsList { background: white; border: 1px solid %1; border-radius: 10px; }"
        "QPushButton#markAllReadButton { background: white; color: %2; border: 1px solid %1; border-radius: 7px;"
        " padding: 7px 14px; font-weight: 600; }"
        "QPushButton#markAllReadButton:hover { background: %3; }"
        "QPushButton#markAllReadButton:disabled { color: %4; }"
        "QLabel#notificationsEmpty { color: %4; padding: 40px; }")
                      .arg(theme::cardBorder().name(), theme::accent().name(), theme::accentSoft().name(),
                           theme::textSecondary().name()));
    HomeClient *home = session->home();

    auto *title = new QLabel(tr("Notifications"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    m_markAll = new QPushButton(tr("Mark all as read"), this);
    m_markAll->setObjectName(QStringLiteral("markAllReadButton"));
    m_markAll->setCursor(Qt::PointingHandCursor);
    connect(m_markAll, &QPushButton::clicked, home, &HomeClient::markAllRead);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(title);
    titles->addWidget(m_subtitle);
    auto *header = new QHBoxLayout;
    header->addLayout(titles, 1);
    header->addWidget(m_markAll, 0, Qt::AlignBottom);

    FeedDelegate::Parts parts;
    parts.title = [](const QModelIndex &i) {
        return HomeClient::describe(i.data(NotificationsModel::KindRole).toString(),
                                    i.data(NotificationsModel::ActorNameRole).toString(),
                                    i.data(NotificationsModel::GroupNameRole).toString());
    };
    parts.text = [](const QModelIndex &i) { return i.data(NotificationsModel::TextRole).toString(); };
    parts.time = [](const QModelIndex &i) { return i.data(NotificationsModel::CreatedRole).toLongLong(); };
    parts.avatar = [](const QModelIndex &i) {
        const QString name = i.data(NotificationsModel::ActorNameRole).toString();
        return name.isEmpty() ? tr("News") : name;
    };
    parts.avatarKey = [](const QModelIndex &i) { return i.data(NotificationsModel::ActorIdRole).toString(); };
    parts.unread = [](const QModelIndex &i) { return !i.data(NotificationsModel::ReadRole).toBool(); };

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("notificationsList"));
    m_list->setModel(home->notifications());
    m_list->setItemDelegate(new FeedDelegate(parts, m_list));
    m_list->setMouseTracking(true);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setAccessibleName(tr("Notifications"));
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &i) {
        if (!i.data(NotificationsModel::ReadRole).toBool())
            m_session->home()->markRead({i.data(NotificationsModel::IdRole).toString()});
        emit itemRequested(i.data(NotificationsModel::ItemKindRole).toString(),
                           i.data(NotificationsModel::ItemRole).toString());
    });
    m_empty = new QLabel(tr("Nothing yet. Mentions, comments and reactions on your posts, and must-read news "
                            "show up here."),
                         this);
    m_empty->setObjectName(QStringLiteral("notificationsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 16);
    layout->setSpacing(16);
    layout->addLayout(header);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty, 1);

    connect(home, &HomeClient::unreadCountChanged, this, &NotificationsPage::updateCount);
    connect(home->notifications(), &QAbstractItemModel::modelReset, this,
            [this] { updateCount(m_session->home()->unreadCount()); });
    updateCount(home->unreadCount());
}

void NotificationsPage::updateCount(int unread)
{
    const bool any = m_session->home()->notifications()->rowCount() > 0;
    m_list->setVisible(any);
    m_empty->setVisible(!any);
    m_markAll->setEnabled(unread > 0);
    m_subtitle->setText(unread == 0 ? tr("You are all caught up") : tr("%n unread", nullptr, unread));
}

} // namespace plein::client
