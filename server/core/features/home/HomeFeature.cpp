#include "features/home/HomeFeature.h"

#include "model/Ids.h"
#include "protocol/Protocol.h"
#include "store/Database.h"
#include "sync/ChangeLog.h"
#include "sync/Writer.h"

namespace plein::server {

void HomeFeature::registerHandlers(WriteHandlers &handlers)
{
    handlers.add(QLatin1String(protocol::type::HomeLayoutSet),
                 [this](const Person &a, const QString &op, const QJsonObject &b) { return setLayout(a, op, b); });
}

Result<protocol::AckBody> HomeFeature::setLayout(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::HomeLayoutBody>(body);
    if (!in)
        return in.error();
    const qint64 seq = store(actor.id, in->widgets, op, ids::nowMs());
    if (seq == 0)
        return Error{QLatin1String(protocol::code::Internal), QStringLiteral("could not store the layout")};
    return protocol::AckBody{op, seq, actor.id};
}

qint64 HomeFeature::store(const QString &userId, const QStringList &widgets, const QString &op, qint64 at)
{
    // One id per line (ids never hold a line break).
    const QString text = widgets.join(QLatin1Char('\n'));
    Stmt s(m_db, QStringLiteral("INSERT INTO home_layouts (user_id, widgets, updated) VALUES (?, ?, ?)"
                                " ON CONFLICT (user_id) DO UPDATE SET widgets = excluded.widgets, updated = excluded.updated"));
    s.bind(userId).bind(text).bind(at);
    if (!s.exec())
        return 0;
    return m_log.append({protocol::audience::user(userId), QLatin1String(protocol::kind::HomeLayout), userId, op, false,
                         protocol::encode(protocol::HomeLayout{widgets, at})},
                        at);
}

std::optional<protocol::HomeLayout> HomeFeature::layoutOf(const QString &userId) const
{
    Stmt s(m_db, QStringLiteral("SELECT widgets, updated FROM home_layouts WHERE user_id = ?"));
    s.bind(userId);
    if (!s.exec() || !s.next())
        return std::nullopt;
    protocol::HomeLayout l;
    l.widgets = s.value(0).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    l.updated = s.value(1).toLongLong();
    return l;
}

} // namespace plein::server
