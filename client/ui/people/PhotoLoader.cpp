#include "people/PhotoLoader.h"

#include "people/PeopleService.h"

#include <QCoreApplication>
#include <QImageReader>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QThread>
#include <QThreadPool>

namespace plein::client {

PhotoLoader::PhotoLoader(PeopleService *people, QObject *parent) : QObject(parent), m_people(people)
{
    m_cache.setMaxCost(64 * 1024);   // 64 MB of decoded faces
    if (m_people)
        connect(m_people, &PeopleService::photoReady, this, &PhotoLoader::onPhotoReady);
}

PhotoLoader::~PhotoLoader()
{
    // Decodes still running post to a loader that is gone: QPointer drops them.
}

QPixmap PhotoLoader::pixmap(const QString &hash, const QString &size, int side)
{
    if (hash.isEmpty() || !m_people)
        return {};
    const QString key = QStringLiteral("%1-%2-%3").arg(hash, size).arg(side);
    if (QPixmap *p = m_cache.object(key))
        return *p;
    if (m_decoding.contains(key))
        return {};
    const QString path = m_people->photoPath(hash, size);
    if (path.isEmpty()) {
        m_wantedSide.insert(hash + QLatin1Char('-') + size, side);
        m_people->fetchPhoto(hash, size);
        return {};
    }
    decode(key, path, side);
    return {};
}

QImage PhotoLoader::roundFace(const QImage &decoded, int side)
{
    if (decoded.isNull() || side <= 0)
        return decoded.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    // Centred, cropped to a square and cut to a circle here, on the worker: painting it is
    // then a plain blit, with no antialiased clip path per face and frame on the UI thread.
    QImage out(side, side, QImage::Format_ARGB32_Premultiplied);
    out.fill(Qt::transparent);
    QPainter p(&out);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    QPainterPath circle;
    circle.addEllipse(QRectF(0, 0, side, side));
    p.setClipPath(circle);
    const QSize s = decoded.size().scaled(side, side, Qt::KeepAspectRatioByExpanding);
    p.drawImage(QRect((side - s.width()) / 2, (side - s.height()) / 2, s.width(), s.height()), decoded);
    p.end();
    return out;
}

void PhotoLoader::decode(const QString &key, const QString &path, int side)
{
    m_decoding.insert(key);
    QPointer<PhotoLoader> self(this);
    QThread *ui = thread();
    QThreadPool::globalInstance()->start([self, key, path, side, ui, counter = &m_onUiThread] {
        if (QThread::currentThread() == ui)
            counter->fetch_add(1);
        QImageReader reader(path);
        reader.setAutoTransform(true);
        const QSize full = reader.size();
        if (full.isValid() && side > 0)
            reader.setScaledSize(full.scaled(side, side, Qt::KeepAspectRatioByExpanding));
        const QImage image = roundFace(reader.read(), side);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, key, image] {
                if (self)
                    self->onDecoded(key, image);
            },
            Qt::QueuedConnection);
    });
}

void PhotoLoader::onDecoded(const QString &key, const QImage &image)
{
    m_decoding.remove(key);
    ++m_decodes;
    if (image.isNull())
        return;
    // QPixmap from a premultiplied image is a cheap copy on raster platforms.
    m_cache.insert(key, new QPixmap(QPixmap::fromImage(image)), qMax<qsizetype>(1, image.sizeInBytes() / 1024));
    emit ready(key.section(QLatin1Char('-'), 0, 0));
}

void PhotoLoader::onPhotoReady(const QString &hash, const QString &size, const QString &path)
{
    const QString k = hash + QLatin1Char('-') + size;
    const int side = m_wantedSide.take(k);
    if (side > 0)
        decode(QStringLiteral("%1-%2").arg(k).arg(side), path, side);
}

} // namespace plein::client
