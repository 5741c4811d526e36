#include "people/PeopleService.h"

#include "Logging.h"
#include "cache/Outbox.h"
#include "cache/Replica.h"
#include "cache/Transaction.h"
#include "model/Ids.h"
#include "people/ExpertNotices.h"
#include "protocol/Protocol.h"
#include "sync/SyncEngine.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

namespace plein::client {

namespace {
QLatin1String l1(const char *s)
{
    return QLatin1String(s);
}

void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}
} // namespace

PeopleService::PeopleService(const QSqlDatabase &readDb, const QSqlDatabase &writeDb, SyncEngine *engine,
                             const QString &photoDir, QObject *parent)
    : QObject(parent), m_directory(readDb), m_read(readDb), m_write(writeDb), m_engine(engine), m_photoDir(photoDir),
      m_notices(new ExpertNotices(readDb, writeDb, this))
{
    QDir().mkpath(m_photoDir);
    if (m_engine) {
        connect(m_engine, &SyncEngine::requestAnswered, this, &PeopleService::onAnswered);
        connect(m_engine, &SyncEngine::requestFailed, this, &PeopleService::onFailed);
        connect(m_engine, &SyncEngine::signedIn, this, [this] {
            flushGaps();
            pumpFetches();
        });
    }
}

QString PeopleService::currentUserId() const
{
    return Replica::currentUserId(m_read);
}

QString PeopleService::enqueue(const char *type, const QString &entityId, const QJsonObject &body, QString *error)
{
    if (Replica::currentUserId(m_write).isEmpty()) {
        setError(error, tr("Sign in once before writing."));
        return {};
    }
    const QString op = ids::create();
    Transaction tx(m_write);
    QString e;
    if (!tx.isActive() || !Outbox::enqueue(m_write, l1(type), op, entityId, body, &e) || !tx.commit()) {
        setError(error, e.isEmpty() ? tx.error() : e);
        return {};
    }
    emit wrote();
    return op;
}

QString PeopleService::updateProfile(const protocol::ProfileUpdateBody &body, QString *error)
{
    // The codec's own checks, before anything is queued.
    auto checked = protocol::decode<protocol::ProfileUpdateBody>(protocol::encode(body));
    if (!checked) {
        setError(error, checked.error().message);
        return {};
    }
    const QString person = body.person.isEmpty() ? currentUserId() : body.person;
    return enqueue(protocol::type::ProfileUpdate, person, protocol::encode(checked.value()), error);
}

QString PeopleService::endorse(const QString &person, const QString &skill, bool endorsed, QString *error)
{
    const protocol::EndorseBody b{person, protocol::people::normaliseSkill(skill), endorsed};
    if (b.skill.isEmpty() || person == currentUserId()) {
        setError(error, tr("You can endorse the skills of others only."));
        return {};
    }
    return enqueue(protocol::type::SkillEndorse, person, protocol::encode(b), error);
}

QString PeopleService::setActive(const QString &person, bool active, QString *error)
{
    return enqueue(protocol::type::PersonActive, person, protocol::encode(protocol::PersonActiveBody{person, active}),
                   error);
}

QString PeopleService::askExperts(const QString &topic, const QString &text, const QStringList &experts, QString *error)
{
    const protocol::ExpertAskBody b{ids::create(), protocol::people::normaliseSkill(topic), text.trimmed(),
                                    experts.mid(0, protocol::people::MaxExpertsAsked)};
    auto checked = protocol::decode<protocol::ExpertAskBody>(protocol::encode(b));
    if (!checked) {
        setError(error, checked.error().message);
        return {};
    }
    return enqueue(protocol::type::ExpertAsk, b.id, protocol::encode(checked.value()), error).isEmpty() ? QString() : b.id;
}

QString PeopleService::answer(const QString &question, const QString &text, QString *error)
{
    const protocol::ExpertAnswerBody b{ids::create(), question, text.trimmed()};
    auto checked = protocol::decode<protocol::ExpertAnswerBody>(protocol::encode(b));
    if (!checked) {
        setError(error, checked.error().message);
        return {};
    }
    return enqueue(protocol::type::ExpertAnswer, b.id, protocol::encode(checked.value()), error).isEmpty() ? QString()
                                                                                                        : b.id;
}

void PeopleService::request(const QString &id, const char *type, const QJsonObject &body)
{
    if (!m_engine) {
        onFailed(id, QStringLiteral("offline"), tr("Not connected to the server."));
        return;
    }
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, id, t = QString(l1(type)), body] {
        engine->sendRequest(id, t, body);
    });
}

void PeopleService::uploadPhoto(const QByteArray &bytes)
{
    if (bytes.isEmpty() || bytes.size() > protocol::people::MaxPhotoBytes) {
        emit photoUploadFailed(tr("A photo must be at most %1 MB.").arg(protocol::people::MaxPhotoBytes / (1024 * 1024)));
        return;
    }
    m_uploadId = ids::create();
    m_uploadBytes = bytes;
    m_uploadOffset = 0;
    sendUploadPiece();
}

void PeopleService::sendUploadPiece()
{
    const QByteArray piece = m_uploadBytes.mid(m_uploadOffset, protocol::people::PhotoChunkBytes);
    m_uploadRequest = ids::create();
    request(m_uploadRequest, protocol::type::PhotoUpload,
            protocol::encode(protocol::PhotoUploadBody{m_uploadId, m_uploadOffset, m_uploadBytes.size(), piece}));
    m_uploadOffset += piece.size();
}

QString PeopleService::photoPath(const QString &hash, const QString &size) const
{
    if (hash.isEmpty())
        return {};
    const QString path = QDir(m_photoDir).filePath(hash + QLatin1Char('-') + size);
    return QFile::exists(path) ? path : QString();
}

void PeopleService::fetchPhoto(const QString &hash, const QString &size)
{
    if (hash.isEmpty() || !protocol::people::isValidSize(size))
        return;
    const QString key = hash + QLatin1Char('-') + size;
    if (m_fetchKeys.contains(key) || !photoPath(hash, size).isEmpty())
        return;
    m_fetchKeys.insert(key);
    m_fetchQueue.enqueue(key);
    pumpFetches();
}

void PeopleService::pumpFetches()
{
    while (m_fetching.size() < MaxParallelFetches && !m_fetchQueue.isEmpty()) {
        const QString key = m_fetchQueue.dequeue();
        Fetch f{key.section(QLatin1Char('-'), 0, 0), key.section(QLatin1Char('-'), 1), {}};
        const QString id = ids::create();
        m_fetching.insert(id, f);
        request(id, protocol::type::PhotoGet, protocol::encode(protocol::PhotoGetBody{f.hash, f.size, 0}));
    }
}

void PeopleService::recordSearchGap(const QString &term)
{
    const QString t = term.simplified().toLower().left(protocol::people::MaxSearchTermChars);
    if (t.isEmpty())
        return;
    Transaction tx(m_write);
    QSqlQuery q(m_write);
    q.prepare(QStringLiteral("INSERT INTO pending_gaps (term, count) VALUES (?, 1)"
                             " ON CONFLICT (term) DO UPDATE SET count = count + 1"));
    q.addBindValue(t);
    if (!tx.isActive() || !q.exec() || !tx.commit()) {
        qCWarning(lcCache) << "cannot note a search gap:" << q.lastError().text();
        return;
    }
    flushGaps();
}

int PeopleService::pendingGapCount() const
{
    QSqlQuery q(m_read);
    return q.exec(QStringLiteral("SELECT coalesce(sum(count), 0) FROM pending_gaps")) && q.next() ? q.value(0).toInt() : 0;
}

// Each noted search goes as its own expert.gap (the server keeps a count per term and
// nothing about who); a row is removed once its requests are answered.
void PeopleService::flushGaps()
{
    if (!m_gapRequests.isEmpty())
        return;
    QSqlQuery q(m_write);
    if (!q.exec(QStringLiteral("SELECT term, count FROM pending_gaps")))
        return;
    while (q.next()) {
        const QString term = q.value(0).toString();
        for (int i = 0; i < q.value(1).toInt(); ++i) {
            const QString id = ids::create();
            m_gapRequests.insert(id, term);
            request(id, protocol::type::ExpertGap, protocol::encode(protocol::ExpertGapBody{term}));
        }
    }
}

void PeopleService::onAnswered(const QString &id, const QString &type, const QJsonObject &body)
{
    if (id == m_uploadRequest) {
        m_uploadRequest.clear();
        if (type == l1(protocol::type::PhotoStored)) {
            auto stored = protocol::decode<protocol::PhotoStoredBody>(body);
            m_uploadBytes.clear();
            if (!stored) {
                emit photoUploadFailed(stored.error().message);
                return;
            }
            protocol::ProfileUpdateBody b;
            b.photo = stored->hash;
            QString error;
            if (updateProfile(b, &error).isEmpty()) {
                emit photoUploadFailed(error);
                return;
            }
            emit photoUploaded(stored->hash);
        } else if (m_uploadOffset < m_uploadBytes.size()) {
            sendUploadPiece();
        }
        return;
    }
    if (const auto it = m_fetching.find(id); it != m_fetching.end()) {
        Fetch f = it.value();
        m_fetching.erase(it);
        auto piece = protocol::decode<protocol::PhotoDataBody>(body);
        if (!piece || piece->offset != f.data.size()) {
            m_fetchKeys.remove(f.hash + QLatin1Char('-') + f.size);
            pumpFetches();
            return;
        }
        f.data.append(piece->data);
        if (f.data.size() < piece->total && !piece->data.isEmpty()) {
            const QString next = ids::create();
            m_fetching.insert(next, f);
            request(next, protocol::type::PhotoGet,
                    protocol::encode(protocol::PhotoGetBody{f.hash, f.size, qint64(f.data.size())}));
            return;
        }
        const QString path = QDir(m_photoDir).filePath(f.hash + QLatin1Char('-') + f.size);
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly) && file.write(f.data) == f.data.size() && file.commit())
            emit photoReady(f.hash, f.size, path);
        m_fetchKeys.remove(f.hash + QLatin1Char('-') + f.size);
        pumpFetches();
        return;
    }
    if (const auto it = m_gapRequests.find(id); it != m_gapRequests.end()) {
        const QString term = it.value();
        m_gapRequests.erase(it);
        Transaction tx(m_write);
        QSqlQuery q(m_write);
        q.prepare(QStringLiteral("UPDATE pending_gaps SET count = count - 1 WHERE term = ?"));
        q.addBindValue(term);
        QSqlQuery d(m_write);
        if (tx.isActive() && q.exec() && d.exec(QStringLiteral("DELETE FROM pending_gaps WHERE count <= 0")))
            tx.commit();
    }
}

void PeopleService::onFailed(const QString &id, const QString &code, const QString &message)
{
    if (id == m_uploadRequest) {
        m_uploadRequest.clear();
        m_uploadBytes.clear();
        emit photoUploadFailed(code == QLatin1String("offline") ? tr("Photos can be changed only while online.")
                                                                  : message);
        return;
    }
    if (const auto it = m_fetching.find(id); it != m_fetching.end()) {
        // Offline or unknown: forget it, so the next view of this face asks again.
        m_fetchKeys.remove(it->hash + QLatin1Char('-') + it->size);
        m_fetching.erase(it);
        if (code != QLatin1String("offline"))
            pumpFetches();
        else {
            for (const QString &k : std::as_const(m_fetchQueue))
                m_fetchKeys.remove(k);
            m_fetchQueue.clear();
        }
        return;
    }
    // A gap not delivered stays in pending_gaps and goes with the next sign-in.
    m_gapRequests.remove(id);
}

} // namespace plein::client
