#pragma once

#include <QString>
#include <QWidget>

class QScrollArea;

namespace plein::client {

class PeopleService;
class PhotoLoader;
class Session;

// One person's profile: photo, name, title, department, location, manager, contact, bio,
// languages, skills with endorsements (endorse with a click), recent posts, and the
// actions: message (a direct conversation in Chat), follow (their posts in my timeline, offline
// too), org chart, edit (my own), deactivate (admins).
class ProfileView : public QWidget
{
    Q_OBJECT
public:
    ProfileView(PeopleService *people, PhotoLoader *photos, Session *session, QWidget *parent = nullptr);
    void show(const QString &personId);
    QString current() const { return m_current; }

public slots:
    void rebuild();

signals:
    void personRequested(const QString &personId);
    void orgChartRequested(const QString &personId);
    void messageRequested(const QString &personId);
    void backRequested();

private:
    void editProfile();
    QWidget *followButton(const QString &personId, const QString &name);

    PeopleService *m_people;
    PhotoLoader *m_photos;
    Session *m_session;
    QString m_current;
    QScrollArea *m_scroll;
    bool m_rebuildQueued = false;
};

} // namespace plein::client
