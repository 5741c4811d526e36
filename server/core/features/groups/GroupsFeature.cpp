#include "features/groups/GroupsFeature.h"

#include "features/timeline/PostsFeature.h"

#include "model/Ids.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"
#include "store/Database.h"
#include "sync/ChangeLog.h"
#include "sync/Scopes.h"
#include "sync/Writer.h"

#include <limits>

namespace plein::server {

namespace {

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

Error error(const char *code, const QString &message)
{
    return Error{k(code), message};
}

// Says nothing about the group, not even its id: a secret group does not exist outside.
Error notFound(const QString &)
{
    return error(protocol::code::NotFound, QStringLiteral("no such group"));
}

Error internal(const QString &what)
{
    return error(protocol::code::Internal, QStringLiteral("could not %1").arg(what));
}

QString scopeOf(const QString &groupId)
{
    return protocol::scope::make(protocol::scope::GroupPrefix, groupId);
}

bool isSecret(const protocol::GroupInfo &g)
{
    return g.visibility == k(protocol::visibility::Secret);
}

bool mayMakeSecret(const Person &p)
{
    return p.role == k(role::Editor) || p.role == k(role::Admin);
}

QString requestId(const QString &group, const QString &user)
{
    return group + QLatin1Char(':') + user;
}

} // namespace

void GroupsFeature::registerHandlers(WriteHandlers &handlers)
{
    using Fn = Result<protocol::AckBody> (GroupsFeature::*)(const Person &, const QString &, const QJsonObject &);
    const std::pair<const char *, Fn> writes[] = {
        {protocol::type::GroupSave, &GroupsFeature::save},   {protocol::type::GroupJoin, &GroupsFeature::join},
        {protocol::type::GroupLeave, &GroupsFeature::leave}, {protocol::type::GroupMember, &GroupsFeature::member},
        {protocol::type::GroupPost, &GroupsFeature::post},
    };
    for (const auto &w : writes)
        handlers.add(k(w.first), [this, fn = w.second](const Person &a, const QString &op, const QJsonObject &b) {
            return (this->*fn)(a, op, b);
        });
    m_scopes.addPager(k(protocol::scope::GroupPrefix),
                      [this](const QString &scope, qint64 before, int limit) { return page(scope, before, limit); });
}

std::optional<protocol::GroupInfo> GroupsFeature::group(const QString &id, qint64 *seq) const
{
    Stmt s(m_db, QStringLiteral("SELECT name, description, kind, visibility, creator, created, seq FROM groups WHERE id = ?"));
    s.bind(id);
    if (!s.exec() || !s.next())
        return std::nullopt;
    if (seq)
        *seq = s.value(6).toLongLong();
    return protocol::GroupInfo{id, s.value(0).toString(), s.value(1).toString(), s.value(2).toString(),
                               s.value(3).toString(), s.value(4).toString(), s.value(5).toLongLong()};
}

Result<protocol::GroupInfo> GroupsFeature::visibleGroup(const Person &actor, const QString &id) const
{
    auto g = group(id);
    if (!g || (isSecret(*g) && !m_scopes.isMember(scopeOf(id), actor.id)))
        return notFound(id);
    return *g;
}

bool GroupsFeature::isOwner(const QString &group, const QString &userId) const
{
    return m_scopes.roleOf(scopeOf(group), userId) == k(protocol::scope::Owner);
}

QStringList GroupsFeature::owners(const QString &group) const
{
    Stmt s(m_db, QStringLiteral("SELECT user_id FROM scope_members WHERE scope = ? AND role = ? ORDER BY user_id"));
    s.bind(scopeOf(group)).bind(k(protocol::scope::Owner));
    QStringList out;
    if (s.exec())
        while (s.next())
            out.append(s.value(0).toString());
    return out;
}

bool GroupsFeature::hasRequest(const QString &group, const QString &userId) const
{
    Stmt s(m_db, QStringLiteral("SELECT 1 FROM group_requests WHERE group_id = ? AND user_id = ?"));
    s.bind(group).bind(userId);
    return s.exec() && s.next();
}

qint64 GroupsFeature::logGroup(const protocol::GroupInfo &g, const QString &op, bool deleted, const QString &audience)
{
    const QJsonObject data = deleted ? QJsonObject{{QStringLiteral("id"), g.id}} : protocol::encode(g);
    const qint64 seq = m_log.append({audience, k(protocol::kind::Group), g.id, op, deleted, data}, ids::nowMs());
    if (seq == 0)
        return 0;
    Stmt s(m_db, QStringLiteral("UPDATE groups SET seq = ? WHERE id = ?"));
    s.bind(seq).bind(g.id);
    return s.exec() ? seq : 0;
}

qint64 GroupsFeature::logRequest(const protocol::GroupRequest &r, const QString &op, bool deleted)
{
    QStringList audiences{protocol::audience::user(r.user)};
    for (const QString &o : owners(r.group))
        if (o != r.user)
            audiences.append(protocol::audience::user(o));
    qint64 seq = 0;
    for (const QString &a : audiences) {
        seq = m_log.append({a, k(protocol::kind::GroupRequest), requestId(r.group, r.user), op, deleted,
                            protocol::encode(r)},
                           ids::nowMs());
        if (seq == 0)
            return 0;
    }
    return seq;
}

Result<protocol::AckBody> GroupsFeature::save(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::GroupSaveBody>(body);
    if (!in)
        return in.error();
    const qint64 now = ids::nowMs();
    const QString scope = scopeOf(in->id);
    const QString org = k(protocol::audience::Org);
    const bool secret = in->visibility == k(protocol::visibility::Secret);
    auto existing = group(in->id);
    if (!existing) {
        if (secret && !mayMakeSecret(actor))
            return error(protocol::code::Forbidden, QStringLiteral("only editors and admins create secret groups"));
        const protocol::GroupInfo g{in->id, in->name, in->description, in->kind, in->visibility, actor.id, now};
        Stmt s(m_db, QStringLiteral("INSERT INTO groups (id, name, description, kind, visibility, creator, created, seq)"
                                    " VALUES (?, ?, ?, ?, ?, ?, ?, 0)"));
        s.bind(g.id).bind(g.name).bind(g.description).bind(g.kind).bind(g.visibility).bind(g.creator).bind(g.created);
        if (!s.exec())
            return internal(QStringLiteral("store the group"));
        // Membership first, so the owner's stream has the scope when the settings arrive.
        if (!m_scopes.setMember(scope, actor.id, k(protocol::scope::Owner), op, now))
            return internal(QStringLiteral("make the owner"));
        const qint64 seq = logGroup(g, op, false, secret ? scope : org);
        if (seq == 0)
            return internal(QStringLiteral("log the group"));
        return protocol::AckBody{op, seq, g.id};
    }
    if (isSecret(*existing) && !m_scopes.isMember(scope, actor.id))
        return notFound(in->id);
    if (!isOwner(in->id, actor.id))
        return error(protocol::code::Forbidden, QStringLiteral("only owners change a group's settings"));
    if (secret && !isSecret(*existing) && !mayMakeSecret(actor))
        return error(protocol::code::Forbidden, QStringLiteral("only editors and admins make a group secret"));
    protocol::GroupInfo g = *existing;
    g.name = in->name;
    g.description = in->description;
    g.kind = in->kind;
    g.visibility = in->visibility;
    Stmt s(m_db, QStringLiteral("UPDATE groups SET name = ?, description = ?, kind = ?, visibility = ? WHERE id = ?"));
    s.bind(g.name).bind(g.description).bind(g.kind).bind(g.visibility).bind(g.id);
    if (!s.exec())
        return internal(QStringLiteral("store the group"));
    // Followers without membership read open groups only (features/follows).
    if (g.visibility != existing->visibility) {
        m_scopes.touch();
        if (existing->visibility == k(protocol::visibility::Open) && !m_scopes.endSubscriptions(scope, op, now))
            return internal(QStringLiteral("end the group's subscriptions"));
    }
    // Going secret: everyone outside forgets it; coming out: everyone may see it.
    if (secret && !isSecret(*existing) && logGroup(g, op, true, org) == 0)
        return internal(QStringLiteral("log the group"));
    qint64 seq = logGroup(g, op, false, secret ? scope : org);
    if (seq == 0)
        return internal(QStringLiteral("log the group"));
    if (!secret && isSecret(*existing) && (seq = logGroup(g, op, false, scope)) == 0)
        return internal(QStringLiteral("log the group"));
    return protocol::AckBody{op, seq, g.id};
}

Result<protocol::GroupInfo> GroupsFeature::referencedGroup(const Person &actor, const QJsonObject &body) const
{
    auto in = protocol::decode<protocol::GroupRefBody>(body);
    if (!in)
        return in.error();
    return visibleGroup(actor, in->group);
}

Result<protocol::AckBody> GroupsFeature::join(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto g = referencedGroup(actor, body);
    if (!g)
        return g.error();
    const QString scope = scopeOf(g->id);
    if (m_scopes.isMember(scope, actor.id))
        return error(protocol::code::Conflict, QStringLiteral("already a member"));
    const qint64 now = ids::nowMs();
    if (g->visibility == k(protocol::visibility::Open)) {
        if (!m_scopes.setMember(scope, actor.id, k(protocol::scope::MemberRole), op, now))
            return internal(QStringLiteral("join"));
        return protocol::AckBody{op, m_log.head(), g->id};
    }
    // Closed: ask the owners.
    if (!hasRequest(g->id, actor.id)) {
        Stmt s(m_db, QStringLiteral("INSERT INTO group_requests (group_id, user_id, at) VALUES (?, ?, ?)"));
        s.bind(g->id).bind(actor.id).bind(now);
        if (!s.exec())
            return internal(QStringLiteral("store the request"));
    }
    const qint64 seq = logRequest({g->id, actor.id, now}, op, false);
    if (seq == 0)
        return internal(QStringLiteral("log the request"));
    return protocol::AckBody{op, seq, requestId(g->id, actor.id)};
}

Result<protocol::AckBody> GroupsFeature::leave(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto g = referencedGroup(actor, body);
    if (!g)
        return g.error();
    const QString scope = scopeOf(g->id);
    if (hasRequest(g->id, actor.id)) {
        Stmt s(m_db, QStringLiteral("DELETE FROM group_requests WHERE group_id = ? AND user_id = ?"));
        s.bind(g->id).bind(actor.id);
        if (!s.exec() || logRequest({g->id, actor.id, ids::nowMs()}, op, true) == 0)
            return internal(QStringLiteral("withdraw the request"));
        if (!m_scopes.isMember(scope, actor.id))
            return protocol::AckBody{op, m_log.head(), g->id};
    }
    if (!m_scopes.isMember(scope, actor.id))
        return error(protocol::code::NotFound, QStringLiteral("not a member"));
    if (isOwner(g->id, actor.id) && owners(g->id).size() == 1 && m_scopes.members(scope).size() > 1)
        return error(protocol::code::BadRequest, QStringLiteral("make someone else an owner before you leave"));
    if (!m_scopes.removeMember(scope, actor.id, op, ids::nowMs()))
        return internal(QStringLiteral("leave"));
    return protocol::AckBody{op, m_log.head(), g->id};
}

Result<protocol::AckBody> GroupsFeature::member(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::GroupMemberBody>(body);
    if (!in)
        return in.error();
    auto g = visibleGroup(actor, in->group);
    if (!g)
        return g.error();
    if (!isOwner(g->id, actor.id))
        return error(protocol::code::Forbidden, QStringLiteral("only owners manage members"));
    {
        Stmt u(m_db, QStringLiteral("SELECT 1 FROM users WHERE id = ? AND active = 1"));
        u.bind(in->user);
        if (!u.exec() || !u.next())
            return error(protocol::code::NotFound, QStringLiteral("no person %1").arg(in->user));
    }
    const QString scope = scopeOf(g->id);
    const qint64 now = ids::nowMs();
    if (hasRequest(g->id, in->user)) {
        Stmt s(m_db, QStringLiteral("DELETE FROM group_requests WHERE group_id = ? AND user_id = ?"));
        s.bind(g->id).bind(in->user);
        if (!s.exec() || logRequest({g->id, in->user, now}, op, true) == 0)
            return internal(QStringLiteral("settle the request"));
    }
    if (in->role.isEmpty()) {
        if (in->user == actor.id)
            return error(protocol::code::BadRequest, QStringLiteral("leave the group instead"));
        if (m_scopes.isMember(scope, in->user) && !m_scopes.removeMember(scope, in->user, op, now))
            return internal(QStringLiteral("remove the member"));
    } else if (!m_scopes.setMember(scope, in->user, in->role, op, now)) {
        return internal(QStringLiteral("add the member"));
    }
    return protocol::AckBody{op, m_log.head(), requestId(g->id, in->user)};
}

Result<protocol::AckBody> GroupsFeature::post(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::GroupPostBody>(body);
    if (!in)
        return in.error();
    auto g = visibleGroup(actor, in->group);
    if (!g)
        return g.error();
    const QString scope = scopeOf(g->id);
    if (!m_scopes.isMember(scope, actor.id))
        return error(protocol::code::Forbidden, QStringLiteral("join the group to post in it"));
    {
        Stmt s(m_db, QStringLiteral("SELECT 1 FROM group_posts WHERE id = ?"));
        s.bind(in->id);
        if (s.exec() && s.next())
            return error(protocol::code::Conflict, QStringLiteral("post %1 already exists").arg(in->id));
    }
    protocol::GroupPost p{in->id, g->id, actor.id, in->text, ids::nowMs(), 0};
    Stmt ins(m_db, QStringLiteral("INSERT INTO group_posts (id, group_id, author, text, created, pos, seq)"
                                  " VALUES (?, ?, ?, ?, ?, 0, 0)"));
    ins.bind(p.id).bind(p.group).bind(p.author).bind(p.text).bind(p.created);
    if (!ins.exec())
        return internal(QStringLiteral("store the post"));
    // The order key is the seq that creates the post; it is known once the change is in.
    p.pos = m_log.head() + 1;
    const qint64 seq = m_log.append({scope, k(protocol::kind::GroupPost), p.id, op, false, protocol::encode(p)}, p.created);
    if (seq == 0)
        return internal(QStringLiteral("log the post"));
    Stmt upd(m_db, QStringLiteral("UPDATE group_posts SET pos = ?, seq = ? WHERE id = ?"));
    upd.bind(p.pos).bind(seq).bind(p.id);
    if (!upd.exec())
        return internal(QStringLiteral("store the post"));
    return protocol::AckBody{op, seq, p.id};
}

ScopePage GroupsFeature::page(const QString &scope, qint64 before, int limit) const
{
    ScopePage out;
    QStringList postIds;
    const QString groupId = protocol::scope::idOf(scope);
    Stmt s(m_db, QStringLiteral("SELECT id, author, text, created, pos, seq, edited, deleted FROM group_posts"
                                " WHERE group_id = ? AND pos < ? ORDER BY pos DESC LIMIT ?"));
    s.bind(groupId).bind(before > 0 ? before : std::numeric_limits<qint64>::max()).bind(limit + 1);
    if (s.exec()) {
        while (s.next()) {
            if (out.changes.size() == limit) {
                out.more = true;
                break;
            }
            const protocol::GroupPost p{s.value(0).toString(), groupId, s.value(1).toString(), s.value(2).toString(),
                                        s.value(3).toLongLong(), s.value(4).toLongLong(), s.value(6).toLongLong(),
                                        s.value(7).toInt() != 0};
            postIds.append(p.id);
            out.changes.append({s.value(5).toLongLong(), k(protocol::kind::GroupPost), p.id, {}, false,
                                protocol::encode(p)});
            out.oldest = p.pos;
        }
    }
    // Comments and reactions of these posts (and, on the newest page, the group's blog pages).
    out.changes += PostsFeature::scopeExtras(m_db, groupId, postIds, before == 0);
    if (before == 0) {
        qint64 seq = 0;
        if (const auto g = group(groupId, &seq))
            out.changes.prepend({qMax<qint64>(seq, 1), k(protocol::kind::Group), g->id, {}, false, protocol::encode(*g)});
    }
    return out;
}

} // namespace plein::server
