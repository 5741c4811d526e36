#include "home/HomeWidgets.h"

#include "groups/GroupsModel.h"
#include "groups/PersonalTimeline.h"
#include "home/FeedDelegate.h"
#include "home/HomeClient.h"
#include "home/PersonalTimelineModel.h"
#include "home/WidgetRegistry.h"
#include "models/NewColleaguesModel.h"
#include "news/NewsListDelegate.h"
#include "news/NewsModel.h"
#include "notifications/NotificationsModel.h"
#include "people/PeopleService.h"
#include "protocol/HomeMessages.h"
#include "session/Session.h"

#include <QCoreApplication>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QStackedLayout>

namespace plein::client::homewidgets {

namespace {

// The context is the one lupdate gives tr() in this namespace, so the translations apply.
QString tr(const char *s)
{
    return QCoreApplication::translate("plein::client::homewidgets", s);
}

// A list with an empty-state line in its place while the model has no rows.
QWidget *listWithEmptyState(QAbstractItemModel *model, QAbstractItemDelegate *delegate, const QString &empty,
                            const char *name, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *stack = new QStackedLayout(box);
    auto *view = new QListView(box);
    view->setObjectName(QLatin1String(name));
    view->setModel(model);
    if (delegate) {
        delegate->setParent(view);
        view->setItemDelegate(delegate);
    }
    view->setFrameShape(QFrame::NoFrame);
    view->setMouseTracking(true);
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setSelectionMode(QAbstractItemView::NoSelection);
    view->setUniformItemSizes(false);
    view->setResizeMode(QListView::Adjust);   // row heights follow the width
    auto *label = new QLabel(empty, box);
    label->setObjectName(QStringLiteral("homeEmpty"));
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    stack->addWidget(view);
    stack->addWidget(label);
    auto update = [stack, model] { stack->setCurrentIndex(model->rowCount() > 0 ? 0 : 1); };
    QObject::connect(model, &QAbstractItemModel::modelReset, box, update);
    QObject::connect(model, &QAbstractItemModel::rowsInserted, box, update);
    QObject::connect(model, &QAbstractItemModel::rowsRemoved, box, update);
    update();
    return box;
}

QString kindContext(const QModelIndex &i)
{
    switch (static_cast<TimelineEntry::Kind>(i.data(PersonalTimelineModel::KindRole).toInt())) {
    case TimelineEntry::Kind::News:
        return tr("in News");
    case TimelineEntry::Kind::GroupPost:
        return tr("in %1").arg(i.data(PersonalTimelineModel::GroupNameRole).toString());
    case TimelineEntry::Kind::Post:
        break;
    }
    return tr("company-wide");
}

// What a row's context menu can follow or mute: kind "person" or "group", the id, a name.
struct Target
{
    QString kind;
    QString id;
    QString name;
};

// Right-click on a row: follow or unfollow its person or group, and mute a group's
// notifications. Offline too (the choice waits in the outbox).
void addFollowMenu(QWidget *box, Session *session, const std::function<Target(const QModelIndex &)> &targetOf)
{
    auto *view = box->findChild<QListView *>();
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(view, &QListView::customContextMenuRequested, view, [view, session, targetOf](const QPoint &at) {
        const QModelIndex index = view->indexAt(at);
        const Target t = index.isValid() ? targetOf(index) : Target{};
        if (t.id.isEmpty() || t.id == session->currentUser().id)
            return;
        HomeClient *home = session->home();
        QMenu menu(view);
        const bool following = home->isFollowing(t.kind, t.id);
        QAction *follow = menu.addAction(t.kind == QLatin1String(protocol::follow::Group)
                                             ? tr("Show %1 in my timeline").arg(t.name)
                                             : tr("Follow %1").arg(t.name));
        follow->setCheckable(true);
        follow->setChecked(following);
        QObject::connect(follow, &QAction::toggled, view,
                         [home, t](bool on) { home->setFollowing(t.kind, t.id, on); });
        if (t.kind == QLatin1String(protocol::follow::Group)) {
            QAction *mute = menu.addAction(tr("Mute notifications from %1").arg(t.name));
            mute->setCheckable(true);
            mute->setChecked(home->isGroupMuted(t.id));
            QObject::connect(mute, &QAction::toggled, view, [home, t](bool on) { home->setGroupMuted(t.id, on); });
        }
        menu.exec(view->viewport()->mapToGlobal(at));
    });
}

} // namespace

void registerBuiltIns(WidgetRegistry &registry)
{
    registry.add({QStringLiteral("news"), [] { return tr("News"); }, news});
    registry.add({QStringLiteral("timeline"), [] { return tr("My timeline"); }, timeline});
    registry.add({QStringLiteral("mentions"), [] { return tr("Mentions"); }, mentions});
    registry.add({QStringLiteral("groups"), [] { return tr("My groups"); }, groups});
    registry.add({QStringLiteral("colleagues"), [] { return tr("New colleagues"); }, colleagues});
}

QWidget *news(Session *session, QWidget *parent)
{
    return listWithEmptyState(session->newsModel(), new NewsListDelegate(nullptr), tr("No news yet."), "homeNewsList",
                              parent);
}

QWidget *timeline(Session *session, QWidget *parent)
{
    FeedDelegate::Parts parts;
    parts.title = [](const QModelIndex &i) {
        return static_cast<TimelineEntry::Kind>(i.data(PersonalTimelineModel::KindRole).toInt())
                       == TimelineEntry::Kind::News
                   ? i.data(PersonalTimelineModel::TextRole).toString()
                   : i.data(PersonalTimelineModel::AuthorNameRole).toString();
    };
    parts.context = kindContext;
    parts.text = [](const QModelIndex &i) {
        return static_cast<TimelineEntry::Kind>(i.data(PersonalTimelineModel::KindRole).toInt())
                       == TimelineEntry::Kind::News
                   ? QString()
                   : i.data(PersonalTimelineModel::TextRole).toString();
    };
    parts.time = [](const QModelIndex &i) { return i.data(PersonalTimelineModel::CreatedRole).toLongLong(); };
    parts.avatar = [](const QModelIndex &i) { return i.data(PersonalTimelineModel::AuthorNameRole).toString(); };
    parts.avatarKey = [](const QModelIndex &i) { return i.data(PersonalTimelineModel::AuthorIdRole).toString(); };
    QWidget *w = listWithEmptyState(session->home()->timeline(), new FeedDelegate(parts),
                                    tr("Follow groups and people to fill your timeline."), "homeTimelineList", parent);
    addFollowMenu(w, session, [](const QModelIndex &i) {
        return Target{QLatin1String(protocol::follow::Person), i.data(PersonalTimelineModel::AuthorIdRole).toString(),
                      i.data(PersonalTimelineModel::AuthorNameRole).toString()};
    });
    return w;
}

QWidget *mentions(Session *session, QWidget *parent)
{
    FeedDelegate::Parts parts;
    parts.title = [](const QModelIndex &i) { return i.data(NotificationsModel::ActorNameRole).toString(); };
    parts.context = [](const QModelIndex &i) {
        const QString group = i.data(NotificationsModel::GroupNameRole).toString();
        return group.isEmpty() ? tr("mentioned you") : tr("mentioned you in %1").arg(group);
    };
    parts.text = [](const QModelIndex &i) { return i.data(NotificationsModel::TextRole).toString(); };
    parts.time = [](const QModelIndex &i) { return i.data(NotificationsModel::CreatedRole).toLongLong(); };
    parts.avatar = [](const QModelIndex &i) { return i.data(NotificationsModel::ActorNameRole).toString(); };
    parts.avatarKey = [](const QModelIndex &i) { return i.data(NotificationsModel::ActorIdRole).toString(); };
    parts.unread = [](const QModelIndex &i) { return !i.data(NotificationsModel::ReadRole).toBool(); };
    return listWithEmptyState(session->home()->mentions(), new FeedDelegate(parts),
                              tr("When someone @mentions you, it shows here."), "homeMentionsList", parent);
}

QWidget *groups(Session *session, QWidget *parent)
{
    auto *mine = new QSortFilterProxyModel(parent);
    mine->setSourceModel(session->groupsModel());
    mine->setFilterRole(GroupsModel::MyRoleRole);
    mine->setFilterRegularExpression(QStringLiteral("."));
    FeedDelegate::Parts parts;
    parts.title = [](const QModelIndex &i) { return i.data(GroupsModel::NameRole).toString(); };
    parts.context = [](const QModelIndex &i) {
        return i.data(GroupsModel::MyRoleRole).toString() == QLatin1String("owner") ? tr("owner") : QString();
    };
    parts.text = [](const QModelIndex &i) { return i.data(GroupsModel::DescriptionRole).toString(); };
    parts.avatar = [](const QModelIndex &i) { return i.data(GroupsModel::NameRole).toString(); };
    parts.avatarKey = [](const QModelIndex &i) { return i.data(GroupsModel::IdRole).toString(); };
    QWidget *w = listWithEmptyState(mine, new FeedDelegate(parts), tr("Join a group on the Groups page."),
                                    "homeGroupsList", parent);
    mine->setParent(w);
    addFollowMenu(w, session, [](const QModelIndex &i) {
        return Target{QLatin1String(protocol::follow::Group), i.data(GroupsModel::IdRole).toString(),
                      i.data(GroupsModel::NameRole).toString()};
    });
    return w;
}

QWidget *colleagues(Session *session, QWidget *parent)
{
    auto *model = new NewColleaguesModel(session->people()->directory(), 90, parent);
    QObject::connect(session, &Session::cacheChanged, model, &NewColleaguesModel::refresh);
    FeedDelegate::Parts parts;
    parts.title = [model](const QModelIndex &i) { return model->card(i.row()).displayName; };
    parts.context = [model](const QModelIndex &i) { return model->card(i.row()).department; };
    parts.text = [model](const QModelIndex &i) {
        const PersonCard &c = model->card(i.row());
        return c.startDate.isEmpty() ? c.title : tr("%1, started %2").arg(c.title, c.startDate);
    };
    parts.avatar = [model](const QModelIndex &i) { return model->card(i.row()).displayName; };
    parts.avatarKey = [model](const QModelIndex &i) { return model->card(i.row()).id; };
    QWidget *w = listWithEmptyState(model, new FeedDelegate(parts), tr("No one new in the last three months."),
                                    "homeColleaguesList", parent);
    model->setParent(w);
    addFollowMenu(w, session, [model](const QModelIndex &i) {
        const PersonCard &c = model->card(i.row());
        return Target{QLatin1String(protocol::follow::Person), c.id, c.displayName};
    });
    return w;
}

} // namespace plein::client::homewidgets
