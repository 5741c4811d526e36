#pragma once

#include <QString>
#include <QWidget>

class QScrollArea;
class QVBoxLayout;

namespace plein::client {

class PeopleService;
class PhotoLoader;
struct PersonCard;

// The org chart around one person: the managers above (top first), the person, and their
// direct reports, each with the size of the team under them. Clicking someone moves the
// chart to them; "Profile" opens their profile.
class OrgChartView : public QWidget
{
    Q_OBJECT
public:
    OrgChartView(PeopleService *people, PhotoLoader *photos, QWidget *parent = nullptr);
    void show(const QString &personId);   // empty: the top of the organisation
    QString current() const { return m_current; }

signals:
    void profileRequested(const QString &personId);

private:
    void rebuild();
    QWidget *row(const PersonCard &p, const QString &note, bool focused, int indent);

    PeopleService *m_people;
    PhotoLoader *m_photos;
    QString m_current;
    QScrollArea *m_scroll;
    QWidget *m_content = nullptr;
    bool m_rebuildQueued = false;
};

} // namespace plein::client
