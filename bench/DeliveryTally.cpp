#include "DeliveryTally.h"

#include <QString>

namespace plein::bench {

DeliveryTally::DeliveryTally(QByteArray marker, int clients, int items)
    : m_marker(std::move(marker))
    , m_clients(clients)
    , m_items(items)
    , m_seen(size_t(clients) * size_t(items), 0)
    , m_sentAt(size_t(items), 0)
{
    m_latencies.reserve(qsizetype(clients) * items);
}

QString DeliveryTally::text(int item) const
{
    return QString::fromLatin1(m_marker) + QString::number(item);
}

void DeliveryTally::sent(int item, qint64 nowNs)
{
    if (item >= 0 && item < m_items)
        m_sentAt[size_t(item)] = nowNs;
}

void DeliveryTally::scan(int client, QByteArrayView frame, qint64 nowNs)
{
    if (client < 0 || client >= m_clients)
        return;
    for (qsizetype at = frame.indexOf(m_marker); at >= 0; at = frame.indexOf(m_marker, at)) {
        at += m_marker.size();
        int n = 0;
        while (at < frame.size() && frame[at] >= '0' && frame[at] <= '9')
            n = n * 10 + (frame[at++] - '0');
        if (n >= m_items)
            continue;
        quint8 &times = m_seen[size_t(client) * size_t(m_items) + size_t(n)];
        if (times < 255)
            ++times;
        if (times != 1)
            continue;
        if (m_sentAt[size_t(n)] > 0)
            m_latencies.append(double(nowNs - m_sentAt[size_t(n)]) / 1e6);
        ++m_delivered;
    }
}

qint64 DeliveryTally::lost() const
{
    qint64 lost = 0;
    for (quint8 times : m_seen)
        lost += times == 0 ? 1 : 0;
    return lost;
}

qint64 DeliveryTally::duplicated() const
{
    qint64 extra = 0;
    for (quint8 times : m_seen)
        extra += times > 1 ? times - 1 : 0;
    return extra;
}

} // namespace plein::bench
