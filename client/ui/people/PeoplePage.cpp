#include "people/PeoplePage.h"

#include "common/Theme.h"
#include "models/PeopleModel.h"
#include "people/FaceGrid.h"
#include "people/OrgChartView.h"
#include "people/PeopleService.h"
#include "people/PhotoLoader.h"
#include "people/ProfileView.h"
#include "chat/ChatClient.h"
#include "session/Session.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace plein::client {

PeoplePage::PeoplePage(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_people(session->people()),
      m_photos(new PhotoLoader(m_people, this)), m_model(new PeopleModel(m_people->directory(), this)),
      m_search(new QLineEdit), m_department(new QComboBox), m_location(new QComboBox), m_count(new QLabel),
      m_facesButton(new QToolButton), m_chartButton(new QToolButton), m_stack(new QStackedWidget),
      m_grid(new FaceGrid(m_photos)),
      m_profile(new ProfileView(m_people, m_photos, session)), m_chart(new OrgChartView(m_people, m_photos))
{
    setObjectName(QStringLiteral("peoplePage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // The bar: search, filters, count, and the two views.
    auto *bar = new QWidget;
    bar->setObjectName(QStringLiteral("peopleBar"));
    bar->setStyleSheet(QStringLiteral("QWidget#peopleBar { background: white; border-bottom: 1px solid %1; }")
                           .arg(theme::cardBorder().name()));
    auto *b = new QHBoxLayout(bar);
    b->setContentsMargins(20, 12, 20, 12);
    m_search->setPlaceholderText(tr("Search people by name, title or skill"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(300);
    b->addWidget(m_search, 2);
    m_department->setMinimumWidth(170);
    m_location->setMinimumWidth(140);
    b->addWidget(m_department);
    b->addWidget(m_location);
    m_count->setStyleSheet(QStringLiteral("color: %1;").arg(theme::textSecondary().name()));
    b->addWidget(m_count, 1);
    auto *group = new QButtonGroup(this);
    for (QToolButton *t : {m_facesButton, m_chartButton}) {
        t->setCheckable(true);
        t->setAutoRaise(true);
        t->setStyleSheet(QStringLiteral("QToolButton { padding: 5px 12px; border-radius: 6px; }"
                                        "QToolButton:checked { background: %1; color: %2; font-weight: 600; }")
                             .arg(theme::accentSoft().name(), theme::accent().name()));
        group->addButton(t);
        b->addWidget(t);
    }
    m_facesButton->setText(tr("Faces"));
    m_chartButton->setText(tr("Org chart"));
    m_facesButton->setChecked(true);
    layout->addWidget(bar);

    m_grid->setModel(m_model);
    m_stack->addWidget(m_grid);
    m_stack->addWidget(m_profile);
    m_stack->addWidget(m_chart);
    layout->addWidget(m_stack, 1);

    connect(m_search, &QLineEdit::textChanged, this, &PeoplePage::applyFilter);
    connect(m_department, &QComboBox::currentIndexChanged, this, &PeoplePage::applyFilter);
    connect(m_location, &QComboBox::currentIndexChanged, this, &PeoplePage::applyFilter);
    connect(m_grid, &QListView::activated, this,
            [this](const QModelIndex &i) { showPerson(i.data(PeopleModel::IdRole).toString()); });
    connect(m_grid, &QListView::clicked, this,
            [this](const QModelIndex &i) { showPerson(i.data(PeopleModel::IdRole).toString()); });
    connect(m_facesButton, &QToolButton::clicked, this, &PeoplePage::showGrid);
    connect(m_chartButton, &QToolButton::clicked, this, [this] {
        showOrgChart(m_profile->current().isEmpty() ? m_people->currentUserId() : m_profile->current());
    });
    connect(m_profile, &ProfileView::personRequested, this, &PeoplePage::showPerson);
    connect(m_profile, &ProfileView::orgChartRequested, this, &PeoplePage::showOrgChart);
    connect(m_profile, &ProfileView::messageRequested, this, &PeoplePage::message);
    connect(m_chart, &OrgChartView::profileRequested, this, &PeoplePage::showPerson);

    m_refresh.setSingleShot(true);
    m_refresh.setInterval(400);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        refreshChoices();
        m_model->refresh();
        updateCount();
        if (m_stack->currentWidget() == m_profile)
            m_profile->rebuild();
    });
    connect(m_session, &Session::cacheChanged, &m_refresh, qOverload<>(&QTimer::start));
    refreshChoices();
    applyFilter();
}

void PeoplePage::refreshChoices()
{
    const auto fill = [](QComboBox *box, const QString &all, const QStringList &items) {
        const QString current = box->currentIndex() > 0 ? box->currentText() : QString();
        const QSignalBlocker block(box);
        box->clear();
        box->addItem(all);
        box->addItems(items);
        const int i = box->findText(current);
        box->setCurrentIndex(i > 0 ? i : 0);
    };
    fill(m_department, tr("All departments"), m_people->directory().departments());
    fill(m_location, tr("All locations"), m_people->directory().locations());
}

void PeoplePage::applyFilter()
{
    PeopleDirectory::Filter f;
    f.text = m_search->text();
    f.department = m_department->currentIndex() > 0 ? m_department->currentText() : QString();
    f.location = m_location->currentIndex() > 0 ? m_location->currentText() : QString();
    m_model->setFilter(f);
    updateCount();
    if (m_stack->currentWidget() != m_grid)
        showGrid();
}

void PeoplePage::updateCount()
{
    const int n = m_model->totalCount();
    m_count->setText(n == 1 ? tr("1 colleague") : tr("%1 colleagues").arg(n));
}

void PeoplePage::setSearchText(const QString &text)
{
    m_search->setText(text);
}

void PeoplePage::showGrid()
{
    m_facesButton->setChecked(true);
    m_stack->setCurrentWidget(m_grid);
}

void PeoplePage::showPerson(const QString &personId)
{
    m_facesButton->setChecked(true);
    m_profile->show(personId);
    m_stack->setCurrentWidget(m_profile);
}

void PeoplePage::showOrgChart(const QString &personId)
{
    m_chartButton->setChecked(true);
    m_chart->show(personId);
    m_stack->setCurrentWidget(m_chart);
}

void PeoplePage::message(const QString &personId)
{
    // The room is made locally and queued when there is none yet, so this works offline too.
    QString error;
    const QString room = m_session->chat()->directRoom(personId, &error);
    if (room.isEmpty()) {
        QMessageBox::warning(this, tr("Message"), tr("The conversation cannot be opened: %1").arg(error));
        return;
    }
    emit chatRoomRequested(room);
}

} // namespace plein::client
