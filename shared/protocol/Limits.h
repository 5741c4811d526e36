#pragma once

#include <QtGlobal>

// Every limit the protocol enforces, in one place, so that client validation and server
// enforcement cannot drift apart. docs/protocol.md lists them.
namespace plein::limits {

constexpr qint64 MaxFrameBytes = 256 * 1024;      // one WebSocket frame
constexpr qint64 MaxMessageBytes = 256 * 1024;    // one whole (possibly fragmented) message
constexpr int MaxUserNameChars = 64;
constexpr int MaxDisplayNameChars = 128;
constexpr int MaxPasswordChars = 1024;
constexpr int MaxPostChars = 10000;
constexpr int MaxCommentChars = 4000;
constexpr int MaxIdChars = 64;
constexpr int MaxDeviceChars = 128;
constexpr int SyncBatchSize = 500;                // changes per `changes` frame during sync
constexpr int RequestsPerSecond = 50;             // sustained per connection
constexpr int RequestBurst = 400;                 // token-bucket size per connection
constexpr int LoginFailuresBeforeThrottle = 5;    // per user name, within the window below
constexpr int LoginThrottleWindowSecs = 15 * 60;
constexpr int SessionLifetimeDays = 30;
constexpr int AuthTimeoutSecs = 30;               // an unauthenticated connection is closed after this

} // namespace plein::limits
