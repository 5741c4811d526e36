#include "protocol/PeopleMessages.h"

#include "protocol/FieldReader.h"

#include <QDate>
#include <QRegularExpression>

namespace plein::protocol {

namespace {

QLatin1String k(const char *s)
{
    return QLatin1String(s);
}

QJsonArray toArray(const QStringList &l)
{
    QJsonArray a;
    for (const QString &s : l)
        a.append(s);
    return a;
}

// A list of strings, each within maxChars, at most maxItems.
QStringList strings(FieldReader &r, const QJsonObject &o, const char *key, int maxItems, int maxChars,
                    bool required = true)
{
    const QJsonArray a = r.array(key, required);
    if (a.size() > maxItems) {
        r.fail(QLatin1String(code::TooLarge), QStringLiteral("'%1' holds more than %2 items").arg(k(key)).arg(maxItems));
        return {};
    }
    QStringList out;
    for (const QJsonValue &v : a) {
        if (!v.isString()) {
            r.fail(QLatin1String(code::BadRequest), QStringLiteral("'%1' must hold strings").arg(k(key)));
            return {};
        }
        if (v.toString().size() > maxChars) {
            r.fail(QLatin1String(code::TooLarge),
                   QStringLiteral("an item of '%1' is longer than %2 characters").arg(k(key)).arg(maxChars));
            return {};
        }
        out.append(v.toString());
    }
    Q_UNUSED(o)
    return out;
}

std::optional<QString> optString(FieldReader &r, const QJsonObject &o, const char *key, int maxChars)
{
    if (!o.contains(k(key)))
        return std::nullopt;
    return r.string(key, maxChars, false);
}

// base64 text of at most maxBytes decoded bytes.
QByteArray bytes(FieldReader &r, const char *key, int maxBytes)
{
    const QString s = r.string(key, (maxBytes / 3 + 1) * 4 + 4);
    if (!r.ok())
        return {};
    auto d = QByteArray::fromBase64Encoding(s.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!d) {
        r.fail(QLatin1String(code::BadRequest), QStringLiteral("'%1' must be base64").arg(k(key)));
        return {};
    }
    if (d.decoded.size() > maxBytes)
        r.fail(QLatin1String(code::TooLarge), QStringLiteral("'%1' holds more than %2 bytes").arg(k(key)).arg(maxBytes));
    return d.decoded;
}

bool isHash(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{64}$"));
    return re.match(s).hasMatch();
}

} // namespace

QString people::normaliseSkill(const QString &raw)
{
    QString s = raw.trimmed().toLower();
    while (s.startsWith(QLatin1Char('#')))
        s.remove(0, 1);
    QString out;
    out.reserve(s.size());
    bool gap = false;
    for (const QChar c : std::as_const(s)) {
        if (c.isSpace()) {
            gap = !out.isEmpty();
            continue;
        }
        if (!(c.isLetterOrNumber() || c == QLatin1Char('+') || c == QLatin1Char('#') || c == QLatin1Char('.')
              || c == QLatin1Char('-') || c == QLatin1Char('_')))
            continue;
        if (gap)
            out.append(QLatin1Char('-'));
        gap = false;
        out.append(c);
    }
    while (out.endsWith(QLatin1Char('.')))
        out.chop(1);
    if (out.size() > MaxSkillChars)
        return {};
    return out;
}

QStringList people::hashtags(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(?:^|[^\\w#])#([\\w][\\w+.-]*)"),
                                       QRegularExpression::UseUnicodePropertiesOption);
    QStringList out;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const QString tag = normaliseSkill(it.next().captured(1));
        if (!tag.isEmpty() && !out.contains(tag))
            out.append(tag);
    }
    return out;
}

bool people::isValidDate(const QString &date)
{
    return date.isEmpty() || (date.size() == 10 && QDate::fromString(date, Qt::ISODate).isValid());
}

bool people::isValidSize(const QString &size)
{
    return size == QLatin1String(SizeSmall) || size == QLatin1String(SizeMedium) || size == QLatin1String(SizeOriginal);
}

QJsonObject encode(const Profile &p)
{
    return {{k("id"), p.id},
            {k("email"), p.email},
            {k("phone"), p.phone},
            {k("bio"), p.bio},
            {k("location"), p.location},
            {k("manager"), p.manager},
            {k("start_date"), p.startDate},
            {k("skills"), toArray(p.skills)},
            {k("languages"), toArray(p.languages)},
            {k("photo"), p.photo},
            {k("active"), p.active}};
}

template<>
Result<Profile> decode<Profile>(const QJsonObject &o)
{
    FieldReader r(o);
    Profile p;
    p.id = r.id("id");
    p.email = r.string("email", people::MaxEmailChars, false);
    p.phone = r.string("phone", people::MaxPhoneChars, false);
    p.bio = r.string("bio", people::MaxBioChars, false);
    p.location = r.string("location", people::MaxFieldChars, false);
    p.manager = r.id("manager", false);
    p.startDate = r.string("start_date", 10, false);
    p.skills = strings(r, o, "skills", people::MaxSkills, people::MaxSkillChars, false);
    p.languages = strings(r, o, "languages", people::MaxLanguages, people::MaxFieldChars, false);
    p.photo = r.string("photo", 64, false);
    p.active = r.boolean("active", false, true);
    return r.finish(p);
}

QJsonObject encode(const ProfileUpdateBody &b)
{
    QJsonObject o;
    if (!b.person.isEmpty())
        o.insert(k("person"), b.person);
    const std::pair<const char *, const std::optional<QString> *> fields[] = {
        {"bio", &b.bio},           {"phone", &b.phone},       {"photo", &b.photo},
        {"title", &b.title},       {"department", &b.department}, {"location", &b.location},
        {"manager", &b.manager},   {"email", &b.email},       {"start_date", &b.startDate}};
    for (const auto &[key, value] : fields)
        if (*value)
            o.insert(k(key), **value);
    if (b.skills)
        o.insert(k("skills"), toArray(*b.skills));
    if (b.languages)
        o.insert(k("languages"), toArray(*b.languages));
    return o;
}

template<>
Result<ProfileUpdateBody> decode<ProfileUpdateBody>(const QJsonObject &o)
{
    FieldReader r(o);
    ProfileUpdateBody b;
    b.person = r.id("person", false);
    b.bio = optString(r, o, "bio", people::MaxBioChars);
    b.phone = optString(r, o, "phone", people::MaxPhoneChars);
    b.photo = optString(r, o, "photo", 64);
    b.title = optString(r, o, "title", people::MaxFieldChars);
    b.department = optString(r, o, "department", people::MaxFieldChars);
    b.location = optString(r, o, "location", people::MaxFieldChars);
    b.manager = optString(r, o, "manager", 64);
    b.email = optString(r, o, "email", people::MaxEmailChars);
    b.startDate = optString(r, o, "start_date", 10);
    if (o.contains(k("skills")))
        b.skills = strings(r, o, "skills", people::MaxSkills, 2 * people::MaxSkillChars);
    if (o.contains(k("languages")))
        b.languages = strings(r, o, "languages", people::MaxLanguages, people::MaxFieldChars);
    if (r.ok() && b.photo && !b.photo->isEmpty() && !isHash(*b.photo))
        r.fail(QLatin1String(code::BadRequest), QStringLiteral("'photo' must be a photo hash or empty"));
    if (r.ok() && b.manager && !b.manager->isEmpty() && !ids::isValid(*b.manager))
        r.fail(QLatin1String(code::BadRequest), QStringLiteral("'manager' must be a UUID or empty"));
    if (r.ok() && b.startDate && !people::isValidDate(*b.startDate))
        r.fail(QLatin1String(code::BadRequest), QStringLiteral("'start_date' must be yyyy-MM-dd"));
    if (r.ok() && b.skills) {
        QStringList normal;
        for (const QString &s : std::as_const(*b.skills)) {
            const QString n = people::normaliseSkill(s);
            if (n.isEmpty()) {
                r.fail(QLatin1String(code::BadRequest), QStringLiteral("'%1' is not a usable skill").arg(s));
                break;
            }
            if (!normal.contains(n))
                normal.append(n);
        }
        b.skills = normal;
    }
    return r.finish(b);
}

QJsonObject encode(const PersonActiveBody &b)
{
    return {{k("person"), b.person}, {k("active"), b.active}};
}

template<>
Result<PersonActiveBody> decode<PersonActiveBody>(const QJsonObject &o)
{
    FieldReader r(o);
    PersonActiveBody b;
    b.person = r.id("person");
    b.active = r.boolean("active");
    return r.finish(b);
}

QJsonObject encode(const EndorseBody &b)
{
    return {{k("person"), b.person}, {k("skill"), b.skill}, {k("endorsed"), b.endorsed}};
}

template<>
Result<EndorseBody> decode<EndorseBody>(const QJsonObject &o)
{
    FieldReader r(o);
    EndorseBody b;
    b.person = r.id("person");
    b.skill = people::normaliseSkill(r.string("skill", 2 * people::MaxSkillChars));
    b.endorsed = r.boolean("endorsed", false, true);
    if (r.ok() && b.skill.isEmpty())
        r.fail(QLatin1String(code::BadRequest), QStringLiteral("'skill' is not a usable skill"));
    return r.finish(b);
}

QJsonObject encode(const Endorsement &e)
{
    return {{k("person"), e.person}, {k("skill"), e.skill}, {k("by"), e.by}, {k("endorsed"), e.endorsed}};
}

template<>
Result<Endorsement> decode<Endorsement>(const QJsonObject &o)
{
    FieldReader r(o);
    Endorsement e;
    e.person = r.id("person");
    e.skill = r.string("skill", people::MaxSkillChars);
    e.by = r.id("by");
    e.endorsed = r.boolean("endorsed", false, true);
    return r.finish(e);
}

QJsonObject encode(const ExpertAskBody &b)
{
    return {{k("id"), b.id}, {k("topic"), b.topic}, {k("text"), b.text}, {k("experts"), toArray(b.experts)}};
}

template<>
Result<ExpertAskBody> decode<ExpertAskBody>(const QJsonObject &o)
{
    FieldReader r(o);
    ExpertAskBody b;
    b.id = r.id("id");
    b.topic = people::normaliseSkill(r.string("topic", 2 * people::MaxSkillChars));
    b.text = r.string("text", people::MaxQuestionChars);
    b.experts = strings(r, o, "experts", people::MaxExpertsAsked, limits::MaxIdChars);
    if (r.ok()) {
        auto t = validateText(b.text, people::MaxQuestionChars, "text");
        if (!t)
            return t.error();
        b.text = t.value();
        if (b.topic.isEmpty())
            r.fail(QLatin1String(code::BadRequest), QStringLiteral("'topic' is not a usable skill"));
        if (b.experts.isEmpty())
            r.fail(QLatin1String(code::BadRequest), QStringLiteral("'experts' must name at least one person"));
        for (const QString &e : std::as_const(b.experts))
            if (!ids::isValid(e))
                r.fail(QLatin1String(code::BadRequest), QStringLiteral("'experts' must hold UUIDs"));
    }
    return r.finish(b);
}

QJsonObject encode(const ExpertAnswerBody &b)
{
    return {{k("id"), b.id}, {k("question"), b.question}, {k("text"), b.text}};
}

template<>
Result<ExpertAnswerBody> decode<ExpertAnswerBody>(const QJsonObject &o)
{
    FieldReader r(o);
    ExpertAnswerBody b;
    b.id = r.id("id");
    b.question = r.id("question");
    b.text = r.string("text", people::MaxAnswerChars);
    if (r.ok()) {
        auto t = validateText(b.text, people::MaxAnswerChars, "text");
        if (!t)
            return t.error();
        b.text = t.value();
    }
    return r.finish(b);
}

QJsonObject encode(const Question &q)
{
    return {{k("id"), q.id},     {k("asker"), q.asker},
            {k("topic"), q.topic}, {k("text"), q.text},
            {k("experts"), toArray(q.experts)}, {k("created"), double(q.created)}};
}

template<>
Result<Question> decode<Question>(const QJsonObject &o)
{
    FieldReader r(o);
    Question q;
    q.id = r.id("id");
    q.asker = r.id("asker");
    q.topic = r.string("topic", people::MaxSkillChars);
    q.text = r.string("text", people::MaxQuestionChars);
    q.experts = strings(r, o, "experts", people::MaxExpertsAsked, limits::MaxIdChars);
    q.created = r.integer("created");
    return r.finish(q);
}

QJsonObject encode(const Answer &a)
{
    return {{k("id"), a.id},     {k("question"), a.question}, {k("author"), a.author},
            {k("text"), a.text}, {k("created"), double(a.created)}};
}

template<>
Result<Answer> decode<Answer>(const QJsonObject &o)
{
    FieldReader r(o);
    Answer a;
    a.id = r.id("id");
    a.question = r.id("question");
    a.author = r.id("author");
    a.text = r.string("text", people::MaxAnswerChars);
    a.created = r.integer("created");
    return r.finish(a);
}

QJsonObject encode(const Notice &n)
{
    return {{k("id"), n.id},     {k("kind"), n.kind}, {k("question"), n.question},
            {k("from"), n.from}, {k("text"), n.text}, {k("created"), double(n.created)}};
}

template<>
Result<Notice> decode<Notice>(const QJsonObject &o)
{
    FieldReader r(o);
    Notice n;
    n.id = r.string("id", 2 * limits::MaxIdChars + 1);
    n.kind = r.string("kind", 32);
    n.question = r.id("question");
    n.from = r.id("from");
    n.text = r.string("text", people::MaxAnswerChars, false);
    n.created = r.integer("created");
    return r.finish(n);
}

QJsonObject encode(const ExpertGapBody &b)
{
    return {{k("term"), b.term}};
}

template<>
Result<ExpertGapBody> decode<ExpertGapBody>(const QJsonObject &o)
{
    FieldReader r(o);
    ExpertGapBody b;
    b.term = r.string("term", people::MaxSearchTermChars).simplified().toLower();
    if (r.ok() && b.term.isEmpty())
        r.fail(QLatin1String(code::BadRequest), QStringLiteral("'term' must not be empty"));
    return r.finish(b);
}

QJsonObject encode(const GapsBody &b)
{
    QJsonArray a;
    for (const Gap &g : b.gaps)
        a.append(QJsonObject{{k("term"), g.term}, {k("count"), g.count}, {k("last"), double(g.last)}});
    return {{k("gaps"), a}};
}

template<>
Result<GapsBody> decode<GapsBody>(const QJsonObject &o)
{
    FieldReader r(o);
    GapsBody b;
    const QJsonArray a = r.array("gaps");
    for (const QJsonValue &v : a) {
        const QJsonObject go = v.toObject();
        Gap gap;
        FieldReader gr(go);
        gap.term = gr.string("term", people::MaxSearchTermChars);
        gap.count = int(gr.integer("count"));
        gap.last = gr.integer("last");
        if (!gr.ok())
            return gr.error();
        b.gaps.append(gap);
    }
    return r.finish(b);
}

QJsonObject encode(const PhotoUploadBody &b)
{
    return {{k("upload"), b.upload},
            {k("offset"), double(b.offset)},
            {k("total"), double(b.total)},
            {k("data"), QString::fromLatin1(b.data.toBase64())}};
}

template<>
Result<PhotoUploadBody> decode<PhotoUploadBody>(const QJsonObject &o)
{
    FieldReader r(o);
    PhotoUploadBody b;
    b.upload = r.id("upload");
    b.offset = r.integer("offset");
    b.total = r.integer("total", true, 1);
    b.data = bytes(r, "data", people::PhotoChunkBytes);
    if (r.ok() && b.total > people::MaxPhotoBytes)
        r.fail(QLatin1String(code::TooLarge),
               QStringLiteral("a photo is limited to %1 bytes").arg(people::MaxPhotoBytes));
    if (r.ok() && (b.data.isEmpty() || b.offset + b.data.size() > b.total))
        r.fail(QLatin1String(code::BadRequest), QStringLiteral("the piece does not fit 'offset' and 'total'"));
    return r.finish(b);
}

QJsonObject encode(const PhotoStoredBody &b)
{
    return {{k("hash"), b.hash}, {k("width"), b.width}, {k("height"), b.height}};
}

template<>
Result<PhotoStoredBody> decode<PhotoStoredBody>(const QJsonObject &o)
{
    FieldReader r(o);
    PhotoStoredBody b;
    b.hash = r.string("hash", 64);
    b.width = int(r.integer("width"));
    b.height = int(r.integer("height"));
    return r.finish(b);
}

QJsonObject encode(const PhotoGetBody &b)
{
    return {{k("hash"), b.hash}, {k("size"), b.size}, {k("offset"), double(b.offset)}};
}

template<>
Result<PhotoGetBody> decode<PhotoGetBody>(const QJsonObject &o)
{
    FieldReader r(o);
    PhotoGetBody b;
    b.hash = r.string("hash", 64);
    b.size = r.string("size", 1);
    b.offset = r.integer("offset", false);
    if (r.ok() && (!isHash(b.hash) || !people::isValidSize(b.size)))
        r.fail(QLatin1String(code::BadRequest), QStringLiteral("'hash' must be a photo hash and 'size' s, m or o"));
    return r.finish(b);
}

QJsonObject encode(const PhotoDataBody &b)
{
    return {{k("hash"), b.hash},
            {k("size"), b.size},
            {k("offset"), double(b.offset)},
            {k("total"), double(b.total)},
            {k("data"), QString::fromLatin1(b.data.toBase64())}};
}

template<>
Result<PhotoDataBody> decode<PhotoDataBody>(const QJsonObject &o)
{
    FieldReader r(o);
    PhotoDataBody b;
    b.hash = r.string("hash", 64);
    b.size = r.string("size", 1);
    b.offset = r.integer("offset");
    b.total = r.integer("total");
    b.data = bytes(r, "data", people::PhotoChunkBytes);
    return r.finish(b);
}

} // namespace plein::protocol
