#include "features/people/PeopleFeature.h"

#include "model/Ids.h"
#include "protocol/Protocol.h"
#include "store/UserStore.h"
#include "sync/ChangeLog.h"
#include "sync/Requests.h"
#include "sync/Writer.h"

#include <QCoreApplication>

namespace plein::server {

namespace {
QLatin1String l1(const char *s)
{
    return QLatin1String(s);
}

Error error(const char *code, const QString &message)
{
    return Error{QLatin1String(code), message};
}

bool isAdmin(const Person &p)
{
    return p.role == l1(role::Admin);
}

QString org()
{
    return l1(protocol::audience::Org);
}

protocol::Envelope answerOf(const char *type, const QJsonObject &body)
{
    protocol::Envelope e;
    e.type = l1(type);
    e.body = body;
    return e;
}
} // namespace

PeopleFeature::PeopleFeature(PeopleStore &store, UserStore &users, ChangeLog &log)
    : m_store(store), m_users(users), m_log(log), m_photos(store)
{
}

void PeopleFeature::registerHandlers(WriteHandlers &writes, RequestHandlers &requests)
{
    using namespace protocol;
    writes.add(l1(type::ProfileUpdate),
               [this](const Person &a, const QString &op, const QJsonObject &b) { return updateProfile(a, op, b); });
    writes.add(l1(type::PersonActive),
               [this](const Person &a, const QString &op, const QJsonObject &b) { return setActive(a, op, b); });
    writes.add(l1(type::SkillEndorse),
               [this](const Person &a, const QString &op, const QJsonObject &b) { return endorse(a, op, b); });
    writes.add(l1(type::ExpertAsk),
               [this](const Person &a, const QString &op, const QJsonObject &b) { return ask(a, op, b); });
    writes.add(l1(type::ExpertAnswer),
               [this](const Person &a, const QString &op, const QJsonObject &b) { return answer(a, op, b); });

    requests.add(l1(type::PhotoUpload), [this](const Person &a, const Envelope &e) -> Result<Envelope> {
        auto in = decode<PhotoUploadBody>(e.body);
        if (!in)
            return in.error();
        auto r = m_photos.upload(a.id, in.value());
        if (!r)
            return r.error();
        if (!r.value())
            return answerOf(type::Ok, {});
        return answerOf(type::PhotoStored, encode(*r.value()));
    });
    requests.add(l1(type::PhotoGet), [this](const Person &, const Envelope &e) -> Result<Envelope> {
        auto in = decode<PhotoGetBody>(e.body);
        if (!in)
            return in.error();
        auto r = m_photos.get(in.value());
        if (!r)
            return r.error();
        return answerOf(type::PhotoData, encode(r.value()));
    });
    // Who searched is deliberately not kept: the term and a count only.
    requests.add(l1(type::ExpertGap), [this](const Person &, const Envelope &e) -> Result<Envelope> {
        auto in = decode<ExpertGapBody>(e.body);
        if (!in)
            return in.error();
        if (!m_store.recordGap(in->term, ids::nowMs()))
            return error(code::Internal, QStringLiteral("could not record the search"));
        return answerOf(type::Ok, {});
    });
    requests.add(l1(type::ExpertGaps), [this](const Person &a, const Envelope &) -> Result<Envelope> {
        if (!isAdmin(a))
            return error(code::Forbidden, QStringLiteral("only admins see the knowledge gaps"));
        return answerOf(type::ExpertGapsList, encode(GapsBody{m_store.gaps(200)}));
    });
}

qint64 PeopleFeature::logPerson(const QString &userId, bool user, bool profile, const QString &op, qint64 at)
{
    qint64 seq = 0;
    if (user) {
        const auto u = m_users.byId(userId);
        if (!u)
            return 0;
        seq = m_log.append({org(), l1(protocol::kind::User), userId, profile ? QString() : op, false,
                            protocol::encode(u->person)},
                           at);
        if (seq == 0)
            return 0;
    }
    if (profile) {
        const auto p = m_store.profile(userId);
        if (!p)
            return 0;
        seq = m_log.append({org(), l1(protocol::kind::Profile), userId, op, false, protocol::encode(*p)}, at);
    }
    return seq;
}

bool PeopleFeature::makesLoop(const QString &person, const QString &manager)
{
    QString m = manager;
    for (int depth = 0; !m.isEmpty() && depth < 10000; ++depth) {
        if (m == person)
            return true;
        m = m_store.managerOf(m);
    }
    return !m.isEmpty();
}

Result<protocol::AckBody> PeopleFeature::updateProfile(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::ProfileUpdateBody>(body);
    if (!in)
        return in.error();
    const QString target = in->person.isEmpty() ? actor.id : in->person;
    const auto user = m_users.byId(target);
    if (!user || !user->active)
        return error(protocol::code::NotFound, QStringLiteral("no person %1 in the directory").arg(target));
    const bool own = in->bio || in->phone || in->skills || in->languages || in->photo;
    const bool managed = in->title || in->department || in->location || in->manager || in->email || in->startDate;
    if (!own && !managed)
        return error(protocol::code::BadRequest, QStringLiteral("nothing to change"));
    // Own fields belong to the person alone; the organisation's fields to admins.
    if (own && target != actor.id)
        return error(protocol::code::Forbidden, QStringLiteral("only %1 may change their bio, photo, skills, languages "
                                                               "and phone")
                                                    .arg(user->person.displayName));
    if (managed && !isAdmin(actor))
        return error(protocol::code::Forbidden,
                     QStringLiteral("title, department, location, manager, email and start date are managed by admins"));

    auto p = m_store.profile(target).value();
    if (in->photo && !in->photo->isEmpty() && !m_store.photoOwnedBy(*in->photo, actor.id))
        return error(protocol::code::NotFound, QStringLiteral("upload the photo first (photo.upload)"));
    if (in->manager && !in->manager->isEmpty()) {
        const auto m = m_users.byId(*in->manager);
        if (!m || !m->active)
            return error(protocol::code::NotFound, QStringLiteral("no manager %1 in the directory").arg(*in->manager));
        if (makesLoop(target, *in->manager))
            return error(protocol::code::BadRequest, QStringLiteral("that manager would make the org chart loop"));
    }
    const auto set = [](QString &field, const std::optional<QString> &v) {
        if (v)
            field = v->trimmed();
    };
    set(p.bio, in->bio);
    set(p.phone, in->phone);
    set(p.photo, in->photo);
    set(p.location, in->location);
    set(p.manager, in->manager);
    set(p.email, in->email);
    set(p.startDate, in->startDate);
    if (in->skills)
        p.skills = *in->skills;
    if (in->languages) {
        p.languages.clear();
        for (const QString &l : std::as_const(*in->languages))
            if (!l.trimmed().isEmpty() && !p.languages.contains(l.trimmed()))
                p.languages.append(l.trimmed());
    }
    const qint64 now = ids::nowMs();
    if (!m_store.saveProfile(p, now))
        return error(protocol::code::Internal, QStringLiteral("could not store the profile"));
    Person person = user->person;
    const bool userChanged = (in->title && in->title->trimmed() != person.title)
                             || (in->department && in->department->trimmed() != person.department);
    if (userChanged) {
        if (in->title)
            person.title = in->title->trimmed();
        if (in->department)
            person.department = in->department->trimmed();
        if (!m_store.setUserFields(target, person.name, person.displayName, person.title, person.department))
            return error(protocol::code::Internal, QStringLiteral("could not store the profile"));
    }
    const qint64 seq = logPerson(target, userChanged, true, op, now);
    if (seq == 0)
        return error(protocol::code::Internal, QStringLiteral("could not log the profile"));
    return protocol::AckBody{op, seq, target};
}

qint64 PeopleFeature::deactivate(const QString &userId, const QString &op, qint64 at)
{
    if (!m_store.setActive(userId, false) || m_store.revokeSessions(userId, at) < 0)
        return 0;
    const qint64 seq = logPerson(userId, false, true, op, at);
    // Live connections end once this transaction is committed (or not, if it was rolled back).
    if (seq != 0 && m_endSessions)
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [this, userId] {
                const auto u = m_users.byId(userId);
                if (u && !u->active && m_endSessions)
                    m_endSessions(userId);
            },
            Qt::QueuedConnection);
    return seq;
}

Result<protocol::AckBody> PeopleFeature::setActive(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::PersonActiveBody>(body);
    if (!in)
        return in.error();
    if (!isAdmin(actor))
        return error(protocol::code::Forbidden, QStringLiteral("only admins deactivate people"));
    const auto user = m_users.byId(in->person);
    if (!user)
        return error(protocol::code::NotFound, QStringLiteral("no person %1").arg(in->person));
    if (in->person == actor.id)
        return error(protocol::code::BadRequest, QStringLiteral("you cannot deactivate yourself"));
    const qint64 now = ids::nowMs();
    qint64 seq = 0;
    if (!in->active) {
        seq = deactivate(in->person, op, now);
    } else {
        if (m_store.setActive(in->person, true))
            seq = logPerson(in->person, false, true, op, now);
    }
    if (seq == 0)
        return error(protocol::code::Internal, QStringLiteral("could not change the person"));
    qCInfo(lcPeople, "%s %s", in->active ? "reactivated" : "deactivated", qPrintable(user->person.name));
    return protocol::AckBody{op, seq, in->person};
}

Result<protocol::AckBody> PeopleFeature::endorse(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::EndorseBody>(body);
    if (!in)
        return in.error();
    if (in->person == actor.id)
        return error(protocol::code::BadRequest, QStringLiteral("you cannot endorse yourself"));
    const auto p = m_store.profile(in->person);
    if (!p || !p->active)
        return error(protocol::code::NotFound, QStringLiteral("no person %1 in the directory").arg(in->person));
    if (!p->skills.contains(in->skill))
        return error(protocol::code::NotFound, QStringLiteral("%1 does not list the skill '%2'").arg(in->person, in->skill));
    const qint64 now = ids::nowMs();
    if (!m_store.setEndorsement(in->person, in->skill, actor.id, in->endorsed, now))
        return error(protocol::code::Internal, QStringLiteral("could not store the endorsement"));
    const QString id = in->person + QLatin1Char(':') + in->skill + QLatin1Char(':') + actor.id;
    const protocol::Endorsement e{in->person, in->skill, actor.id, in->endorsed};
    const qint64 seq = m_log.append({org(), l1(protocol::kind::Endorsement), id, op, false, protocol::encode(e)}, now);
    if (seq == 0)
        return error(protocol::code::Internal, QStringLiteral("could not log the endorsement"));
    return protocol::AckBody{op, seq, id};
}

Result<protocol::AckBody> PeopleFeature::ask(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::ExpertAskBody>(body);
    if (!in)
        return in.error();
    if (m_store.questionExists(in->id))
        return error(protocol::code::Conflict, QStringLiteral("question %1 already exists").arg(in->id));
    QStringList experts;
    for (const QString &e : std::as_const(in->experts)) {
        const auto u = m_users.byId(e);
        if (!u || !u->active)
            return error(protocol::code::NotFound, QStringLiteral("no person %1 in the directory").arg(e));
        if (e != actor.id && !experts.contains(e))
            experts.append(e);
    }
    if (experts.isEmpty())
        return error(protocol::code::BadRequest, QStringLiteral("ask someone other than yourself"));
    const qint64 now = ids::nowMs();
    const protocol::Question q{in->id, actor.id, in->topic, in->text, experts, now};
    if (!m_store.insertQuestion(q))
        return error(protocol::code::Internal, QStringLiteral("could not store the question"));
    // Each expert gets a notice of their own first, so the question's change carrying the
    // op (which settles the asker's outbox) is the last of the write.
    for (const QString &e : std::as_const(experts)) {
        const protocol::Notice n{q.id + QLatin1Char(':') + e, l1(protocol::people::NoticeQuestion), q.id, actor.id,
                                 q.text, now};
        if (m_log.append({protocol::audience::user(e), l1(protocol::kind::Notice), n.id, {}, false, protocol::encode(n)},
                         now)
            == 0)
            return error(protocol::code::Internal, QStringLiteral("could not notify the experts"));
    }
    const qint64 seq = m_log.append({org(), l1(protocol::kind::Question), q.id, op, false, protocol::encode(q)}, now);
    if (seq == 0)
        return error(protocol::code::Internal, QStringLiteral("could not log the question"));
    return protocol::AckBody{op, seq, q.id};
}

Result<protocol::AckBody> PeopleFeature::answer(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::ExpertAnswerBody>(body);
    if (!in)
        return in.error();
    const auto q = m_store.question(in->question);
    if (!q)
        return error(protocol::code::NotFound, QStringLiteral("question %1 does not exist").arg(in->question));
    if (m_store.answerExists(in->id))
        return error(protocol::code::Conflict, QStringLiteral("answer %1 already exists").arg(in->id));
    const qint64 now = ids::nowMs();
    const protocol::Answer a{in->id, q->id, actor.id, in->text, now};
    if (!m_store.insertAnswer(a))
        return error(protocol::code::Internal, QStringLiteral("could not store the answer"));
    if (q->asker != actor.id) {
        const protocol::Notice n{a.id + QLatin1Char(':') + q->asker, l1(protocol::people::NoticeAnswer), q->id, actor.id,
                                 a.text, now};
        if (m_log.append({protocol::audience::user(q->asker), l1(protocol::kind::Notice), n.id, {}, false,
                          protocol::encode(n)},
                         now)
            == 0)
            return error(protocol::code::Internal, QStringLiteral("could not notify the asker"));
    }
    const qint64 seq = m_log.append({org(), l1(protocol::kind::Answer), a.id, op, false, protocol::encode(a)}, now);
    if (seq == 0)
        return error(protocol::code::Internal, QStringLiteral("could not log the answer"));
    return protocol::AckBody{op, seq, a.id};
}

} // namespace plein::server
