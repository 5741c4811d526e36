#pragma once

#include "models/RowListModel.h"

#include <QAbstractListModel>
#include <QList>
#include <QSqlDatabase>
#include <QStringList>

namespace plein::client {

struct GroupPostRow
{
    QString id;
    QString authorId;
    QString authorName;
    QString text;      // Markdown
    qint64 created = 0;
    bool pending = false;
    bool operator==(const GroupPostRow &) const = default;
};

struct GroupRequestRow
{
    QString userId;
    QString name;
    qint64 at = 0;
    bool operator==(const GroupRequestRow &) const = default;
};

// One row of GroupsModel.
struct GroupListRow
{
    QString id, name, description, kind, visibility, myRole;
    int members = 0, requests = 0;
    bool requested = false;
    bool operator==(const GroupListRow &) const = default;
};

// Every group the replica knows: mine first, then the directory of open and closed groups,
// each by name. Groups are few (thousands at most), so refresh() re-reads them all.
class GroupsModel : public RowListModel<GroupListRow>
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        NameRole,
        DescriptionRole,
        KindRole,
        VisibilityRole,
        MyRoleRole,        // "owner", "member" or empty
        MemberCountRole,
        RequestedRole,     // bool: I asked to join
        RequestCountRole,  // int: people waiting for my approval (owners)
    };

    explicit GroupsModel(const QSqlDatabase &db, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    QList<GroupPostRow> posts(const QString &group, int limit = 100) const;
    QList<GroupRequestRow> requests(const QString &group) const;
    QStringList memberNames(const QString &group) const;

public slots:
    void refresh();

private:
    using Row = GroupListRow;
    QList<Row> load() const;

    QSqlDatabase m_db;
};

} // namespace plein::client
