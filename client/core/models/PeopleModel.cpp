#include "models/PeopleModel.h"

#include "models/CacheListModel.h"

namespace plein::client {

QVariant PeopleModel::dataFor(const PersonCard &c, int role)
{
    switch (role) {
    case Qt::DisplayRole:
        return c.displayName;
    case PeopleModel::IdRole:
        return c.id;
    case PeopleModel::TitleRole:
        return c.title;
    case PeopleModel::DepartmentRole:
        return c.department;
    case PeopleModel::LocationRole:
        return c.location;
    case PeopleModel::PhotoRole:
        return c.photo;
    case PeopleModel::InitialsRole:
        return CacheListModel::initials(c.displayName);
    case PeopleModel::SkillsRole:
        return c.skills;
    case PeopleModel::StartDateRole:
        return c.startDate;
    default:
        return {};
    }
}

PeopleModel::PeopleModel(PeopleDirectory &directory, QObject *parent) : QAbstractListModel(parent), m_directory(directory)
{
}

int PeopleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant PeopleModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    return dataFor(m_rows.at(index.row()), role);
}

QHash<int, QByteArray> PeopleModel::roleNames() const
{
    return {{Qt::DisplayRole, "displayName"}, {IdRole, "id"},       {TitleRole, "title"},
            {DepartmentRole, "department"},   {LocationRole, "location"}, {PhotoRole, "photo"},
            {InitialsRole, "initials"},       {SkillsRole, "skills"}, {StartDateRole, "startDate"}};
}

bool PeopleModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_more;
}

void PeopleModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || !m_more)
        return;
    const PersonCard *last = m_rows.isEmpty() ? nullptr : &m_rows.constLast();
    const QList<PersonCard> page =
        m_directory.search(m_filter, last ? last->displayName : QString(), last ? last->id : QString(), PageSize);
    m_more = page.size() == PageSize;
    if (page.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page.size() - 1));
    m_rows += page;
    endInsertRows();
}

void PeopleModel::setFilter(const PeopleDirectory::Filter &filter)
{
    // The first page comes with the reset (one reset instead of a reset and an insert), so
    // the view lays out the new rows once.
    beginResetModel();
    m_filter = filter;
    m_rows = m_directory.search(m_filter, {}, {}, PageSize);
    m_more = m_rows.size() == PageSize;
    endResetModel();
}

int PeopleModel::totalCount()
{
    return m_directory.count(m_filter);
}

void PeopleModel::refresh()
{
    // Re-read as many rows as are loaded; a reset is cheap at page sizes and keeps it simple.
    const int keep = qMax(int(m_rows.size()), PageSize);
    beginResetModel();
    m_rows = m_directory.search(m_filter, {}, {}, keep);
    m_more = m_rows.size() == keep;
    endResetModel();
}

} // namespace plein::client
