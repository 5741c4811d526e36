#pragma once

#include <QCache>
#include <QImage>
#include <QObject>
#include <QPixmap>
#include <QSet>
#include <QString>

#include <atomic>

namespace plein::client {

class PeopleService;

// Faces for the UI: a QPixmap per (photo hash, size) from memory, else decoded from the
// disk cache on the thread pool (QImageReader, scaled while reading), else fetched from
// the server first. The UI thread never decodes: pixmap() answers at once, with a null
// pixmap while the face is on its way, and ready() says when to repaint.
class PhotoLoader : public QObject
{
    Q_OBJECT
public:
    explicit PhotoLoader(PeopleService *people, QObject *parent = nullptr);
    ~PhotoLoader() override;

    // size: "s" (face grid) or "m" (profile); side: the pixel size wanted on screen. The
    // pixmap is side x side, already cut to a circle (transparent corners).
    QPixmap pixmap(const QString &hash, const QString &size, int side);
    // What the workers do to a decoded photo (public for the bench and tests).
    static QImage roundFace(const QImage &decoded, int side);

    // For the bench and tests: decodes done, and how many of them ran on the UI thread.
    int decodes() const { return m_decodes; }
    int decodesOnUiThread() const { return m_onUiThread.load(); }
    int pendingDecodes() const { return int(m_decoding.size()); }

signals:
    void ready(const QString &hash);

private:
    void decode(const QString &key, const QString &path, int side);
    void onDecoded(const QString &key, const QImage &image);
    void onPhotoReady(const QString &hash, const QString &size, const QString &path);

    PeopleService *m_people;
    QCache<QString, QPixmap> m_cache;   // by "hash-size-side", cost in kilobytes
    QSet<QString> m_decoding;
    QHash<QString, int> m_wantedSide;   // "hash-size" -> side, while fetching
    int m_decodes = 0;
    std::atomic<int> m_onUiThread{0};
};

} // namespace plein::client
