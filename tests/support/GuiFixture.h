#pragma once

#include "ServerProcess.h"
#include "shell/MainWindow.h"

#include <QSize>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>
#include <optional>

class QWidget;

namespace plein::client {
class Session;
class TokenStore;
} // namespace plein::client

namespace plein::test {

// One signed-in person in a Widgets test: the session, its token store and the main window
// (destroyed in that order's reverse: window, tokens, session).
struct GuiClient
{
    std::unique_ptr<client::Session> session;
    std::unique_ptr<client::TokenStore> tokens;
    std::unique_ptr<client::MainWindow> window;
    QString profileDir;
};

// What every offscreen GUI test sets up: test-mode paths, the theme, the screenshot folder
// (PLEIN_SCREENSHOT_DIR, the build dir's screenshots/), a real plein-server (the demo
// organisation by default) and a profile folder per person.
//
//     plein::test::GuiFixture m_fixture;                       // a member of the test
//     QVERIFY2(m_fixture.start(), qPrintable(m_fixture.errorString()));   // initTestCase
//     plein::test::GuiClient anna;
//     QVERIFY(m_fixture.signIn(anna, u"anna"_s, MainWindow::Page::Home));
//     m_fixture.shot(anna.window.get(), u"home"_s);
class GuiFixture
{
public:
    static constexpr int SyncTimeoutMs = 20000;
    static constexpr QSize WindowSize{1280, 860};
    // plein-server --demo's password for everyone.
    static QString demoPassword() { return QStringLiteral("plein-demo"); }

    bool start(const QStringList &serverArgs = {QStringLiteral("--demo")});
    QString errorString() const { return m_error; }
    ServerProcess &server() { return m_server; }
    const ServerProcess &server() const { return m_server; }
    QString screenshotDir() const { return m_screenshotDir; }
    // A profile folder of its own for `name` (usually the user name).
    QString profileDir(const QString &name) const;

    // Opens `user`'s replica in profileDir(profile, else user), signs in and waits for the
    // first sync. False (with errorString()) when any step fails.
    bool signInSession(GuiClient &c, const QString &user, const QString &profile = {},
                       const QString &password = demoPassword(), int timeoutMs = SyncTimeoutMs);
    // Shows the signed-in client's main window at `size`, on `page` when given, and waits
    // until it is exposed.
    bool showWindow(GuiClient &c, std::optional<client::MainWindow::Page> page, QSize size = WindowSize);
    // Both of the above.
    bool signIn(GuiClient &c, const QString &user, std::optional<client::MainWindow::Page> page,
                const QString &profile = {}, QSize size = WindowSize, int timeoutMs = SyncTimeoutMs);

    // Lets pending layouts settle, grabs `widget` and saves it as screenshots/<name>.png.
    // A failure fails the running test function.
    void shot(QWidget *widget, const QString &name) const;

private:
    ServerProcess m_server;
    QTemporaryDir m_profiles;
    QString m_screenshotDir;
    QString m_error;
};

} // namespace plein::test
