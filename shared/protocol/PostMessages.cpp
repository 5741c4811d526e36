#include "protocol/PostMessages.h"

#include "protocol/FieldReader.h"
#include "protocol/Limits.h"
#include "protocol/Messages.h"
#include "protocol/NewsMessages.h"

namespace plein::protocol {

namespace {
QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

// Trimmed, not empty, within max; records the problem on the reader.
QString checkedText(FieldReader &f, const QString &text, int max, const char *field)
{
    if (!f.ok())
        return text;
    auto t = validateText(text, max, field);
    if (!t) {
        f.fail(t.error());
        return text;
    }
    return t.value();
}

void checkReaction(FieldReader &f, const QString &r)
{
    if (f.ok() && !reaction::isValid(r))
        f.fail(k(code::BadRequest), QStringLiteral("unknown reaction '%1'").arg(r));
}
} // namespace

QString postReactionId(const QString &post, const QString &user, const QString &reaction)
{
    return post + QLatin1Char(':') + user + QLatin1Char(':') + reaction;
}

QJsonObject encode(const PostComment &c)
{
    return {{k("id"), c.id},         {k("post"), c.post},         {k("group"), c.group},
            {k("author"), c.author}, {k("text"), c.text},         {k("created"), double(c.created)},
            {k("edited"), double(c.edited)}, {k("deleted"), c.deleted}};
}

template<>
Result<PostComment> decode<PostComment>(const QJsonObject &o)
{
    FieldReader f(o);
    PostComment c;
    c.id = f.id("id");
    c.post = f.id("post");
    c.group = f.id("group", false);
    c.author = f.id("author");
    c.text = f.string("text", limits::MaxCommentChars);
    c.created = f.integer("created");
    c.edited = f.integer("edited", false);
    c.deleted = f.boolean("deleted", false);
    return f.finish(c);
}

QJsonObject encode(const PostReaction &r)
{
    return {{k("post"), r.post},         {k("group"), r.group}, {k("user"), r.user},
            {k("reaction"), r.reaction}, {k("on"), r.on}};
}

template<>
Result<PostReaction> decode<PostReaction>(const QJsonObject &o)
{
    FieldReader f(o);
    PostReaction r;
    r.post = f.id("post");
    r.group = f.id("group", false);
    r.user = f.id("user");
    r.reaction = f.string("reaction", 32);
    r.on = f.boolean("on");
    checkReaction(f, r.reaction);
    return f.finish(r);
}

QJsonObject encode(const BlogPage &p)
{
    return {{k("id"), p.id},          {k("group"), p.group},   {k("author"), p.author},
            {k("title"), p.title},    {k("text"), p.text},     {k("created"), double(p.created)},
            {k("edited"), double(p.edited)}, {k("deleted"), p.deleted}};
}

template<>
Result<BlogPage> decode<BlogPage>(const QJsonObject &o)
{
    FieldReader f(o);
    BlogPage p;
    p.id = f.id("id");
    p.group = f.id("group", false);
    p.author = f.id("author");
    p.title = f.string("title", limits_blog::MaxTitleChars);
    p.text = f.string("text", limits_blog::MaxTextChars);
    p.created = f.integer("created");
    p.edited = f.integer("edited", false);
    p.deleted = f.boolean("deleted", false);
    return f.finish(p);
}

QJsonObject encode(const PostReactBody &b)
{
    return {{k("post"), b.post}, {k("reaction"), b.reaction}, {k("on"), b.on}};
}

template<>
Result<PostReactBody> decode<PostReactBody>(const QJsonObject &o)
{
    FieldReader f(o);
    PostReactBody b;
    b.post = f.id("post");
    b.reaction = f.string("reaction", 32);
    b.on = f.boolean("on");
    checkReaction(f, b.reaction);
    return f.finish(b);
}

QJsonObject encode(const EditBody &b)
{
    return {{k("id"), b.id}, {k("text"), b.text}};
}

template<>
Result<EditBody> decode<EditBody>(const QJsonObject &o)
{
    FieldReader f(o);
    EditBody b;
    b.id = f.id("id");
    b.text = checkedText(f, f.string("text", limits::MaxPostChars + 1000), limits::MaxPostChars, "text");
    return f.finish(b);
}

QJsonObject encode(const DeleteBody &b)
{
    return {{k("id"), b.id}};
}

template<>
Result<DeleteBody> decode<DeleteBody>(const QJsonObject &o)
{
    FieldReader f(o);
    DeleteBody b;
    b.id = f.id("id");
    return f.finish(b);
}

QJsonObject encode(const BlogSaveBody &b)
{
    return {{k("id"), b.id}, {k("group"), b.group}, {k("title"), b.title}, {k("text"), b.text}};
}

template<>
Result<BlogSaveBody> decode<BlogSaveBody>(const QJsonObject &o)
{
    FieldReader f(o);
    BlogSaveBody b;
    b.id = f.id("id");
    b.group = f.id("group", false);
    b.title = checkedText(f, f.string("title", limits_blog::MaxTitleChars + 100), limits_blog::MaxTitleChars, "title");
    b.text = checkedText(f, f.string("text", limits_blog::MaxTextChars + 1000), limits_blog::MaxTextChars, "text");
    return f.finish(b);
}

} // namespace plein::protocol
