#include "protocol/Messages.h"

#include "model/Ids.h"
#include "protocol/Limits.h"
#include "protocol/Protocol.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <optional>

namespace plein::protocol {

namespace {

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

Error badRequest(const QString &message)
{
    return Error{QLatin1String(code::BadRequest), message};
}

// Field readers: each sets `err` on the first problem and leaves it alone otherwise, so a
// decoder reads every field and checks once at the end.
class Reader
{
public:
    explicit Reader(const QJsonObject &o) : m_o(o) {}

    QString string(const char *key, int maxChars, bool required = true)
    {
        const QJsonValue v = m_o.value(k(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(badRequest(QStringLiteral("missing '%1'").arg(k(key))));
            return {};
        }
        if (!v.isString()) {
            fail(badRequest(QStringLiteral("'%1' must be a string").arg(k(key))));
            return {};
        }
        const QString s = v.toString();
        if (s.size() > maxChars)
            fail(Error{QLatin1String(code::TooLarge),
                       QStringLiteral("'%1' is longer than %2 characters").arg(k(key)).arg(maxChars)});
        return s;
    }

    QString id(const char *key, bool required = true)
    {
        const QString s = string(key, limits::MaxIdChars, required);
        if (!s.isEmpty() && !ids::isValid(s))
            fail(badRequest(QStringLiteral("'%1' must be a UUID").arg(k(key))));
        return s;
    }

    qint64 integer(const char *key, bool required = true, qint64 min = 0)
    {
        const QJsonValue v = m_o.value(k(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(badRequest(QStringLiteral("missing '%1'").arg(k(key))));
            return 0;
        }
        const double d = v.toDouble(-1.0);
        if (!v.isDouble() || d != static_cast<double>(static_cast<qint64>(d)) || d < static_cast<double>(min)) {
            fail(badRequest(QStringLiteral("'%1' must be an integer of at least %2").arg(k(key)).arg(min)));
            return 0;
        }
        return static_cast<qint64>(d);
    }

    bool boolean(const char *key, bool required = true, bool def = false)
    {
        const QJsonValue v = m_o.value(k(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(badRequest(QStringLiteral("missing '%1'").arg(k(key))));
            return def;
        }
        if (!v.isBool()) {
            fail(badRequest(QStringLiteral("'%1' must be true or false").arg(k(key))));
            return def;
        }
        return v.toBool();
    }

    QJsonObject object(const char *key)
    {
        const QJsonValue v = m_o.value(k(key));
        if (!v.isObject()) {
            fail(badRequest(QStringLiteral("'%1' must be an object").arg(k(key))));
            return {};
        }
        return v.toObject();
    }

    QJsonArray array(const char *key)
    {
        const QJsonValue v = m_o.value(k(key));
        if (!v.isArray()) {
            fail(badRequest(QStringLiteral("'%1' must be an array").arg(k(key))));
            return {};
        }
        return v.toArray();
    }

    void fail(const Error &e)
    {
        if (!m_error)
            m_error = e;
    }
    bool ok() const { return !m_error.has_value(); }
    const Error &error() const { return *m_error; }

private:
    const QJsonObject &m_o;
    std::optional<Error> m_error;
};

template<typename T>
Result<T> finish(const Reader &r, T value)
{
    if (!r.ok())
        return r.error();
    return value;
}

} // namespace

Result<QString> validateText(const QString &text, int maxChars, const char *field)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return badRequest(QStringLiteral("'%1' must not be empty").arg(k(field)));
    if (t.size() > maxChars)
        return Error{QLatin1String(code::TooLarge),
                     QStringLiteral("'%1' is longer than %2 characters").arg(k(field)).arg(maxChars)};
    return t;
}

bool isValidUserName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9._-]{1,%1}$").arg(limits::MaxUserNameChars));
    return re.match(name).hasMatch();
}

QStringList mentionedNames(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(?:^|[^\\w@/.])@([a-zA-Z0-9._-]*[a-zA-Z0-9])"),
                                       QRegularExpression::UseUnicodePropertiesOption);
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(1).toLower();
        if (isValidUserName(name) && !out.contains(name))
            out.append(name);
    }
    return out;
}

// ---- model types

QJsonObject encode(const Person &p)
{
    return {{k("id"), p.id},         {k("name"), p.name},           {k("display_name"), p.displayName},
            {k("role"), p.role},     {k("department"), p.department}, {k("title"), p.title}};
}

template<>
Result<Person> decode<Person>(const QJsonObject &o)
{
    Reader r(o);
    Person p;
    p.id = r.id("id");
    p.name = r.string("name", limits::MaxUserNameChars);
    p.displayName = r.string("display_name", limits::MaxDisplayNameChars);
    p.role = r.string("role", 16);
    p.department = r.string("department", limits::MaxDisplayNameChars, false);
    p.title = r.string("title", limits::MaxDisplayNameChars, false);
    if (r.ok() && !role::isValid(p.role))
        r.fail(badRequest(QStringLiteral("unknown role '%1'").arg(p.role)));
    return finish(r, p);
}

// edited and deleted are written only when set, so a plain post reads as before.
static void addEditState(QJsonObject &o, qint64 edited, bool deleted)
{
    if (edited > 0)
        o.insert(k("edited"), double(edited));
    if (deleted)
        o.insert(k("deleted"), true);
}

QJsonObject encode(const Post &p)
{
    QJsonObject o{{k("id"), p.id}, {k("author"), p.author}, {k("text"), p.text}, {k("created"), double(p.created)}};
    addEditState(o, p.edited, p.deleted);
    return o;
}

template<>
Result<Post> decode<Post>(const QJsonObject &o)
{
    Reader r(o);
    Post p;
    p.id = r.id("id");
    p.author = r.id("author");
    p.text = r.string("text", limits::MaxPostChars);
    p.created = r.integer("created");
    p.edited = r.integer("edited", false);
    p.deleted = r.boolean("deleted", false);
    return finish(r, p);
}

QJsonObject encode(const Comment &c)
{
    QJsonObject o{{k("id"), c.id},         {k("post"), c.post},
                  {k("author"), c.author}, {k("text"), c.text}, {k("created"), double(c.created)}};
    addEditState(o, c.edited, c.deleted);
    return o;
}

template<>
Result<Comment> decode<Comment>(const QJsonObject &o)
{
    Reader r(o);
    Comment c;
    c.id = r.id("id");
    c.post = r.id("post");
    c.author = r.id("author");
    c.text = r.string("text", limits::MaxCommentChars);
    c.created = r.integer("created");
    c.edited = r.integer("edited", false);
    c.deleted = r.boolean("deleted", false);
    return finish(r, c);
}

QJsonObject encode(const Like &l)
{
    return {{k("post"), l.post}, {k("user"), l.user}, {k("liked"), l.liked}};
}

template<>
Result<Like> decode<Like>(const QJsonObject &o)
{
    Reader r(o);
    Like l;
    l.post = r.id("post");
    l.user = r.id("user");
    l.liked = r.boolean("liked");
    return finish(r, l);
}

QJsonObject encode(const Change &c)
{
    QJsonObject o{{k("seq"), double(c.seq)}, {k("kind"), c.kind}, {k("id"), c.id}, {k("data"), c.data}};
    if (!c.op.isEmpty())
        o.insert(k("op"), c.op);
    if (c.deleted)
        o.insert(k("deleted"), true);
    return o;
}

template<>
Result<Change> decode<Change>(const QJsonObject &o)
{
    Reader r(o);
    Change c;
    c.seq = r.integer("seq", true, 1);
    c.kind = r.string("kind", 32);
    c.id = r.string("id", 2 * limits::MaxIdChars + 1);
    c.op = r.string("op", limits::MaxIdChars, false);
    c.deleted = r.boolean("deleted", false, false);
    c.data = r.object("data");
    return finish(r, c);
}

// ---- message bodies

QJsonObject encode(const HelloBody &b)
{
    return {{k("protocol"), b.protocol}, {k("agent"), b.agent}};
}

template<>
Result<HelloBody> decode<HelloBody>(const QJsonObject &o)
{
    Reader r(o);
    HelloBody b;
    b.protocol = int(r.integer("protocol", true, 1));
    b.agent = r.string("agent", 128, false);
    return finish(r, b);
}

QJsonObject encode(const LoginBody &b)
{
    return {{k("user"), b.user}, {k("password"), b.password}, {k("device"), b.device}};
}

template<>
Result<LoginBody> decode<LoginBody>(const QJsonObject &o)
{
    Reader r(o);
    LoginBody b;
    b.user = r.string("user", limits::MaxUserNameChars);
    b.password = r.string("password", limits::MaxPasswordChars);
    b.device = r.string("device", limits::MaxDeviceChars, false);
    return finish(r, b);
}

QJsonObject encode(const ResumeBody &b)
{
    return {{k("token"), b.token}};
}

template<>
Result<ResumeBody> decode<ResumeBody>(const QJsonObject &o)
{
    Reader r(o);
    ResumeBody b;
    b.token = r.string("token", 128);
    return finish(r, b);
}

QJsonObject encode(const AuthOkBody &b)
{
    return {{k("token"), b.token}, {k("expires"), double(b.expires)}, {k("user"), encode(b.user)}};
}

template<>
Result<AuthOkBody> decode<AuthOkBody>(const QJsonObject &o)
{
    Reader r(o);
    AuthOkBody b;
    b.token = r.string("token", 128);
    b.expires = r.integer("expires");
    const QJsonObject user = r.object("user");
    if (!r.ok())
        return r.error();
    auto person = decode<Person>(user);
    if (!person)
        return person.error();
    b.user = person.value();
    return b;
}

QJsonObject encode(const SyncBody &b)
{
    return {{k("since"), double(b.since)}};
}

template<>
Result<SyncBody> decode<SyncBody>(const QJsonObject &o)
{
    Reader r(o);
    SyncBody b;
    b.since = r.integer("since");
    return finish(r, b);
}

QJsonObject encode(const ChangesBody &b)
{
    QJsonArray a;
    for (const Change &c : b.changes)
        a.append(encode(c));
    return {{k("changes"), a}};
}

template<>
Result<ChangesBody> decode<ChangesBody>(const QJsonObject &o)
{
    Reader r(o);
    const QJsonArray a = r.array("changes");
    if (!r.ok())
        return r.error();
    ChangesBody b;
    b.changes.reserve(a.size());
    for (const QJsonValue &v : a) {
        if (!v.isObject())
            return badRequest(QStringLiteral("'changes' must hold objects"));
        auto c = decode<Change>(v.toObject());
        if (!c)
            return c.error();
        b.changes.append(std::move(c).value());
    }
    return b;
}

QJsonObject encode(const SyncDoneBody &b)
{
    return {{k("head"), double(b.head)}};
}

template<>
Result<SyncDoneBody> decode<SyncDoneBody>(const QJsonObject &o)
{
    Reader r(o);
    SyncDoneBody b;
    b.head = r.integer("head");
    return finish(r, b);
}

QJsonObject encode(const AckBody &b)
{
    return {{k("op"), b.op}, {k("seq"), double(b.seq)}, {k("id"), b.id}};
}

template<>
Result<AckBody> decode<AckBody>(const QJsonObject &o)
{
    Reader r(o);
    AckBody b;
    b.op = r.string("op", limits::MaxIdChars);
    b.seq = r.integer("seq");
    b.id = r.string("id", 2 * limits::MaxIdChars + 1);
    return finish(r, b);
}

QJsonObject encode(const PostCreateBody &b)
{
    return {{k("id"), b.id}, {k("text"), b.text}};
}

template<>
Result<PostCreateBody> decode<PostCreateBody>(const QJsonObject &o)
{
    Reader r(o);
    PostCreateBody b;
    b.id = r.id("id");
    b.text = r.string("text", limits::MaxPostChars);
    if (r.ok()) {
        auto t = validateText(b.text, limits::MaxPostChars, "text");
        if (!t)
            return t.error();
        b.text = t.value();
    }
    return finish(r, b);
}

QJsonObject encode(const CommentCreateBody &b)
{
    return {{k("id"), b.id}, {k("post"), b.post}, {k("text"), b.text}};
}

template<>
Result<CommentCreateBody> decode<CommentCreateBody>(const QJsonObject &o)
{
    Reader r(o);
    CommentCreateBody b;
    b.id = r.id("id");
    b.post = r.id("post");
    b.text = r.string("text", limits::MaxCommentChars);
    if (r.ok()) {
        auto t = validateText(b.text, limits::MaxCommentChars, "text");
        if (!t)
            return t.error();
        b.text = t.value();
    }
    return finish(r, b);
}

QJsonObject encode(const LikeSetBody &b)
{
    return {{k("post"), b.post}, {k("liked"), b.liked}};
}

template<>
Result<LikeSetBody> decode<LikeSetBody>(const QJsonObject &o)
{
    Reader r(o);
    LikeSetBody b;
    b.post = r.id("post");
    b.liked = r.boolean("liked");
    return finish(r, b);
}

QJsonObject encode(const ErrorBody &b)
{
    QJsonObject o{{k("code"), b.code}, {k("message"), b.message}};
    if (b.retryAfter >= 0)
        o.insert(k("retry_after"), b.retryAfter);
    return o;
}

template<>
Result<ErrorBody> decode<ErrorBody>(const QJsonObject &o)
{
    Reader r(o);
    ErrorBody b;
    b.code = r.string("code", 64);
    b.message = r.string("message", 4096, false);
    b.retryAfter = int(r.integer("retry_after", false));
    if (!o.contains(k("retry_after")))
        b.retryAfter = -1;
    return finish(r, b);
}

} // namespace plein::protocol
