#pragma once

#include <QAbstractListModel>
#include <QSqlDatabase>

namespace plein::client {

// The rooms of the signed-in user from the replica, most recent activity first, with
// unread and mention counts (messages after the read mark, not by me).
class RoomListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        RoomIdRole = Qt::UserRole + 1,
        NameRole,
        DirectRole,
        PartnerIdRole,     // direct rooms: the other person
        UnreadRole,
        MentionRole,
        MutedRole,
        LastTextRole,
        LastTimeRole,
        LastAuthorRole,
        MemberCountRole,
    };

    struct Row
    {
        QString id;
        QString name;
        bool direct = false;
        QString partner;
        int unread = 0;
        int mentions = 0;
        bool muted = false;
        QString lastText;
        qint64 lastTime = 0;
        QString lastAuthor;
        int members = 0;
        bool operator==(const Row &) const = default;
    };

    RoomListModel(const QSqlDatabase &db, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(const QString &roomId) const;
    const Row *row(const QString &roomId) const;
    int totalUnread() const;

public slots:
    void refresh();

private:
    QSqlDatabase m_db;
    QList<Row> m_rows;
};

} // namespace plein::client
