#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

namespace plein::server {

class ChangeLog;
class Database;
class Hub;
class NewsStore;

// An article's reach (news_stats: readers and acknowledgements out of the people it targets,
// and who has not acknowledged) for editors. Counting the audience costs time in proportion
// to the organisation, so it is not done inside the publish, read and acknowledge writes:
// they mark the article, and the reach is recomputed after their commit, at most once per
// article every DelayMs however many reads arrive meanwhile, and logged to "editors".
class NewsReach : public QObject
{
    Q_OBJECT
public:
    NewsReach(Database &db, NewsStore &store, ChangeLog &log, Hub &hub, QObject *parent = nullptr);

    // The article's reach changed (called inside the writer's transaction).
    void changed(const QString &articleId);

    static constexpr int DelayMs = 100;

private:
    void recompute();

    Database &m_db;
    NewsStore &m_store;
    ChangeLog &m_log;
    Hub &m_hub;
    QList<QString> m_dirty;
    QTimer m_timer;
};

} // namespace plein::server
