#pragma once

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>

namespace plein::server {

class ChangeLog;
class Database;
class Hub;
class NewsStore;
class Notifier;

// Must-read notifications, derived per person instead of written for a whole audience when
// an article goes out. Publishing logs the article once per reader audience and nothing per
// person, so its cost does not grow with the organisation. Each person's must_read
// notifications are made (idempotently, the same derived id as any notification) from the
// news table and their acknowledgements:
// - when one of their sessions signs in: every published must-read that targets them now
//   and that they have not acknowledged (so people who were offline, and people who joined
//   a targeted department or location later, get it on their next sign-in);
// - for everyone online, when a published must-read is logged (publish, scheduled publish,
//   edit, retarget), so connected people hear of it at once.
// The work is queued per person and done after the writer's commit, in slices of a few ms
// with the event loop running in between, each slice one transaction followed by a fan-out.
class MustReadNotices : public QObject
{
    Q_OBJECT
public:
    MustReadNotices(Database &db, NewsStore &news, ChangeLog &log, Hub &hub, QObject *parent = nullptr);

    // Registers the rule that queues the online people when a must-read goes out.
    void attach(Notifier &notifier);
    // Who is signed in now (user ids).
    void setOnlineUsers(std::function<QStringList()> online) { m_online = std::move(online); }
    // A session of this user signed in.
    void signedIn(const QString &userId);
    // People still queued.
    qsizetype pending() const { return m_pending.size(); }

    // How many must-reads one catch-up looks at (newest first).
    static constexpr int MaxArticles = 200;
    // The longest a slice of work holds the event loop.
    static constexpr int SliceMs = 2;

private:
    void queue(const QString &userId);
    void work();
    // Inside a transaction: the user's missing must_read notifications, made and logged.
    // How many were new, -1 when the database failed.
    int catchUp(const QString &userId, qint64 now);

    Database &m_db;
    NewsStore &m_news;
    ChangeLog &m_log;
    Hub &m_hub;
    std::function<QStringList()> m_online;
    QList<QString> m_pending;
    QSet<QString> m_queued;
    QTimer m_timer;
};

} // namespace plein::server
