#include "protocol/HomeMessages.h"

#include "protocol/FieldReader.h"
#include "protocol/Messages.h"

#include <QJsonArray>

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

bool follow::isValidKind(const QString &x)
{
    return x == k(Person) || x == k(Group);
}

QString follow::entity(const QString &kind, const QString &target)
{
    return kind + QLatin1Char(':') + target;
}

bool home::isValidWidgetId(const QString &id)
{
    if (id.isEmpty() || id.size() > MaxWidgetIdChars)
        return false;
    for (const QChar c : id)
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'_' || c == u'-'))
            return false;
    return true;
}

QJsonObject encode(const Follow &f)
{
    return {{k("kind"), f.kind}, {k("target"), f.target}, {k("on"), f.on}, {k("at"), double(f.at)}};
}

template<>
Result<Follow> decode<Follow>(const QJsonObject &o)
{
    FieldReader f(o);
    Follow x;
    x.kind = f.string("kind", 16);
    x.target = f.id("target");
    x.on = f.boolean("on");
    x.at = f.integer("at", false);
    if (f.ok() && !follow::isValidKind(x.kind))
        bad(f, QStringLiteral("'kind' must be person or group"));
    return f.finish(x);
}

QJsonObject encode(const HomeLayout &l)
{
    return {{k("widgets"), QJsonArray::fromStringList(l.widgets)}, {k("updated"), double(l.updated)}};
}

static QStringList widgetList(FieldReader &f)
{
    const QJsonArray a = f.array("widgets");
    if (!f.ok())
        return {};
    if (a.size() > home::MaxWidgets) {
        f.fail(k(code::TooLarge), QStringLiteral("at most %1 widgets").arg(home::MaxWidgets));
        return {};
    }
    QStringList out;
    for (const QJsonValue &v : a) {
        const QString id = v.toString();
        if (!v.isString() || !home::isValidWidgetId(id)) {
            bad(f, QStringLiteral("a widget is 1-%1 characters of a-z 0-9 . _ -").arg(home::MaxWidgetIdChars));
            return {};
        }
        if (out.contains(id)) {
            bad(f, QStringLiteral("widget '%1' is listed twice").arg(id));
            return {};
        }
        out.append(id);
    }
    return out;
}

template<>
Result<HomeLayout> decode<HomeLayout>(const QJsonObject &o)
{
    FieldReader f(o);
    HomeLayout l;
    l.widgets = widgetList(f);
    l.updated = f.integer("updated", false);
    return f.finish(l);
}

QJsonObject encode(const Notification &n)
{
    return {{k("id"), n.id},         {k("kind"), n.kind},     {k("actor"), n.actor},
            {k("item"), n.item},     {k("item_kind"), n.itemKind}, {k("parent"), n.parent},
            {k("group"), n.group},   {k("text"), n.text},     {k("created"), double(n.created)},
            {k("read"), n.read}};
}

template<>
Result<Notification> decode<Notification>(const QJsonObject &o)
{
    FieldReader f(o);
    Notification n;
    n.id = f.id("id");
    n.kind = f.string("kind", 32);
    n.actor = f.id("actor", false);
    n.item = f.string("item", limits::MaxIdChars * 3);
    n.itemKind = f.string("item_kind", 32, false);
    n.parent = f.id("parent", false);
    n.group = f.id("group", false);
    n.text = f.string("text", notify::MaxTextChars + 10, false);
    n.created = f.integer("created");
    n.read = f.boolean("read", false);
    if (f.ok() && n.kind.isEmpty())
        bad(f, QStringLiteral("'kind' must not be empty"));
    return f.finish(n);
}

QJsonObject encode(const NotifyMute &m)
{
    return {{k("group"), m.group}, {k("muted"), m.muted}};
}

template<>
Result<NotifyMute> decode<NotifyMute>(const QJsonObject &o)
{
    FieldReader f(o);
    NotifyMute m;
    m.group = f.id("group");
    m.muted = f.boolean("muted");
    return f.finish(m);
}

QJsonObject encode(const FollowSetBody &b)
{
    return {{k("kind"), b.kind}, {k("target"), b.target}, {k("on"), b.on}};
}

template<>
Result<FollowSetBody> decode<FollowSetBody>(const QJsonObject &o)
{
    FieldReader f(o);
    FollowSetBody b;
    b.kind = f.string("kind", 16);
    b.target = f.id("target");
    b.on = f.boolean("on", false, true);
    if (f.ok() && !follow::isValidKind(b.kind))
        bad(f, QStringLiteral("'kind' must be person or group"));
    return f.finish(b);
}

QJsonObject encode(const HomeLayoutBody &b)
{
    return {{k("widgets"), QJsonArray::fromStringList(b.widgets)}};
}

template<>
Result<HomeLayoutBody> decode<HomeLayoutBody>(const QJsonObject &o)
{
    FieldReader f(o);
    HomeLayoutBody b;
    b.widgets = widgetList(f);
    return f.finish(b);
}

QJsonObject encode(const NotificationReadBody &b)
{
    QJsonObject o{{k("ids"), QJsonArray::fromStringList(b.ids)}};
    if (b.all)
        o.insert(k("all"), true);
    return o;
}

template<>
Result<NotificationReadBody> decode<NotificationReadBody>(const QJsonObject &o)
{
    FieldReader f(o);
    NotificationReadBody b;
    const QJsonArray ids = f.array("ids", false);
    b.all = f.boolean("all", false);
    if (f.ok() && ids.size() > notify::MaxReadIds)
        f.fail(k(code::TooLarge), QStringLiteral("at most %1 ids").arg(notify::MaxReadIds));
    for (const QJsonValue &v : ids) {
        if (!f.ok())
            break;
        if (!v.isString() || !ids::isValid(v.toString()))
            bad(f, QStringLiteral("'ids' must be UUIDs"));
        else
            b.ids.append(v.toString());
    }
    if (f.ok() && b.ids.isEmpty() && !b.all)
        bad(f, QStringLiteral("give 'ids' or 'all'"));
    return f.finish(b);
}

QJsonObject encode(const NotifyMuteBody &b)
{
    return {{k("group"), b.group}, {k("muted"), b.muted}};
}

template<>
Result<NotifyMuteBody> decode<NotifyMuteBody>(const QJsonObject &o)
{
    FieldReader f(o);
    NotifyMuteBody b;
    b.group = f.id("group");
    b.muted = f.boolean("muted", false, true);
    return f.finish(b);
}

} // namespace plein::protocol
