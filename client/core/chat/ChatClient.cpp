#include "chat/ChatClient.h"

#include "Logging.h"
#include "cache/Replica.h"
#include "cache/ScopeCache.h"
#include "chat/ChatCache.h"
#include "chat/MessageListModel.h"
#include "chat/RoomListModel.h"
#include "protocol/ChatMessages.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"
#include "sync/SyncEngine.h"

#include <QSqlQuery>

namespace plein::client {

namespace {
constexpr int TypingShownMs = 5000;
QString l1(const char *s)
{
    return QLatin1String(s);
}
} // namespace

ChatClient::ChatClient(const QSqlDatabase &readDb, const QSqlDatabase &writeDb, SyncEngine *engine, QObject *parent)
    : QObject(parent), m_read(readDb), m_write(writeDb), m_engine(engine), m_rooms(new RoomListModel(readDb, this)),
      m_messages(new MessageListModel(readDb, this)), m_status(l1(protocol::chat::Online))
{
    m_clock.start();
    connect(engine, &SyncEngine::ephemeralReceived, this, &ChatClient::onEphemeral);
    m_typingExpiry.setInterval(1000);
    connect(&m_typingExpiry, &QTimer::timeout, this, [this] {
        const qint64 now = m_clock.elapsed();
        for (auto room = m_typing.begin(); room != m_typing.end(); ++room) {
            const auto before = room->size();
            room->removeIf([now](const auto &it) { return it.value() < now; });
            if (room->size() != before)
                emit typingChanged(room.key());
        }
        if (std::all_of(m_typing.cbegin(), m_typing.cend(), [](const auto &r) { return r.isEmpty(); }))
            m_typingExpiry.stop();
    });
    // Everything already cached counts as notified.
    QSqlQuery q(m_read);
    m_notifiedPos = q.exec(QStringLiteral("SELECT COALESCE(MAX(pos), 0) FROM chat_messages")) && q.next()
                        ? q.value(0).toLongLong()
                        : 0;
}

ChatClient::~ChatClient() = default;

QString ChatClient::myId() const
{
    return Replica::currentUserId(m_read);
}

void ChatClient::refresh()
{
    m_rooms->refresh();
    m_messages->refresh();
    checkNotifications();
}

void ChatClient::openRoom(const QString &roomId)
{
    m_current = roomId;
    m_messages->setRoom(roomId);
    if (m_messages->rowCount() < MessageListModel::PageSize)
        loadOlder();
}

bool ChatClient::loadOlder()
{
    if (m_current.isEmpty())
        return false;
    if (m_messages->loadOlder())
        return true;
    const QString scope = protocol::scope::make(protocol::scope::RoomPrefix, m_current);
    const scopecache::HistoryState h = scopecache::historyState(m_read, scope);
    if (!h.member || !h.more || !m_engine)
        return false;
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, scope, before = h.oldest] {
        engine->requestHistory(scope, before, MessageListModel::PageSize);
    });
    return true;
}

void ChatClient::markCurrentRead()
{
    if (m_current.isEmpty())
        return;
    const qint64 pos = m_messages->newestPos();
    if (pos <= m_messages->readPos())
        return;
    auto w = chatcache::markRead(m_write, m_current, pos);
    if (w && !w->op.isEmpty())
        emit wrote();
}

QString ChatClient::send(const QString &roomId, const QString &text, const QString &replyTo, QString *error)
{
    auto w = chatcache::send(m_write, roomId, text, replyTo);
    if (!w) {
        if (error)
            *error = w.error().message;
        return {};
    }
    m_typingSent.remove(roomId);
    emit wrote();
    return w->id;
}

bool ChatClient::edit(const QString &messageId, const QString &text, QString *error)
{
    auto w = chatcache::edit(m_write, messageId, text);
    if (!w) {
        if (error)
            *error = w.error().message;
        return false;
    }
    emit wrote();
    return true;
}

bool ChatClient::remove(const QString &messageId, QString *error)
{
    auto w = chatcache::remove(m_write, messageId);
    if (!w) {
        if (error)
            *error = w.error().message;
        return false;
    }
    emit wrote();
    return true;
}

bool ChatClient::react(const QString &messageId, const QString &emoji, bool on)
{
    auto w = chatcache::react(m_write, messageId, emoji, on);
    if (w)
        emit wrote();
    return w.ok();
}

bool ChatClient::setMuted(const QString &roomId, bool muted)
{
    auto w = chatcache::setMuted(m_write, roomId, muted);
    if (w)
        emit wrote();
    return w.ok();
}

QString ChatClient::createRoom(const QString &name, const QStringList &members, bool direct, QString *error)
{
    auto w = chatcache::createRoom(m_write, name, members, direct);
    if (!w) {
        if (error)
            *error = w.error().message;
        return {};
    }
    emit wrote();
    return w->id;
}

QString ChatClient::directRoom(const QString &userId, QString *error)
{
    auto w = chatcache::directRoom(m_write, userId);
    if (!w) {
        if (error)
            *error = w.error().message;
        return {};
    }
    if (!w->op.isEmpty()) {
        m_rooms->refresh();
        emit wrote();
    }
    return w->id;
}

bool ChatClient::addMember(const QString &roomId, const QString &userId)
{
    auto w = chatcache::addMember(m_write, roomId, userId);
    if (w)
        emit wrote();
    return w.ok();
}

bool ChatClient::removeMember(const QString &roomId, const QString &userId)
{
    auto w = chatcache::removeMember(m_write, roomId, userId);
    if (w)
        emit wrote();
    return w.ok();
}

bool ChatClient::leave(const QString &roomId)
{
    return removeMember(roomId, myId());
}

void ChatClient::typing(const QString &roomId)
{
    const qint64 now = m_clock.elapsed();
    const auto last = m_typingSent.constFind(roomId);
    if (last != m_typingSent.constEnd() && now - last.value() < protocol::chat::TypingIntervalMs)
        return;
    m_typingSent.insert(roomId, now);
    sendEphemeral(l1(protocol::type::ChatTyping), protocol::encode(protocol::ChatTypingBody{roomId, {}}));
}

QStringList ChatClient::typingIn(const QString &roomId) const
{
    QStringList names;
    const auto users = m_typing.value(roomId);
    for (auto it = users.cbegin(); it != users.cend(); ++it)
        names.append(nameOf(it.key()));
    names.sort();
    return names;
}

void ChatClient::setStatus(const QString &status)
{
    if (status == m_status || !protocol::chat::isValidStatus(status, false))
        return;
    m_status = status;
    sendEphemeral(l1(protocol::type::PresenceSet), protocol::encode(protocol::PresenceSetBody{status}));
    emit presenceChanged(myId());
}

QString ChatClient::presenceOf(const QString &userId) const
{
    return m_presence.value(userId, l1(protocol::chat::Offline));
}

QList<ChatHit> ChatClient::search(const QString &query, const QString &roomId) const
{
    return chatsearch::search(m_read, query, roomId);
}

void ChatClient::sendEphemeral(const QString &type, const QJsonObject &body)
{
    if (!m_engine)
        return;
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, type, body] { engine->sendEphemeral(type, body); });
}

void ChatClient::onEphemeral(const QString &type, const QJsonObject &body)
{
    if (type == l1(protocol::type::ChatTyping)) {
        auto t = protocol::decode<protocol::ChatTypingBody>(body);
        if (!t || t->user.isEmpty())
            return;
        m_typing[t->room].insert(t->user, m_clock.elapsed() + TypingShownMs);
        if (!m_typingExpiry.isActive())
            m_typingExpiry.start();
        emit typingChanged(t->room);
    } else if (type == l1(protocol::type::Presence)) {
        auto p = protocol::decode<protocol::PresenceBody>(body);
        if (!p)
            return;
        for (const protocol::PresenceEntry &e : p->users) {
            if (e.status == QLatin1String(protocol::chat::Offline))
                m_presence.remove(e.user);
            else
                m_presence.insert(e.user, e.status);
            emit presenceChanged(e.user);
        }
    }
}

QString ChatClient::userIdFor(const QString &name) const
{
    QSqlQuery q(m_read);
    q.prepare(QStringLiteral("SELECT id FROM users WHERE name = ?"));
    q.addBindValue(name);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

QString ChatClient::nameOf(const QString &userId) const
{
    QSqlQuery q(m_read);
    q.prepare(QStringLiteral("SELECT display_name FROM users WHERE id = ?"));
    q.addBindValue(userId);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

void ChatClient::checkNotifications()
{
    const QString me = myId();
    if (m_notifiedPos <= 0) {
        // The first sync of this replica: history, not news.
        QSqlQuery max(m_read);
        if (max.exec(QStringLiteral("SELECT COALESCE(MAX(pos), 0) FROM chat_messages")) && max.next())
            m_notifiedPos = max.value(0).toLongLong();
        return;
    }
    QSqlQuery q(m_read);
    q.prepare(QStringLiteral("SELECT m.room, m.pos, m.text, m.mentions_me, COALESCE(u.display_name, ''),"
                             " COALESCE(s.muted, 0), r.name, r.direct"
                             " FROM chat_messages m JOIN chat_rooms r ON r.id = m.room"
                             " LEFT JOIN chat_state s ON s.room = m.room LEFT JOIN users u ON u.id = m.author_id"
                             " WHERE m.pos > ? AND m.author_id <> ? AND m.deleted = 0 AND m.pos > COALESCE(s.read_pos, 0)"
                             " ORDER BY m.pos LIMIT 20"));
    q.addBindValue(QVariant::fromValue(m_notifiedPos));
    q.addBindValue(me);
    if (!q.exec())
        return;
    while (q.next()) {
        m_notifiedPos = qMax(m_notifiedPos, q.value(1).toLongLong());
        const QString room = q.value(0).toString();
        const bool mention = q.value(3).toInt() != 0;
        const bool muted = q.value(5).toInt() != 0;
        if (room == m_current || (muted && !mention))
            continue;
        const QString author = q.value(4).toString();
        const QString title = q.value(7).toInt() != 0 ? author : QStringLiteral("%1 · %2").arg(author, q.value(6).toString());
        emit notify(room, title, q.value(2).toString().left(200), mention);
    }
    // Rows beyond this batch (a big sync) are not worth a notification each.
    QSqlQuery max(m_read);
    if (max.exec(QStringLiteral("SELECT COALESCE(MAX(pos), 0) FROM chat_messages")) && max.next())
        m_notifiedPos = qMax(m_notifiedPos, max.value(0).toLongLong());
}

} // namespace plein::client
