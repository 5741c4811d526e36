#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace plein::client {

struct NotificationRow
{
    QString id;
    QString kind;       // protocol::notify::*
    QString actorId;
    QString actorName;
    QString item;
    QString itemKind;
    QString groupId;
    QString groupName;
    QString text;
    qint64 created = 0;
    bool read = false;
    bool operator==(const NotificationRow &) const = default;
};

// My notifications, newest first (the newest Limit), from the replica. `kinds` narrows the
// list (the start page's mentions widget shows only mentions).
class NotificationsModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        KindRole,
        ActorIdRole,
        ActorNameRole,
        TextRole,
        GroupNameRole,
        CreatedRole,    // qint64 ms
        ReadRole,       // bool
        ItemRole,
        ItemKindRole,
    };
    static constexpr int Limit = 200;

    explicit NotificationsModel(const QSqlDatabase &db, const QStringList &kinds = {}, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    const NotificationRow &row(int r) const { return m_rows.at(r); }
    QStringList unreadIds() const;

public slots:
    void refresh();

private:
    QSqlDatabase m_db;
    QStringList m_kinds;
    QList<NotificationRow> m_rows;
};

} // namespace plein::client
