#pragma once

#include "features/people/PeopleStore.h"
#include "protocol/Error.h"
#include "protocol/PeopleMessages.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace plein::server {

// Photos: pieces of an upload are collected per user; the whole is checked as a real image
// (QImageReader: format from content, dimensions read from the header and limited before
// anything is decoded, an allocation limit as a second guard), then the original and two
// square thumbnails are stored under the SHA-256 of the original.
class PhotoService
{
public:
    explicit PhotoService(PeopleStore &store);

    // ok (nothing yet) or photo.stored for the last piece; bad_request for a piece out of
    // order or a file that is not an image, too_large for one over the limits.
    Result<std::optional<protocol::PhotoStoredBody>> upload(const QString &userId, const protocol::PhotoUploadBody &piece);
    Result<protocol::PhotoDataBody> get(const protocol::PhotoGetBody &request);

    // Checks and stores one image from bytes (uploads and the demo seed use this).
    Result<protocol::PhotoStoredBody> store(const QString &owner, const QByteArray &bytes);

    // At most this much buffered across all unfinished uploads.
    static constexpr qint64 MaxBufferedBytes = 64 * 1024 * 1024;
    static constexpr qint64 UploadTimeoutMs = 2 * 60 * 1000;

private:
    struct Upload
    {
        QString id;
        qint64 total = 0;
        QByteArray data;
        qint64 touched = 0;
    };
    void expire(qint64 now);

    PeopleStore &m_store;
    QHash<QString, Upload> m_uploads;   // by user id: one upload at a time per user
};

} // namespace plein::server
