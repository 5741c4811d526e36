#include "groups/GroupsPage.h"

#include "common/Avatar.h"
#include "common/RelativeTime.h"
#include "common/Theme.h"
#include "protocol/GroupMessages.h"
#include "protocol/ScopeMessages.h"
#include "session/Session.h"
#include "models/Roles.h"
#include "posts/ContentModel.h"
#include "posts/PostsClient.h"
#include "protocol/NewsMessages.h"
#include "timeline/CommentsPanel.h"
#include "timeline/HashtagView.h"
#include "timeline/MentionCompleter.h"
#include "timeline/PostDelegate.h"
#include "timeline/PostWrites.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QScrollBar>
#include <QPainter>
#include <QPainterPath>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace plein::client {

namespace {

QString kindName(const QString &k)
{
    if (k == QLatin1String(protocol::groupkind::Team))
        return GroupsPage::tr("Team");
    if (k == QLatin1String(protocol::groupkind::Department))
        return GroupsPage::tr("Department");
    if (k == QLatin1String(protocol::groupkind::Location))
        return GroupsPage::tr("Location");
    if (k == QLatin1String(protocol::groupkind::Project))
        return GroupsPage::tr("Project");
    return GroupsPage::tr("Interest");
}

QString visibilityName(const QString &v)
{
    if (v == QLatin1String(protocol::visibility::Open))
        return GroupsPage::tr("Open");
    if (v == QLatin1String(protocol::visibility::Closed))
        return GroupsPage::tr("Closed");
    return GroupsPage::tr("Secret");
}

// One group in the list: a coloured initial, the name, and kind · visibility · members.
class GroupDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return {260, QFontMetrics(option.font).height() * 2 + 26};
    }

    void paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        const QRect r = option.rect.adjusted(6, 2, -6, -2);
        const bool selected = option.state & QStyle::State_Selected;
        QPainterPath path;
        path.addRoundedRect(r, 8, 8);
        if (selected)
            p->fillPath(path, theme::accentSoft());
        else if (option.state & QStyle::State_MouseOver)
            p->fillPath(path, QColor(0xF1, 0xF5, 0xF9));
        const QString id = index.data(GroupsModel::IdRole).toString();
        const QString name = index.data(GroupsModel::NameRole).toString();
        const int side = r.height() - 16;
        const QRect tile(r.left() + 8, r.top() + 8, side, side);
        QPainterPath t;
        t.addRoundedRect(tile, 8, 8);
        p->fillPath(t, avatar::colorFor(id));
        QFont bold = option.font;
        bold.setBold(true);
        p->setFont(bold);
        p->setPen(Qt::white);
        p->drawText(tile, Qt::AlignCenter, name.left(1).toUpper());
        const int x = tile.right() + 10;
        const int w = r.right() - x - 8;
        const QFontMetrics fm(bold);
        p->setPen(theme::textPrimary());
        p->drawText(QRect(x, r.top() + 8, w, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                    fm.elidedText(name, Qt::ElideRight, w));
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.9);
        p->setFont(small);
        p->setPen(theme::textSecondary());
        QString meta = kindName(index.data(GroupsModel::KindRole).toString()) + QStringLiteral(" · ")
                       + visibilityName(index.data(GroupsModel::VisibilityRole).toString());
        const QString role = index.data(GroupsModel::MyRoleRole).toString();
        if (!role.isEmpty())
            meta += QStringLiteral(" · ") + GroupsPage::tr("%n member(s)", nullptr, index.data(GroupsModel::MemberCountRole).toInt());
        if (role == QLatin1String(protocol::scope::Owner))
            meta += QStringLiteral(" · ") + GroupsPage::tr("owner");
        if (int waiting = index.data(GroupsModel::RequestCountRole).toInt())
            meta += QStringLiteral(" · ") + GroupsPage::tr("%n waiting", nullptr, waiting);
        p->drawText(QRect(x, r.top() + 10 + fm.height(), w, QFontMetrics(small).height()),
                    Qt::AlignLeft | Qt::AlignVCenter, QFontMetrics(small).elidedText(meta, Qt::ElideRight, w));
        p->restore();
    }
};

} // namespace

GroupsPage::GroupsPage(Session *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("groupsPage"));
    setStyleSheet(QStringLiteral(
        "QFrame#groupCard, QFrame#groupPost { background: white; border: 1px solid %1; border-radius: 10px; }"
        "QLabel#groupName { font-size: 19pt; font-weight: 600; }"
        "QLabel#groupMeta { color: %2; }"
        "QPushButton#groupAction { background: %3; color: white; border: none; border-radius: 7px;"
        " padding: 7px 18px; font-weight: 600; }"
        "QPushButton#groupAction[quiet=\"true\"] { background: white; color: %4; border: 1px solid #CBD5E1; }"
        "QListView#groupList { background: %5; border: none; }")
                      .arg(theme::cardBorder().name(), theme::textSecondary().name(), theme::accent().name(),
                           theme::textPrimary().name(), theme::canvas().name()));

    auto *title = new QLabel(tr("Groups"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    auto *subtitle = new QLabel(tr("Teams, departments, locations, projects and interests"), this);
    subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    auto *create = new QPushButton(tr("New group…"), this);
    create->setObjectName(QStringLiteral("newGroupButton"));
    connect(create, &QPushButton::clicked, this, &GroupsPage::newGroup);
    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    titles->setSpacing(4);
    titles->addWidget(title);
    titles->addWidget(subtitle);
    header->addLayout(titles, 1);
    header->addWidget(create, 0, Qt::AlignBottom);

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("groupList"));
    m_list->setModel(session->groupsModel());
    m_list->setItemDelegate(new GroupDelegate(m_list));
    m_list->setMouseTracking(true);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setFixedWidth(300);
    m_list->setAccessibleName(tr("Groups"));
    connect(m_list, &QListView::clicked, this,
            [this](const QModelIndex &i) { openGroup(i.data(GroupsModel::IdRole).toString()); });

    m_detail = new QWidget(this);
    auto *d = new QVBoxLayout(m_detail);
    d->setContentsMargins(0, 0, 0, 0);
    d->setSpacing(10);
    auto *card = new QFrame(m_detail);
    card->setObjectName(QStringLiteral("groupCard"));
    auto *c = new QVBoxLayout(card);
    c->setContentsMargins(22, 18, 22, 18);
    m_name = new QLabel(card);
    m_name->setObjectName(QStringLiteral("groupName"));
    m_meta = new QLabel(card);
    m_meta->setObjectName(QStringLiteral("groupMeta"));
    m_meta->setWordWrap(true);
    m_description = new QLabel(card);
    m_description->setWordWrap(true);
    m_action = new QPushButton(card);
    m_action->setObjectName(QStringLiteral("groupAction"));
    connect(m_action, &QPushButton::clicked, this, [this] {
        const int row = m_session->groupsModel()->rowOf(m_current);
        if (row < 0)
            return;
        const QModelIndex i = m_session->groupsModel()->index(row);
        if (!i.data(GroupsModel::MyRoleRole).toString().isEmpty() || i.data(GroupsModel::RequestedRole).toBool())
            m_session->leaveGroup(m_current);
        else
            m_session->joinGroup(m_current);
    });
    auto *top = new QHBoxLayout;
    auto *names = new QVBoxLayout;
    names->addWidget(m_name);
    names->addWidget(m_meta);
    top->addLayout(names, 1);
    top->addWidget(m_action, 0, Qt::AlignTop);
    c->addLayout(top);
    c->addWidget(m_description);
    d->addWidget(card);

    m_requestsTitle = new QLabel(m_detail);
    m_requestsTitle->setStyleSheet(QStringLiteral("font-weight: 600;"));
    m_requestsLayout = new QVBoxLayout;
    d->addWidget(m_requestsTitle);
    d->addLayout(m_requestsLayout);

    m_composer = new QFrame(m_detail);
    m_composer->setObjectName(QStringLiteral("groupCard"));
    auto *comp = new QHBoxLayout(m_composer);
    comp->setContentsMargins(14, 12, 14, 12);
    m_postEdit = new QPlainTextEdit(m_composer);
    m_postEdit->setObjectName(QStringLiteral("groupComposerEdit"));
    m_postEdit->setPlaceholderText(tr("Share something with the group… (Markdown)"));
    m_postEdit->setFixedHeight(70);
    new MentionCompleter(session, m_postEdit);
    auto *send = new QPushButton(tr("Post"), m_composer);
    send->setObjectName(QStringLiteral("groupPostButton"));
    connect(send, &QPushButton::clicked, this, &GroupsPage::sendPost);
    comp->addWidget(m_postEdit, 1);
    comp->addWidget(send, 0, Qt::AlignBottom);
    d->addWidget(m_composer);

    m_postsTitle = new QLabel(m_detail);
    m_postsTitle->setObjectName(QStringLiteral("hintLabel"));
    d->addWidget(m_postsTitle);
    m_postList = new QListView(m_detail);
    m_postList->setObjectName(QStringLiteral("groupPostList"));
    m_postList->setModel(session->posts()->groupPosts());
    m_postDelegate = new PostDelegate(PostDelegate::Mode::Post, m_postList);
    m_postDelegate->setCurrentUserName(session->userName());
    m_postList->setItemDelegate(m_postDelegate);
    m_postList->setUniformItemSizes(false);
    m_postList->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_postList->verticalScrollBar()->setSingleStep(20);
    m_postList->setResizeMode(QListView::Adjust);
    m_postList->setFrameShape(QFrame::NoFrame);
    m_postList->setMouseTracking(true);
    m_postList->setContextMenuPolicy(Qt::CustomContextMenu);
    m_postList->setStyleSheet(QStringLiteral("QListView#groupPostList { background: %1; }").arg(theme::canvas().name()));
    d->addWidget(m_postList, 1);
    connect(m_postDelegate, &PostDelegate::likeToggled, this, [this](const QModelIndex &i, bool on) {
        postwrites::react(m_session, this, i, QLatin1String(protocol::reaction::Like), on);
    });
    connect(m_postDelegate, &PostDelegate::reactionToggled, this,
            [this](const QModelIndex &i, const QString &r, bool on) { postwrites::react(m_session, this, i, r, on); });
    connect(m_postDelegate, &PostDelegate::commentsClicked, this, &GroupsPage::openComments);
    connect(m_postDelegate, &PostDelegate::linkActivated, this,
            [this](const QString &href) { followLink(m_session, this, href); });
    connect(m_postList, &QWidget::customContextMenuRequested, this, &GroupsPage::showPostMenu);
    connect(m_postList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &i) { openComments(i); });

    m_comments = new CommentsPanel(session, this, session->posts()->groupComments());
    m_comments->setMinimumWidth(300);
    m_comments->setMaximumWidth(380);
    m_comments->hide();
    connect(m_comments, &CommentsPanel::closeRequested, this, [this] {
        m_comments->hide();
        m_postList->selectionModel()->clear();
    });

    auto *holder = new QWidget(this);
    auto *h = new QVBoxLayout(holder);
    h->setContentsMargins(4, 4, 4, 4);
    h->addWidget(m_detail, 1);
    m_empty = new QLabel(tr("Choose a group on the left, or start a new one."), holder);
    m_empty->setObjectName(QStringLiteral("hintLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    h->addWidget(m_empty, 1);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(12);
    columns->addWidget(m_list);
    columns->addWidget(holder, 1);
    columns->addWidget(m_comments);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->addLayout(header);
    layout->addSpacing(10);
    layout->addLayout(columns, 1);

    connect(session, &Session::cacheChanged, this, &GroupsPage::showGroup);
    connect(session->groupsModel(), &QAbstractItemModel::modelReset, this, [this] {
        const int row = m_session->groupsModel()->rowOf(m_current);
        if (row >= 0)
            m_list->setCurrentIndex(m_session->groupsModel()->index(row));
        showGroup();
    });
    showGroup();
}

bool GroupsPage::openGroup(const QString &id)
{
    const int row = m_session->groupsModel()->rowOf(id);
    if (row < 0)
        return false;
    m_current = id;
    m_list->setCurrentIndex(m_session->groupsModel()->index(row));
    m_shownRequests.clear();
    showGroup();
    return true;
}

void GroupsPage::showGroup()
{
    GroupsModel *model = m_session->groupsModel();
    const int row = model->rowOf(m_current);
    m_detail->setVisible(row >= 0);
    m_empty->setVisible(row < 0);
    if (row < 0)
        return;
    const QModelIndex i = model->index(row);
    const QString role = i.data(GroupsModel::MyRoleRole).toString();
    const bool member = !role.isEmpty();
    const QString visibility = i.data(GroupsModel::VisibilityRole).toString();
    m_name->setText(i.data(GroupsModel::NameRole).toString());
    QString meta = kindName(i.data(GroupsModel::KindRole).toString()) + QStringLiteral(" · ")
                   + visibilityName(visibility) + tr(" group");
    if (member) {
        const QStringList names = model->memberNames(m_current);
        meta += QStringLiteral(" · ") + tr("%n member(s)", nullptr, int(names.size())) + QStringLiteral(": ")
                + names.mid(0, 6).join(QStringLiteral(", ")) + (names.size() > 6 ? QStringLiteral(" …") : QString());
    }
    m_meta->setText(meta);
    m_description->setText(i.data(GroupsModel::DescriptionRole).toString());
    m_description->setVisible(!m_description->text().isEmpty());
    const bool requested = i.data(GroupsModel::RequestedRole).toBool();
    m_action->setText(member      ? tr("Leave")
                      : requested ? tr("Withdraw request")
                      : visibility == QLatin1String(protocol::visibility::Closed) ? tr("Ask to join")
                                                                                 : tr("Join"));
    m_action->setProperty("quiet", member || requested);
    m_action->style()->unpolish(m_action);
    m_action->style()->polish(m_action);
    m_composer->setVisible(member);

    const QList<GroupRequestRow> requests =
        role == QLatin1String(protocol::scope::Owner) ? model->requests(m_current) : QList<GroupRequestRow>();
    if (requests != m_shownRequests) {
        m_shownRequests = requests;
        while (QLayoutItem *item = m_requestsLayout->takeAt(0)) {
            delete item->widget();
            delete item;
        }
        for (const GroupRequestRow &r : requests) {
            auto *line = new QFrame(m_detail);
            line->setObjectName(QStringLiteral("groupPost"));
            auto *l = new QHBoxLayout(line);
            l->setContentsMargins(14, 8, 10, 8);
            l->addWidget(new QLabel(tr("%1 asks to join").arg(r.name), line), 1);
            auto *approve = new QPushButton(tr("Approve"), line);
            approve->setObjectName(QStringLiteral("approveButton"));
            auto *decline = new QPushButton(tr("Decline"), line);
            const QString user = r.userId;
            connect(approve, &QPushButton::clicked, this,
                    [this, user] { m_session->setGroupMember(m_current, user, QLatin1String(protocol::scope::MemberRole)); });
            connect(decline, &QPushButton::clicked, this, [this, user] { m_session->setGroupMember(m_current, user, {}); });
            l->addWidget(approve);
            l->addWidget(decline);
            m_requestsLayout->addWidget(line);
        }
    }
    m_requestsTitle->setVisible(!requests.isEmpty());
    m_requestsTitle->setText(tr("Waiting for your approval"));

    m_session->posts()->groupPosts()->setKey(member ? m_current : QString());
    const bool none = m_session->posts()->groupPosts()->rowCount() == 0;
    m_postsTitle->setText(member ? (none ? tr("No posts yet. Start the conversation!") : QString())
                                 : visibility == QLatin1String(protocol::visibility::Closed)
                                       ? tr("Posts are for members. Ask to join to read along.")
                                       : tr("Posts are for members. Join to read along."));
    m_postsTitle->setVisible(!m_postsTitle->text().isEmpty());
    m_postList->setVisible(member && !none);
    if (!member)
        m_comments->hide();
}

void GroupsPage::openComments(const QModelIndex &index)
{
    if (!index.isValid() || index.data(DeletedRole).toBool())
        return;
    if (m_comments->postId() != index.data(IdRole).toString() || !m_comments->isVisible())
        m_comments->showPost(index);
    m_comments->show();
}

void GroupsPage::showPostMenu(const QPoint &pos)
{
    const QModelIndex index = m_postList->indexAt(pos);
    if (!index.isValid())
        return;
    QMenu menu(this);
    if (!index.data(DeletedRole).toBool())
        connect(menu.addAction(tr("Show c&omments")), &QAction::triggered, this, [this, index] { openComments(index); });
    postwrites::addActions(menu, m_session, this, index, false);
    if (!menu.isEmpty())
        menu.exec(m_postList->viewport()->mapToGlobal(pos));
}

void GroupsPage::sendPost()
{
    QString error;
    if (!m_session->postInGroup(m_current, m_postEdit->toPlainText(), &error).isEmpty())
        m_postEdit->clear();
}

void GroupsPage::newGroup()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("New group"));
    auto *form = new QFormLayout(&dialog);
    auto *name = new QLineEdit(&dialog);
    auto *description = new QPlainTextEdit(&dialog);
    description->setFixedHeight(80);
    auto *kind = new QComboBox(&dialog);
    for (const char *k : {protocol::groupkind::Team, protocol::groupkind::Department, protocol::groupkind::Location,
                          protocol::groupkind::Project, protocol::groupkind::Interest})
        kind->addItem(kindName(QLatin1String(k)), QLatin1String(k));
    auto *visibility = new QComboBox(&dialog);
    visibility->addItem(tr("Open: anyone can join"), QLatin1String(protocol::visibility::Open));
    visibility->addItem(tr("Closed: people ask, owners approve"), QLatin1String(protocol::visibility::Closed));
    const QString role = m_session->currentUser().role;
    if (role == QLatin1String(plein::role::Editor) || role == QLatin1String(plein::role::Admin))
        visibility->addItem(tr("Secret: only members know it exists"), QLatin1String(protocol::visibility::Secret));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    form->addRow(tr("Name"), name);
    form->addRow(tr("Description"), description);
    form->addRow(tr("Kind"), kind);
    form->addRow(tr("Visibility"), visibility);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    const QString id = m_session->createGroup(name->text(), description->toPlainText(), kind->currentData().toString(),
                                              visibility->currentData().toString(), &error);
    if (!id.isEmpty())
        openGroup(id);
}

} // namespace plein::client
