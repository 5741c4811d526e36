#pragma once

#include <QAbstractListModel>
#include <QSqlDatabase>

namespace plein::client {

// The messages of one room from the replica, oldest at the top: the newest page first,
// older pages as the view scrolls up (loadOlder), messages still pending or failed last,
// in the order they were written. refresh() re-reads the loaded window and turns the
// difference into inserts or data changes, so the view keeps its place.
class MessageListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    static constexpr int PageSize = 50;

    enum Role {
        IdRole = Qt::UserRole + 1,
        AuthorIdRole,
        AuthorNameRole,
        TextRole,
        CreatedRole,
        PosRole,
        EditedRole,
        DeletedRole,
        ReplyToRole,
        ReplyAuthorRole,
        ReplyTextRole,
        ReactionsRole,     // QVariantList of {emoji, count, mine}
        StateRole,         // rowstate: 0 sent, 1 pending, 2 failed
        ErrorRole,
        MentionsMeRole,
        MineRole,
        UnreadRole,        // after the room's read mark
    };

    struct Row
    {
        QString id;
        QString authorId;
        QString authorName;
        QString text;
        qint64 created = 0;
        qint64 pos = 0;
        qint64 edited = 0;
        bool deleted = false;
        QString replyTo;
        QString replyAuthor;
        QString replyText;
        QString reactions;   // "emoji\tcount\tmine\n..."
        int state = 0;
        QString error;
        bool mentionsMe = false;
        bool operator==(const Row &) const = default;
    };

    MessageListModel(const QSqlDatabase &db, QObject *parent = nullptr);

    void setRoom(const QString &roomId);
    QString room() const { return m_room; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Loads the next older page from the cache; false when the cache has no older rows
    // (then ask the session for the server's: Session::fetchOlder).
    bool loadOlder();
    int rowOf(const QString &id) const;
    // The first message after the read mark, or -1.
    int firstUnreadRow() const;
    qint64 newestPos() const;
    qint64 readPos() const { return m_readPos; }

public slots:
    void refresh();

private:
    QList<Row> query(qint64 fromPos, qint64 beforePos, int limit, bool pending);
    void readMark();

    QSqlDatabase m_db;
    QString m_room;
    QString m_me;
    QList<Row> m_rows;
    qint64 m_oldest = 0;    // pos of the oldest loaded row (0: none)
    qint64 m_readPos = 0;
};

} // namespace plein::client
