#pragma once

#include "people/PeopleDirectory.h"

#include <QAbstractListModel>
#include <QList>

namespace plein::client {

// The face grid: active people from the replica, filtered by search text, department and
// location, ordered by name and loaded a page at a time (fetchMore). setFilter() reloads;
// refresh() re-reads the loaded rows after a sync.
class PeopleModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        IdRole = Qt::UserRole + 100,
        TitleRole,
        DepartmentRole,
        LocationRole,
        PhotoRole,      // hash or empty
        InitialsRole,
        SkillsRole,     // QStringList
        StartDateRole,
    };
    static constexpr int PageSize = 60;

    PeopleModel(PeopleDirectory &directory, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    void setFilter(const PeopleDirectory::Filter &filter);
    const PeopleDirectory::Filter &filter() const { return m_filter; }
    // How many people match in all (not only the loaded rows).
    int totalCount();
    const PersonCard &card(int row) const { return m_rows.at(row); }
    // The roles above for one card (NewColleaguesModel shares them).
    static QVariant dataFor(const PersonCard &card, int role);

public slots:
    void refresh();

private:
    PeopleDirectory &m_directory;
    PeopleDirectory::Filter m_filter;
    QList<PersonCard> m_rows;
    bool m_more = true;
};

} // namespace plein::client
