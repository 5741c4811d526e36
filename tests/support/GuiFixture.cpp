#include "GuiFixture.h"

#include "common/Language.h"
#include "common/Theme.h"
#include "session/Session.h"
#include "session/TokenStore.h"

#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QWidget>

namespace plein::test {

bool GuiFixture::start(const QStringList &serverArgs)
{
    QStandardPaths::setTestModeEnabled(true);
    if (!m_profiles.isValid()) {
        m_error = QStringLiteral("no temporary profile folder");
        return false;
    }
    m_screenshotDir = QStringLiteral(PLEIN_SCREENSHOT_DIR);
    if (!QDir().mkpath(m_screenshotDir)) {
        m_error = QStringLiteral("cannot create %1").arg(m_screenshotDir);
        return false;
    }
    client::theme::apply(*qApp);
    // English as `plein` installs it when chosen: its plural forms ("2 members", not "2 member(s)")
    // and dates, so the screenshots show what a user sees.
    client::Language::install(qApp, QStringLiteral("en"));
    if (!m_server.start(serverArgs)) {
        m_error = m_server.errorString();
        return false;
    }
    return true;
}

QString GuiFixture::profileDir(const QString &name) const
{
    return m_profiles.filePath(name);
}

bool GuiFixture::signInSession(GuiClient &c, const QString &user, const QString &profile, const QString &password,
                               int timeoutMs)
{
    const QString dir = profileDir(profile.isEmpty() ? user : profile);
    c.profileDir = dir;
    c.session = std::make_unique<client::Session>(dir);
    if (!c.session->openAccount(m_server.url(), user, &m_error))
        return false;
    c.tokens = std::make_unique<client::TokenStore>(dir);
    QSignalSpy synced(c.session.get(), &client::Session::synced);
    c.session->signIn(password);
    if (!synced.wait(timeoutMs)) {
        m_error = QStringLiteral("%1 did not sync within %2 ms").arg(user).arg(timeoutMs);
        return false;
    }
    return true;
}

bool GuiFixture::showWindow(GuiClient &c, std::optional<client::MainWindow::Page> page, QSize size)
{
    c.window = std::make_unique<client::MainWindow>(c.profileDir, c.session.get(), c.tokens.get());
    c.window->resize(size);
    c.window->show();
    if (page)
        c.window->showPage(*page);
    if (!QTest::qWaitForWindowExposed(c.window.get())) {
        m_error = QStringLiteral("the main window was not exposed");
        return false;
    }
    return true;
}

bool GuiFixture::signIn(GuiClient &c, const QString &user, std::optional<client::MainWindow::Page> page,
                        const QString &profile, QSize size, int timeoutMs)
{
    return signInSession(c, user, profile, demoPassword(), timeoutMs) && showWindow(c, page, size);
}

void GuiFixture::shot(QWidget *widget, const QString &name) const
{
    QVERIFY(widget);
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
    }
    const QString path = QDir(m_screenshotDir).filePath(name + QStringLiteral(".png"));
    QVERIFY2(widget->grab().save(path), qPrintable(path));
    qInfo("screenshot: %s", qPrintable(path));
}

} // namespace plein::test
