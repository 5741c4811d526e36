#include "home/HomePage.h"

#include "common/Settings.h"
#include "common/Theme.h"
#include "home/HomeClient.h"
#include "home/WidgetRegistry.h"
#include "session/Session.h"

#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTime>
#include <QToolButton>
#include <QVBoxLayout>

namespace plein::client {

namespace {
constexpr char TabKey[] = "ui/homeTab";   // "start" or "company"
} // namespace

HomePage::HomePage(const QString &profileDir, Session *session, QWidget *companyTimeline, QWidget *parent)
    : QWidget(parent), m_profileDir(profileDir), m_session(session)
{
    setObjectName(QStringLiteral("homePage"));
    setStyleSheet(QStringLiteral(
        "QFrame#homeCard { background: white; border: 1px solid %1; border-radius: 10px; }"
        "QLabel#homeCardTitle { font-size: 11.5pt; font-weight: 600; color: %2; }"
        "QToolButton#homeCardButton { border: none; border-radius: 5px; padding: 2px 6px; color: %3; }"
        "QToolButton#homeCardButton:hover { background: %4; color: %2; }"
        "QToolButton#homeCardButton:disabled { color: %1; }"
        "QToolButton#homeAddButton { background: %5; color: white; border: none; border-radius: 7px;"
        " padding: 7px 14px; font-weight: 600; }"
        "QToolButton#homeAddButton:hover { background: %6; }"
        "QToolButton#homeAddButton::menu-indicator { image: none; width: 0; }"
        "QLabel#homeEmpty { color: %3; padding: 16px; }"
        "QScrollArea#homeScroll, QWidget#homeGrid { background: %4; border: none; }"
        "QListView { background: white; border: none; }"
        "QToolButton#homeTabStart, QToolButton#homeTabCompany { border: none; border-bottom: 2px solid transparent;"
        " padding: 6px 2px; margin-right: 18px; color: %3; font-weight: 600; font-size: 10.5pt; }"
        "QToolButton#homeTabStart:checked, QToolButton#homeTabCompany:checked { color: %5; border-bottom: 2px solid %5; }"
        "QToolButton#homeTabStart:hover, QToolButton#homeTabCompany:hover { color: %2; }")
                      .arg(theme::cardBorder().name(), theme::textPrimary().name(), theme::textSecondary().name(),
                           theme::canvas().name(), theme::accent().name(), theme::accent().darker(115).name()));

    // The start page: title, greeting, add button, the grid of cards.
    auto *start = new QWidget(this);
    auto *title = new QLabel(tr("Home"), start);
    title->setObjectName(QStringLiteral("pageTitle"));
    m_greeting = new QLabel(start);
    m_greeting->setObjectName(QStringLiteral("pageSubtitle"));
    m_add = new QToolButton(start);
    m_add->setObjectName(QStringLiteral("homeAddButton"));
    m_add->setText(tr("+ Add widget"));
    m_add->setPopupMode(QToolButton::InstantPopup);
    m_add->setCursor(Qt::PointingHandCursor);
    m_add->setMenu(new QMenu(m_add));
    auto *titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(title);
    titles->addWidget(m_greeting);
    auto *header = new QHBoxLayout;
    header->addLayout(titles, 1);
    header->addWidget(m_add, 0, Qt::AlignBottom);

    auto *scroll = new QScrollArea(start);
    scroll->setObjectName(QStringLiteral("homeScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_grid = new QWidget(scroll);
    m_grid->setObjectName(QStringLiteral("homeGrid"));
    m_gridLayout = new QGridLayout(m_grid);
    m_gridLayout->setContentsMargins(0, 0, 0, 0);
    m_gridLayout->setSpacing(16);
    scroll->setWidget(m_grid);

    auto *startLayout = new QVBoxLayout(start);
    startLayout->setContentsMargins(28, 8, 28, 16);
    startLayout->setSpacing(16);
    startLayout->addLayout(header);
    startLayout->addWidget(scroll, 1);

    // Tabs: the start page, and the company timeline with its composer.
    auto tab = [this](const QString &text, const char *name) {
        auto *b = new QToolButton(this);
        b->setObjectName(QLatin1String(name));
        b->setText(text);
        b->setCheckable(true);
        b->setAutoExclusive(true);
        b->setCursor(Qt::PointingHandCursor);
        return b;
    };
    m_startTab = tab(tr("For you"), "homeTabStart");
    m_companyTab = tab(tr("Company timeline"), "homeTabCompany");
    auto *tabs = new QHBoxLayout;
    tabs->setContentsMargins(28, 14, 28, 0);
    tabs->addWidget(m_startTab);
    tabs->addWidget(m_companyTab);
    tabs->addStretch(1);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(start);
    companyTimeline->setParent(m_stack);
    m_stack->addWidget(companyTimeline);
    connect(m_startTab, &QToolButton::clicked, this, [this] {
        showStartPage();
        rememberTab(false);
    });
    connect(m_companyTab, &QToolButton::clicked, this, [this] {
        showCompanyTimeline();
        rememberTab(true);
    });
    if (settings::open(m_profileDir)->value(QLatin1String(TabKey)).toString() == QLatin1String("company"))
        showCompanyTimeline();
    else
        showStartPage();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(tabs);
    layout->addWidget(m_stack, 1);

    HomeClient *home = session->home();
    connect(home, &HomeClient::layoutChanged, this, &HomePage::rebuild);
    connect(session, &Session::synced, this, &HomePage::refreshGreeting);
    refreshGreeting();
    rebuild(home->layout());
}

void HomePage::showStartPage()
{
    m_startTab->setChecked(true);
    m_stack->setCurrentIndex(0);
}

void HomePage::showCompanyTimeline()
{
    m_companyTab->setChecked(true);
    m_stack->setCurrentIndex(1);
}

void HomePage::rememberTab(bool company)
{
    settings::open(m_profileDir)->setValue(QLatin1String(TabKey),
                                           company ? QStringLiteral("company") : QStringLiteral("start"));
}

void HomePage::refreshGreeting()
{
    const int hour = QTime::currentTime().hour();
    const QString name = m_session->currentUser().displayName.section(QLatin1Char(' '), 0, 0);
    const QString hello = hour < 12 ? tr("Good morning") : hour < 18 ? tr("Good afternoon") : tr("Good evening");
    m_greeting->setText(name.isEmpty() ? hello : tr("%1, %2").arg(hello, name));
}

void HomePage::save(const QStringList &layout)
{
    // The cache changes at once and HomeClient::layoutChanged rebuilds the page.
    m_session->home()->setLayout(layout);
}

QWidget *HomePage::card(const QString &id, const QString &title, QWidget *body, int index, int count)
{
    auto *frame = new QFrame(m_grid);
    frame->setObjectName(QStringLiteral("homeCard"));
    frame->setProperty("widgetId", id);
    frame->setMinimumHeight(300);
    auto *label = new QLabel(title, frame);
    label->setObjectName(QStringLiteral("homeCardTitle"));
    auto button = [frame](const QString &text, const QString &tip, const char *name) {
        auto *b = new QToolButton(frame);
        b->setObjectName(QStringLiteral("homeCardButton"));
        b->setProperty("action", QLatin1String(name));
        b->setText(text);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        b->setCursor(Qt::PointingHandCursor);
        return b;
    };
    QToolButton *earlier = button(QStringLiteral("\u2191"), tr("Move up"), "up");
    QToolButton *later = button(QStringLiteral("\u2193"), tr("Move down"), "down");
    QToolButton *remove = button(QStringLiteral("\u2715"), tr("Remove from Home"), "remove");
    earlier->setEnabled(index > 0);
    later->setEnabled(index < count - 1);
    // Swapped within the whole stored layout, so ids this client does not show keep their place.
    auto swapWith = [this, index](int other) {
        QStringList l = m_session->home()->layout();
        l.swapItemsAt(l.indexOf(m_shown.at(index)), l.indexOf(m_shown.at(other)));
        save(l);
    };
    connect(earlier, &QToolButton::clicked, this, [swapWith, index] { swapWith(index - 1); });
    connect(later, &QToolButton::clicked, this, [swapWith, index] { swapWith(index + 1); });
    connect(remove, &QToolButton::clicked, this, [this, id] {
        QStringList l = m_session->home()->layout();
        l.removeAll(id);
        save(l);
    });
    auto *head = new QHBoxLayout;
    head->setContentsMargins(16, 12, 10, 6);
    head->addWidget(label, 1);
    head->addWidget(earlier);
    head->addWidget(later);
    head->addWidget(remove);
    auto *v = new QVBoxLayout(frame);
    v->setContentsMargins(0, 0, 0, 8);
    v->setSpacing(0);
    v->addLayout(head);
    body->setParent(frame);
    v->addWidget(body, 1);
    return frame;
}

void HomePage::rebuild(const QStringList &layout)
{
    // Later, not now: this may run inside a click on a button of the card being replaced.
    while (QLayoutItem *item = m_gridLayout->takeAt(0)) {
        if (QWidget *w = item->widget()) {
            w->hide();
            w->deleteLater();
        }
        delete item;
    }
    // Ids nobody registered (a newer client's widgets) stay in the layout but are not shown.
    const WidgetRegistry &registry = WidgetRegistry::instance();
    m_shown.clear();
    for (const QString &id : layout)
        if (registry.find(id))
            m_shown.append(id);
    for (int i = 0; i < m_shown.size(); ++i) {
        const HomeWidgetKind *kind = registry.find(m_shown.at(i));
        QWidget *body = kind->make(m_session, m_grid);
        m_gridLayout->addWidget(card(kind->id, kind->title(), body, int(i), int(m_shown.size())), int(i / 2),
                                int(i % 2));
    }
    if (m_shown.isEmpty()) {
        auto *empty = new QLabel(tr("Your start page is empty. Add widgets with the button above."), m_grid);
        empty->setObjectName(QStringLiteral("homeEmpty"));
        empty->setAlignment(Qt::AlignCenter);
        m_gridLayout->addWidget(empty, 0, 0, 1, 2);
    }
    for (int r = 0; r < m_gridLayout->rowCount(); ++r)
        m_gridLayout->setRowStretch(r, 0);
    m_gridLayout->setColumnStretch(0, 1);
    m_gridLayout->setColumnStretch(1, 1);
    m_gridLayout->setRowStretch(int((m_shown.size() + 1) / 2), 1);
    fillAddMenu();
}

void HomePage::fillAddMenu()
{
    QMenu *menu = m_add->menu();
    menu->clear();
    const QStringList layout = m_session->home()->layout();
    for (const HomeWidgetKind &kind : WidgetRegistry::instance().kinds()) {
        if (layout.contains(kind.id))
            continue;
        QAction *a = menu->addAction(kind.title());
        a->setObjectName(QStringLiteral("addWidget-") + kind.id);
        connect(a, &QAction::triggered, this, [this, id = kind.id] {
            QStringList l = m_session->home()->layout();
            l.append(id);
            save(l);
        });
    }
    m_add->setEnabled(!menu->isEmpty());
}

} // namespace plein::client
