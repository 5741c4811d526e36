#include "features/people/PhotoService.h"

#include "model/Ids.h"
#include "protocol/Protocol.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QImageReader>
#include <QImageWriter>

namespace plein::server {

namespace {
Error error(const char *code, const QString &message)
{
    return Error{QLatin1String(code), message};
}

// A square crop of the middle, scaled to side x side, as JPEG (PNG when JPEG is missing).
QByteArray thumbnail(const QImage &img, int side)
{
    const int s = qMin(img.width(), img.height());
    const QImage square = img.copy((img.width() - s) / 2, (img.height() - s) / 3, s, s)
                              .scaled(side, side, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                              .convertToFormat(QImage::Format_RGB32);
    static const bool jpeg = QImageWriter::supportedImageFormats().contains("jpeg");
    QByteArray out;
    QBuffer buf(&out);
    buf.open(QIODevice::WriteOnly);
    square.save(&buf, jpeg ? "JPEG" : "PNG", 85);
    return out;
}
} // namespace

PhotoService::PhotoService(PeopleStore &store) : m_store(store)
{
    // A second guard behind the pixel limit: Qt refuses to allocate more than this (MiB)
    // for any one decoded image, whatever the header claims.
    QImageReader::setAllocationLimit(int(protocol::people::MaxPhotoPixels * 4 / (1024 * 1024)) + 1);
}

void PhotoService::expire(qint64 now)
{
    for (auto it = m_uploads.begin(); it != m_uploads.end();) {
        if (now - it->touched > UploadTimeoutMs)
            it = m_uploads.erase(it);
        else
            ++it;
    }
}

Result<std::optional<protocol::PhotoStoredBody>> PhotoService::upload(const QString &userId,
                                                                      const protocol::PhotoUploadBody &piece)
{
    const qint64 now = ids::nowMs();
    expire(now);
    if (piece.offset == 0) {
        m_uploads.remove(userId);
        qint64 buffered = 0;
        for (const Upload &u : std::as_const(m_uploads))
            buffered += u.total;
        if (buffered + piece.total > MaxBufferedBytes)
            return error(protocol::code::RateLimited, QStringLiteral("too many uploads at once; try again later"));
        Upload u;
        u.id = piece.upload;
        u.total = piece.total;
        u.data.reserve(piece.total);
        m_uploads.insert(userId, u);
    }
    auto it = m_uploads.find(userId);
    if (it == m_uploads.end() || it->id != piece.upload || it->total != piece.total || it->data.size() != piece.offset) {
        m_uploads.remove(userId);
        return error(protocol::code::BadRequest, QStringLiteral("this piece does not follow the previous one; start again"));
    }
    it->data.append(piece.data);
    it->touched = now;
    if (it->data.size() < it->total)
        return std::optional<protocol::PhotoStoredBody>();
    const QByteArray whole = it->data;
    m_uploads.erase(it);
    auto stored = store(userId, whole);
    if (!stored)
        return stored.error();
    return std::optional<protocol::PhotoStoredBody>(stored.value());
}

Result<protocol::PhotoStoredBody> PhotoService::store(const QString &owner, const QByteArray &bytes)
{
    using namespace protocol::people;
    if (bytes.size() > MaxPhotoBytes)
        return error(protocol::code::TooLarge, QStringLiteral("a photo is limited to %1 bytes").arg(MaxPhotoBytes));
    QByteArray copy = bytes;
    QBuffer buf(&copy);
    buf.open(QIODevice::ReadOnly);
    QImageReader reader(&buf);
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format().toLower();
    if (!reader.canRead() || !(format == "png" || format == "jpeg" || format == "jpg" || format == "gif"))
        return error(protocol::code::BadRequest, QStringLiteral("the file is not a PNG, JPEG or GIF image"));
    // The header's size, checked before a single pixel is decoded: a small file may claim
    // an enormous image (a decompression bomb).
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty())
        return error(protocol::code::BadRequest, QStringLiteral("the image has no readable size"));
    if (size.width() > MaxPhotoSide || size.height() > MaxPhotoSide
        || qint64(size.width()) * size.height() > MaxPhotoPixels)
        return error(protocol::code::TooLarge, QStringLiteral("the image is %1 x %2 pixels; at most %3 on a side and %4 "
                                                              "megapixels")
                                                   .arg(size.width())
                                                   .arg(size.height())
                                                   .arg(MaxPhotoSide)
                                                   .arg(MaxPhotoPixels / 1000000));
    reader.setAutoTransform(true);
    const QImage img = reader.read();
    if (img.isNull())
        return error(protocol::code::BadRequest, QStringLiteral("the image cannot be read: %1").arg(reader.errorString()));

    StoredPhoto p;
    p.hash = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    p.owner = owner;
    p.width = img.width();
    p.height = img.height();
    p.original = bytes;
    p.small = thumbnail(img, ThumbSide);
    p.medium = thumbnail(img, MediumSide);
    if (!m_store.insertPhoto(p, ids::nowMs()))
        return error(protocol::code::Internal, QStringLiteral("could not store the photo"));
    qCInfo(lcPeople, "stored photo %s (%dx%d, %lld bytes)", qPrintable(p.hash.left(12)), p.width, p.height,
           qint64(bytes.size()));
    return protocol::PhotoStoredBody{p.hash, p.width, p.height};
}

Result<protocol::PhotoDataBody> PhotoService::get(const protocol::PhotoGetBody &request)
{
    const QByteArray bytes = m_store.photoBytes(request.hash, request.size);
    if (bytes.isEmpty())
        return error(protocol::code::NotFound, QStringLiteral("no photo %1").arg(request.hash));
    if (request.offset >= bytes.size())
        return error(protocol::code::BadRequest, QStringLiteral("'offset' is past the end of the photo"));
    protocol::PhotoDataBody out;
    out.hash = request.hash;
    out.size = request.size;
    out.offset = request.offset;
    out.total = bytes.size();
    out.data = bytes.mid(request.offset, protocol::people::PhotoChunkBytes);
    return out;
}

} // namespace plein::server
