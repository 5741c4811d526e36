#pragma once

#include <QString>

// The one list of message types and error codes. Both lists are append-only: a name, once
// shipped, keeps its meaning forever. docs/protocol.md documents each entry.
namespace plein::protocol {

constexpr int Version = 1;

namespace type {
// connection
inline constexpr char Hello[] = "hello";
inline constexpr char Ping[] = "ping";
inline constexpr char Pong[] = "pong";
inline constexpr char Error[] = "error";
inline constexpr char Ok[] = "ok";
// auth
inline constexpr char AuthLogin[] = "auth.login";
inline constexpr char AuthResume[] = "auth.resume";
inline constexpr char AuthOk[] = "auth.ok";
inline constexpr char AuthLogout[] = "auth.logout";
// sync
inline constexpr char Sync[] = "sync";
inline constexpr char Changes[] = "changes";
inline constexpr char SyncDone[] = "sync.done";
inline constexpr char Ack[] = "ack";
// timeline writes (each carries an op id)
inline constexpr char PostCreate[] = "post.create";
inline constexpr char CommentCreate[] = "comment.create";
inline constexpr char LikeSet[] = "like.set";
// managed news (NewsMessages.h): writes, each with an op
inline constexpr char NewsSave[] = "news.save";
inline constexpr char NewsPin[] = "news.pin";
inline constexpr char NewsUnpublish[] = "news.unpublish";
inline constexpr char NewsRead[] = "news.read";
inline constexpr char NewsAck[] = "news.ack";
inline constexpr char NewsComment[] = "news.comment";
inline constexpr char NewsReact[] = "news.react";
// groups (GroupMessages.h): writes, each with an op
inline constexpr char GroupSave[] = "group.save";
inline constexpr char GroupJoin[] = "group.join";
inline constexpr char GroupLeave[] = "group.leave";
inline constexpr char GroupMember[] = "group.member";
inline constexpr char GroupPost[] = "group.post";
// scoped audiences (ScopeMessages.h): recent content of a scope and older pages on demand
inline constexpr char ScopeSnapshot[] = "scope.snapshot";
inline constexpr char History[] = "history";
inline constexpr char HistoryPage[] = "history.page";
// chat (ChatMessages.h): writes with an op, then ephemeral frames without one
inline constexpr char ChatRoomCreate[] = "chat.room.create";
inline constexpr char ChatMemberAdd[] = "chat.member.add";
inline constexpr char ChatMemberRemove[] = "chat.member.remove";
inline constexpr char ChatSend[] = "chat.send";
inline constexpr char ChatEdit[] = "chat.edit";
inline constexpr char ChatDelete[] = "chat.delete";
inline constexpr char ChatReact[] = "chat.react";
inline constexpr char ChatRead[] = "chat.read";
inline constexpr char ChatMute[] = "chat.mute";
inline constexpr char ChatTyping[] = "chat.typing";
inline constexpr char PresenceSet[] = "presence.set";
inline constexpr char Presence[] = "presence";
// people and the Kennisconnector (PeopleMessages.h): writes with an op, then requests
inline constexpr char ProfileUpdate[] = "profile.update";
inline constexpr char PersonActive[] = "person.active";
inline constexpr char SkillEndorse[] = "skill.endorse";
inline constexpr char ExpertAsk[] = "expert.ask";
inline constexpr char ExpertAnswer[] = "expert.answer";
inline constexpr char ExpertGap[] = "expert.gap";
inline constexpr char ExpertGaps[] = "expert.gaps";
inline constexpr char ExpertGapsList[] = "expert.gaps.list";
inline constexpr char PhotoUpload[] = "photo.upload";
inline constexpr char PhotoStored[] = "photo.stored";
inline constexpr char PhotoGet[] = "photo.get";
inline constexpr char PhotoData[] = "photo.data";
// follows, the start page and notifications (HomeMessages.h): writes, each with an op
inline constexpr char FollowSet[] = "follow.set";
inline constexpr char HomeLayoutSet[] = "home.layout";
inline constexpr char NotificationRead[] = "notification.read";
inline constexpr char NotificationMute[] = "notification.mute";
// posts, group posts and blog pages (PostMessages.h): writes, each with an op
inline constexpr char PostReact[] = "post.react";
inline constexpr char PostEdit[] = "post.edit";
inline constexpr char PostDelete[] = "post.delete";
inline constexpr char CommentEdit[] = "comment.edit";
inline constexpr char CommentDelete[] = "comment.delete";
inline constexpr char BlogSave[] = "blog.save";
} // namespace type

// Stable error codes carried in error.body.code.
namespace code {
inline constexpr char BadFrame[] = "bad_frame";             // not JSON, not an object, binary where text expected
inline constexpr char UnknownType[] = "unknown_type";       // type not in the list above
inline constexpr char BadRequest[] = "bad_request";         // missing or invalid field
inline constexpr char TooLarge[] = "too_large";             // a field over its limit
inline constexpr char UnsupportedVersion[] = "unsupported_version";
inline constexpr char AuthRequired[] = "auth_required";     // request before auth.ok
inline constexpr char AuthFailed[] = "auth_failed";         // wrong user name or password
inline constexpr char AuthThrottled[] = "auth_throttled";   // too many failures; body.retry_after seconds
inline constexpr char TokenInvalid[] = "token_invalid";     // unknown, expired or revoked token
inline constexpr char Forbidden[] = "forbidden";            // authenticated but not allowed
inline constexpr char NotFound[] = "not_found";             // referenced entity absent or not visible
inline constexpr char Conflict[] = "conflict";              // id already used by another op
inline constexpr char RateLimited[] = "rate_limited";       // request rate over the limit
inline constexpr char Internal[] = "internal";              // server fault; the request had no effect
} // namespace code

// WebSocket close codes the server uses (RFC 6455 plus the private range).
namespace close {
constexpr int Normal = 1000;
constexpr int GoingAway = 1001;             // server shutting down
constexpr int ProtocolError = 1002;
constexpr int TooLarge = 1009;              // message over limits::MaxMessageBytes
constexpr int AuthTimeout = 4001;           // no successful auth within limits::AuthTimeoutSecs
constexpr int SessionRevoked = 4002;        // the session's token was revoked
} // namespace close

// The audience of a change: who may see it. "org" is everyone signed in.
namespace audience {
inline constexpr char Org[] = "org";
QString user(const QString &userId);
} // namespace audience

bool isKnownType(const QString &type);

} // namespace plein::protocol
