#include "models/CacheListModel.h"

#include "Logging.h"
#include "cache/Replica.h"
#include "models/Roles.h"
#include "protocol/NewsMessages.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QSqlRecord>

namespace plein::client {

static_assert(int(ItemState::Sent) == rowstate::Sent && int(ItemState::Pending) == rowstate::Pending
              && int(ItemState::Failed) == rowstate::Failed);

namespace {
// Past this many new rows above the loaded window a reset is cheaper than row inserts.
constexpr int MaxGrowthWithoutReset = 1000;
} // namespace

CacheListModel::CacheListModel(const QSqlDatabase &db, bool newestFirst, QObject *parent)
    : QAbstractListModel(parent), m_sql(db), m_newestFirst(newestFirst)
{
}

int CacheListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CacheListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ItemRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return r.text;
    case IdRole:
        return r.id;
    case AuthorIdRole:
        return r.authorId;
    case AuthorNameRole:
        return r.authorName;
    case AuthorInitialsRole:
        return initials(r.authorName);
    case CreatedRole:
        return QDateTime::fromMSecsSinceEpoch(r.created);
    case LikeCountRole:
        return isPostRow() ? QVariant(r.likeCount) : QVariant();
    case CommentCountRole:
        return isPostRow() ? QVariant(r.commentCount) : QVariant();
    case LikedByMeRole:
        return isPostRow() ? QVariant(r.likedByMe) : QVariant();
    case StateRole:
        return QVariant::fromValue(static_cast<ItemState>(r.state));
    case ErrorRole:
        return r.error;
    case EditedRole:
        return r.edited > 0 ? QDateTime::fromMSecsSinceEpoch(r.edited) : QDateTime();
    case DeletedRole:
        return r.deleted;
    case ReactionsRole: {
        QVariantMap counts;
        if (r.likeCount > 0)
            counts.insert(QStringLiteral("like"), r.likeCount);
        for (const QString &x : r.reactions.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (x != QLatin1String(protocol::reaction::Like))   // already in likeCount
                counts.insert(x, counts.value(x).toInt() + 1);
        return counts;
    }
    case MyReactionsRole: {
        const QStringList raw = r.mine.split(QLatin1Char(','), Qt::SkipEmptyParts);
        QStringList mine;   // in the fixed order of the set
        for (const QString &x : protocol::reaction::all())
            if (raw.contains(x) || (r.likedByMe && x == QLatin1String(protocol::reaction::Like)))
                mine.append(x);
        return mine;
    }
    case TitleRole:
        return r.title;
    case ContextRole:
        return r.context;
    case ItemKindRole:
        return r.kind;
    default:
        return {};
    }
}

QHash<int, QByteArray> CacheListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(AuthorIdRole, "authorId");
    names.insert(AuthorNameRole, "authorName");
    names.insert(AuthorInitialsRole, "authorInitials");
    names.insert(TextRole, "text");
    names.insert(CreatedRole, "created");
    names.insert(LikeCountRole, "likeCount");
    names.insert(CommentCountRole, "commentCount");
    names.insert(LikedByMeRole, "likedByMe");
    names.insert(StateRole, "state");
    names.insert(ErrorRole, "error");
    return names;
}

bool CacheListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_hasMore;
}

void CacheListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || !m_hasMore || !isBound() || m_changing)
        return;
    QList<ItemRow> page = queryAfter(m_rows.isEmpty() ? nullptr : &m_rows.constLast(), PageSize + 1);
    m_hasMore = page.size() > PageSize;
    if (m_hasMore)
        page.removeLast();
    if (page.isEmpty())
        return;
    const int first = int(m_rows.size());
    m_changing = true;
    beginInsertRows({}, first, first + int(page.size()) - 1);
    m_rows.append(page);
    endInsertRows();
    m_changing = false;
}

int CacheListModel::rowOf(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id)
            return i;
    }
    return -1;
}

QString CacheListModel::initials(const QString &displayName)
{
    const QStringList words = displayName.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty())
        return QStringLiteral("?");
    QString out = words.constFirst().left(1).toUpper();
    // "Anna de Vries" -> "AV": the last word carries the family name, infixes stay out.
    if (words.size() > 1)
        out += words.constLast().left(1).toUpper();
    return out;
}

void CacheListModel::reload()
{
    m_changing = true;
    beginResetModel();
    m_rows.clear();
    m_hasMore = false;
    if (isBound()) {
        m_rows = queryAfter(nullptr, PageSize + 1);
        m_hasMore = m_rows.size() > PageSize;
        if (m_hasMore)
            m_rows.removeLast();
    }
    endResetModel();
    m_changing = false;
}

void CacheListModel::refresh()
{
    if (!isBound())
        return;
    if (m_rows.isEmpty()) {
        QList<ItemRow> page = queryAfter(nullptr, PageSize + 1);
        m_hasMore = page.size() > PageSize;
        if (m_hasMore)
            page.removeLast();
        if (!page.isEmpty()) {
            m_changing = true;
            beginInsertRows({}, 0, int(page.size()) - 1);
            m_rows = page;
            endInsertRows();
            m_changing = false;
        }
        return;
    }
    const ItemRow last = m_rows.constLast();
    const int limit = int(m_rows.size()) + MaxGrowthWithoutReset;
    // While everything is loaded the window is the whole list, so rows appended at the end
    // (a new comment) show up too; otherwise it ends at the last loaded row.
    const QList<ItemRow> fresh = m_hasMore ? queryThrough(last, limit + 1) : queryAfter(nullptr, limit + 1);
    if (fresh.size() > limit) {
        qCDebug(lcModels) << "many new rows; reloading the first page";
        reload();
        return;
    }
    m_changing = true;
    merge(fresh);
    m_changing = false;
    m_hasMore = m_rows.isEmpty() ? !queryAfter(nullptr, 1).isEmpty() : !queryAfter(&m_rows.constLast(), 1).isEmpty();
}

bool CacheListModel::sortsBefore(const ItemRow &a, const ItemRow &b) const
{
    if (a.created != b.created)
        return m_newestFirst ? a.created > b.created : a.created < b.created;
    return m_newestFirst ? a.id > b.id : a.id < b.id;
}

// Both lists are sorted in model order with unique (created, id) keys, so one pass finds
// which loaded rows went away, which fresh rows are new, and which rows changed in place.
void CacheListModel::merge(const QList<ItemRow> &fresh)
{
    int i = 0;
    int j = 0;
    while (j < fresh.size() || i < m_rows.size()) {
        if (i < m_rows.size() && j < fresh.size() && m_rows.at(i).id == fresh.at(j).id
            && m_rows.at(i).created == fresh.at(j).created) {
            if (!(m_rows.at(i) == fresh.at(j))) {
                m_rows[i] = fresh.at(j);
                emit dataChanged(index(i), index(i));
            }
            ++i;
            ++j;
            continue;
        }
        if (j == fresh.size() || (i < m_rows.size() && sortsBefore(m_rows.at(i), fresh.at(j)))) {
            // Loaded rows absent from fresh: remove the whole run at once.
            int end = i;
            while (end < m_rows.size() && (j == fresh.size() || sortsBefore(m_rows.at(end), fresh.at(j))))
                ++end;
            beginRemoveRows({}, i, end - 1);
            m_rows.remove(i, end - i);
            endRemoveRows();
            continue;
        }
        // Fresh rows sorting before the next loaded row are new: insert the run at once.
        int end = j;
        while (end < fresh.size() && (i == m_rows.size() || sortsBefore(fresh.at(end), m_rows.at(i))))
            ++end;
        beginInsertRows({}, i, i + (end - j) - 1);
        for (int k = j; k < end; ++k)
            m_rows.insert(i + (k - j), fresh.at(k));
        endInsertRows();
        i += end - j;
        j = end;
    }
}

QList<ItemRow> CacheListModel::readRows(QSqlQuery &q)
{
    QList<ItemRow> rows;
    const int columns = q.record().count();
    while (q.next()) {
        ItemRow r;
        r.id = q.value(0).toString();
        r.authorId = q.value(1).toString();
        r.authorName = q.value(2).toString();
        r.text = q.value(3).toString();
        r.created = q.value(4).toLongLong();
        r.likeCount = q.value(5).toInt();
        r.commentCount = q.value(6).toInt();
        r.likedByMe = q.value(7).toBool();
        r.state = q.value(8).toInt();
        r.error = q.value(9).toString();
        if (columns >= 17) {
            r.edited = q.value(10).toLongLong();
            r.deleted = q.value(11).toBool();
            r.reactions = q.value(12).toString();
            r.mine = q.value(13).toString();
            r.title = q.value(14).toString();
            r.context = q.value(15).toString();
            r.kind = q.value(16).toString();
            // A like that is a reaction row (group posts, blog pages) counts like a company like.
            const QLatin1String like(protocol::reaction::Like);
            r.likeCount += int(r.reactions.split(QLatin1Char(',')).count(like));
            r.likedByMe = r.likedByMe || r.mine.split(QLatin1Char(',')).contains(like);
        }
        rows.append(r);
    }
    q.finish();
    return rows;
}

QString CacheListModel::currentUserId()
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("SELECT value FROM meta WHERE key = ?"),
                              {QLatin1String(metakey::UserId)}, &ok);
    QString me;
    if (ok && q.next())
        me = q.value(0).toString();
    q.finish();
    return me;
}

} // namespace plein::client
