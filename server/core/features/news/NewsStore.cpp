#include "features/news/NewsStore.h"

#include "protocol/Json.h"
#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace plein::server {

namespace {

QString toJson(const QStringList &l)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(l)).toJson(QJsonDocument::Compact));
}

QStringList fromJson(const QString &text)
{
    const auto o = protocol::objectFromJsonText("{\"v\":" + text.toUtf8() + '}');
    QStringList out;
    if (!o)
        return out;
    for (const QJsonValue &v : o->value(QStringLiteral("v")).toArray())
        out.append(v.toString());
    return out;
}

const QString articleColumns = QStringLiteral(
    "SELECT id, author, title, text, departments, locations, must_read, pinned, publish_at, state, created, edited"
    " FROM news ");

} // namespace

namespace {
// An article from a row of articleColumns.
NewsStore::Row rowFrom(Stmt &s)
{
    NewsStore::Row r;
    protocol::NewsArticle &a = r.article;
    a.id = s.value(0).toString();
    a.author = s.value(1).toString();
    a.title = s.value(2).toString();
    a.text = s.value(3).toString();
    a.departments = fromJson(s.value(4).toString());
    a.locations = fromJson(s.value(5).toString());
    a.mustRead = s.value(6).toInt() != 0;
    a.pinned = s.value(7).toInt() != 0;
    a.publishAt = s.value(8).toLongLong();
    const QString state = s.value(9).toString();
    r.unpublished = state == QLatin1String("unpublished");
    a.state = r.unpublished ? QLatin1String(protocol::newsstate::Published) : state;
    a.created = s.value(10).toLongLong();
    a.edited = s.value(11).toLongLong();
    return r;
}
} // namespace

std::optional<NewsStore::Row> NewsStore::article(const QString &id)
{
    Stmt s(m_db, articleColumns + QStringLiteral("WHERE id = ?"));
    s.bind(id);
    if (!s.exec() || !s.next())
        return std::nullopt;
    return rowFrom(s);
}

std::optional<QList<protocol::NewsArticle>> NewsStore::unacknowledgedMustReads(const QString &userId, int limit)
{
    // Published must-reads are few (the partial index news_must_read); targeting is left to
    // isTargeted(), the one rule for it.
    Stmt s(m_db, articleColumns
                     + QStringLiteral("WHERE must_read = 1 AND state = 'published' AND NOT EXISTS (SELECT 1 FROM"
                                      " news_reads r WHERE r.article = news.id AND r.user_id = ? AND r.acked_at > 0)"
                                      " ORDER BY publish_at DESC LIMIT ?"));
    s.bind(userId).bind(limit);
    if (!s.exec())
        return std::nullopt;
    QList<protocol::NewsArticle> out;
    while (s.next())
        out.append(rowFrom(s).article);
    return out;
}

bool NewsStore::save(const protocol::NewsArticle &a)
{
    Stmt upd(m_db, QStringLiteral("UPDATE news SET title = ?, text = ?, departments = ?, locations = ?, must_read = ?,"
                                  " pinned = ?, publish_at = ?, state = ?, edited = ? WHERE id = ?"));
    upd.bind(a.title).bind(a.text).bind(toJson(a.departments)).bind(toJson(a.locations)).bind(a.mustRead ? 1 : 0)
        .bind(a.pinned ? 1 : 0).bind(a.publishAt).bind(a.state).bind(a.edited).bind(a.id);
    if (!upd.exec())
        return false;
    if (upd.query().numRowsAffected() > 0)
        return true;
    Stmt ins(m_db, QStringLiteral("INSERT INTO news (id, author, title, text, departments, locations, must_read,"
                                  " pinned, publish_at, state, created, edited) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    ins.bind(a.id).bind(a.author).bind(a.title).bind(a.text).bind(toJson(a.departments)).bind(toJson(a.locations))
        .bind(a.mustRead ? 1 : 0).bind(a.pinned ? 1 : 0).bind(a.publishAt).bind(a.state).bind(a.created).bind(a.edited);
    return ins.exec();
}

bool NewsStore::setPinned(const QString &id, bool pinned)
{
    Stmt s(m_db, QStringLiteral("UPDATE news SET pinned = ? WHERE id = ?"));
    s.bind(pinned ? 1 : 0).bind(id);
    return s.exec();
}

bool NewsStore::setUnpublished(const QString &id)
{
    Stmt s(m_db, QStringLiteral("UPDATE news SET state = 'unpublished' WHERE id = ?"));
    s.bind(id);
    return s.exec();
}

bool NewsStore::setPublished(const QString &id)
{
    Stmt s(m_db, QStringLiteral("UPDATE news SET state = 'published' WHERE id = ?"));
    s.bind(id);
    return s.exec();
}

QStringList NewsStore::dueScheduled(qint64 now, int limit)
{
    Stmt s(m_db, QStringLiteral("SELECT id FROM news WHERE state = 'scheduled' AND publish_at <= ?"
                                " ORDER BY publish_at, id LIMIT ?"));
    s.bind(now).bind(limit);
    QStringList out;
    if (s.exec())
        while (s.next())
            out.append(s.value(0).toString());
    return out;
}

std::optional<qint64> NewsStore::nextScheduledAt()
{
    Stmt s(m_db, QStringLiteral("SELECT MIN(publish_at) FROM news WHERE state = 'scheduled'"));
    if (!s.exec() || !s.next() || s.value(0).isNull())
        return std::nullopt;
    return s.value(0).toLongLong();
}

bool NewsStore::commentExists(const QString &id)
{
    Stmt s(m_db, QStringLiteral("SELECT 1 FROM news_comments WHERE id = ?"));
    s.bind(id);
    return s.exec() && s.next();
}

bool NewsStore::insertComment(const protocol::NewsComment &c)
{
    Stmt s(m_db, QStringLiteral("INSERT INTO news_comments (id, article, author, text, created) VALUES (?, ?, ?, ?, ?)"));
    s.bind(c.id).bind(c.article).bind(c.author).bind(c.text).bind(c.created);
    return s.exec();
}

bool NewsStore::setReaction(const protocol::NewsReaction &r, qint64 at)
{
    if (r.on) {
        Stmt s(m_db, QStringLiteral("INSERT INTO news_reactions (article, user_id, reaction, created) SELECT ?, ?, ?, ?"
                                    " WHERE NOT EXISTS (SELECT 1 FROM news_reactions WHERE article = ? AND user_id = ?"
                                    " AND reaction = ?)"));
        s.bind(r.article).bind(r.user).bind(r.reaction).bind(at).bind(r.article).bind(r.user).bind(r.reaction);
        return s.exec();
    }
    Stmt s(m_db, QStringLiteral("DELETE FROM news_reactions WHERE article = ? AND user_id = ? AND reaction = ?"));
    s.bind(r.article).bind(r.user).bind(r.reaction);
    return s.exec();
}

std::optional<protocol::NewsReadState> NewsStore::markRead(const QString &article, const QString &user, bool ack,
                                                           qint64 at)
{
    {
        Stmt s(m_db, QStringLiteral("INSERT INTO news_reads (article, user_id, read_at, acked_at) SELECT ?, ?, ?, 0"
                                    " WHERE NOT EXISTS (SELECT 1 FROM news_reads WHERE article = ? AND user_id = ?)"));
        s.bind(article).bind(user).bind(at).bind(article).bind(user);
        if (!s.exec())
            return std::nullopt;
    }
    if (ack) {
        Stmt s(m_db, QStringLiteral("UPDATE news_reads SET acked_at = ? WHERE article = ? AND user_id = ? AND acked_at = 0"));
        s.bind(at).bind(article).bind(user);
        if (!s.exec())
            return std::nullopt;
    }
    Stmt s(m_db, QStringLiteral("SELECT read_at, acked_at FROM news_reads WHERE article = ? AND user_id = ?"));
    s.bind(article).bind(user);
    if (!s.exec() || !s.next())
        return std::nullopt;
    return protocol::NewsReadState{article, user, s.value(0).toLongLong(), s.value(1).toLongLong()};
}

QString NewsStore::locationOf(const QString &userId)
{
    // Locations live in the directory profile (features/people), not on the account.
    Stmt s(m_db, QStringLiteral("SELECT location FROM profiles WHERE user_id = ?"));
    s.bind(userId);
    return (s.exec() && s.next()) ? s.value(0).toString() : QString();
}

bool NewsStore::isTargeted(const protocol::NewsArticle &a, const Person &p)
{
    if (a.departments.isEmpty() && a.locations.isEmpty())
        return true;
    if (a.departments.contains(p.department))
        return true;
    return !a.locations.isEmpty() && a.locations.contains(locationOf(p.id));
}

QString NewsStore::audienceWhere(const protocol::NewsArticle &a, QVariantList *binds)
{
    QString where = QStringLiteral("u.active = 1");
    if (a.departments.isEmpty() && a.locations.isEmpty())
        return where;
    QStringList alternatives;
    if (!a.departments.isEmpty()) {
        alternatives.append(QStringLiteral("u.department IN (%1)")
                                .arg(QStringList(a.departments.size(), QStringLiteral("?")).join(QLatin1Char(','))));
        for (const QString &d : a.departments)
            binds->append(d);
    }
    if (!a.locations.isEmpty()) {
        alternatives.append(QStringLiteral("u.id IN (SELECT user_id FROM profiles WHERE location IN (%1))")
                                .arg(QStringList(a.locations.size(), QStringLiteral("?")).join(QLatin1Char(','))));
        for (const QString &l : a.locations)
            binds->append(l);
    }
    if (alternatives.isEmpty())
        return where + QStringLiteral(" AND 0 = 1");
    return where + QStringLiteral(" AND (") + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

protocol::NewsStats NewsStore::stats(const protocol::NewsArticle &a)
{
    protocol::NewsStats st;
    st.article = a.id;
    QVariantList binds;
    const QString where = audienceWhere(a, &binds);
    // The audience is counted on a covering index (users_active_department), the readers
    // from the article's reads: no probe per person.
    {
        Stmt s(m_db, QStringLiteral("SELECT COUNT(*) FROM users u WHERE ") + where);
        for (const QVariant &b : binds)
            s.bind(b);
        if (s.exec() && s.next())
            st.audienceSize = s.value(0).toLongLong();
    }
    {
        Stmt s(m_db, QStringLiteral("SELECT COUNT(*), COALESCE(SUM(CASE WHEN r.acked_at > 0 THEN 1 ELSE 0 END), 0)"
                                    " FROM news_reads r JOIN users u ON u.id = r.user_id WHERE r.article = ? AND ")
                         + where);
        s.bind(a.id);
        for (const QVariant &b : binds)
            s.bind(b);
        if (s.exec() && s.next()) {
            st.readers = s.value(0).toLongLong();
            st.acks = s.value(1).toLongLong();
        }
    }
    if (a.mustRead) {
        // Walks users_active_name in order and stops after the first MaxNotAckedListed.
        Stmt s(m_db, QStringLiteral("SELECT u.id FROM users u WHERE ") + where
                         + QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM news_reads r WHERE r.article = ?"
                                          " AND r.user_id = u.id AND r.acked_at > 0) ORDER BY u.display_name, u.id LIMIT ?"));
        for (const QVariant &b : binds)
            s.bind(b);
        s.bind(a.id).bind(protocol::limits_news::MaxNotAckedListed);
        if (s.exec())
            while (s.next())
                st.notAcked.append(s.value(0).toString());
    }
    return st;
}

} // namespace plein::server
