#include "protocol/GroupMessages.h"

#include "protocol/FieldReader.h"
#include "protocol/Limits.h"
#include "protocol/Messages.h"
#include "protocol/ScopeMessages.h"

namespace plein::protocol {

namespace {
QLatin1String k(const char *s)
{
    return QLatin1String(s);
}
void bad(FieldReader &f, const QString &message)
{
    f.fail(k(code::BadRequest), message);
}
} // namespace

bool groupkind::isValid(const QString &x)
{
    return x == k(Team) || x == k(Department) || x == k(Location) || x == k(Project) || x == k(Interest);
}

bool visibility::isValid(const QString &v)
{
    return v == k(Open) || v == k(Closed) || v == k(Secret);
}

QJsonObject encode(const GroupInfo &g)
{
    return {{k("id"), g.id},           {k("name"), g.name},       {k("description"), g.description},
            {k("kind"), g.kind},       {k("visibility"), g.visibility}, {k("creator"), g.creator},
            {k("created"), double(g.created)}};
}

template<>
Result<GroupInfo> decode<GroupInfo>(const QJsonObject &o)
{
    FieldReader f(o);
    GroupInfo g;
    g.id = f.id("id");
    g.name = f.string("name", limits_groups::MaxNameChars);
    g.description = f.string("description", limits_groups::MaxDescriptionChars, false);
    g.kind = f.string("kind", 16);
    g.visibility = f.string("visibility", 16);
    g.creator = f.id("creator");
    g.created = f.integer("created");
    if (f.ok() && !groupkind::isValid(g.kind))
        bad(f, QStringLiteral("unknown group kind '%1'").arg(g.kind));
    if (f.ok() && !visibility::isValid(g.visibility))
        bad(f, QStringLiteral("unknown visibility '%1'").arg(g.visibility));
    return f.finish(g);
}

QJsonObject encode(const GroupRequest &r)
{
    return {{k("group"), r.group}, {k("user"), r.user}, {k("at"), double(r.at)}};
}

template<>
Result<GroupRequest> decode<GroupRequest>(const QJsonObject &o)
{
    FieldReader f(o);
    GroupRequest r;
    r.group = f.id("group");
    r.user = f.id("user");
    r.at = f.integer("at");
    return f.finish(r);
}

QJsonObject encode(const GroupPost &p)
{
    QJsonObject o{{k("id"), p.id},     {k("group"), p.group},           {k("author"), p.author},
                  {k("text"), p.text}, {k("created"), double(p.created)}, {k("pos"), double(p.pos)}};
    // Written only when set, so a plain post reads as before.
    if (p.edited > 0)
        o.insert(k("edited"), double(p.edited));
    if (p.deleted)
        o.insert(k("deleted"), true);
    return o;
}

template<>
Result<GroupPost> decode<GroupPost>(const QJsonObject &o)
{
    FieldReader f(o);
    GroupPost p;
    p.id = f.id("id");
    p.group = f.id("group");
    p.author = f.id("author");
    p.text = f.string("text", limits::MaxPostChars);
    p.created = f.integer("created");
    p.pos = f.integer("pos");
    p.edited = f.integer("edited", false);
    p.deleted = f.boolean("deleted", false);
    return f.finish(p);
}

QJsonObject encode(const GroupSaveBody &b)
{
    return {{k("id"), b.id}, {k("name"), b.name}, {k("description"), b.description}, {k("kind"), b.kind},
            {k("visibility"), b.visibility}};
}

template<>
Result<GroupSaveBody> decode<GroupSaveBody>(const QJsonObject &o)
{
    FieldReader f(o);
    GroupSaveBody b;
    b.id = f.id("id");
    b.name = f.string("name", limits_groups::MaxNameChars).trimmed();
    b.description = f.string("description", limits_groups::MaxDescriptionChars, false).trimmed();
    b.kind = f.string("kind", 16);
    b.visibility = f.string("visibility", 16);
    if (f.ok() && b.name.isEmpty())
        bad(f, QStringLiteral("'name' must not be empty"));
    if (f.ok() && !groupkind::isValid(b.kind))
        bad(f, QStringLiteral("unknown group kind '%1'").arg(b.kind));
    if (f.ok() && !visibility::isValid(b.visibility))
        bad(f, QStringLiteral("unknown visibility '%1'").arg(b.visibility));
    return f.finish(b);
}

QJsonObject encode(const GroupRefBody &b)
{
    return {{k("group"), b.group}};
}

template<>
Result<GroupRefBody> decode<GroupRefBody>(const QJsonObject &o)
{
    FieldReader f(o);
    GroupRefBody b;
    b.group = f.id("group");
    return f.finish(b);
}

QJsonObject encode(const GroupMemberBody &b)
{
    return {{k("group"), b.group}, {k("user"), b.user}, {k("role"), b.role}};
}

template<>
Result<GroupMemberBody> decode<GroupMemberBody>(const QJsonObject &o)
{
    FieldReader f(o);
    GroupMemberBody b;
    b.group = f.id("group");
    b.user = f.id("user");
    b.role = f.string("role", 16, false);
    if (f.ok() && !b.role.isEmpty() && b.role != k(scope::Owner) && b.role != k(scope::MemberRole))
        bad(f, QStringLiteral("'role' must be owner, member or empty"));
    return f.finish(b);
}

QJsonObject encode(const GroupPostBody &b)
{
    return {{k("id"), b.id}, {k("group"), b.group}, {k("text"), b.text}};
}

template<>
Result<GroupPostBody> decode<GroupPostBody>(const QJsonObject &o)
{
    FieldReader f(o);
    GroupPostBody b;
    b.id = f.id("id");
    b.group = f.id("group");
    b.text = f.string("text", limits::MaxPostChars + 1000);
    if (f.ok()) {
        auto t = validateText(b.text, limits::MaxPostChars, "text");
        if (!t)
            f.fail(t.error());
        else
            b.text = t.value();
    }
    return f.finish(b);
}

} // namespace plein::protocol
