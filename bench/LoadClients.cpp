#include "LoadClients.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace plein::bench {

namespace {
constexpr int OpText = 0x1;
constexpr int OpContinuation = 0x0;
constexpr int OpClose = 0x8;
constexpr int OpPing = 0x9;
constexpr int OpPong = 0xA;
} // namespace

LoadClients::LoadClients()
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_clock.start();
}

LoadClients::~LoadClients()
{
    closeAll();
    if (m_epoll >= 0)
        ::close(m_epoll);
}

void LoadClients::open(quint16 port, int count, int inFlight)
{
    m_port = port;
    m_target += count;
    m_inFlight = inFlight;
    m_conns.reserve(size_t(m_target));
    startNext();
}

void LoadClients::startNext()
{
    while (int(m_conns.size()) < m_target && m_handshaking < m_inFlight) {
        Conn c;
        c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        const int one = 1;
        ::setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        sockaddr_in addr = {};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(m_port);
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const int rc = ::connect(c.fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        const int index = int(m_conns.size());
        m_conns.push_back(std::move(c));
        if (rc != 0 && errno != EINPROGRESS) {
            fail(index);
            continue;
        }
        epoll_event ev = {};
        ev.events = EPOLLIN | EPOLLOUT;
        ev.data.u32 = quint32(index);
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_conns.back().fd, &ev);
        ++m_handshaking;
    }
}

void LoadClients::fail(int i)
{
    Conn &c = m_conns[size_t(i)];
    if (c.fd < 0)
        return;
    if (!c.upgraded)
        --m_handshaking;
    else
        --m_open;
    ++m_failed;
    ::close(c.fd);
    c.fd = -1;
}

bool LoadClients::writeRaw(int i, const char *data, qsizetype size)
{
    Conn &c = m_conns[size_t(i)];
    if (c.fd < 0)
        return false;
    if (c.out.isEmpty()) {
        while (size > 0) {
            const ssize_t n = ::send(c.fd, data, size_t(size), MSG_NOSIGNAL);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                if (errno == EAGAIN)
                    break;
                fail(i);
                return false;
            }
            data += n;
            size -= n;
        }
        if (size == 0)
            return true;
    }
    c.out.append(data, size);
    epoll_event ev = {};
    ev.events = EPOLLIN | EPOLLOUT;
    ev.data.u32 = quint32(i);
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
    return true;
}

void LoadClients::sendFrame(int i, int opcode, QByteArrayView payload)
{
    // Header, then the payload masked with a fresh key (RFC 6455 5.3).
    QByteArray frame;
    frame.reserve(payload.size() + 14);
    frame.append(char(0x80 | opcode));
    const quint64 len = quint64(payload.size());
    if (len < 126) {
        frame.append(char(0x80 | len));
    } else if (len <= 0xffff) {
        frame.append(char(0x80 | 126));
        frame.append(char(len >> 8)).append(char(len & 0xff));
    } else {
        frame.append(char(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((len >> shift) & 0xff));
    }
    m_maskState = m_maskState * 1664525u + 1013904223u;
    char key[4];
    std::memcpy(key, &m_maskState, 4);
    frame.append(key, 4);
    const qsizetype start = frame.size();
    frame.append(payload.data(), payload.size());
    for (qsizetype k = 0; k < payload.size(); ++k)
        frame[start + k] = char(frame[start + k] ^ key[k & 3]);
    writeRaw(i, frame.constData(), frame.size());
}

bool LoadClients::sendText(int conn, QByteArrayView payload)
{
    if (conn < 0 || conn >= size() || m_conns[size_t(conn)].fd < 0 || !m_conns[size_t(conn)].upgraded)
        return false;
    sendFrame(conn, OpText, payload);
    return m_conns[size_t(conn)].fd >= 0;
}

void LoadClients::onWritable(int i)
{
    Conn &c = m_conns[size_t(i)];
    if (c.connecting) {
        int err = 0;
        socklen_t len = sizeof err;
        ::getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err != 0) {
            fail(i);
            startNext();
            return;
        }
        c.connecting = false;
        epoll_event ev = {};
        ev.events = EPOLLIN;
        ev.data.u32 = quint32(i);
        ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
        const QByteArray request = "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port)
                                   + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                                     "Sec-WebSocket-Key: cGxlaW4tbG9hZC1jbGllbnQ=\r\n"
                                     "Sec-WebSocket-Version: 13\r\n\r\n";
        writeRaw(i, request.constData(), request.size());
        return;
    }
    while (!c.out.isEmpty()) {
        const ssize_t n = ::send(c.fd, c.out.constData(), size_t(c.out.size()), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN)
                return;
            fail(i);
            return;
        }
        c.out.remove(0, n);
    }
    epoll_event ev = {};
    ev.events = EPOLLIN;
    ev.data.u32 = quint32(i);
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
}

void LoadClients::onReadable(int i)
{
    char buf[64 * 1024];
    for (;;) {
        Conn &c = m_conns[size_t(i)];
        if (c.fd < 0)
            return;
        const ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
        if (n == 0) {
            fail(i);
            return;
        }
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN)
                fail(i);
            break;
        }
        c.in.append(buf, n);
        if (n < qsizetype(sizeof buf))
            break;
    }
    Conn &c = m_conns[size_t(i)];
    if (c.fd < 0)
        return;
    if (!c.upgraded) {
        const qsizetype end = c.in.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        if (!c.in.startsWith("HTTP/1.1 101")) {
            fail(i);
            startNext();
            return;
        }
        c.in.remove(0, end + 4);
        c.upgraded = true;
        --m_handshaking;
        ++m_open;
        startNext();
        if (m_onOpen)
            m_onOpen(i);
    }
    parseFrames(i);
}

void LoadClients::parseFrames(int i)
{
    const qint64 now = m_clock.nsecsElapsed();
    for (;;) {
        Conn &c = m_conns[size_t(i)];
        if (c.fd < 0)
            return;
        const auto *p = reinterpret_cast<const unsigned char *>(c.in.constData()) + c.consumed;
        const qsizetype avail = c.in.size() - c.consumed;
        if (avail < 2)
            break;
        const bool fin = p[0] & 0x80;
        const int opcode = p[0] & 0x0f;
        const bool masked = p[1] & 0x80;
        quint64 len = p[1] & 0x7f;
        qsizetype header = 2;
        if (len == 126) {
            if (avail < 4)
                break;
            len = (quint64(p[2]) << 8) | p[3];
            header = 4;
        } else if (len == 127) {
            if (avail < 10)
                break;
            len = 0;
            for (int k = 0; k < 8; ++k)
                len = (len << 8) | p[2 + k];
            header = 10;
        }
        const qsizetype keyAt = header;
        if (masked)
            header += 4;
        if (quint64(avail - header) < len)
            break;
        char *payload = c.in.data() + c.consumed + header;
        if (masked) {
            const char *key = c.in.constData() + c.consumed + keyAt;
            for (quint64 k = 0; k < len; ++k)
                payload[k] = char(payload[k] ^ key[k & 3]);
        }
        const QByteArrayView data(payload, qsizetype(len));
        c.consumed += header + qsizetype(len);
        if (opcode == OpPing) {
            sendFrame(i, OpPong, data);
        } else if (opcode == OpClose) {
            fail(i);
            return;
        } else if (opcode == OpText || opcode == OpContinuation) {
            if (fin && opcode == OpText && c.message.isEmpty()) {
                if (m_onText)
                    m_onText(i, data, now);
            } else {
                c.message.append(data.data(), data.size());
                if (fin) {
                    const QByteArray whole = std::move(m_conns[size_t(i)].message);
                    m_conns[size_t(i)].message.clear();
                    if (m_onText)
                        m_onText(i, whole, now);
                }
            }
        }
        // (binary and pong frames are not used by the protocol; ignored)
    }
    Conn &c = m_conns[size_t(i)];
    if (c.consumed > 0) {
        c.in.remove(0, c.consumed);
        c.consumed = 0;
    }
}

bool LoadClients::run(const std::function<bool()> &done, int timeoutMs, const std::function<void()> &tick, int tickMs)
{
    QElapsedTimer t;
    t.start();
    epoll_event events[256];
    qint64 lastTick = -1;
    while (!done()) {
        const qint64 left = timeoutMs - t.elapsed();
        if (left <= 0)
            break;
        const int n = ::epoll_wait(m_epoll, events, 256, int(qMin<qint64>(left, tick ? tickMs : 50)));
        for (int k = 0; k < n; ++k) {
            const int i = int(events[k].data.u32);
            if (m_conns[size_t(i)].fd < 0)
                continue;
            if (events[k].events & (EPOLLERR | EPOLLHUP) && m_conns[size_t(i)].connecting) {
                fail(i);
                startNext();
                continue;
            }
            if (events[k].events & EPOLLOUT)
                onWritable(i);
            if (m_conns[size_t(i)].fd >= 0 && (events[k].events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
                onReadable(i);
        }
        if (tick && (lastTick < 0 || t.elapsed() - lastTick >= tickMs || n == 0)) {
            lastTick = t.elapsed();
            tick();
        }
    }
    return done();
}

void LoadClients::closeAll()
{
    for (Conn &c : m_conns) {
        if (c.fd >= 0) {
            ::close(c.fd);
            c.fd = -1;
        }
    }
    m_open = 0;
}

} // namespace plein::bench
