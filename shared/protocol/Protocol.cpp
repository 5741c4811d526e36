#include "protocol/Protocol.h"

#include <QSet>

namespace plein::protocol {

QString audience::user(const QString &userId)
{
    return QStringLiteral("user:") + userId;
}

bool isKnownType(const QString &t)
{
    static const QSet<QString> known = {
        QLatin1String(type::Hello),      QLatin1String(type::Ping),       QLatin1String(type::Pong),
        QLatin1String(type::Error),      QLatin1String(type::Ok),         QLatin1String(type::AuthLogin),
        QLatin1String(type::AuthResume), QLatin1String(type::AuthOk),     QLatin1String(type::AuthLogout),
        QLatin1String(type::Sync),       QLatin1String(type::Changes),    QLatin1String(type::SyncDone),
        QLatin1String(type::Ack),        QLatin1String(type::PostCreate), QLatin1String(type::CommentCreate),
        QLatin1String(type::LikeSet),
        QLatin1String(type::NewsSave),   QLatin1String(type::NewsPin),    QLatin1String(type::NewsUnpublish),
        QLatin1String(type::NewsRead),   QLatin1String(type::NewsAck),    QLatin1String(type::NewsComment),
        QLatin1String(type::NewsReact),
        QLatin1String(type::GroupSave),  QLatin1String(type::GroupJoin),  QLatin1String(type::GroupLeave),
        QLatin1String(type::GroupMember), QLatin1String(type::GroupPost),
        QLatin1String(type::ScopeSnapshot), QLatin1String(type::History), QLatin1String(type::HistoryPage),
        QLatin1String(type::ChatRoomCreate), QLatin1String(type::ChatMemberAdd), QLatin1String(type::ChatMemberRemove),
        QLatin1String(type::ChatSend), QLatin1String(type::ChatEdit), QLatin1String(type::ChatDelete),
        QLatin1String(type::ChatReact), QLatin1String(type::ChatRead), QLatin1String(type::ChatMute),
        QLatin1String(type::ChatTyping), QLatin1String(type::PresenceSet), QLatin1String(type::Presence),
        QLatin1String(type::ProfileUpdate), QLatin1String(type::PersonActive), QLatin1String(type::SkillEndorse),
        QLatin1String(type::ExpertAsk),  QLatin1String(type::ExpertAnswer), QLatin1String(type::ExpertGap),
        QLatin1String(type::ExpertGaps), QLatin1String(type::ExpertGapsList), QLatin1String(type::PhotoUpload),
        QLatin1String(type::PhotoStored), QLatin1String(type::PhotoGet), QLatin1String(type::PhotoData),
        QLatin1String(type::FollowSet), QLatin1String(type::HomeLayoutSet), QLatin1String(type::NotificationRead),
        QLatin1String(type::NotificationMute),
        QLatin1String(type::PostReact),  QLatin1String(type::PostEdit),   QLatin1String(type::PostDelete),
        QLatin1String(type::CommentEdit), QLatin1String(type::CommentDelete), QLatin1String(type::BlogSave),
    };
    return known.contains(t);
}

} // namespace plein::protocol
