#include "auth/AuthService.h"

#include "Logging.h"
#include "auth/Password.h"
#include "auth/Tokens.h"
#include "model/Ids.h"
#include "protocol/Limits.h"
#include "protocol/Protocol.h"
#include "store/SessionStore.h"

namespace plein::server {

namespace {
constexpr qint64 WindowMs = qint64(limits::LoginThrottleWindowSecs) * 1000;
constexpr qint64 LifetimeMs = qint64(limits::SessionLifetimeDays) * 24 * 3600 * 1000;

Error error(const char *code, const QString &message)
{
    return Error{QLatin1String(code), message};
}

const QString &dummyHash()
{
    static const QString phc = [] {
        auto h = password::hash(QStringLiteral("no such user"));
        return h.ok() ? h.value() : QString();
    }();
    return phc;
}
} // namespace

AuthService::AuthService(UserStore &users, SessionStore &sessions)
    : m_users(users), m_sessions(sessions), m_clock(&ids::nowMs)
{
}

int AuthService::throttledFor(const QString &name)
{
    const qint64 t = now();
    const QList<qint64> recent =
        m_sessions.recentFailures(name.toLower(), t - WindowMs, limits::LoginFailuresBeforeThrottle);
    if (recent.size() < limits::LoginFailuresBeforeThrottle)
        return 0;
    // Throttled until the oldest of the last five failures leaves the window.
    const qint64 until = recent.constLast() + WindowMs;
    return int(qMax<qint64>(1, (until - t + 999) / 1000));
}

AuthService::Attempt AuthService::prepareLogin(const QString &name, const QString &device)
{
    Attempt a;
    a.name = name.toLower();
    a.device = device;
    auto user = m_users.byName(a.name);
    if (user && user->active) {
        a.user = std::move(user);
        a.phc = a.user->passwordHash;
    } else {
        a.phc = dummyHash();
    }
    return a;
}

QString AuthService::throttledMessage(int waitSecs)
{
    return QStringLiteral("too many failed sign-ins; try again in %1 s").arg(waitSecs);
}

Result<SignedIn> AuthService::finishLogin(const Attempt &a, bool passwordOk)
{
    const qint64 t = now();
    // Checked here rather than only before verifying: parallel attempts on several
    // connections must not slip past the limit while their hashes were being checked.
    if (const int wait = throttledFor(a.name); wait > 0)
        return error(protocol::code::AuthThrottled, throttledMessage(wait));
    if (!passwordOk || !a.user) {
        m_sessions.recordFailure(a.name, t);
        m_sessions.pruneFailures(t - WindowMs);
        qCInfo(lcAuth, "failed sign-in for '%s'", qPrintable(a.name));
        return error(protocol::code::AuthFailed, QStringLiteral("wrong user name or password"));
    }
    m_sessions.clearFailures(a.name);

    SignedIn s;
    s.token = tokens::create();
    s.tokenHash = tokens::hash(s.token);
    s.expires = t + LifetimeMs;
    s.user = a.user->person;
    SessionRecord r{s.tokenHash, s.user.id, a.device, t, s.expires, 0};
    if (!m_sessions.insert(r))
        return error(protocol::code::Internal, QStringLiteral("could not store the session"));
    qCDebug(lcAuth, "'%s' signed in", qPrintable(a.name));
    return s;
}

Result<SignedIn> AuthService::login(const QString &name, const QString &pwd, const QString &device)
{
    if (const int wait = throttledFor(name); wait > 0)
        return error(protocol::code::AuthThrottled, throttledMessage(wait));
    const Attempt a = prepareLogin(name, device);
    return finishLogin(a, password::verify(a.phc, pwd));
}

Result<SignedIn> AuthService::resume(const QString &token)
{
    const Error invalid = error(protocol::code::TokenInvalid, QStringLiteral("the session token is unknown, expired or revoked"));
    if (token.isEmpty())
        return invalid;
    const QString h = tokens::hash(token);
    const auto rec = m_sessions.byTokenHash(h);
    if (!rec || rec->revoked != 0 || rec->expires <= now())
        return invalid;
    const auto user = m_users.byId(rec->userId);
    if (!user || !user->active)
        return invalid;
    return SignedIn{token, h, rec->expires, user->person};
}

bool AuthService::logout(const QString &tokenHash)
{
    return m_sessions.revoke(tokenHash, now());
}

} // namespace plein::server
