#pragma once

#include "model/Types.h"
#include "protocol/NewsMessages.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace plein::server {

class Database;

// news, news_reads, news_comments, news_reactions. Callers hold the write transaction.
class NewsStore
{
public:
    explicit NewsStore(Database &db) : m_db(db) {}

    // The article, also when unpublished (then `unpublished` is set).
    struct Row
    {
        protocol::NewsArticle article;
        bool unpublished = false;
    };
    std::optional<Row> article(const QString &id);
    // Published must-read articles the user has not acknowledged, newest first, whether or
    // not they target the user (see isTargeted). Nullopt when the database fails.
    std::optional<QList<protocol::NewsArticle>> unacknowledgedMustReads(const QString &userId, int limit);
    bool save(const protocol::NewsArticle &a);
    bool setPinned(const QString &id, bool pinned);
    bool setUnpublished(const QString &id);
    bool setPublished(const QString &id);

    // Scheduled articles whose time has come, oldest first; the time of the next one.
    QStringList dueScheduled(qint64 now, int limit);
    std::optional<qint64> nextScheduledAt();

    bool commentExists(const QString &id);
    bool insertComment(const protocol::NewsComment &c);
    bool setReaction(const protocol::NewsReaction &r, qint64 at);

    // Marks read (keeping the first read time) and, when ack, acknowledged. The state after.
    std::optional<protocol::NewsReadState> markRead(const QString &article, const QString &user, bool ack, qint64 at);

    // Whether a person (active account) is in an article's target audience.
    bool isTargeted(const protocol::NewsArticle &a, const Person &p);
    // Reach of an article over the active people it targets.
    protocol::NewsStats stats(const protocol::NewsArticle &a);

    // The person's location from their directory profile (empty when none).
    QString locationOf(const QString &userId);

private:
    // WHERE clause over users u selecting the target audience, with its bind values.
    QString audienceWhere(const protocol::NewsArticle &a, QVariantList *binds);

    Database &m_db;
};

} // namespace plein::server
