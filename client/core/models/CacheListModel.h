#pragma once

#include "cache/Statements.h"

#include <QAbstractListModel>
#include <QList>
#include <QSqlDatabase>

namespace plein::client {

// One row of a timeline or comment list, as read from the replica.
struct ItemRow
{
    QString id;
    QString authorId;
    QString authorName;
    QString text;
    qint64 created = 0;
    int likeCount = 0;
    int commentCount = 0;
    bool likedByMe = false;
    int state = 0;
    QString error;
    // Optional columns 10.. of the shared layout: edited, deleted, every reaction (comma list,
    // one per person and reaction), mine (comma list), title, context (group name), kind.
    qint64 edited = 0;
    bool deleted = false;
    QString reactions;
    QString mine;
    QString title;
    QString context;
    QString kind;
    bool operator==(const ItemRow &) const = default;
};

// A list model over a keyset-paged query of the replica's read connection. It loads a page
// at a time through fetchMore, and refresh() re-reads the loaded window and turns the
// difference into row inserts, removes and dataChanged, so views keep their place.
// Rows are ordered by (created, id), newest or oldest first as the subclass says.
class CacheListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    static constexpr int PageSize = 50;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // The row holding id, or -1 when it is not loaded.
    int rowOf(const QString &id) const;

    static QString initials(const QString &displayName);
    // The SQL this model has run so far; tests check that each one walks an index.
    QStringList queriesRun() const { return m_sql.sqlTexts(); }

public slots:
    void refresh();

protected:
    CacheListModel(const QSqlDatabase &db, bool newestFirst, QObject *parent);

    // Rows strictly after `after` (or from the start when null) in model order, at most limit.
    virtual QList<ItemRow> queryAfter(const ItemRow *after, int limit) = 0;
    // Rows from the start through `last` inclusive, in model order, at most limit.
    virtual QList<ItemRow> queryThrough(const ItemRow &last, int limit) = 0;
    // False while the model has nothing to show (a comments model with no post chosen).
    virtual bool isBound() const { return true; }
    virtual bool isPostRow() const = 0;

    // Drops everything and loads the first page again.
    void reload();
    // Reads rows of the shared column layout from an executed query.
    static QList<ItemRow> readRows(QSqlQuery &q);
    QString currentUserId();

    Statements m_sql;

private:
    bool sortsBefore(const ItemRow &a, const ItemRow &b) const;
    void merge(const QList<ItemRow> &fresh);

    bool m_newestFirst;
    QList<ItemRow> m_rows;
    bool m_hasMore = false;
    // True while this model emits a structural change: a view or tester that asks for more
    // rows from inside those signals is told to ask again later instead of re-entering.
    bool m_changing = false;
};

} // namespace plein::client
