#include "seed/BulkPeople.h"

#include "Backend.h"
#include "Logging.h"
#include "model/Ids.h"
#include "protocol/PeopleMessages.h"
#include "protocol/Protocol.h"
#include "seed/PeopleDemo.h"

#include <QBuffer>
#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QRandomGenerator>

namespace plein::server {

namespace {
constexpr int BatchRows = 5000;

Error internal(const QString &message)
{
    return Error{QLatin1String(protocol::code::Internal), message};
}

QStringList words(const char *spaceSeparated)
{
    return QString::fromUtf8(spaceSeparated).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

const QStringList &locations()
{
    static const QStringList l = {QStringLiteral("Utrecht"),   QStringLiteral("Amsterdam"), QStringLiteral("Rotterdam"),
                                  QStringLiteral("Eindhoven"), QStringLiteral("Groningen"), QStringLiteral("Remote")};
    return l;
}
} // namespace

QStringList BulkPeople::skillPool(const QString &department)
{
    static const QHash<QString, QStringList> pools = {
        {QStringLiteral("Board"), words("strategy leadership finance presenting governance")},
        {QStringLiteral("Finance"), words("excel ifrs budgeting sql power-bi treasury audit forecasting")},
        {QStringLiteral("Human Resources"), words("recruitment coaching labour-law onboarding workday wellbeing")},
        {QStringLiteral("Communications"), words("copywriting photography social-media video design storytelling")},
        {QStringLiteral("IT"), words("sql python c++ qt kubernetes security linux networking postgresql azure")},
        {QStringLiteral("Sales"), words("negotiation crm salesforce german presenting pricing")},
        {QStringLiteral("Marketing"), words("seo campaigns analytics copywriting design social-media")},
        {QStringLiteral("Operations"), words("lean logistics planning excel safety six-sigma")},
        {QStringLiteral("Customer Service"), words("zendesk de-escalation german knowledge-base crm")},
        {QStringLiteral("Legal"), words("gdpr contracts compliance labour-law privacy")},
        {QStringLiteral("Research & Development"), words("python matlab prototyping testing ux c++ product-management")},
        {QStringLiteral("Facilities"), words("safety planning maintenance hospitality budgeting")},
        {QStringLiteral("Procurement"), words("negotiation contracts sap supplier-management excel")},
    };
    return pools.value(department, words("presenting planning"));
}

Result<BulkPeopleReport> BulkPeople::run(const QList<BulkPerson> &people, const BulkSeedOptions &options)
{
    BulkPeopleReport report;
    if (people.isEmpty())
        return report;
    QRandomGenerator rng(options.seed ^ 0x51ed270bu);
    const qint64 now = options.anchor > 0 ? options.anchor : ids::nowMs();
    const QDate today = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).date();
    const QString org = QLatin1String(protocol::audience::Org);

    std::optional<Transaction> tx;
    int inBatch = 0;
    const auto row = [&]() -> bool {
        if (!tx) {
            tx.emplace(m_backend.db);
            if (!tx->ok())
                return false;
        }
        if (++inBatch < BatchRows)
            return true;
        inBatch = 0;
        const bool ok = tx->commit();
        tx.reset();
        return ok;
    };

    // The portraits: a fixed set, each stored once (owned by the first person to show it).
    QStringList portraits;
    for (int v = 0; v < PortraitVariants && v < people.size(); ++v) {
        if (!row())
            return internal(QStringLiteral("the database is busy"));
        QByteArray png;
        QBuffer buf(&png);
        buf.open(QIODevice::WriteOnly);
        PeopleDemo::portrait(options.seed + quint32(v) * 7919u, PortraitSide).save(&buf, "PNG");
        auto stored = m_backend.peopleFeature.photos().store(people.at(v).id, png);
        if (!stored)
            return stored.error();
        portraits.append(stored->hash);
        ++report.photos;
    }

    // Profiles: the manager comes from the organisation, so the org chart is the tree
    // director -> heads -> team leads -> members that BulkSeed made.
    QHash<QString, QStringList> skillsOf;
    skillsOf.reserve(people.size());
    for (qsizetype i = 0; i < people.size(); ++i) {
        const BulkPerson &person = people.at(i);
        if (!row())
            return internal(QStringLiteral("could not write the profiles"));
        protocol::Profile p;
        p.id = person.id;
        p.email = person.name + QStringLiteral("@plein.example");
        p.phone = QStringLiteral("+31 6 %1").arg(10000000 + int(rng.bounded(89999999)));
        // Most of a team sits together: the location follows the team lead, with a few remote.
        const int team = person.manager < 0 ? 0 : person.manager;
        p.location = rng.bounded(10) == 0 ? locations().constLast()
                                          : locations().at(int((quint32(team) * 2654435761u) % (locations().size() - 1)));
        p.manager = person.manager < 0 ? QString() : people.at(person.manager).id;
        const bool leads = person.manager <= 0;   // the director and the heads
        const int daysAgo = rng.bounded(60) == 0 ? int(rng.bounded(28))
                                                 : (leads ? 1500 : 60) + int(rng.bounded(leads ? 4000 : 3000));
        p.startDate = today.addDays(-daysAgo).toString(Qt::ISODate);
        QStringList pool = skillPool(person.department);
        const int n = 2 + int(rng.bounded(3));
        while (p.skills.size() < n && !pool.isEmpty())
            p.skills.append(pool.takeAt(int(rng.bounded(int(pool.size())))));
        skillsOf.insert(person.id, p.skills);
        p.languages = person.dutch ? QStringList{QStringLiteral("Nederlands"), QStringLiteral("English")}
                                   : QStringList{QStringLiteral("English"), QStringLiteral("Nederlands")};
        if (rng.bounded(5) == 0)
            p.languages.append(rng.bounded(2) ? QStringLiteral("Deutsch") : QStringLiteral("Français"));
        p.bio = person.dutch ? QStringLiteral("%1 bij %2 in %3. Vraag me gerust over %4.")
                                   .arg(person.title, person.department, p.location, p.skills.join(QStringLiteral(", ")))
                             : QStringLiteral("%1 in %2, based in %3. Ask me about %4.")
                                   .arg(person.title, person.department, p.location, p.skills.join(QStringLiteral(", ")));
        if (!portraits.isEmpty() && rng.bounded(10) < 7) {
            p.photo = portraits.at(int(rng.bounded(int(portraits.size()))));
            ++report.withPhoto;
        }
        if (!m_backend.people.saveProfile(p, now)
            || m_backend.log.append({org, QLatin1String(protocol::kind::Profile), p.id, {}, false, protocol::encode(p)}, now)
                   == 0)
            return internal(QStringLiteral("could not write the profile of %1").arg(person.name));
        ++report.profiles;
    }

    // Endorsements: about one and a half per person, from colleagues nearby in the same
    // department (departments are contiguous blocks).
    const qsizetype wanted = people.size() * 3 / 2;
    for (qsizetype e = 0; e < wanted; ++e) {
        const qsizetype a = qsizetype(rng.bounded(int(people.size())));
        const qsizetype b = std::clamp<qsizetype>(a + qsizetype(rng.bounded(31)) - 15, 0, people.size() - 1);
        const BulkPerson &by = people.at(a);
        const BulkPerson &person = people.at(b);
        const QStringList skills = skillsOf.value(person.id);
        if (a == b || by.department != person.department || skills.isEmpty())
            continue;
        const QString skill = skills.at(int(rng.bounded(int(skills.size()))));
        if (m_backend.people.hasEndorsement(person.id, skill, by.id))
            continue;
        if (!row())
            return internal(QStringLiteral("could not write the endorsements"));
        const protocol::Endorsement en{person.id, skill, by.id, true};
        if (!m_backend.people.setEndorsement(person.id, skill, by.id, true, now)
            || m_backend.log.append({org, QLatin1String(protocol::kind::Endorsement),
                                     person.id + QLatin1Char(':') + skill + QLatin1Char(':') + by.id, {}, false,
                                     protocol::encode(en)},
                                    now)
                   == 0)
            return internal(QStringLiteral("could not write the endorsements"));
        ++report.endorsements;
    }
    if (tx && !tx->commit())
        return internal(QStringLiteral("could not commit the directory"));
    qCInfo(lcSeed, "seeded the directory: %d profiles, %d with one of %d portraits, %d endorsements",
           report.profiles, report.withPhoto, report.photos, report.endorsements);
    return report;
}

} // namespace plein::server
