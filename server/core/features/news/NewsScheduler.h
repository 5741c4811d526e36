#pragma once

#include <QObject>
#include <QTimer>

namespace plein::server {

class Database;
class Hub;
class NewsFeature;
class NewsStore;

// Publishes scheduled news when its time comes, whether or not anyone is connected: a
// single timer aimed at the next publish_at (re-aimed after every save and at start-up,
// which also publishes whatever fell due while the server was down).
class NewsScheduler : public QObject
{
    Q_OBJECT
public:
    NewsScheduler(Database &db, NewsStore &store, NewsFeature &feature, Hub &hub, QObject *parent = nullptr);

    // Publishes what is due now and aims the timer at the next one.
    void check();
    // Re-aims after the current event (a save's transaction has committed by then).
    void rearmSoon();

private:
    Database &m_db;
    NewsStore &m_store;
    NewsFeature &m_feature;
    Hub &m_hub;
    QTimer m_timer;
};

} // namespace plein::server
