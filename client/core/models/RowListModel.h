#pragma once

#include <QAbstractListModel>
#include <QList>
#include <QString>

#include <utility>

namespace plein::client {

// A list model over plain rows that are re-read as a whole (short lists such as groups or
// news): the count, the row of an id, and a reset only when a fresh read differs, so an
// unchanged refresh costs the views nothing. Row needs `id` and operator==.
template<typename Row>
class RowListModel : public QAbstractListModel
{
public:
    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }

    // The row showing `id`, -1 when none does.
    int rowOf(const QString &id) const
    {
        for (qsizetype i = 0; i < m_rows.size(); ++i)
            if (m_rows.at(i).id == id)
                return int(i);
        return -1;
    }

protected:
    // The row of a valid index, else null.
    const Row *rowAt(const QModelIndex &index) const
    {
        return index.isValid() && index.row() < m_rows.size() ? &m_rows.at(index.row()) : nullptr;
    }
    void replaceRows(QList<Row> fresh)
    {
        if (fresh == m_rows)
            return;
        beginResetModel();
        m_rows = std::move(fresh);
        endResetModel();
    }

    QList<Row> m_rows;
};

} // namespace plein::client
