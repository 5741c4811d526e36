#pragma once

#include "protocol/Error.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

// Managed news: articles written by editors and admins, aimed at everyone or at departments
// and locations, read, acknowledged, reacted to and commented on by the people they reach.
// The same codec rules as Messages.h: encode() never fails, decode<T>() validates.
namespace plein::protocol {

namespace kind {
inline constexpr char News[] = "news";                  // id: article id, data: NewsArticle
inline constexpr char NewsComment[] = "news_comment";   // id: comment id, data: NewsComment
inline constexpr char NewsReaction[] = "news_reaction"; // id: "<article>:<user>:<reaction>", data: NewsReaction
inline constexpr char NewsRead[] = "news_read";         // id: "<article>:<user>", data: NewsReadState
inline constexpr char NewsStats[] = "news_stats";       // id: article id, data: NewsStats (editors only)
} // namespace kind

// Audiences news uses besides org and user:<id> (see NewsFeature on the server).
namespace audience {
inline constexpr char Editors[] = "editors";       // people with role editor or admin
QString department(const QString &name);           // "dept:<name>"
QString location(const QString &name);             // "loc:<name>"
} // namespace audience

// The reactions any reaction-able item offers: like plus a small fixed set.
namespace reaction {
inline constexpr char Like[] = "like";
inline constexpr char Celebrate[] = "celebrate";
inline constexpr char Love[] = "love";
inline constexpr char Insightful[] = "insightful";
inline constexpr char Funny[] = "funny";
const QStringList &all();
bool isValid(const QString &r);
} // namespace reaction

namespace newsstate {
inline constexpr char Scheduled[] = "scheduled";   // waits for publish_at; only editors see it
inline constexpr char Published[] = "published";
} // namespace newsstate

namespace limits_news {
constexpr int MaxTitleChars = 200;
constexpr int MaxTextChars = 50000;
constexpr int MaxTargets = 50;                 // departments plus locations of one article
constexpr int MaxTargetChars = 128;
constexpr int MaxNotAckedListed = 500;         // ids listed in news_stats.not_acked
} // namespace limits_news

struct NewsArticle
{
    QString id;
    QString author;
    QString title;
    QString text;                 // Markdown
    QStringList departments;      // empty with locations empty: everyone
    QStringList locations;
    bool mustRead = false;
    bool pinned = false;
    qint64 publishAt = 0;         // when it went or goes out
    QString state;                // newsstate::*
    qint64 created = 0;
    qint64 edited = 0;            // 0: never edited
    bool operator==(const NewsArticle &) const = default;
};

struct NewsComment
{
    QString id;
    QString article;
    QString author;
    QString text;
    qint64 created = 0;
    bool operator==(const NewsComment &) const = default;
};

struct NewsReaction
{
    QString article;
    QString user;
    QString reaction;
    bool on = true;
    bool operator==(const NewsReaction &) const = default;
};

// One reader's state of one article; audience user:<id> so it follows them to every device.
struct NewsReadState
{
    QString article;
    QString user;
    qint64 readAt = 0;
    qint64 ackedAt = 0;           // 0: not acknowledged
    bool operator==(const NewsReadState &) const = default;
};

// An article's reach, for editors: readers out of the audience, and who has not yet
// acknowledged a must-read (the first MaxNotAckedListed of them).
struct NewsStats
{
    QString article;
    qint64 audienceSize = 0;
    qint64 readers = 0;
    qint64 acks = 0;
    QStringList notAcked;
    bool operator==(const NewsStats &) const = default;
};

// news.save: creates an article or replaces one (editors and admins). publish_at 0 or in
// the past publishes now; in the future schedules it.
struct NewsSaveBody
{
    QString id;
    QString title;
    QString text;
    QStringList departments;
    QStringList locations;
    bool mustRead = false;
    bool pinned = false;
    qint64 publishAt = 0;
};
struct NewsPinBody { QString id; bool pinned = true; };
// news.unpublish, news.read, news.ack
struct NewsIdBody { QString id; };
struct NewsCommentBody { QString id; QString article; QString text; };
struct NewsReactBody { QString article; QString reaction; bool on = true; };

QJsonObject encode(const NewsArticle &);
QJsonObject encode(const NewsComment &);
QJsonObject encode(const NewsReaction &);
QJsonObject encode(const NewsReadState &);
QJsonObject encode(const NewsStats &);
QJsonObject encode(const NewsSaveBody &);
QJsonObject encode(const NewsPinBody &);
QJsonObject encode(const NewsIdBody &);
QJsonObject encode(const NewsCommentBody &);
QJsonObject encode(const NewsReactBody &);

} // namespace plein::protocol
