#include "protocol/NewsMessages.h"

#include "model/Ids.h"
#include "protocol/Limits.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"

#include <QJsonArray>

#include <optional>

namespace plein::protocol {

namespace {

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

// Field reader for the news bodies: records the first problem, reads on, checked once.
class Fields
{
public:
    explicit Fields(const QJsonObject &o) : m_o(o) {}

    QString string(const char *key, int maxChars, bool required = true)
    {
        const QJsonValue v = m_o.value(k(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                bad(QStringLiteral("missing '%1'").arg(k(key)));
            return {};
        }
        if (!v.isString()) {
            bad(QStringLiteral("'%1' must be a string").arg(k(key)));
            return {};
        }
        const QString s = v.toString();
        if (s.size() > maxChars)
            fail(Error{k(code::TooLarge), QStringLiteral("'%1' is longer than %2 characters").arg(k(key)).arg(maxChars)});
        return s;
    }
    QString id(const char *key, bool required = true)
    {
        const QString s = string(key, limits::MaxIdChars, required);
        if (!s.isEmpty() && !ids::isValid(s))
            bad(QStringLiteral("'%1' must be a UUID").arg(k(key)));
        return s;
    }
    qint64 integer(const char *key, bool required = true)
    {
        const QJsonValue v = m_o.value(k(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                bad(QStringLiteral("missing '%1'").arg(k(key)));
            return 0;
        }
        const double d = v.toDouble(-1.0);
        if (!v.isDouble() || d != double(qint64(d)) || d < 0) {
            bad(QStringLiteral("'%1' must be an integer of at least 0").arg(k(key)));
            return 0;
        }
        return qint64(d);
    }
    bool boolean(const char *key, bool required = true, bool def = false)
    {
        const QJsonValue v = m_o.value(k(key));
        if (v.isUndefined() || v.isNull()) {
            if (required)
                bad(QStringLiteral("missing '%1'").arg(k(key)));
            return def;
        }
        if (!v.isBool()) {
            bad(QStringLiteral("'%1' must be true or false").arg(k(key)));
            return def;
        }
        return v.toBool();
    }
    QStringList strings(const char *key, int maxItems, int maxChars)
    {
        const QJsonValue v = m_o.value(k(key));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray()) {
            bad(QStringLiteral("'%1' must be an array of strings").arg(k(key)));
            return {};
        }
        const QJsonArray a = v.toArray();
        if (a.size() > maxItems) {
            fail(Error{k(code::TooLarge), QStringLiteral("'%1' has more than %2 entries").arg(k(key)).arg(maxItems)});
            return {};
        }
        QStringList out;
        for (const QJsonValue &e : a) {
            if (!e.isString() || e.toString().trimmed().isEmpty() || e.toString().size() > maxChars) {
                bad(QStringLiteral("'%1' must hold non-empty strings of at most %2 characters").arg(k(key)).arg(maxChars));
                return {};
            }
            if (!out.contains(e.toString().trimmed()))
                out.append(e.toString().trimmed());
        }
        return out;
    }
    void bad(const QString &message) { fail(Error{k(code::BadRequest), message}); }
    void fail(const Error &e)
    {
        if (!m_error)
            m_error = e;
    }
    template<typename T>
    Result<T> finish(T value) const
    {
        if (m_error)
            return *m_error;
        return value;
    }

private:
    const QJsonObject &m_o;
    std::optional<Error> m_error;
};

QJsonArray array(const QStringList &l)
{
    return QJsonArray::fromStringList(l);
}

} // namespace

QString audience::department(const QString &name)
{
    return QStringLiteral("dept:") + name;
}

QString audience::location(const QString &name)
{
    return QStringLiteral("loc:") + name;
}

const QStringList &reaction::all()
{
    static const QStringList list = {k(Like), k(Celebrate), k(Love), k(Insightful), k(Funny)};
    return list;
}

bool reaction::isValid(const QString &r)
{
    return all().contains(r);
}

QJsonObject encode(const NewsArticle &a)
{
    return {{k("id"), a.id},
            {k("author"), a.author},
            {k("title"), a.title},
            {k("text"), a.text},
            {k("departments"), array(a.departments)},
            {k("locations"), array(a.locations)},
            {k("must_read"), a.mustRead},
            {k("pinned"), a.pinned},
            {k("publish_at"), double(a.publishAt)},
            {k("state"), a.state},
            {k("created"), double(a.created)},
            {k("edited"), double(a.edited)}};
}

template<>
Result<NewsArticle> decode<NewsArticle>(const QJsonObject &o)
{
    Fields f(o);
    NewsArticle a;
    a.id = f.id("id");
    a.author = f.id("author");
    a.title = f.string("title", limits_news::MaxTitleChars);
    a.text = f.string("text", limits_news::MaxTextChars);
    a.departments = f.strings("departments", limits_news::MaxTargets, limits_news::MaxTargetChars);
    a.locations = f.strings("locations", limits_news::MaxTargets, limits_news::MaxTargetChars);
    a.mustRead = f.boolean("must_read", false);
    a.pinned = f.boolean("pinned", false);
    a.publishAt = f.integer("publish_at");
    a.state = f.string("state", 16);
    a.created = f.integer("created");
    a.edited = f.integer("edited", false);
    if (a.state != k(newsstate::Scheduled) && a.state != k(newsstate::Published))
        f.bad(QStringLiteral("unknown state '%1'").arg(a.state));
    return f.finish(a);
}

QJsonObject encode(const NewsComment &c)
{
    return {{k("id"), c.id}, {k("article"), c.article}, {k("author"), c.author}, {k("text"), c.text},
            {k("created"), double(c.created)}};
}

template<>
Result<NewsComment> decode<NewsComment>(const QJsonObject &o)
{
    Fields f(o);
    NewsComment c;
    c.id = f.id("id");
    c.article = f.id("article");
    c.author = f.id("author");
    c.text = f.string("text", limits::MaxCommentChars);
    c.created = f.integer("created");
    return f.finish(c);
}

QJsonObject encode(const NewsReaction &r)
{
    return {{k("article"), r.article}, {k("user"), r.user}, {k("reaction"), r.reaction}, {k("on"), r.on}};
}

template<>
Result<NewsReaction> decode<NewsReaction>(const QJsonObject &o)
{
    Fields f(o);
    NewsReaction r;
    r.article = f.id("article");
    r.user = f.id("user");
    r.reaction = f.string("reaction", 32);
    r.on = f.boolean("on");
    if (!r.reaction.isEmpty() && !reaction::isValid(r.reaction))
        f.bad(QStringLiteral("unknown reaction '%1'").arg(r.reaction));
    return f.finish(r);
}

QJsonObject encode(const NewsReadState &s)
{
    return {{k("article"), s.article}, {k("user"), s.user}, {k("read_at"), double(s.readAt)},
            {k("acked_at"), double(s.ackedAt)}};
}

template<>
Result<NewsReadState> decode<NewsReadState>(const QJsonObject &o)
{
    Fields f(o);
    NewsReadState s;
    s.article = f.id("article");
    s.user = f.id("user");
    s.readAt = f.integer("read_at");
    s.ackedAt = f.integer("acked_at", false);
    return f.finish(s);
}

QJsonObject encode(const NewsStats &s)
{
    return {{k("article"), s.article}, {k("audience_size"), double(s.audienceSize)}, {k("readers"), double(s.readers)},
            {k("acks"), double(s.acks)}, {k("not_acked"), array(s.notAcked)}};
}

template<>
Result<NewsStats> decode<NewsStats>(const QJsonObject &o)
{
    Fields f(o);
    NewsStats s;
    s.article = f.id("article");
    s.audienceSize = f.integer("audience_size");
    s.readers = f.integer("readers");
    s.acks = f.integer("acks");
    s.notAcked = f.strings("not_acked", limits_news::MaxNotAckedListed, limits::MaxIdChars);
    return f.finish(s);
}

QJsonObject encode(const NewsSaveBody &b)
{
    QJsonObject o{{k("id"), b.id},
                  {k("title"), b.title},
                  {k("text"), b.text},
                  {k("departments"), array(b.departments)},
                  {k("locations"), array(b.locations)},
                  {k("must_read"), b.mustRead},
                  {k("pinned"), b.pinned}};
    if (b.publishAt > 0)
        o.insert(k("publish_at"), double(b.publishAt));
    return o;
}

template<>
Result<NewsSaveBody> decode<NewsSaveBody>(const QJsonObject &o)
{
    Fields f(o);
    NewsSaveBody b;
    b.id = f.id("id");
    b.title = f.string("title", limits_news::MaxTitleChars).trimmed();
    b.text = f.string("text", limits_news::MaxTextChars).trimmed();
    b.departments = f.strings("departments", limits_news::MaxTargets, limits_news::MaxTargetChars);
    b.locations = f.strings("locations", limits_news::MaxTargets, limits_news::MaxTargetChars);
    b.mustRead = f.boolean("must_read", false);
    b.pinned = f.boolean("pinned", false);
    b.publishAt = f.integer("publish_at", false);
    if (b.title.isEmpty() && o.contains(k("title")))
        f.bad(QStringLiteral("'title' must not be empty"));
    if (b.text.isEmpty() && o.contains(k("text")))
        f.bad(QStringLiteral("'text' must not be empty"));
    if (b.departments.size() + b.locations.size() > limits_news::MaxTargets)
        f.fail(Error{k(code::TooLarge), QStringLiteral("more than %1 targets").arg(limits_news::MaxTargets)});
    return f.finish(b);
}

QJsonObject encode(const NewsPinBody &b)
{
    return {{k("id"), b.id}, {k("pinned"), b.pinned}};
}

template<>
Result<NewsPinBody> decode<NewsPinBody>(const QJsonObject &o)
{
    Fields f(o);
    NewsPinBody b;
    b.id = f.id("id");
    b.pinned = f.boolean("pinned");
    return f.finish(b);
}

QJsonObject encode(const NewsIdBody &b)
{
    return {{k("id"), b.id}};
}

template<>
Result<NewsIdBody> decode<NewsIdBody>(const QJsonObject &o)
{
    Fields f(o);
    NewsIdBody b;
    b.id = f.id("id");
    return f.finish(b);
}

QJsonObject encode(const NewsCommentBody &b)
{
    return {{k("id"), b.id}, {k("article"), b.article}, {k("text"), b.text}};
}

template<>
Result<NewsCommentBody> decode<NewsCommentBody>(const QJsonObject &o)
{
    Fields f(o);
    NewsCommentBody b;
    b.id = f.id("id");
    b.article = f.id("article");
    b.text = f.string("text", limits::MaxCommentChars + 1000);
    if (f.finish(0).ok()) {
        auto t = validateText(b.text, limits::MaxCommentChars, "text");
        if (!t)
            f.fail(t.error());
        else
            b.text = t.value();
    }
    return f.finish(b);
}

QJsonObject encode(const NewsReactBody &b)
{
    return {{k("article"), b.article}, {k("reaction"), b.reaction}, {k("on"), b.on}};
}

template<>
Result<NewsReactBody> decode<NewsReactBody>(const QJsonObject &o)
{
    Fields f(o);
    NewsReactBody b;
    b.article = f.id("article");
    b.reaction = f.string("reaction", 32);
    b.on = f.boolean("on");
    if (!b.reaction.isEmpty() && !reaction::isValid(b.reaction))
        f.bad(QStringLiteral("unknown reaction '%1'").arg(b.reaction));
    return f.finish(b);
}

} // namespace plein::protocol
