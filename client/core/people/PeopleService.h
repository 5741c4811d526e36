#pragma once

#include "people/PeopleDirectory.h"
#include "protocol/PeopleMessages.h"

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QQueue>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

namespace plein::client {

class ExpertNotices;
class SyncEngine;

// The client's side of the directory and the Kennisconnector, on the UI thread: reads via
// PeopleDirectory (offline), writes through the outbox (profile edits, endorsements,
// questions, answers, deactivation), and two things that need the server at the time:
// photo pieces up and down (requests, not outbox rows) and search-gap records (counted
// locally while offline and sent once online).
//
// Photos are cached on disk by hash and size (<replica dir>/photos/<hash>-<s|m|o>), so each
// is fetched once per computer; decoding is the UI's job, off its thread.
class PeopleService : public QObject
{
    Q_OBJECT
public:
    PeopleService(const QSqlDatabase &readDb, const QSqlDatabase &writeDb, SyncEngine *engine, const QString &photoDir,
                  QObject *parent = nullptr);

    PeopleDirectory &directory() { return m_directory; }
    // Questions asked of me and answers to mine: unseen count and announcements.
    ExpertNotices *notices() const { return m_notices; }
    QString currentUserId() const;

    // Writes: the op id, or empty with *error set when the input is invalid.
    QString updateProfile(const protocol::ProfileUpdateBody &body, QString *error = nullptr);
    QString endorse(const QString &person, const QString &skill, bool endorsed, QString *error = nullptr);
    QString setActive(const QString &person, bool active, QString *error = nullptr);
    // The new question's id.
    QString askExperts(const QString &topic, const QString &text, const QStringList &experts, QString *error = nullptr);
    QString answer(const QString &question, const QString &text, QString *error = nullptr);

    // Uploads a photo (online only) and then sets it as mine; photoUploaded or photoUploadFailed.
    void uploadPhoto(const QByteArray &bytes);

    // The cached file of a photo, or empty when not cached yet.
    QString photoPath(const QString &hash, const QString &size) const;
    // Fetches a photo into the cache when online; photoReady follows. Cheap to call again.
    void fetchPhoto(const QString &hash, const QString &size);

    // A "Who knows about X?" search that found nobody: counted for knowledge-gap analytics.
    void recordSearchGap(const QString &term);
    int pendingGapCount() const;

    static constexpr int MaxParallelFetches = 4;

signals:
    void wrote();   // a write is in the outbox (the session refreshes and sends)
    void photoUploaded(const QString &hash);
    void photoUploadFailed(const QString &message);
    void photoReady(const QString &hash, const QString &size, const QString &path);

private:
    QString enqueue(const char *type, const QString &entityId, const QJsonObject &body, QString *error);
    void onAnswered(const QString &id, const QString &type, const QJsonObject &body);
    void onFailed(const QString &id, const QString &code, const QString &message);
    void request(const QString &id, const char *type, const QJsonObject &body);
    void sendUploadPiece();
    void pumpFetches();
    void flushGaps();

    PeopleDirectory m_directory;
    QSqlDatabase m_read;
    QSqlDatabase m_write;
    SyncEngine *m_engine;
    QString m_photoDir;
    ExpertNotices *m_notices;

    // The one upload in progress.
    QString m_uploadId;        // the upload's id (also the request id prefix)
    QString m_uploadRequest;   // request id of the piece in flight
    QByteArray m_uploadBytes;
    qint64 m_uploadOffset = 0;

    // Photo fetches: queued keys ("hash-size"), in flight by request id, bytes so far.
    struct Fetch
    {
        QString hash;
        QString size;
        QByteArray data;
    };
    QQueue<QString> m_fetchQueue;
    QSet<QString> m_fetchKeys;            // queued or in flight
    QHash<QString, Fetch> m_fetching;     // by request id
    QHash<QString, QString> m_gapRequests;   // request id -> term
};

} // namespace plein::client
