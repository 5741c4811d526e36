#pragma once

#include <QRandomGenerator>

#include <algorithm>

namespace plein::client {

// Exponential reconnect delays with jitter: attempt n waits a random time between half and
// all of min * 2^n, capped at max, so clients dropped together do not return together.
class Backoff
{
public:
    Backoff(int minMs, int maxMs) : m_min(minMs), m_max(maxMs) {}

    int next()
    {
        const qint64 base = std::min<qint64>(m_max, qint64(m_min) << std::min(m_attempt, 20));
        ++m_attempt;
        return int(base / 2 + QRandomGenerator::global()->bounded(base / 2 + 1));
    }
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }

private:
    int m_min;
    int m_max;
    int m_attempt = 0;
};

} // namespace plein::client
