#pragma once

// The cast of a raw-protocol feature test: people added to a real plein-server with a role
// and a department, each then signed in on a RawSession of their own, found by user name.
//
//     plein::test::RawCrew m_crew;
//     QVERIFY(m_crew.add(m_server, {{u"anna"_s, u"Anna de Vries"_s, role::Employee, u"Finance"_s}}, Password));
//     QVERIFY2(m_server.start(), ...);
//     QVERIFY(m_crew.signIn(m_server.url(), Password));
//     m_crew[u"anna"_s].write(...);
#include "RawSession.h"
#include "ServerProcess.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <map>
#include <memory>

namespace plein::test {

// A protocol constant as a QString (QT_NO_CAST_FROM_ASCII).
inline QString s(const char *c)
{
    return QLatin1String(c);
}

class RawCrew
{
public:
    struct Person
    {
        QString name;
        QString displayName;
        const char *role;  // protocol::role::*
        QString department;
    };

    // Adds everyone to the server's directory (before it starts, so the first sync has them).
    bool add(ServerProcess &server, const QList<Person> &people, const QString &password)
    {
        for (const Person &p : people) {
            if (!server.addUser(p.name, password, p.displayName, s(p.role), p.department))
                return false;
            m_names.append(p.name);
        }
        return true;
    }
    // Signs everyone added in on a session of their own and syncs them; false when one fails.
    bool signIn(const QUrl &url, const QString &password)
    {
        for (const QString &name : std::as_const(m_names)) {
            auto session = std::make_unique<RawSession>();
            if (!session->signIn(url, name, password)) {
                qWarning("%s could not sign in", qPrintable(name));
                return false;
            }
            m_sessions[name] = std::move(session);
        }
        return true;
    }
    RawSession &operator[](const QString &name) { return *m_sessions.at(name); }
    const QStringList &names() const { return m_names; }
    void closeAll()
    {
        for (auto &[name, session] : m_sessions)
            session->close();
    }

private:
    QStringList m_names;
    std::map<QString, std::unique_ptr<RawSession>> m_sessions;
};

} // namespace plein::test
