#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QElapsedTimer>
#include <QString>

#include <functional>
#include <vector>

// Many WebSocket client connections driven by one thread with epoll, for the fan-out
// benchmarks. A thousand QWebSockets cost the load process more than the server it
// measures (an event loop and socket notifiers per connection, a QString per frame), so
// this speaks just enough RFC 6455 itself: the upgrade request, masked text frames out,
// unmasked (possibly fragmented) frames in, ping answered, close ends the connection.
// Received text is handed over as a view into the connection's buffer: no copy, no
// allocation per message once the buffers have grown.
namespace plein::bench {

class LoadClients
{
public:
    // Called for every complete text message: the connection's index, the payload, the
    // arrival time (ns on clock()).
    using OnText = std::function<void(int conn, QByteArrayView text, qint64 nowNs)>;
    // Called when a connection's upgrade succeeded (send the first request here).
    using OnOpen = std::function<void(int conn)>;

    LoadClients();
    ~LoadClients();
    LoadClients(const LoadClients &) = delete;
    LoadClients &operator=(const LoadClients &) = delete;

    // Opens `count` connections to 127.0.0.1:port (at most `inFlight` handshakes at once, so
    // the server's accept backlog is never overrun). They are opened while run() runs.
    void open(quint16 port, int count, int inFlight = 32);
    int size() const { return int(m_conns.size()); }
    int openCount() const { return m_open; }
    int failed() const { return m_failed; }

    // Sends one text message (masked, as a client must). False when the connection is gone.
    bool sendText(int conn, QByteArrayView payload);

    // Runs the loop until done() is true or timeoutMs passed; tick() is called at least
    // every tickMs (timers of the caller, e.g. a sender's schedule). True when done().
    bool run(const std::function<bool()> &done, int timeoutMs, const std::function<void()> &tick = {}, int tickMs = 5);
    void closeAll();

    void setOnText(OnText f) { m_onText = std::move(f); }
    void setOnOpen(OnOpen f) { m_onOpen = std::move(f); }
    const QElapsedTimer &clock() const { return m_clock; }

private:
    struct Conn
    {
        int fd = -1;
        bool upgraded = false;
        bool connecting = true;
        QByteArray in;          // received, not yet consumed
        qsizetype consumed = 0;
        QByteArray message;     // a fragmented message being assembled
        QByteArray out;         // not yet written (the socket was full)
    };
    void startNext();
    void onReadable(int i);
    void onWritable(int i);
    void parseFrames(int i);
    bool writeRaw(int i, const char *data, qsizetype size);
    void fail(int i);
    void sendFrame(int i, int opcode, QByteArrayView payload);

    int m_epoll = -1;
    quint16 m_port = 0;
    int m_target = 0;
    int m_inFlight = 32;
    int m_handshaking = 0;
    int m_open = 0;
    int m_failed = 0;
    std::vector<Conn> m_conns;
    OnText m_onText;
    OnOpen m_onOpen;
    QElapsedTimer m_clock;
    quint32 m_maskState = 0x9e3779b9u;
};

} // namespace plein::bench
