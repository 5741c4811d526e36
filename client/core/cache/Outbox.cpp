#include "cache/Outbox.h"

#include "Logging.h"
#include "cache/Replica.h"
#include "chat/ChatCache.h"
#include "cache/Transaction.h"
#include "cache/ChangeApplier.h"
#include "cache/Undo.h"
#include "model/Ids.h"
#include "protocol/Envelope.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace plein::client {

namespace {

Error cacheError(const QString &what, const QSqlQuery &q)
{
    return Error{QStringLiteral("cache"), QStringLiteral("%1: %2").arg(what, q.lastError().text())};
}

int countByState(const QSqlDatabase &db, int state)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE state = ?"));
    q.addBindValue(state);
    if (!q.exec() || !q.next())
        return 0;
    return q.value(0).toInt();
}

// A new entity the server refused stays, marked failed, so its text is not lost (post and
// comment creates keep their error and op columns; see fail()).
Result<bool> markCreatedFailed(Statements &sql, const QString &type, const QString &entity)
{
    QString text;
    if (type == QLatin1String(protocol::type::GroupPost))
        text = QStringLiteral("UPDATE group_posts SET state = ? WHERE id = ? AND state = ?");
    else if (type == QLatin1String(protocol::type::BlogSave))
        text = QStringLiteral("UPDATE blog_pages SET state = ? WHERE id = ? AND state = ?");   // a new page
    else if (type == QLatin1String(protocol::type::NewsComment))
        text = QStringLiteral("UPDATE news_comments SET state = ? WHERE id = ? AND state = ?");
    else
        return false;
    bool ok = false;
    QSqlQuery &q = sql.exec(text, {rowstate::Failed, entity, rowstate::Pending}, &ok);
    if (!ok)
        return cacheError(QStringLiteral("failing %1").arg(entity), q);
    q.finish();
    return true;
}

} // namespace

ChangeApplier &Outbox::replayer()
{
    if (!m_replayer)
        m_replayer = std::make_unique<ChangeApplier>(m_db);
    return *m_replayer;
}

Outbox::~Outbox() = default;

Outbox::Outbox(const QSqlDatabase &db) : m_db(db), m_sql(db)
{
}

bool Outbox::enqueue(const QSqlDatabase &db, const QString &type, const QString &op, const QString &entityId,
                     const QJsonObject &body, QString *error)
{
    protocol::Envelope e;
    e.type = type;
    e.op = op;
    e.body = body;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO outbox (op, type, entity_id, frame, state, created) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(op);
    q.addBindValue(type);
    q.addBindValue(entityId);
    q.addBindValue(QString::fromUtf8(e.encode()));
    q.addBindValue(rowstate::Pending);
    q.addBindValue(QVariant::fromValue(ids::nowMs()));
    if (q.exec())
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

int Outbox::pendingCount(const QSqlDatabase &db)
{
    return countByState(db, rowstate::Pending);
}

int Outbox::failedCount(const QSqlDatabase &db)
{
    return countByState(db, rowstate::Failed);
}

QString Outbox::refusalNotice(const QSqlDatabase &db, const QString &op, const QString &reason)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT type FROM outbox WHERE op = ?"));
    q.addBindValue(op);
    const QString type = q.exec() && q.next() ? q.value(0).toString() : QString();
    const auto is = [&](std::initializer_list<const char *> types) {
        for (const char *t : types)
            if (type == QLatin1String(t))
                return true;
        return false;
    };
    const char *text = QT_TRANSLATE_NOOP("plein::client::Outbox", "The server refused a change (%1).");
    if (is({protocol::type::PostEdit, protocol::type::CommentEdit, protocol::type::BlogSave, protocol::type::ChatEdit}))
        text = QT_TRANSLATE_NOOP("plein::client::Outbox", "Your edit could not be saved (%1). The server's version is shown again.");
    else if (is({protocol::type::PostDelete, protocol::type::CommentDelete, protocol::type::ChatDelete}))
        text = QT_TRANSLATE_NOOP("plein::client::Outbox", "Your delete was refused (%1). The item is shown again.");
    else if (is({protocol::type::PostReact, protocol::type::LikeSet, protocol::type::NewsReact, protocol::type::ChatReact}))
        text = QT_TRANSLATE_NOOP("plein::client::Outbox", "Your reaction could not be saved (%1) and was taken back.");
    else if (is({protocol::type::PostCreate, protocol::type::CommentCreate, protocol::type::GroupPost,
                 protocol::type::NewsComment, protocol::type::ChatSend}))
        text = QT_TRANSLATE_NOOP("plein::client::Outbox", "Your message could not be posted (%1). It is kept, marked as failed.");
    else if (is({protocol::type::FollowSet, protocol::type::HomeLayoutSet, protocol::type::NotificationMute,
                 protocol::type::NewsRead, protocol::type::NewsAck, protocol::type::GroupSave}))
        text = QT_TRANSLATE_NOOP("plein::client::Outbox", "Your change could not be saved (%1) and was taken back.");
    return QCoreApplication::translate("plein::client::Outbox", text).arg(reason);
}

QList<OutboxRow> Outbox::queued(qint64 afterOrd, int limit)
{
    bool ok = false;
    QSqlQuery &q = m_sql.exec(QStringLiteral("SELECT ord, op, type, entity_id, frame FROM outbox"
                                             " WHERE state = ? AND ord > ? ORDER BY ord LIMIT ?"),
                              {rowstate::Pending, QVariant::fromValue(afterOrd), limit}, &ok);
    QList<OutboxRow> rows;
    while (ok && q.next()) {
        rows.append(OutboxRow{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                              q.value(3).toString(), q.value(4).toString().toUtf8()});
    }
    q.finish();
    return rows;
}

Result<bool> Outbox::acknowledge(const QString &op, qint64 seq)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return Error{QStringLiteral("cache"), tx.error()};
    bool ok = false;
    QSqlQuery &row = m_sql.exec(QStringLiteral("SELECT type, entity_id FROM outbox WHERE op = ?"), {op}, &ok);
    if (!ok)
        return cacheError(QStringLiteral("ack %1").arg(op), row);
    if (!row.next())
        return false;  // already settled by its change
    const QString type = row.value(0).toString();
    const QString entity = row.value(1).toString();
    row.finish();
    // The entity counts as sent from now on; its change (with the server's time) follows.
    if (type == QLatin1String(protocol::type::PostCreate) || type == QLatin1String(protocol::type::CommentCreate)) {
        const QString sql = type == QLatin1String(protocol::type::PostCreate)
                                ? QStringLiteral("UPDATE posts SET state = 0, error = NULL, op = NULL WHERE id = ? AND op = ?")
                                : QStringLiteral("UPDATE comments SET state = 0, error = NULL, op = NULL WHERE id = ? AND op = ?");
        QSqlQuery &u = m_sql.exec(sql, {entity, op}, &ok);
        if (!ok)
            return cacheError(QStringLiteral("ack %1").arg(op), u);
    }
    chatcache::outboxAcked(m_db, type, entity, seq);
    QSqlQuery &del = m_sql.exec(QStringLiteral("DELETE FROM outbox WHERE op = ?"), {op}, &ok);
    if (!ok)
        return cacheError(QStringLiteral("ack %1").arg(op), del);
    del.finish();
    if (seq > 0) {
        // Until its change arrives, older copies of the entity must not undo the write.
        QSqlQuery &mark = m_sql.exec(QStringLiteral("INSERT OR REPLACE INTO outbox_acked (op, entity_id, type, seq)"
                                                    " SELECT ?, ?, ?, ? WHERE ? > coalesce((SELECT CAST(value AS INTEGER) FROM meta"
                                                    " WHERE key = ?), 0)"),
                                     {op, entity, type, QVariant::fromValue(seq), QVariant::fromValue(seq),
                                      QLatin1String(metakey::Cursor)},
                                     &ok);
        if (!ok)
            return cacheError(QStringLiteral("ack %1").arg(op), mark);
        mark.finish();
    }
    if (auto f = undo::forget(m_sql, op); !f)
        return f.error();
    if (auto r = replayer().replayHeld(entity, seq); !r)
        return r.error();
    if (!tx.commit())
        return Error{QStringLiteral("cache"), tx.error()};
    return true;
}

Result<bool> Outbox::fail(const QString &op, const QString &message)
{
    Transaction tx(m_db);
    if (!tx.isActive())
        return Error{QStringLiteral("cache"), tx.error()};
    bool ok = false;
    QSqlQuery &row = m_sql.exec(QStringLiteral("SELECT type, entity_id, frame, ord FROM outbox WHERE op = ? AND state = ?"),
                                {op, rowstate::Pending}, &ok);
    if (!ok)
        return cacheError(QStringLiteral("failing %1").arg(op), row);
    if (!row.next())
        return false;
    const QString type = row.value(0).toString();
    const QString entity = row.value(1).toString();
    const QByteArray frame = row.value(2).toString().toUtf8();
    const qint64 ord = row.value(3).toLongLong();
    row.finish();
    QSqlQuery &mark = m_sql.exec(QStringLiteral("UPDATE outbox SET state = ?, error = ? WHERE op = ?"),
                                 {rowstate::Failed, message, op}, &ok);
    if (!ok)
        return cacheError(QStringLiteral("failing %1").arg(op), mark);
    mark.finish();
    // The rows the write changed go back to how the server has them (or to a later write of
    // the same rows that is still queued), then the server's changes held back behind it land.
    auto reverted = undo::revert(m_sql, op, ord);
    if (!reverted)
        return reverted.error();
    if (auto failedRow = markCreatedFailed(m_sql, type, entity); !failedRow)
        return failedRow.error();
    if (type == QLatin1String(protocol::type::PostCreate) || type == QLatin1String(protocol::type::CommentCreate)) {
        const QString sql = type == QLatin1String(protocol::type::PostCreate)
                                ? QStringLiteral("UPDATE posts SET state = ?, error = ? WHERE id = ? AND op = ?")
                                : QStringLiteral("UPDATE comments SET state = ?, error = ? WHERE id = ? AND op = ?");
        QSqlQuery &u = m_sql.exec(sql, {rowstate::Failed, message, entity, op}, &ok);
        if (!ok)
            return cacheError(QStringLiteral("failing %1").arg(op), u);
    } else if (type == QLatin1String(protocol::type::LikeSet) && reverted.value() == 0) {
        // A like queued before pre-images were kept.
        // Undo the optimistic like unless a later like.set for the post is still queued.
        auto envelope = protocol::Envelope::decode(frame);
        auto body = envelope ? protocol::decode<protocol::LikeSetBody>(envelope->body)
                             : Result<protocol::LikeSetBody>(envelope.error());
        if (body) {
            QSqlQuery &u = m_sql.exec(
                QStringLiteral("UPDATE likes SET liked = ? WHERE post_id = ? AND user_id = ? AND liked = ?"
                               " AND NOT EXISTS (SELECT 1 FROM outbox WHERE state = ? AND type = ? AND entity_id = ?)"),
                {body->liked ? 0 : 1, entity, Replica::currentUserId(m_db), body->liked ? 1 : 0, rowstate::Pending,
                 type, entity},
                &ok);
            if (!ok)
                return cacheError(QStringLiteral("failing %1").arg(op), u);
        }
    } else {
        chatcache::outboxFailed(m_db, type, entity, op, message);
    }
    if (auto r = replayer().replayHeld(entity); !r)
        return r.error();
    if (!tx.commit())
        return Error{QStringLiteral("cache"), tx.error()};
    return true;
}

} // namespace plein::client
