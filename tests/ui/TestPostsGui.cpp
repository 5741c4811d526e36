// Posts in the Widgets client against a real plein-server with the demo organisation,
// offscreen: a group page with Markdown posts (code, links, @mentions, #hashtags) painted by
// the shared delegate, reactions from two people, an edited and a deleted post; clicking a
// reaction chip and a hashtag; the hashtag view; a blog page written in the editor and read
// with a colleague's comment; @mention completion in a composer. Screenshots go to
// PLEIN_SCREENSHOT_DIR.
#include "RawSession.h"
#include "GuiFixture.h"

#include "blog/BlogPage.h"
#include "groups/GroupsModel.h"
#include "groups/GroupsPage.h"
#include "model/Ids.h"
#include "models/Roles.h"
#include "posts/ContentModel.h"
#include "posts/PostsClient.h"
#include "protocol/HomeMessages.h"
#include "protocol/NewsMessages.h"
#include "protocol/PostMessages.h"
#include "session/Session.h"
#include "session/TokenStore.h"
#include "shell/MainWindow.h"
#include "timeline/CommentsPanel.h"
#include "timeline/HashtagView.h"
#include "timeline/MentionCompleter.h"
#include "timeline/PostDelegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include <memory>

using namespace plein;
using namespace plein::client;

namespace {
constexpr int SyncTimeoutMs = 20000;
const QString Password = plein::test::GuiFixture::demoPassword();
QString s(const char *c)
{
    return QLatin1String(c);
}
} // namespace

class TestPostsGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void groupPageWithMarkdownReactionsEditsAndDeletes();
    void hashtagView();
    void mentionCompletion();
    void mentionPopupPicksByClickAndKeys();
    void blogPage();
    void cleanupTestCase();

private:
    QModelIndex rowOf(const QString &id) const;

    plein::test::GuiFixture m_fx;
    plein::test::GuiClient m_me;  // anna
    test::RawSession m_priya;
    QString m_group;
};

void TestPostsGui::initTestCase()
{
    QVERIFY2(m_fx.start(), qPrintable(m_fx.errorString()));
    QVERIFY(m_priya.signIn(m_fx.server().url(), QStringLiteral("priya"), Password));
    QVERIFY2(m_fx.signIn(m_me, QStringLiteral("anna"), std::nullopt, {}, QSize(1360, 900), SyncTimeoutMs),
             qPrintable(m_fx.errorString()));
    GroupsModel *m = m_me.session->groupsModel();
    QTRY_VERIFY_WITH_TIMEOUT([&] {
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->index(r).data(GroupsModel::NameRole).toString() == QLatin1String("Hardloopclub")) {
                m_group = m->index(r).data(GroupsModel::IdRole).toString();
                return true;
            }
        return false;
    }(), SyncTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(m->posts(m_group).size() >= 3, SyncTimeoutMs);
}

void TestPostsGui::cleanupTestCase()
{
    m_me.window.reset();
    m_me.session.reset();
}

QModelIndex TestPostsGui::rowOf(const QString &id) const
{
    ContentModel *m = m_me.session->posts()->groupPosts();
    return m->index(m->rowOf(id));
}

void TestPostsGui::groupPageWithMarkdownReactionsEditsAndDeletes()
{
    m_me.window->showPage(MainWindow::Page::Groups);
    auto *page = m_me.window->findChild<GroupsPage *>(QStringLiteral("groupsPage"));
    QVERIFY(page && page->openGroup(m_group));
    PostsClient *posts = m_me.session->posts();
    const QString deleted = m_me.session->postInGroup(m_group, QStringLiteral("Oeps, verkeerde groep."));
    const QString edited = m_me.session->postInGroup(m_group, QStringLiteral("Zondag lopen we 15 km"));
    const QString rich = m_me.session->postInGroup(
        m_group, QStringLiteral("Nieuwe route voor **donderdag**, met dank aan @priya:\n"
                                "- start bij de `hoofdingang`\n- 2 rondes park\n- finish bij de kantine\n"
                                "Kaart: https://example.com/route #hardlopen #teamspirit"));
    QVERIFY(!deleted.isEmpty() && !edited.isEmpty() && !rich.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session->pendingCount(), 0, SyncTimeoutMs);
    QVERIFY(posts->editPost(edited, QStringLiteral("Zondag lopen we **21 km**: de halve marathon! #hardlopen")));
    QVERIFY(posts->deletePost(deleted));
    // Priya reacts and comments from her own computer.
    QCOMPARE(m_priya.write(protocol::type::PostReact, protocol::encode(protocol::PostReactBody{rich, s(protocol::reaction::Celebrate), true})),
             QStringLiteral("ack"));
    QCOMPARE(m_priya.write(protocol::type::PostReact, protocol::encode(protocol::PostReactBody{rich, s(protocol::reaction::Like), true})),
             QStringLiteral("ack"));
    QCOMPARE(m_priya.write(protocol::type::CommentCreate,
                           protocol::encode(protocol::CommentCreateBody{ids::create(), rich, QStringLiteral("Top, ik neem de `stopwatch` mee!")})),
             QStringLiteral("ack"));
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session->pendingCount(), 0, SyncTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(rowOf(rich).data(CommentCountRole).toInt(), 1, SyncTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(rowOf(rich).data(ReactionsRole).toMap().value(s(protocol::reaction::Celebrate)).toInt(), 1,
                              SyncTimeoutMs);
    QVERIFY(rowOf(edited).data(EditedRole).toDateTime().isValid());
    QVERIFY(rowOf(deleted).data(DeletedRole).toBool());

    // Anna clicks the Celebrate chip: it turns hers and counts two.
    QListView *list = page->postList();
    QVERIFY(list->isVisible());
    list->scrollTo(rowOf(rich));
    const QRect chip = page->postDelegate()->reactionRect(rowOf(rich), s(protocol::reaction::Celebrate));
    QVERIFY(chip.isValid());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, chip.center());
    QTRY_COMPARE(rowOf(rich).data(ReactionsRole).toMap().value(s(protocol::reaction::Celebrate)).toInt(), 2);
    QVERIFY(rowOf(rich).data(MyReactionsRole).toStringList().contains(s(protocol::reaction::Celebrate)));
    // The comments open beside the list.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, page->postDelegate()->commentsRect(rowOf(rich)).center());
    QTRY_VERIFY(page->commentsPanel()->isVisible());
    QTRY_COMPARE(page->commentsPanel()->view()->model()->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session->pendingCount(), 0, SyncTimeoutMs);
    list->scrollToTop();
    m_fx.shot(m_me.window.get(), QStringLiteral("posts-group-page"));
}

void TestPostsGui::hashtagView()
{
    auto *page = m_me.window->findChild<GroupsPage *>(QStringLiteral("groupsPage"));
    QListView *list = page->postList();
    // Find the link of #hardlopen in a row and click it.
    QModelIndex row;
    QPoint at;
    for (int r = 0; r < list->model()->rowCount() && at.isNull(); ++r) {
        const QModelIndex i = list->model()->index(r, 0);
        if (!i.data(TextRole).toString().contains(QStringLiteral("#hardlopen")))
            continue;
        list->scrollTo(i);
        const QRect rect = list->visualRect(i);
        for (int y = rect.top(); y < rect.bottom() && at.isNull(); y += 4)
            for (int x = rect.left(); x < rect.right(); x += 5)
                if (page->postDelegate()->linkAt(i, QPoint(x, y)) == QLatin1String("tag:hardlopen")) {
                    at = QPoint(x, y);
                    row = i;
                    break;
                }
    }
    QVERIFY2(!at.isNull(), "no #hardlopen link painted");
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, at);
    HashtagView *view = nullptr;
    QTRY_VERIFY((view = m_me.window->findChild<HashtagView *>()) != nullptr);
    QVERIFY(view->isVisible());
    QCOMPARE(view->tag(), QStringLiteral("hardlopen"));
    // The demo post, the new rich post and the edited one, all from the cache.
    QTRY_VERIFY(view->view()->model()->rowCount() >= 3);
    QVERIFY(QTest::qWaitForWindowExposed(view));
    m_fx.shot(view, QStringLiteral("posts-hashtag-view"));
    view->close();
}

void TestPostsGui::mentionCompletion()
{
    auto *page = m_me.window->findChild<GroupsPage *>(QStringLiteral("groupsPage"));
    auto *edit = page->findChild<QPlainTextEdit *>(QStringLiteral("groupComposerEdit"));
    QVERIFY(edit);
    auto *completer = edit->findChild<MentionCompleter *>();
    QVERIFY(completer);
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("Goed gedaan @pri"));
    QCOMPARE(completer->currentPrefix(), QStringLiteral("@pri"));
    QTRY_VERIFY(completer->completer()->popup()->isVisible());
    QVERIFY(completer->completer()->popup()->model()->index(0, 0).data().toString().contains(QStringLiteral("@priya")));
    m_fx.shot(m_me.window.get(), QStringLiteral("posts-mention-completion"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE(edit->toPlainText(), QStringLiteral("Goed gedaan @priya "));
    QCOMPARE(protocol::mentionedNames(edit->toPlainText()), QStringList{QStringLiteral("priya")});
    edit->clear();
}

// The popup lists the colleagues whose name starts with the prefix; one is picked with the
// mouse, another with the arrow keys and Tab; the published post shows both mentions as
// links and the mentioned member is notified.
void TestPostsGui::mentionPopupPicksByClickAndKeys()
{
    auto *page = m_me.window->findChild<GroupsPage *>(QStringLiteral("groupsPage"));
    QVERIFY(page && page->openGroup(m_group));
    auto *edit = page->findChild<QPlainTextEdit *>(QStringLiteral("groupComposerEdit"));
    auto *completer = edit->findChild<MentionCompleter *>();
    QVERIFY(completer);
    QAbstractItemView *popup = completer->completer()->popup();
    QCOMPARE(popup->objectName(), QStringLiteral("mentionPopup"));
    edit->clear();
    edit->setFocus();

    // "@p": every cached colleague it matches, in the directory's order, and only those.
    QTest::keyClicks(edit, QStringLiteral("Vanavond lopen met @p"));
    QTRY_VERIFY(popup->isVisible());
    const QList<MentionCandidate> expected = m_me.session->posts()->mentionCandidates(QStringLiteral("p"));
    QVERIFY2(expected.size() >= 2, "the demo has pieter and priya");
    QAbstractItemModel *listed = popup->model();
    QCOMPARE(listed->rowCount(), expected.size());
    QStringList handles;
    for (int r = 0; r < listed->rowCount(); ++r) {
        const QString shown = listed->index(r, 0).data().toString();
        QCOMPARE(shown, QStringLiteral("%1  @%2").arg(expected.at(r).displayName, expected.at(r).name));
        handles.append(expected.at(r).name);
    }
    QVERIFY(handles.contains(QStringLiteral("pieter")) && handles.contains(QStringLiteral("priya")));
    QVERIFY(QTest::qWaitForWindowExposed(popup));
    {
        // The popup is a window of its own: paint it over the main window where it stands.
        QPixmap screen = m_me.window->grab();
        QPainter painter(&screen);
        painter.drawPixmap(m_me.window->mapFromGlobal(popup->mapToGlobal(QPoint(0, 0))), popup->grab());
        painter.end();
        const QString path = QDir(m_fx.screenshotDir()).filePath(QStringLiteral("posts-mention-popup.png"));
        QVERIFY2(screen.save(path), qPrintable(path));
    }

    // A click takes Priya's row (whichever it is; the highlighted row is the first).
    const int priyaRow = int(handles.indexOf(QStringLiteral("priya")));
    const int pieterRow = int(handles.indexOf(QStringLiteral("pieter")));
    const QPoint at = popup->visualRect(listed->index(priyaRow, 0)).center();
    QTest::mouseMove(popup->viewport(), at);
    QTest::mouseClick(popup->viewport(), Qt::LeftButton, {}, at);
    QTRY_VERIFY(!popup->isVisible());
    QCOMPARE(edit->toPlainText(), QStringLiteral("Vanavond lopen met @priya "));

    // The arrow keys walk to Pieter's row and Tab takes it. The keys go to the open popup,
    // as a real keyboard's do.
    QTest::keyClicks(edit, QStringLiteral("en @p"));
    QTRY_VERIFY(popup->isVisible());
    QCOMPARE(popup->currentIndex().row(), 0);
    for (int r = 0; r < pieterRow; ++r)
        QTest::keyClick(popup, Qt::Key_Down);
    QCOMPARE(popup->currentIndex().row(), pieterRow);
    QTest::keyClick(popup, Qt::Key_Tab);
    QTRY_VERIFY(!popup->isVisible());
    const QString clicked = QStringLiteral("priya");
    const QString keyed = QStringLiteral("pieter");
    const QString text = QStringLiteral("Vanavond lopen met @priya en @pieter ");
    QCOMPARE(edit->toPlainText(), text);
    // And Enter the same way, in a second mention.
    QTest::keyClicks(edit, QStringLiteral("@pri"));
    QTRY_VERIFY(popup->isVisible());
    QCOMPARE(listed->rowCount(), 1);
    QTest::keyClick(popup, Qt::Key_Return);
    QTRY_VERIFY(!popup->isVisible());
    QCOMPARE(edit->toPlainText(), text + QStringLiteral("@priya "));
    edit->setPlainText(text);  // back to one mention each
    edit->moveCursor(QTextCursor::End);
    // Typing on after a pick opens nothing.
    QTest::keyClicks(edit, QStringLiteral("#hardlopen"));
    QVERIFY(!popup->isVisible());

    // Published, the post shows both mentions as links.
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("groupPostButton")), Qt::LeftButton);
    QTRY_VERIFY(edit->toPlainText().isEmpty());
    ContentModel *posts = m_me.session->posts()->groupPosts();
    const QString published = text + QStringLiteral("#hardlopen");
    QString id;
    QTRY_VERIFY([&] {
        for (int r = 0; r < posts->rowCount(); ++r)
            if (posts->index(r).data(TextRole).toString() == published) {
                id = posts->index(r).data(IdRole).toString();
                return true;
            }
        return false;
    }());
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session->pendingCount(), 0, SyncTimeoutMs);
    QCOMPARE(protocol::mentionedNames(published), (QStringList{clicked, keyed}));
    QListView *list = page->postList();
    const QModelIndex row = rowOf(id);
    list->scrollTo(row);
    QSet<QString> links;
    const QRect rect = list->visualRect(row);
    for (int y = rect.top(); y < rect.bottom(); y += 3)
        for (int x = rect.left(); x < rect.right(); x += 4)
            if (const QString link = page->postDelegate()->linkAt(row, QPoint(x, y)); link.startsWith(u"mention:"))
                links.insert(link);
    QCOMPARE(links, (QSet<QString>{QStringLiteral("mention:") + clicked, QStringLiteral("mention:") + keyed}));
    m_fx.shot(m_me.window.get(), QStringLiteral("posts-mention-published"));

    // Priya, a member of the group, is told.
    const auto notified = [&] {
        for (const protocol::Change &c : m_priya.changes()) {
            if (c.kind != QLatin1String(protocol::kind::Notification))
                continue;
            auto n = protocol::decode<protocol::Notification>(c.data);
            if (n && n->kind == QLatin1String(protocol::notify::Mention) && n->item == id)
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(notified(), SyncTimeoutMs);
}

void TestPostsGui::blogPage()
{
    m_me.window->showPage(MainWindow::Page::Blogs);
    auto *page = m_me.window->findChild<BlogPage *>(QStringLiteral("blogPage"));
    QVERIFY(page);
    // The demo's pages are there at first sign-in (on profiles and in her groups), with comments.
    QTRY_VERIFY_WITH_TIMEOUT(m_me.session->posts()->blogPages()->rowCount() >= 5, SyncTimeoutMs);
    const QString demo = ids::derived(QStringLiteral("demo:blog:pilot"));
    QVERIFY(page->openPage(demo));
    QTRY_VERIFY(page->reader()->toPlainText().contains(QStringLiteral("Vijf lessen uit de pilot van Plein")));
    QTRY_COMPARE_WITH_TIMEOUT(page->commentsPanel()->view()->model()->rowCount(), 3, SyncTimeoutMs);
    m_fx.shot(m_me.window.get(), QStringLiteral("posts-blogs-demo"));
    page->editPage();
    QTest::keyClicks(page->titleEdit(), QStringLiteral("Onze route langs de Vecht"));
    const int where = page->whereBox()->findText(QStringLiteral("In Hardloopclub"));
    QVERIFY(where > 0);
    page->whereBox()->setCurrentIndex(where);
    page->textEdit()->setPlainText(QStringLiteral(
        "## Waarom deze route\nDe lange route is **10 km** en loopt langs het water. Vraag @priya naar de "
        "tussentijden.\n\n## Zo loop je hem\n1. Start bij de hoofdingang\n2. Rechtsaf de dijk op\n3. Terug door het "
        "park\n\n> Neem water mee als het warm is.\n\nDe splits staan in `route.gpx` op "
        "https://example.com/vecht #hardlopen"));
    QTest::mouseClick(page->saveButton(), Qt::LeftButton);
    QTRY_VERIFY(!page->currentPage().isEmpty());
    const QString id = page->currentPage();
    QTRY_COMPARE_WITH_TIMEOUT(m_me.session->pendingCount(), 0, SyncTimeoutMs);
    // Priya, a member, gets it, comments and reacts.
    QVERIFY(m_priya.waitChange(s(protocol::kind::BlogPage), id).has_value());
    QCOMPARE(m_priya.write(protocol::type::PostReact, protocol::encode(protocol::PostReactBody{id, s(protocol::reaction::Insightful), true})),
             QStringLiteral("ack"));
    // Priya comments; the reader's comments panel shows it without reopening the page.
    const protocol::CommentCreateBody comment{ids::create(), id, QStringLiteral("Mooie route, ik loop mee!")};
    QCOMPARE(m_priya.write(protocol::type::CommentCreate, protocol::encode(comment)), QStringLiteral("ack"));
    QTRY_COMPARE_WITH_TIMEOUT(page->commentsPanel()->postId(), id, SyncTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(page->commentsPanel()->view()->model()->rowCount(), 1, SyncTimeoutMs);
    QCOMPARE(page->commentsPanel()->view()->model()->index(0, 0).data(TextRole).toString(), comment.text);
    QVERIFY(page->reader()->toPlainText().contains(QStringLiteral("Onze route langs de Vecht")));
    QTRY_VERIFY(m_me.session->posts()->blogPages()->rowOf(id) >= 0);   // in the list on the left
    QVERIFY(page->reader()->toHtml().contains(QStringLiteral("tag:hardlopen")));
    QVERIFY(!page->reader()->toHtml().contains(QStringLiteral("<script")));
    m_fx.shot(m_me.window.get(), QStringLiteral("posts-blog-page"));
}

QTEST_MAIN(TestPostsGui)
#include "TestPostsGui.moc"
