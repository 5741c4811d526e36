#include "seed/PeopleDemo.h"

#include "Backend.h"
#include "model/Ids.h"
#include "protocol/PeopleMessages.h"
#include "protocol/Protocol.h"
#include "seed/DemoData.h"

#include <QBuffer>
#include <QDate>
#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>

namespace plein::server {

namespace {
constexpr qint64 DayMs = 24 * 3600 * 1000;

Error internal(const QString &message)
{
    return Error{QLatin1String(protocol::code::Internal), message};
}

QStringList list(std::initializer_list<const char *> l)
{
    QStringList out;
    for (const char *s : l)
        out.append(QString::fromUtf8(s));
    return out;
}

QStringList skillsFor(const QString &department)
{
    static const QHash<QString, QStringList> pools = {
        {QStringLiteral("Finance"), list({"excel", "ifrs", "budgeting", "sql", "power-bi", "treasury", "audit"})},
        {QStringLiteral("Human Resources"), list({"recruitment", "coaching", "labour-law", "onboarding", "workday", "wellbeing"})},
        {QStringLiteral("Communications"), list({"copywriting", "photography", "social-media", "video", "design", "storytelling"})},
        {QStringLiteral("IT"), list({"sql", "python", "c++", "qt", "kubernetes", "security", "linux", "networking", "postgresql"})},
        {QStringLiteral("Sales"), list({"negotiation", "crm", "salesforce", "german", "presenting", "pricing"})},
        {QStringLiteral("Customer Service"), list({"zendesk", "de-escalation", "german", "knowledge-base", "crm"})},
        {QStringLiteral("Operations"), list({"lean", "logistics", "planning", "excel", "safety", "six-sigma"})},
        {QStringLiteral("Legal"), list({"gdpr", "contracts", "compliance", "labour-law", "privacy"})},
        {QStringLiteral("Management"), list({"strategy", "leadership", "finance", "coaching", "presenting"})},
    };
    return pools.value(department, list({"presenting"}));
}
// Where a department has a team lead, the lead's team reports to them (not to the head).
const char *teamLeadOf(const char *name)
{
    static const QHash<QByteArray, const char *> leads = {{"jack", "ayse"}, {"fleur", "ayse"}};
    return leads.value(QByteArray(name), nullptr);
}
} // namespace

QImage PeopleDemo::portrait(quint32 seed, int side)
{
    QRandomGenerator rng(seed);
    static const QColor backgrounds[] = {0x8ecae6, 0xa8dadc, 0xf1faee, 0xffd6a5, 0xcaffbf, 0xbdb2ff, 0xffc6ff, 0xfdffb6,
                                         0x9bf6ff, 0xe9c46a};
    static const QColor skins[] = {0xf5d0b5, 0xe8b796, 0xd19a6e, 0xa86f4c, 0x7b4b2a, 0xf2c6a0, 0xc68863};
    static const QColor hairs[] = {0x2b1d14, 0x4a3221, 0x8d5524, 0xd8b26e, 0x1a1a1a, 0xa0a0a0, 0xb5523b};
    static const QColor clothes[] = {0x264653, 0x2a9d8f, 0xe76f51, 0x3d5a80, 0x6d597a, 0x1d3557, 0x588157, 0x9d0208};
    const auto pick = [&rng](const auto &arr) { return arr[rng.bounded(int(std::size(arr)))]; };
    const QColor bg = pick(backgrounds), skin = pick(skins), hair = pick(hairs), cloth = pick(clothes);
    const int style = int(rng.bounded(4));   // 0 short, 1 long, 2 bun, 3 bald-ish

    QImage img(side, side, QImage::Format_RGB32);
    QPainter p(&img);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = side / 100.0;
    QLinearGradient g(0, 0, 0, side);
    g.setColorAt(0, bg.lighter(110));
    g.setColorAt(1, bg.darker(110));
    p.fillRect(img.rect(), g);
    p.setPen(Qt::NoPen);
    // Hair behind the head (long hair).
    if (style == 1) {
        p.setBrush(hair);
        p.drawRoundedRect(QRectF(28 * s, 26 * s, 44 * s, 52 * s), 18 * s, 18 * s);
    }
    // Shoulders and neck.
    p.setBrush(cloth);
    p.drawEllipse(QRectF(14 * s, 74 * s, 72 * s, 50 * s));
    p.setBrush(skin.darker(108));
    p.drawRect(QRectF(43 * s, 58 * s, 14 * s, 18 * s));
    // Head.
    p.setBrush(skin);
    p.drawEllipse(QRectF(32 * s, 24 * s, 36 * s, 44 * s));
    // Hair on top.
    p.setBrush(hair);
    if (style == 0 || style == 1) {
        QPainterPath top;
        top.moveTo(31 * s, 44 * s);
        top.cubicTo(29 * s, 18 * s, 71 * s, 18 * s, 69 * s, 44 * s);
        top.cubicTo(62 * s, 32 * s, 45 * s, 30 * s, 31 * s, 44 * s);
        p.drawPath(top);
    } else if (style == 2) {
        p.drawEllipse(QRectF(42 * s, 12 * s, 16 * s, 16 * s));
        QPainterPath top;
        top.moveTo(32 * s, 40 * s);
        top.cubicTo(32 * s, 20 * s, 68 * s, 20 * s, 68 * s, 40 * s);
        top.cubicTo(60 * s, 30 * s, 40 * s, 30 * s, 32 * s, 40 * s);
        p.drawPath(top);
    } else {
        p.drawChord(QRectF(32 * s, 22 * s, 36 * s, 20 * s), 0, 180 * 16);
    }
    // Eyes and a smile.
    p.setBrush(QColor(0x2b, 0x2b, 0x2b));
    p.drawEllipse(QPointF(43.5 * s, 47 * s), 1.8 * s, 2.2 * s);
    p.drawEllipse(QPointF(56.5 * s, 47 * s), 1.8 * s, 2.2 * s);
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(skin.darker(150), 1.4 * s, Qt::SolidLine, Qt::RoundCap));
    p.drawArc(QRectF(44 * s, 51 * s, 12 * s, 8 * s), 200 * 16, 140 * 16);
    p.end();
    return img;
}

Result<int> PeopleDemo::run()
{
    const auto &people = demo::people();
    QRandomGenerator rng(RandomSeed);
    const qint64 now = ids::nowMs();
    const QDate today = QDate::currentDate();
    static const QStringList locations = {QStringLiteral("Utrecht"), QStringLiteral("Amsterdam"),
                                          QStringLiteral("Rotterdam"), QStringLiteral("Eindhoven"),
                                          QStringLiteral("Remote")};
    const auto idOf = demo::user;

    Transaction tx(m_backend.db);
    if (!tx.ok())
        return internal(QStringLiteral("the database is busy"));

    // The org chart: Willem leads; the first person of each department heads it; a team lead
    // has a team of their own.
    QHash<QString, QString> headOf;
    const QString ceo = idOf("willem");
    for (const demo::PersonSpec &p : people) {
        const QString dept = QString::fromUtf8(p.department);
        if (!headOf.contains(dept) && dept != QLatin1String("Management"))
            headOf.insert(dept, idOf(p.name));
    }
    QHash<QString, QStringList> skillsOf;
    int i = 0;
    for (const demo::PersonSpec &spec : people) {
        const QString id = idOf(spec.name);
        const QString dept = QString::fromUtf8(spec.department);
        protocol::Profile p = m_backend.people.profile(id).value_or(protocol::Profile{});
        p.id = id;
        p.email = QLatin1String(spec.name) + QStringLiteral("@plein.example");
        p.phone = QStringLiteral("+31 6 %1").arg(10000000 + int(rng.bounded(89999999)));
        p.location = locations.at((i * 7 + int(rng.bounded(3))) % locations.size());
        if (id == ceo)
            p.manager.clear();
        else if (dept == QLatin1String("Management") || headOf.value(dept) == id)
            p.manager = ceo;
        else if (const char *lead = teamLeadOf(spec.name))
            p.manager = idOf(lead);
        else
            p.manager = headOf.value(dept);
        // Four people joined in the last few weeks; the rest over the past years.
        p.startDate = (i % 12 == 5) ? today.addDays(-int(rng.bounded(28))).toString(Qt::ISODate)
                                    : today.addDays(-200 - int(rng.bounded(3000))).toString(Qt::ISODate);
        QStringList pool = skillsFor(dept);
        QStringList skills;
        const int n = 2 + int(rng.bounded(3));
        while (skills.size() < n && !pool.isEmpty())
            skills.append(pool.takeAt(int(rng.bounded(int(pool.size())))));
        p.skills = skills;
        skillsOf.insert(id, skills);
        p.languages = (i % 3 == 0) ? list({"Nederlands", "English", "Deutsch"}) : list({"Nederlands", "English"});
        p.bio = QStringLiteral("%1 at Plein Holding, %2. Ask me about %3.")
                    .arg(QString::fromUtf8(spec.title), p.location, skills.join(QStringLiteral(", ")));
        // Most people have a photo; a few keep their initials.
        if (i % 7 != 3) {
            QByteArray png;
            QBuffer buf(&png);
            buf.open(QIODevice::WriteOnly);
            portrait(RandomSeed + quint32(i) * 7919u).save(&buf, "PNG");
            auto stored = m_backend.peopleFeature.photos().store(id, png);
            if (!stored)
                return stored.error();
            p.photo = stored->hash;
        }
        if (!m_backend.people.saveProfile(p, now) || m_backend.peopleFeature.logPerson(id, false, true, {}, now) == 0)
            return internal(QStringLiteral("could not write the demo directory"));
        ++i;
    }

    // Colleagues endorse each other's skills, mostly within their department.
    const QString org = QLatin1String(protocol::audience::Org);
    for (int e = 0; e < 160; ++e) {
        const demo::PersonSpec &a = people.at(int(rng.bounded(int(people.size()))));
        const demo::PersonSpec &b = people.at(int(rng.bounded(int(people.size()))));
        const QString person = idOf(b.name), by = idOf(a.name);
        const QStringList skills = skillsOf.value(person);
        if (person == by || skills.isEmpty())
            continue;
        const QString skill = skills.at(int(rng.bounded(int(skills.size()))));
        if (m_backend.people.hasEndorsement(person, skill, by))
            continue;
        if (!m_backend.people.setEndorsement(person, skill, by, true, now))
            return internal(QStringLiteral("could not write the demo endorsements"));
        const protocol::Endorsement en{person, skill, by, true};
        if (m_backend.log.append({org, QLatin1String(protocol::kind::Endorsement),
                                  person + QLatin1Char(':') + skill + QLatin1Char(':') + by, {}, false, protocol::encode(en)},
                                 now)
            == 0)
            return internal(QStringLiteral("could not log the demo endorsements"));
    }

    // Posts with hashtags about what people know: evidence for the Kennisconnector.
    static const char *const templates[] = {
        "Handige tip voor wie met #%1 werkt: eerst meten, dan pas optimaliseren.",
        "Just wrapped up a workshop on #%1 - slides are on the shared drive.",
        "Wie heeft er ervaring met #%1? Ik zoek iemand om mee te sparren.",
        "Three things I learned about #%1 this quarter, thread below.",
        "Nieuwe checklist voor #%1 staat op het intranet. Feedback welkom!",
    };
    for (int n = 0; n < 60; ++n) {
        const demo::PersonSpec &a = people.at(int(rng.bounded(int(people.size()))));
        const QString author = idOf(a.name);
        const QStringList skills = skillsOf.value(author);
        if (skills.isEmpty())
            continue;
        const QString text = QString::fromUtf8(templates[rng.bounded(int(std::size(templates)))])
                                 .arg(skills.at(int(rng.bounded(int(skills.size())))));
        const Post post{ids::derived(QStringLiteral("demo:tagpost:%1").arg(n)), author, text,
                        now - qint64(1 + rng.bounded(27)) * DayMs - qint64(rng.bounded(600)) * 60000};
        if (!m_backend.timeline.insertPost(post)
            || m_backend.log.append({org, QLatin1String(protocol::kind::Post), post.id, {}, false, protocol::encode(post)},
                                    post.created)
                   == 0)
            return internal(QStringLiteral("could not write the demo posts"));
    }

    // A question to the SQL experts, answered.
    const protocol::Question q{ids::derived(QStringLiteral("demo:question:1")), idOf("anna"), QStringLiteral("sql"),
                               QStringLiteral("Hoe maak ik een maandrapport uit de boekhouding zonder alles in Excel "
                                              "over te tikken?"),
                               {idOf("priya"), idOf("thijs")}, now - 3 * DayMs};
    const protocol::Answer ans{ids::derived(QStringLiteral("demo:answer:1")), q.id, idOf("priya"),
                               QStringLiteral("Met een view in de rapportagedatabase en Power BI erop. Ik loop het "
                                              "morgen graag met je door."),
                               now - 2 * DayMs};
    if (!m_backend.people.insertQuestion(q) || !m_backend.people.insertAnswer(ans)
        || m_backend.log.append({org, QLatin1String(protocol::kind::Question), q.id, {}, false, protocol::encode(q)},
                                q.created)
               == 0
        || m_backend.log.append({org, QLatin1String(protocol::kind::Answer), ans.id, {}, false, protocol::encode(ans)},
                                ans.created)
               == 0)
        return internal(QStringLiteral("could not write the demo questions"));

    if (!tx.commit())
        return internal(QStringLiteral("could not commit the demo directory"));
    return i;
}

} // namespace plein::server
