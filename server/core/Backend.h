#pragma once

#include "auth/Accounts.h"
#include "auth/AuthService.h"
#include "features/blog/BlogFeature.h"
#include "features/chat/ChatFeature.h"
#include "features/chat/ChatLive.h"
#include "features/follows/FollowsFeature.h"
#include "features/groups/GroupsFeature.h"
#include "features/home/HomeFeature.h"
#include "features/notifications/NotificationsFeature.h"
#include "features/notifications/MustReadNotices.h"
#include "features/notifications/Notifier.h"
#include "features/news/NewsFeature.h"
#include "features/news/NewsReach.h"
#include "features/news/NewsScheduler.h"
#include "features/news/NewsStore.h"
#include "features/people/PeopleFeature.h"
#include "features/people/PeopleStore.h"
#include "features/timeline/PostsFeature.h"
#include "features/timeline/TimelineFeature.h"
#include "store/AppliedOpStore.h"
#include "store/Database.h"
#include "store/SessionStore.h"
#include "store/TimelineStore.h"
#include "store/UserStore.h"
#include "sync/ChangeLog.h"
#include "sync/Hub.h"
#include "sync/Scopes.h"
#include "sync/Requests.h"
#include "sync/Writer.h"

#include <QString>

namespace plein::server {

// Everything behind the sockets, wired once: the database, its stores, auth, the change
// log, the writer with every feature's handlers, and the fan-out hub. Tests use it
// directly; plein-server puts a WebSocketServer in front of it.
class Backend
{
public:
    explicit Backend(const QString &connectionName = QStringLiteral("plein-server"));
    Backend(const Backend &) = delete;
    Backend &operator=(const Backend &) = delete;

    bool open(const QString &dataDir, QString *error = nullptr, int schemaVersion = Database::Latest);

    Database db;
    UserStore users{db};
    SessionStore sessions{db};
    TimelineStore timeline{db};
    AppliedOpStore appliedOps{db};
    ChangeLog log{db};
    AuthService auth{users, sessions};
    Accounts accounts{db, users, log};
    Writer writer{db, appliedOps};
    WriteHandlers writeHandlers;
    Hub hub;
    TimelineFeature timelineFeature{timeline, log};
    Scopes scopes{db, log};
    ChatFeature chatFeature{db, log, scopes, users};
    ChatLive chatLive{scopes, hub};
    NewsStore news{db};
    NewsFeature newsFeature{news, log};
    NewsScheduler newsScheduler{db, news, newsFeature, hub};
    NewsReach newsReach{db, news, log, hub};
    GroupsFeature groupsFeature{db, scopes, log};
    // Reactions, edits, deletes and comments on any post; blog pages.
    PostsFeature postsFeature{db, scopes, log, timelineFeature};
    BlogFeature blogFeature{db, log, postsFeature};
    // People and the Kennisconnector: directory, photos, endorsements, experts.
    RequestHandlers requestHandlers;
    PeopleStore people{db};
    PeopleFeature peopleFeature{people, users, log};
    // Follows, the start page and notifications (derived from every logged change).
    FollowsFeature followsFeature{db, scopes, log};
    HomeFeature homeFeature{db, log};
    Notifier notifier{db, scopes, log};
    NotificationsFeature notificationsFeature{db, scopes, log};
    // Must-read notifications per person, at sign-in and for those online (not per audience).
    MustReadNotices mustReadNotices{db, news, log, hub};
};

} // namespace plein::server
