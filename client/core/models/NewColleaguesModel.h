#pragma once

#include "people/PeopleDirectory.h"

#include <QAbstractListModel>
#include <QList>

namespace plein::client {

// New colleagues for the start page: people whose start date is within `days` of today.
class NewColleaguesModel : public QAbstractListModel
{
    Q_OBJECT
public:
    NewColleaguesModel(PeopleDirectory &directory, int days = 60, QObject *parent = nullptr);
    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    const PersonCard &card(int row) const { return m_rows.at(row); }

public slots:
    void refresh();

private:
    PeopleDirectory &m_directory;
    int m_days;
    QList<PersonCard> m_rows;
};

} // namespace plein::client
