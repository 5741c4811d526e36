#include "models/NewColleaguesModel.h"

#include "models/PeopleModel.h"

namespace plein::client {

NewColleaguesModel::NewColleaguesModel(PeopleDirectory &directory, int days, QObject *parent)
    : QAbstractListModel(parent), m_directory(directory), m_days(days)
{
    refresh();
}

int NewColleaguesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant NewColleaguesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    return PeopleModel::dataFor(m_rows.at(index.row()), role);
}

void NewColleaguesModel::refresh()
{
    beginResetModel();
    m_rows = m_directory.newColleagues(m_days, 20);
    endResetModel();
}

} // namespace plein::client
