#pragma once

// A WebSocket that speaks the protocol by hand for the feature tests: signs in, syncs,
// sends writes and waits for their ack or error, and keeps every frame it got (decoded
// with the shared codec) so a test can check what a user was, and was not, sent.
#include "model/Ids.h"
#include "protocol/Envelope.h"
#include "protocol/Messages.h"
#include "protocol/Protocol.h"

#include <QTest>
#include <QWebSocket>

#include <functional>
#include <optional>

namespace plein::test {

class RawSession
{
public:
    RawSession()
    {
        QObject::connect(&m_ws, &QWebSocket::textMessageReceived, &m_ws, [this](const QString &m) {
            m_text.append(m);
            auto e = protocol::Envelope::decode(m.toUtf8());
            if (e)
                m_frames.append(e.value());
        });
        QObject::connect(&m_ws, &QWebSocket::disconnected, &m_ws, [this] { m_closed = true; });
    }

    // Opens, signs in and syncs from 0. False on any failure.
    bool signIn(const QUrl &url, const QString &user, const QString &password)
    {
        m_ws.open(url);
        if (!QTest::qWaitFor([this] { return m_ws.state() == QAbstractSocket::ConnectedState || m_closed; }, 10000)
            || m_closed)
            return false;
        const QString id = ids::create();
        send(protocol::type::AuthLogin, id, protocol::encode(protocol::LoginBody{user, password, QStringLiteral("t")}));
        auto ok = waitFor([&](const protocol::Envelope &e) { return e.re == id; });
        if (!ok || ok->type != QLatin1String(protocol::type::AuthOk))
            return false;
        m_userId = ok->body.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toString();
        const QString syncId = ids::create();
        send(protocol::type::Sync, syncId, protocol::encode(protocol::SyncBody{0}));
        return waitFor([&](const protocol::Envelope &e) {
                   return e.type == QLatin1String(protocol::type::SyncDone) && e.re == syncId;
               }).has_value();
    }
    void close()
    {
        m_ws.close();
        (void)QTest::qWaitFor([this] { return m_closed; }, 5000);
    }

    void send(const char *type, const QString &id, const QJsonObject &body = {}, const QString &op = {})
    {
        protocol::Envelope e;
        e.type = QLatin1String(type);
        e.id = id;
        e.op = op;
        e.body = body;
        m_ws.sendTextMessage(QString::fromUtf8(e.encode()));
    }

    // Sends a write; the answer is "ack" or the error code ("" on timeout).
    QString write(const char *type, const QJsonObject &body, qint64 *seq = nullptr)
    {
        const QString op = ids::create();
        send(type, {}, body, op);
        auto r = waitFor([&](const protocol::Envelope &e) { return e.re == op; });
        if (!r)
            return {};
        if (r->type == QLatin1String(protocol::type::Ack)) {
            if (seq)
                *seq = qint64(r->body.value(QLatin1String("seq")).toDouble());
            return QStringLiteral("ack");
        }
        return r->body.value(QLatin1String("code")).toString();
    }

    std::optional<protocol::Envelope> waitFor(const std::function<bool(const protocol::Envelope &)> &match,
                                              int timeoutMs = 10000)
    {
        std::optional<protocol::Envelope> found;
        (void)QTest::qWaitFor(
            [&] {
                for (const protocol::Envelope &f : std::as_const(m_frames))
                    if (match(f)) {
                        found = f;
                        return true;
                    }
                return false;
            },
            timeoutMs);
        return found;
    }

    // Every change received so far, from the log and from scope snapshots and pages.
    QList<protocol::Change> changes() const
    {
        QList<protocol::Change> out;
        for (const protocol::Envelope &e : m_frames)
            if (e.type == QLatin1String(protocol::type::Changes) || e.type == QLatin1String(protocol::type::ScopeSnapshot)
                || e.type == QLatin1String(protocol::type::HistoryPage)) {
                auto b = protocol::decode<protocol::ChangesBody>(e.body);
                if (b)
                    out += b->changes;
            }
        return out;
    }
    // The newest change of this kind and id, waiting up to timeoutMs for one that matches.
    std::optional<protocol::Change> waitChange(const QString &kind, const QString &id,
                                               const std::function<bool(const protocol::Change &)> &match = {},
                                               int timeoutMs = 10000)
    {
        std::optional<protocol::Change> found;
        (void)QTest::qWaitFor(
            [&] {
                const auto all = changes();
                for (auto it = all.crbegin(); it != all.crend(); ++it)
                    if (it->kind == kind && it->id == id && (!match || match(*it))) {
                        found = *it;
                        return true;
                    }
                return false;
            },
            timeoutMs);
        return found;
    }
    bool hasChange(const QString &kind, const QString &id) const
    {
        for (const protocol::Change &c : changes())
            if (c.kind == kind && c.id == id)
                return true;
        return false;
    }
    // Whether the change came streamed from the log (a `changes` frame), not in a scope page.
    bool hasLogChange(const QString &kind, const QString &id) const
    {
        for (const protocol::Envelope &e : m_frames) {
            if (e.type != QLatin1String(protocol::type::Changes))
                continue;
            const auto b = protocol::decode<protocol::ChangesBody>(e.body);
            for (const protocol::Change &c : b ? b->changes : QList<protocol::Change>{})
                if (c.kind == kind && c.id == id)
                    return true;
        }
        return false;
    }
    // Every text frame as received, for checks that a name never appears.
    const QStringList &rawText() const { return m_text; }
    QString userId() const { return m_userId; }

private:
    QWebSocket m_ws;
    QList<protocol::Envelope> m_frames;
    QStringList m_text;
    QString m_userId;
    bool m_closed = false;
};

} // namespace plein::test
