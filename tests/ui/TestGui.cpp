// The Widgets client against a real plein-server with the demo organisation, offscreen:
// sign in through the dialog, read the synced timeline, post, comment and like, go offline
// and back, sign out. Screenshots of the dialog and the main window go to
// PLEIN_SCREENSHOT_DIR (the build dir's screenshots/).
#include "GuiFixture.h"
#include "common/Language.h"
#include "models/CommentsModel.h"
#include "models/Roles.h"
#include "models/TimelineModel.h"
#include "protocol/Limits.h"
#include "session/Session.h"
#include "session/TokenStore.h"
#include "shell/AppController.h"
#include "shell/MainWindow.h"
#include "shell/StatusIndicator.h"
#include "signin/SignInDialog.h"
#include "timeline/CommentsPanel.h"
#include "timeline/PostDelegate.h"
#include "timeline/TimelinePage.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <memory>

using namespace plein::client;

namespace {
constexpr int SyncTimeoutMs = 20000;
constexpr char DemoUser[] = "anna";
constexpr char DemoPassword[] = "plein-demo";

template<typename T>
T *child(QWidget *root, const char *name)
{
    return root ? root->findChild<T *>(QLatin1String(name)) : nullptr;
}

ItemState stateOf(const QModelIndex &index)
{
    return static_cast<ItemState>(index.data(StateRole).toInt());
}
} // namespace

class TestGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void signInDialogSaysWhenUnreachable();
    void signInDialogSaysWhenThrottled();
    void signInDialogReportsWrongPassword();
    void signInShowsSyncedTimeline();
    void postFromComposerTurnsSent();
    void commentAndLike();
    void offlineWritesArePendingThenSent();
    void placeholderAndSettingsPages();
    void restartWithoutServerShowsCache();
    void programResumesAndReportsFirstPaint();
    void signOutForgetsToken();
    void dutchScreenshots();

private:
    TimelinePage *timeline() const { return m_app->mainWindow()->timelinePage(); }
    TimelineModel *model() const { return m_app->session()->timelineModel(); }
    int rowOfText(const QString &text) const;
    LaunchOptions options() const;

    plein::test::GuiFixture m_fx;
    QTemporaryDir m_profile;
    std::unique_ptr<AppController> m_app;
};

void TestGui::initTestCase()
{
    QVERIFY(m_profile.isValid());
    QVERIFY2(m_fx.start(), qPrintable(m_fx.errorString()));
    // After the start: --demo seeds only an empty data dir.
    QVERIFY(m_fx.server().addUser(QStringLiteral("throttle.test"), QStringLiteral("throttle-password"), QStringLiteral("Throttle Test")));

    m_app = std::make_unique<AppController>(options());
    // The test owns the token store's keychain entry for this server; it is removed on sign-out.
    m_app->tokenStore()->setKeychainTimeout(5000);
    m_app->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_app->signInDialog() && m_app->signInDialog()->isVisible(), 10000);
}

LaunchOptions TestGui::options() const
{
    LaunchOptions options;
    options.profileDir = m_profile.path();
    options.server = m_fx.server().url();
    options.userName = QLatin1String(DemoUser);
    return options;
}

void TestGui::cleanupTestCase()
{
    // Leave no token behind in whatever keychain this run talked to.
    if (m_app) {
        QSignalSpy done(m_app->tokenStore(), &TokenStore::finished);
        m_app->tokenStore()->remove(m_fx.server().url(), QLatin1String(DemoUser));
        done.wait(10000);
    }
    m_app.reset();
}

int TestGui::rowOfText(const QString &text) const
{
    for (int row = 0; row < model()->rowCount(); ++row) {
        if (model()->index(row).data(TextRole).toString() == text)
            return row;
    }
    return -1;
}

void TestGui::signInDialogSaysWhenUnreachable()
{
    SignInDialog *dialog = m_app->signInDialog();
    auto *server = child<QLineEdit>(dialog, "serverEdit");
    auto *error = child<QLabel>(dialog, "signInError");
    // A port nobody listens on: the server that just stopped.
    plein::test::ServerProcess gone;
    QVERIFY2(gone.start(), qPrintable(gone.errorString()));
    const QUrl deadUrl = gone.url();
    QVERIFY(gone.terminate());
    server->setText(deadUrl.toString());
    child<QLineEdit>(dialog, "passwordEdit")->setText(QStringLiteral("whatever"));
    QTest::mouseClick(child<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), SyncTimeoutMs);
    QCOMPARE(error->text(), SignInDialog::describeFailure(QStringLiteral("unreachable"), {}, deadUrl));
    // Nothing keeps trying behind the dialog's back.
    QCOMPARE(m_app->session()->connectionState(), Session::ConnectionState::Offline);
    server->setText(m_fx.server().url().toString());
}

void TestGui::signInDialogSaysWhenThrottled()
{
    // Another account, so the demo user is not throttled for the rest of the test.
    SignInDialog *dialog = m_app->signInDialog();
    auto *user = child<QLineEdit>(dialog, "userEdit");
    auto *password = child<QLineEdit>(dialog, "passwordEdit");
    auto *error = child<QLabel>(dialog, "signInError");
    user->setText(QStringLiteral("throttle.test"));
    QString last;
    for (int attempt = 0; attempt <= plein::limits::LoginFailuresBeforeThrottle; ++attempt) {
        password->setText(QStringLiteral("not-it-%1").arg(attempt));
        error->clear();
        QTest::mouseClick(child<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && !error->text().isEmpty(), SyncTimeoutMs);
        last = error->text();
    }
    // The server's retry_after, counted down on the disabled button (15 minutes here).
    auto *button = child<QPushButton>(dialog, "signInButton");
    QVERIFY2(last.startsWith(QStringLiteral("Too many attempts, try again in ")), qPrintable(last));
    QVERIFY(dialog->secondsToWait() > 0 && dialog->secondsToWait() <= plein::limits::LoginThrottleWindowSecs);
    QTRY_COMPARE(error->text(), SignInDialog::throttledText(dialog->secondsToWait()));
    QVERIFY(!button->isEnabled());
    QVERIFY2(button->text().startsWith(QStringLiteral("Try again in ")), qPrintable(button->text()));
    QVERIFY(dialog->isVisible());
    m_fx.shot(dialog, QStringLiteral("signin-throttled"));
    // A short wait reads in seconds, counts down and gives the button back.
    dialog->showFailure(QStringLiteral("auth_throttled"), {}, 3);
    // (English plurals come from plein_en.ts, hence throttledText() rather than the words.)
    QCOMPARE(error->text(), SignInDialog::throttledText(3));
    QVERIFY2(error->text().startsWith(QStringLiteral("Too many attempts, try again in 3 second")),
             qPrintable(error->text()));
    QCOMPARE(button->text(), QStringLiteral("Try again in 0:03"));
    QTRY_COMPARE_WITH_TIMEOUT(error->text(), SignInDialog::throttledText(2), 3000);
    m_fx.shot(dialog, QStringLiteral("signin-throttled-seconds"));
    QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 5000);
    QVERIFY(error->isHidden());
    QCOMPARE(button->text(), QStringLiteral("Sign in"));
    user->setText(QLatin1String(DemoUser));
    password->clear();
}

void TestGui::signInDialogReportsWrongPassword()
{
    SignInDialog *dialog = m_app->signInDialog();
    auto *server = child<QLineEdit>(dialog, "serverEdit");
    auto *user = child<QLineEdit>(dialog, "userEdit");
    auto *password = child<QLineEdit>(dialog, "passwordEdit");
    auto *button = child<QPushButton>(dialog, "signInButton");
    auto *error = child<QLabel>(dialog, "signInError");
    QVERIFY(server && user && password && button && error);

    // Prefilled from the command line.
    QCOMPARE(server->text(), m_fx.server().url().toDisplayString());
    QCOMPARE(user->text(), QLatin1String(DemoUser));
    error->hide();
    QTest::keyClicks(password, QStringLiteral("secret"));
    m_fx.shot(dialog, QStringLiteral("sign-in-dialog"));

    QTest::keyClicks(password, QStringLiteral("-wrong"));
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(dialog->isBusy());
    QVERIFY(!button->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), SyncTimeoutMs);
    QVERIFY(!dialog->isBusy());
    QCOMPARE(error->text(), SignInDialog::describeFailure(QStringLiteral("auth_failed"), {}, {}));
    QVERIFY(dialog->isVisible());
    m_fx.shot(dialog, QStringLiteral("sign-in-dialog-error"));
}

void TestGui::signInShowsSyncedTimeline()
{
    SignInDialog *dialog = m_app->signInDialog();
    auto *password = child<QLineEdit>(dialog, "passwordEdit");
    password->clear();
    QTest::keyClicks(password, QLatin1String(DemoPassword));
    QTest::keyClick(password, Qt::Key_Return);

    QTRY_VERIFY_WITH_TIMEOUT(m_app->mainWindow() && m_app->mainWindow()->isVisible(), SyncTimeoutMs);
    QTRY_VERIFY(!m_app->signInDialog() || !m_app->signInDialog()->isVisible());
    MainWindow *window = m_app->mainWindow();
    QVERIFY(window);
    QCOMPARE(window->currentPage(), MainWindow::Page::Home);
    // Home opens on the start page; the company timeline is its second tab (remembered).
    QTest::mouseClick(child<QToolButton>(window, "homeTabCompany"), Qt::LeftButton);

    // The demo organisation's posts arrive through sync and show in the view, newest first.
    QTRY_VERIFY_WITH_TIMEOUT(model()->rowCount() >= 20, SyncTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->session()->connectionState(), Session::ConnectionState::Online, SyncTimeoutMs);
    qInfo("timeline rows loaded after sync: %d", model()->rowCount());
    QListView *view = child<QListView>(window, "timelineView");
    QVERIFY(view && view->isVisible());
    QCOMPARE(view->model(), model());
    const QRect first = view->visualRect(model()->index(0));
    QVERIFY(first.isValid() && view->viewport()->rect().intersects(first));
    QVERIFY(first.height() > 60);  // a card, not a one-line item
    QVERIFY(!model()->index(0).data(TextRole).toString().isEmpty());
    QVERIFY(model()->index(0).data(CreatedRole).toDateTime() >= model()->index(1).data(CreatedRole).toDateTime());
    QCOMPARE(window->statusIndicator()->text(), StatusIndicator::describe(Session::ConnectionState::Online, 0));

    // The token went to the store (the keychain, or the file when no keychain answers).
    QTRY_VERIFY(m_app->tokenStore()->backend() != TokenStore::Backend::Unknown);
    auto *note = child<QLabel>(window, "keychainNote");
    QVERIFY(note);
    QCOMPARE(note->isVisible(), m_app->tokenStore()->usingFileFallback());
}

void TestGui::postFromComposerTurnsSent()
{
    MainWindow *window = m_app->mainWindow();
    auto *edit = child<QPlainTextEdit>(window, "composerEdit");
    auto *button = child<QPushButton>(window, "postButton");
    QVERIFY(edit && button);
    QVERIFY(!button->isEnabled());  // nothing to post yet

    const QString text = QStringLiteral("Coffee and stroopwafels in the canteen at 3, everyone welcome!");
    QTest::keyClicks(edit, text);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);

    // At once: in the view, at the top, marked as sending; the composer is empty again.
    QCOMPARE(model()->index(0).data(TextRole).toString(), text);
    QCOMPARE(stateOf(model()->index(0)), ItemState::Pending);
    QVERIFY(edit->toPlainText().isEmpty());
    // Then the server's ack settles it.
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(model()->index(rowOfText(text))), ItemState::Sent, SyncTimeoutMs);
    QTRY_COMPARE(m_app->session()->pendingCount(), 0);

    // Ctrl+Enter posts too; too long a text cannot be posted.
    QTest::keyClicks(edit, QStringLiteral("Second post, sent with the keyboard."));
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(model()->index(0).data(TextRole).toString(), QStringLiteral("Second post, sent with the keyboard."));
    edit->setPlainText(QString(plein::limits::MaxPostChars + 1, u'x'));
    QVERIFY(!button->isEnabled());
    QVERIFY(child<QLabel>(window, "composerCounter")->text().contains(u'1'));
    edit->clear();
    QTRY_COMPARE_WITH_TIMEOUT(m_app->session()->pendingCount(), 0, SyncTimeoutMs);
}

void TestGui::commentAndLike()
{
    MainWindow *window = m_app->mainWindow();
    QListView *view = timeline()->view();
    const QString text = QStringLiteral("Coffee and stroopwafels in the canteen at 3, everyone welcome!");
    const int row = rowOfText(text);
    QVERIFY(row >= 0);
    const QPersistentModelIndex post(model()->index(row));
    view->scrollTo(post);

    // Like through the heart painted by the delegate.
    QCOMPARE(post.data(LikedByMeRole).toBool(), false);
    const QRect heart = timeline()->delegate()->likeRect(post);
    QVERIFY(heart.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, heart.center());
    QTRY_VERIFY(post.data(LikedByMeRole).toBool());
    QCOMPARE(post.data(LikeCountRole).toInt(), 1);
    QVERIFY(!timeline()->commentsPanel()->isVisible());  // the heart is the toggle's alone

    // Selecting the post opens its comments beside the timeline.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(post).center());
    CommentsPanel *panel = timeline()->commentsPanel();
    QTRY_VERIFY(panel->isVisible());
    QCOMPARE(panel->postId(), post.data(IdRole).toString());
    QCOMPARE(m_app->session()->commentsModel()->rowCount(), 0);
    QVERIFY(child<QLabel>(panel, "commentsEmptyLabel")->isVisible());

    auto *comment = child<QPlainTextEdit>(panel, "commentEdit");
    QVERIFY(comment);
    QTest::keyClicks(comment, QStringLiteral("Count me in!"));
    QTest::mouseClick(child<QPushButton>(panel, "commentButton"), Qt::LeftButton);
    CommentsModel *comments = m_app->session()->commentsModel();
    QCOMPARE(comments->rowCount(), 1);
    QCOMPARE(comments->index(0).data(TextRole).toString(), QStringLiteral("Count me in!"));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(comments->index(0)), ItemState::Sent, SyncTimeoutMs);
    QTRY_COMPARE(model()->index(rowOfText(text)).data(CommentCountRole).toInt(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->session()->pendingCount(), 0, SyncTimeoutMs);

    // A demo post with a few comments makes the better picture of the window.
    for (int r = 0; r < model()->rowCount(); ++r) {
        const QModelIndex candidate = model()->index(r);
        if (candidate.data(CommentCountRole).toInt() >= 3 && candidate.data(TextRole).toString().size() > 60) {
            view->setCurrentIndex(candidate);
            break;
        }
    }
    QTRY_VERIFY(comments->rowCount() >= 1);
    view->scrollToTop();
    m_fx.shot(window, QStringLiteral("main-window"));
}

void TestGui::offlineWritesArePendingThenSent()
{
    MainWindow *window = m_app->mainWindow();
    m_fx.server().kill();
    QTRY_VERIFY_WITH_TIMEOUT(m_app->session()->connectionState() != Session::ConnectionState::Online, SyncTimeoutMs);

    auto *edit = child<QPlainTextEdit>(window, "composerEdit");
    const QString text = QStringLiteral("Written on the train, without a connection.");
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(model()->index(0).data(TextRole).toString(), text);
    QCOMPARE(stateOf(model()->index(0)), ItemState::Pending);
    QCOMPARE(m_app->session()->pendingCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(window->statusIndicator()->text(),
                              StatusIndicator::describe(Session::ConnectionState::Offline, 1), SyncTimeoutMs);
    timeline()->view()->scrollToTop();
    m_fx.shot(window, QStringLiteral("main-window-offline"));

    QVERIFY2(m_fx.server().restart(), qPrintable(m_fx.server().errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(model()->index(rowOfText(text))), ItemState::Sent, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(window->statusIndicator()->text(),
                              StatusIndicator::describe(Session::ConnectionState::Online, 0), SyncTimeoutMs);
}

void TestGui::placeholderAndSettingsPages()
{
    MainWindow *window = m_app->mainWindow();
    auto *navigation = child<QListWidget>(window, "navigation");
    QVERIFY(navigation);
    QCOMPARE(navigation->count(), 10);
    auto *pages = child<QStackedWidget>(window, "pages");
    const QRect documents = navigation->visualItemRect(navigation->item(int(MainWindow::Page::Documents)));
    QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, documents.center());
    QCOMPARE(window->currentPage(), MainWindow::Page::Documents);
    QVERIFY(pages->currentWidget()->findChild<QLabel *>(QStringLiteral("comingSoonBadge")));
    m_fx.shot(window, QStringLiteral("placeholder-documents"));

    window->showPage(MainWindow::Page::Settings);
    auto *language = child<QComboBox>(window, "languageCombo");
    QVERIFY(language && language->isVisible());
    language->setCurrentIndex(language->findData(QStringLiteral("nl")));
    QSettings stored(QDir(m_profile.path()).filePath(QStringLiteral("plein.ini")), QSettings::IniFormat);
    QCOMPARE(stored.value(QStringLiteral("ui/language")).toString(), QStringLiteral("nl"));
    QVERIFY(child<QLabel>(window, "languageNote")->text().contains(QStringLiteral("next time")));
    m_fx.shot(window, QStringLiteral("settings"));
    language->setCurrentIndex(0);
    window->showPage(MainWindow::Page::Home);
}

void TestGui::restartWithoutServerShowsCache()
{
    const int cached = model()->rowCount();
    QVERIFY(cached > 0);
    m_fx.server().kill();
    m_app.reset();

    // A restart with the server gone: no sign-in dialog, the window with the cache at once.
    m_app = std::make_unique<AppController>(options());
    QSignalSpy signIn(m_app.get(), &AppController::signInShown);
    m_app->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_app->mainWindow() && m_app->mainWindow()->isVisible(), 10000);
    QVERIFY(signIn.isEmpty());
    QVERIFY(model()->rowCount() > 0);
    QCOMPARE(model()->index(0).data(TextRole).toString(), QStringLiteral("Written on the train, without a connection."));
    QTRY_COMPARE_WITH_TIMEOUT(m_app->mainWindow()->statusIndicator()->text(),
                              StatusIndicator::describe(Session::ConnectionState::Offline, 0), SyncTimeoutMs);
    QVERIFY(timeline()->view()->visualRect(model()->index(0)).isValid());

    // The server comes back: the same window goes online, still without asking anything.
    QVERIFY2(m_fx.server().restart(), qPrintable(m_fx.server().errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(m_app->session()->connectionState(), Session::ConnectionState::Online, 30000);
    QVERIFY(signIn.isEmpty());
}

void TestGui::programResumesAndReportsFirstPaint()
{
    // The real program on the same profile: it resumes with the stored token and, with
    // PLEIN_TIMING=1, reports when the first page of the timeline has been painted.
    m_app.reset();
    QProcess plein;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PLEIN_TIMING"), QStringLiteral("1"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    plein.setProcessEnvironment(env);
    plein.start(qEnvironmentVariable("PLEIN_CLIENT_BIN"),
                {QStringLiteral("--profile"), m_profile.path(), QStringLiteral("--server"),
                 m_fx.server().url().toString(), QStringLiteral("--user"), QLatin1String(DemoUser)});
    QVERIFY2(plein.waitForStarted(), qPrintable(plein.errorString()));
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += plein.readAllStandardError()).contains("first_paint_ms="), SyncTimeoutMs);
    const qsizetype at = err.indexOf("first_paint_ms=") + qsizetype(qstrlen("first_paint_ms="));
    bool ok = false;
    const int ms = err.mid(at, err.indexOf('\n', at) - at).trimmed().toInt(&ok);
    QVERIFY2(ok && ms > 0, err.constData());
    qInfo("first_paint_ms=%d", ms);
    plein.terminate();
    QVERIFY(plein.waitForFinished(10000));

    m_app = std::make_unique<AppController>(options());
    m_app->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_app->mainWindow() && m_app->mainWindow()->isVisible(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->session()->connectionState(), Session::ConnectionState::Online, SyncTimeoutMs);
}

void TestGui::signOutForgetsToken()
{
    MainWindow *window = m_app->mainWindow();
    auto *signOut = window->findChild<QAction *>(QStringLiteral("signOutAction"));
    QVERIFY(signOut);
    QSignalSpy removed(m_app->tokenStore(), &TokenStore::finished);
    signOut->trigger();
    QTRY_VERIFY(m_app->signInDialog() && m_app->signInDialog()->isVisible());
    QTRY_VERIFY(!m_app->mainWindow());
    QTRY_VERIFY(!removed.isEmpty());
    QCOMPARE(removed.constFirst().at(0).value<TokenStore::Operation>(), TokenStore::Operation::Remove);

    // Nothing is left to resume with.
    QSignalSpy loaded(m_app->tokenStore(), &TokenStore::finished);
    m_app->tokenStore()->load(m_fx.server().url(), QLatin1String(DemoUser));
    QVERIFY(loaded.wait(10000));
    QVERIFY(loaded.constFirst().at(1).toString().isEmpty());
}

void TestGui::dutchScreenshots()
{
    // The embedded Dutch translation, as `plein` loads it when Nederlands is chosen.
    QCOMPARE(Language::install(qApp, QStringLiteral("nl")), QStringLiteral("nl"));
    m_app.reset();
    m_app = std::make_unique<AppController>(options());
    m_app->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_app->signInDialog() && m_app->signInDialog()->isVisible(), 10000);
    SignInDialog *dialog = m_app->signInDialog();
    QCOMPARE(dialog->windowTitle(), QStringLiteral("Inloggen bij Plein"));
    auto *password = child<QLineEdit>(dialog, "passwordEdit");
    QTest::keyClicks(password, QStringLiteral("wrong-password"));
    QTest::mouseClick(child<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(dialog, "signInError")->isVisible(), SyncTimeoutMs);
    QVERIFY(child<QLabel>(dialog, "signInError")->text().startsWith(QStringLiteral("De gebruikersnaam")));
    m_fx.shot(dialog, QStringLiteral("sign-in-dialog-nl"));

    password->clear();
    QTest::keyClicks(password, QLatin1String(DemoPassword));
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(m_app->mainWindow() && m_app->mainWindow()->isVisible(), SyncTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->mainWindow()->statusIndicator()->text(), QStringLiteral("Online"), SyncTimeoutMs);
    m_app->session()->disconnectFromServer();
    QTest::keyClicks(child<QPlainTextEdit>(m_app->mainWindow(), "composerEdit"), QStringLiteral("Tot straks!"));
    QTest::keyClick(child<QPlainTextEdit>(m_app->mainWindow(), "composerEdit"), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(m_app->mainWindow()->statusIndicator()->text(), QStringLiteral("Offline — 1 wijziging wacht"));
    m_fx.shot(m_app->mainWindow(), QStringLiteral("main-window-nl"));
}

QTEST_MAIN(TestGui)
#include "TestGui.moc"
