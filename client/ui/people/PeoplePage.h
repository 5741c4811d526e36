#pragma once

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QStackedWidget;
class QToolButton;

namespace plein::client {

class OrgChartView;
class PeopleModel;
class PeopleService;
class PhotoLoader;
class ProfileView;
class Session;

// The smoelenboek: a grid of faces with search-as-you-type (names, titles, skills; from
// the local index, so offline too) and department and location filters; a profile page
// per person; and the org chart, navigable up and down from anyone.
class PeoplePage : public QWidget
{
    Q_OBJECT
public:
    explicit PeoplePage(Session *session, QWidget *parent = nullptr);

    void showGrid();
    void showPerson(const QString &personId);
    void showOrgChart(const QString &personId);
    void setSearchText(const QString &text);

    QListView *grid() const { return m_grid; }
    PeopleModel *model() const { return m_model; }
    PhotoLoader *photos() const { return m_photos; }
    ProfileView *profile() const { return m_profile; }

signals:
    // "Message" on a profile found or made the direct room: the shell opens it in Chat.
    void chatRoomRequested(const QString &roomId);

private:
    void applyFilter();
    void refreshChoices();
    void updateCount();
    void message(const QString &personId);

    Session *m_session;
    PeopleService *m_people;
    PhotoLoader *m_photos;
    PeopleModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_department;
    QComboBox *m_location;
    QLabel *m_count;
    QToolButton *m_facesButton;
    QToolButton *m_chartButton;
    QStackedWidget *m_stack;
    QListView *m_grid;
    ProfileView *m_profile;
    OrgChartView *m_chart;
    QTimer m_refresh;   // coalesces cache changes during a sync
};

} // namespace plein::client
