#pragma once

#include "model/Types.h"
#include "protocol/Error.h"
#include "store/UserStore.h"

#include <QString>

#include <functional>
#include <optional>

namespace plein::server {

class SessionStore;

struct SignedIn
{
    QString token;       // handed to the client once; only its hash is stored
    QString tokenHash;
    qint64 expires = 0;
    Person user;
};

// Sign-in by password or token, sign-out, and throttling of failed sign-ins per user name
// (limits::LoginFailuresBeforeThrottle within limits::LoginThrottleWindowSecs, even when
// the password is right).
//
// A password sign-in has three steps so the slow Argon2 verification can run off the
// event loop: prepareLogin() and finishLogin() touch the database, password::verify() in
// between touches nothing. login() runs all three in a row.
class AuthService
{
public:
    using Clock = std::function<qint64()>;

    AuthService(UserStore &users, SessionStore &sessions);

    void setClock(Clock clock) { m_clock = std::move(clock); }
    qint64 now() const { return m_clock(); }

    // Seconds until `name` may try again; 0 when it is not throttled.
    int throttledFor(const QString &name);
    // The auth_throttled message; it names the wait so a client can show it even without retry_after.
    static QString throttledMessage(int waitSecs);

    struct Attempt
    {
        QString name;                     // normalised (lower case)
        QString device;
        QString phc;                      // what to verify the password against
        std::optional<UserRecord> user;   // empty for an unknown or inactive name
    };
    // Unknown names get a dummy hash, so that a wrong name costs as long as a wrong password.
    Attempt prepareLogin(const QString &name, const QString &device);
    // auth_throttled, auth_failed or a new session.
    Result<SignedIn> finishLogin(const Attempt &attempt, bool passwordOk);
    Result<SignedIn> login(const QString &name, const QString &password, const QString &device);

    // token_invalid for an unknown, expired or revoked token, or an inactive user.
    Result<SignedIn> resume(const QString &token);
    bool logout(const QString &tokenHash);

private:
    UserStore &m_users;
    SessionStore &m_sessions;
    Clock m_clock;
};

} // namespace plein::server
