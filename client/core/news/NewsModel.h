#pragma once

#include "models/RowListModel.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace plein::client {

// One comment under an article, for the article view.
struct NewsCommentRow
{
    QString id;
    QString authorName;
    QString text;
    qint64 created = 0;
    bool pending = false;
    bool operator==(const NewsCommentRow &) const = default;
};

// One row of NewsModel.
struct NewsListRow
{
    QString id, title, text, authorName, state;
    qint64 publishAt = 0;
    bool pinned = false, mustRead = false, read = false, acked = false, edited = false;
    QStringList targets;
    int readers = -1, audienceSize = 0, acks = 0, commentCount = 0;
    QStringList notAcked;
    QVariantMap reactions;
    QStringList mine;
    bool operator==(const NewsListRow &) const = default;
};

// The news articles in the replica: pinned first, then newest first. Editors also see
// scheduled articles and each article's reach. Articles are few (hundreds), so refresh()
// simply re-reads them all and resets when anything differs.
class NewsModel : public RowListModel<NewsListRow>
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        TextRole,           // Markdown
        AuthorNameRole,
        PublishAtRole,      // QDateTime, local time
        ScheduledRole,      // bool: not published yet (editors only see these)
        PinnedRole,
        MustReadRole,
        ReadRole,           // bool: I opened it
        AckedRole,          // bool: I said "read and understood"
        EditedRole,         // bool
        TargetsRole,        // QStringList: departments and locations; empty = everyone
        ReadersRole,        // int, -1 when no reach is known (not an editor)
        AudienceSizeRole,
        AcksRole,
        NotAckedRole,       // QStringList of display names
        ReactionCountsRole, // QVariantMap reaction -> count
        MyReactionsRole,    // QStringList
        CommentCountRole,
    };

    explicit NewsModel(const QSqlDatabase &db, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int unreadCount() const;       // published articles I have not opened
    int mustReadOpenCount() const; // must-reads I have not acknowledged
    QList<NewsCommentRow> comments(const QString &article) const;

public slots:
    void refresh();

private:
    using Row = NewsListRow;
    QList<Row> load() const;

    QSqlDatabase m_db;
};

} // namespace plein::client
