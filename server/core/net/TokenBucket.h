#pragma once

#include <QElapsedTimer>
#include <QtGlobal>

#include <cmath>

namespace plein::server {

// Request rate limit per connection: `rate` requests per second sustained, bursts of
// `capacity`. take() spends one token; when none is left the request is refused.
class TokenBucket
{
public:
    TokenBucket(double rate, double capacity) : m_rate(rate), m_capacity(capacity), m_tokens(capacity)
    {
        m_clock.start();
    }

    bool take()
    {
        refill();
        if (m_tokens < 1.0)
            return false;
        m_tokens -= 1.0;
        return true;
    }

    // Whole seconds until one token is back (at least 1).
    int retryAfterSecs() const { return qMax(1, int(std::ceil((1.0 - m_tokens) / m_rate))); }

private:
    void refill()
    {
        const qint64 ms = m_clock.restart();
        m_tokens = qMin(m_capacity, m_tokens + double(ms) * m_rate / 1000.0);
    }

    double m_rate;
    double m_capacity;
    double m_tokens;
    QElapsedTimer m_clock;
};

} // namespace plein::server
