#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <vector>

namespace plein::bench {

// Who got which of N numbered items in a fan-out benchmark. Each item's text carries
// "<marker><n>"; live frames are scanned for it without decoding (the load process must stay
// cheaper than the server it measures). The first copy of item n at a client is a delivery,
// with a latency when n's send time is known; later copies are duplicates.
class DeliveryTally
{
public:
    DeliveryTally(QByteArray marker, int clients, int items);

    // The text of item n, "<marker><n>".
    QString text(int item) const;
    void sent(int item, qint64 nowNs);
    // Every marked item in a frame `client` received at nowNs.
    void scan(int client, QByteArrayView frame, qint64 nowNs);

    qint64 delivered() const { return m_delivered; }
    qint64 expected() const { return qint64(m_clients) * m_items; }
    const QList<double> &latenciesMs() const { return m_latencies; }
    // After the run: items some client never got, and extra copies.
    qint64 lost() const;
    qint64 duplicated() const;

private:
    QByteArray m_marker;
    int m_clients;
    int m_items;
    std::vector<quint8> m_seen;    // per (client, item): copies received, capped at 255
    std::vector<qint64> m_sentAt;  // per item: nanoseconds on the load clock, 0 = not yet
    QList<double> m_latencies;
    qint64 m_delivered = 0;
};

} // namespace plein::bench
