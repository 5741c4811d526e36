#include "people/ExpertNotices.h"

#include "Logging.h"
#include "cache/Replica.h"
#include "protocol/PeopleMessages.h"

#include <QSqlError>
#include <QSqlQuery>

namespace plein::client {

namespace {
const QString SeenKey = QStringLiteral("people.notices_seen");
}

ExpertNotices::ExpertNotices(const QSqlDatabase &readDb, const QSqlDatabase &writeDb, QObject *parent)
    : QObject(parent), m_read(readDb), m_write(writeDb)
{
    // Everything cached before this run counts as announced (the badge still counts it).
    m_announced = maxSeq();
}

qint64 ExpertNotices::maxSeq() const
{
    QSqlQuery q(m_read);
    return q.exec(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM notices")) && q.next() ? q.value(0).toLongLong() : 0;
}

qint64 ExpertNotices::seenMark() const
{
    return Replica::meta(m_read, SeenKey).toLongLong();
}

int ExpertNotices::unseen() const
{
    QSqlQuery q(m_read);
    q.prepare(QStringLiteral("SELECT count(*) FROM notices WHERE seq > ?"));
    q.addBindValue(seenMark());
    return q.exec() && q.next() ? q.value(0).toInt() : 0;
}

bool ExpertNotices::isNew(const QString &questionId, qint64 mark) const
{
    QSqlQuery q(m_read);
    q.prepare(QStringLiteral("SELECT 1 FROM notices WHERE question = ? AND seq > ? LIMIT 1"));
    q.addBindValue(questionId);
    q.addBindValue(mark);
    return q.exec() && q.next();
}

void ExpertNotices::markAllSeen()
{
    const qint64 top = maxSeq();
    if (top <= seenMark())
        return;
    if (!Replica::setMeta(m_write, SeenKey, QString::number(top)))
        qCWarning(lcCache) << "cannot store the seen mark of expert notices";
    check();
}

void ExpertNotices::check()
{
    QSqlQuery q(m_read);
    q.prepare(QStringLiteral("SELECT n.seq, n.kind, n.question, n.text, COALESCE(u.display_name, ''),"
                             " COALESCE(qs.topic, ''), COALESCE(qs.text, '') FROM notices n"
                             " LEFT JOIN users u ON u.id = n.from_id LEFT JOIN questions qs ON qs.id = n.question"
                             " WHERE n.seq > ? ORDER BY n.seq"));
    q.addBindValue(m_announced);
    if (q.exec()) {
        while (q.next()) {
            m_announced = std::max(m_announced, q.value(0).toLongLong());
            const bool asked = q.value(1).toString() == QLatin1String(protocol::people::NoticeQuestion);
            const QString from = q.value(4).toString();
            const QString topic = q.value(5).toString();
            QString text = q.value(3).toString();
            if (text.isEmpty())
                text = q.value(6).toString();
            const QString title = asked ? tr("%1 asks you about %2").arg(from, topic)
                                        : tr("%1 answered your question about %2").arg(from, topic);
            emit arrived(q.value(2).toString(), title, text.left(200));
        }
    } else {
        qCWarning(lcCache) << "expert notices:" << q.lastError().text();
    }
    const int n = unseen();
    if (n != m_lastUnseen) {
        m_lastUnseen = n;
        emit unseenChanged(n);
    }
}

} // namespace plein::client
