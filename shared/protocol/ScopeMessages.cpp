#include "protocol/ScopeMessages.h"

#include "model/Ids.h"
#include "protocol/FieldReader.h"

#include <QJsonArray>

namespace plein::protocol {

QString scope::make(const char *prefix, const QString &id)
{
    return QLatin1String(prefix) + QLatin1Char(':') + id;
}

QString scope::prefixOf(const QString &s)
{
    const qsizetype colon = s.indexOf(QLatin1Char(':'));
    return colon < 0 ? QString() : s.left(colon);
}

QString scope::idOf(const QString &s)
{
    const qsizetype colon = s.indexOf(QLatin1Char(':'));
    return colon < 0 ? QString() : s.mid(colon + 1);
}

bool scope::isValid(const QString &s)
{
    const QString p = prefixOf(s);
    return (p == QLatin1String(RoomPrefix) || p == QLatin1String(GroupPrefix)) && ids::isValid(idOf(s));
}

bool scope::isValidRole(const QString &r)
{
    return r == QLatin1String(Owner) || r == QLatin1String(MemberRole);
}

QJsonObject encode(const Membership &m)
{
    return {{QStringLiteral("scope"), m.scope},
            {QStringLiteral("user"), m.user},
            {QStringLiteral("role"), m.role},
            {QStringLiteral("joined"), double(m.joined)}};
}

template<>
Result<Membership> decode<Membership>(const QJsonObject &o)
{
    FieldReader r(o);
    Membership m;
    m.scope = r.string("scope", 80);
    m.user = r.id("user");
    m.role = r.string("role", 16);
    m.joined = r.integer("joined", false);
    if (r.ok() && !scope::isValid(m.scope))
        r.fail(QLatin1String(code::BadRequest), QStringLiteral("'scope' must be room:<id> or group:<id>"));
    if (r.ok() && !scope::isValidRole(m.role))
        r.fail(QLatin1String(code::BadRequest), QStringLiteral("unknown role '%1'").arg(m.role));
    return r.finish(m);
}

QJsonObject encode(const HistoryBody &b)
{
    return {{QStringLiteral("scope"), b.scope},
            {QStringLiteral("before"), double(b.before)},
            {QStringLiteral("limit"), b.limit}};
}

template<>
Result<HistoryBody> decode<HistoryBody>(const QJsonObject &o)
{
    FieldReader r(o);
    HistoryBody b;
    b.scope = r.string("scope", 80);
    b.before = r.integer("before", false);
    b.limit = int(r.integer("limit", false, 1, scope::SnapshotSize));
    if (r.ok() && !scope::isValid(b.scope))
        r.fail(QLatin1String(code::BadRequest), QStringLiteral("'scope' must be room:<id> or group:<id>"));
    if (r.ok() && b.limit > scope::MaxHistoryPage)
        r.fail(QLatin1String(code::TooLarge), QStringLiteral("'limit' is over %1").arg(scope::MaxHistoryPage));
    return r.finish(b);
}

QJsonObject encode(const ScopePageBody &b)
{
    QJsonArray a;
    for (const Change &c : b.changes)
        a.append(encode(c));
    return {{QStringLiteral("scope"), b.scope},
            {QStringLiteral("changes"), a},
            {QStringLiteral("oldest"), double(b.oldest)},
            {QStringLiteral("more"), b.more}};
}

template<>
Result<ScopePageBody> decode<ScopePageBody>(const QJsonObject &o)
{
    FieldReader r(o);
    ScopePageBody b;
    b.scope = r.string("scope", 80);
    const QJsonArray a = r.array("changes");
    b.oldest = r.integer("oldest", false);
    b.more = r.boolean("more", false);
    if (r.ok() && !scope::isValid(b.scope))
        r.fail(QLatin1String(code::BadRequest), QStringLiteral("'scope' must be room:<id> or group:<id>"));
    if (!r.ok())
        return r.error();
    b.changes.reserve(a.size());
    for (const QJsonValue &v : a) {
        if (!v.isObject())
            return Error{QLatin1String(code::BadRequest), QStringLiteral("'changes' must hold objects")};
        auto c = decode<Change>(v.toObject());
        if (!c)
            return c.error();
        b.changes.append(std::move(c).value());
    }
    return b;
}

} // namespace plein::protocol
