#include "shell/MainWindow.h"

#include "common/Avatar.h"
#include "common/NavIcons.h"
#include "chat/ChatPage.h"
#include "common/PlaceholderPage.h"
#include "people/ExpertNotices.h"
#include "people/ExpertsPage.h"
#include "people/PeopleService.h"
#include "people/PeoplePage.h"
#include "common/Resources.h"
#include "common/Theme.h"
#include "session/Session.h"
#include "session/TokenStore.h"
#include "blog/BlogPage.h"
#include "groups/GroupsPage.h"
#include "news/NewsPage.h"
#include "settings/SettingsPage.h"
#include "shell/StatusIndicator.h"
#include "timeline/TimelinePage.h"
#include "home/HomeClient.h"
#include "home/HomePage.h"
#include "notifications/NotificationBell.h"
#include "notifications/NotificationsPage.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QVBoxLayout>

namespace plein::client {

namespace {
navicons::Glyph glyphFor(MainWindow::Page page)
{
    return static_cast<navicons::Glyph>(static_cast<int>(page));
}
} // namespace

MainWindow::MainWindow(const QString &profileDir, Session *session, TokenStore *tokens, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_tokens(tokens)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Plein"));
    setWindowIcon(appIcon());
    resize(1180, 780);

    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pages"));
    m_timeline = new TimelinePage(session, m_pages);
    m_settings = new SettingsPage(profileDir, session, tokens, m_pages);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildSidebar());
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_home = new HomePage(profileDir, session, m_timeline, m_pages);
    addPage(Page::Home, tr("Home"), m_home);
    addPage(Page::News, tr("News"), new NewsPage(session, m_pages));
    addPage(Page::Groups, tr("Groups"), new GroupsPage(session, m_pages));
    addPage(Page::Blogs, tr("Blogs"), new BlogPage(session, m_pages));
    auto *chat = new ChatPage(session, m_pages);
    addPage(Page::Chat, tr("Chat"), chat);
    auto *people = new PeoplePage(session, m_pages);
    addPage(Page::People, tr("People"), people);
    // "Message" on a profile opens the direct conversation in Chat.
    connect(people, &PeoplePage::chatRoomRequested, this, [this, chat](const QString &room) {
        m_navigation->setCurrentRow(int(Page::Chat));
        chat->openRoom(room);
    });
    auto *experts = new ExpertsPage(session, people->photos(), m_pages);
    addPage(Page::Experts, tr("Experts"), experts);
    // Questions asked of me and answers to mine count on the item until the page is seen.
    connect(session->people()->notices(), &ExpertNotices::unseenChanged, this, [this](int unseen) {
        QListWidgetItem *item = m_navigation->item(int(Page::Experts));
        item->setText(unseen > 0 ? tr("Experts (%1)").arg(unseen) : tr("Experts"));
        QFont font = item->font();
        font.setBold(unseen > 0);
        item->setFont(font);
        item->setToolTip(unseen > 0 ? tr("%n new question(s) or answer(s)", nullptr, unseen) : QString());
    });
    session->people()->notices()->check();
    // An expert's profile opens on the People page.
    connect(experts, &ExpertsPage::personRequested, this, [this, people](const QString &id) {
        people->showPerson(id);
        m_navigation->setCurrentRow(int(Page::People));
    });
    addPage(Page::Documents, tr("Documents"),
            new PlaceholderPage(tr("Documents"),
                                tr("Group libraries of versioned files and pages, kept offline when you ask for "
                                   "it."),
                                m_pages));
    addPage(Page::Analytics, tr("Analytics"),
            new PlaceholderPage(tr("Analytics"),
                                tr("For administrators: active users, engagement per group and department, and "
                                   "news reach. Always aggregated, never about one person."),
                                m_pages));
    addPage(Page::Settings, tr("Settings"), m_settings);
    // Notifications: a page in the stack without a navigation row, opened by the bell.
    m_notifications = new NotificationsPage(session, m_pages);
    m_pages->addWidget(m_notifications);
    connect(m_bell, &NotificationBell::clicked, this, &MainWindow::showNotifications);
    // Opening a notification goes to where its item lives.
    connect(m_notifications, &NotificationsPage::itemRequested, this, [this](const QString &kind, const QString &) {
        if (kind == QLatin1String("news"))
            showPage(Page::News);
        else if (kind == QLatin1String("group_post"))
            showPage(Page::Groups);
        else if (kind == QLatin1String("question"))
            showPage(Page::Experts);
        else {
            showPage(Page::Home);
            m_home->showCompanyTimeline();
        }
    });
    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, [this](int row) {
        if (row >= 0)
            m_pages->setCurrentIndex(row);
    });
    connect(session->home(), &HomeClient::unreadCountChanged, this, &MainWindow::updateUnread);
    updateUnread(session->home()->unreadCount());
    // The tray shows new notifications while the window is hidden or in the background.
    // It reuses the window's one tray icon (made by the Chat page), as the Experts page does.
    connect(session->home(), &HomeClient::notify, this, [this](const QString &, const QString &title, const QString &text) {
        auto *tray = findChild<QSystemTrayIcon *>();
        if (tray && (!isVisible() || isMinimized() || !isActiveWindow()))
            tray->showMessage(title, text, QSystemTrayIcon::Information, 6000);
    });
    m_navigation->setCurrentRow(0);

    // Menus
    QMenu *account = menuBar()->addMenu(tr("&Account"));
    QAction *signOut = account->addAction(tr("Sign &out"));
    signOut->setObjectName(QStringLiteral("signOutAction"));
    connect(signOut, &QAction::triggered, this, &MainWindow::signOutRequested);
    account->addSeparator();
    QAction *quit = account->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setObjectName(QStringLiteral("quitAction"));
    connect(quit, &QAction::triggered, qApp, &QApplication::quit, Qt::QueuedConnection);
    QMenu *go = menuBar()->addMenu(tr("&Go"));
    for (int row = 0; row < m_navigation->count(); ++row) {
        QAction *action = go->addAction(m_navigation->item(row)->icon(), m_navigation->item(row)->text());
        if (row < 9)
            action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + row)));
        connect(action, &QAction::triggered, this, [this, row] { m_navigation->setCurrentRow(row); });
    }
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    connect(help->addAction(tr("&About Plein")), &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_settings, &SettingsPage::signOutRequested, this, &MainWindow::signOutRequested);

    // Status bar: passing messages on the left; the keychain fallback note (when it applies)
    // and the connection on the right, where messages never cover them.
    m_status = new StatusIndicator(session, this);
    m_keychainNote = new QLabel(this);
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setStyleSheet(QStringLiteral("color: %1;").arg(theme::textSecondary().name()));
    statusBar()->addPermanentWidget(m_keychainNote);
    statusBar()->addPermanentWidget(m_status);
    statusBar()->setSizeGripEnabled(false);
    connect(m_tokens, &TokenStore::backendChanged, this, &MainWindow::refreshKeychainNote);
    refreshKeychainNote();

    connect(m_session, &Session::writeFailed, this, [this](const QString &op, const QString &, const QString &message) {
        statusBar()->showMessage(m_session->refusalNotice(op, message), 15000);
    });
    connect(m_session, &Session::synced, this, &MainWindow::refreshUser);
    connect(m_session, &Session::signedIn, this, &MainWindow::refreshUser);
    refreshUser();
}

QWidget *MainWindow::buildSidebar()
{
    auto *sidebar = new QWidget(this);
    sidebar->setObjectName(QStringLiteral("sidebar"));
    sidebar->setAttribute(Qt::WA_StyledBackground);
    sidebar->setFixedWidth(220);

    auto *logo = new QLabel(sidebar);
    logo->setPixmap(appIcon().pixmap(QSize(30, 30)));
    auto *brand = new QLabel(tr("Plein"), sidebar);
    brand->setObjectName(QStringLiteral("brandLabel"));
    auto *brandRow = new QHBoxLayout;
    brandRow->setContentsMargins(20, 20, 20, 16);
    brandRow->setSpacing(10);
    brandRow->addWidget(logo);
    brandRow->addWidget(brand, 1);
    m_bell = new NotificationBell(sidebar);
    brandRow->addWidget(m_bell);

    m_navigation = new QListWidget(sidebar);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_userAvatar = new QLabel(sidebar);
    m_userAvatar->setFixedSize(36, 36);
    m_userName = new QLabel(sidebar);
    m_userName->setObjectName(QStringLiteral("userNameLabel"));
    m_userDetail = new QLabel(sidebar);
    m_userDetail->setObjectName(QStringLiteral("userDetailLabel"));
    auto *userText = new QVBoxLayout;
    userText->setSpacing(0);
    userText->addWidget(m_userName);
    userText->addWidget(m_userDetail);
    auto *userRow = new QHBoxLayout;
    userRow->setContentsMargins(18, 12, 12, 18);
    userRow->setSpacing(10);
    userRow->addWidget(m_userAvatar);
    userRow->addLayout(userText, 1);

    auto *layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(brandRow);
    layout->addWidget(m_navigation, 1);
    layout->addLayout(userRow);
    return sidebar;
}

void MainWindow::addPage(Page page, const QString &label, QWidget *widget)
{
    auto *item = new QListWidgetItem(navicons::icon(glyphFor(page), theme::sidebarText(), Qt::white), label);
    item->setData(Qt::UserRole, QVariant::fromValue(page));
    m_navigation->addItem(item);
    m_pages->addWidget(widget);
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(static_cast<int>(page));
}

void MainWindow::showNotifications()
{
    m_navigation->setCurrentRow(-1);
    m_pages->setCurrentWidget(m_notifications);
}

void MainWindow::updateUnread(int unread)
{
    m_bell->setCount(unread);
    setWindowTitle(unread > 0 ? tr("(%1) Plein").arg(unread) : tr("Plein"));
}

MainWindow::Page MainWindow::currentPage() const
{
    return static_cast<Page>(m_navigation->currentRow());
}

TimelinePage *MainWindow::timelinePage() const
{
    return m_timeline;
}

StatusIndicator *MainWindow::statusIndicator() const
{
    return m_status;
}

void MainWindow::refreshUser()
{
    const Person me = m_session->currentUser();
    const QString name = me.displayName.isEmpty() ? m_session->userName() : me.displayName;
    m_userName->setText(name);
    m_userDetail->setText(me.department.isEmpty() ? m_session->server().host() : me.department);

    const qreal dpr = devicePixelRatioF();
    QPixmap pixmap(QSize(36, 36) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    avatar::paint(&painter, QRectF(0, 0, 36, 36), avatar::initialsFor(name), me.id.isEmpty() ? name : me.id);
    painter.end();
    m_userAvatar->setPixmap(pixmap);
}

void MainWindow::refreshKeychainNote()
{
    const bool file = m_tokens->usingFileFallback();
    m_keychainNote->setText(file ? tr("No system keychain found; your session is stored in a file in your profile")
                                 : QString());
    m_keychainNote->setToolTip(file ? m_tokens->fallbackFilePath() : QString());
    m_keychainNote->setVisible(file);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Plein"),
                       tr("<h3>Plein %1</h3><p>The square where your organisation meets: news, groups, "
                          "people and conversations, also when you are offline.</p>")
                           .arg(QStringLiteral(PLEIN_VERSION)));
}

} // namespace plein::client
