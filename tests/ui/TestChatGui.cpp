// The chat page offscreen against a real plein-server with --demo: the room list with
// unread and mention counts, a room with code blocks, replies and reactions, and search
// results; screenshots under <build>/screenshots.
#include "GuiFixture.h"
#include "chat/ChatClient.h"
#include "chat/ChatPage.h"
#include "chat/CodeHighlighter.h"
#include "chat/MessageListModel.h"
#include "chat/RoomListModel.h"
#include "session/Session.h"
#include "session/TokenStore.h"
#include "shell/MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QListView>
#include <QListWidget>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace plein;
using namespace plein::client;

class TestChatGui : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void roomsRoomAndSearch();

private:
    plein::test::GuiFixture m_fx;
};

void TestChatGui::initTestCase()
{
    QVERIFY2(m_fx.start(), qPrintable(m_fx.errorString()));
    qInfo("code highlighting: %s", qPrintable(codehighlight::backendName()));
}

void TestChatGui::roomsRoomAndSearch()
{
    plein::test::GuiClient anna;
    QVERIFY2(m_fx.signInSession(anna, QStringLiteral("anna")), qPrintable(m_fx.errorString()));
    Session &session = *anna.session;
    ChatClient *chat = session.chat();
    QTRY_VERIFY(chat->rooms()->rowCount() >= 6);

    QVERIFY2(m_fx.showWindow(anna, MainWindow::Page::Chat), qPrintable(m_fx.errorString()));
    MainWindow &window = *anna.window;
    auto *page = window.findChild<ChatPage *>();
    QVERIFY(page);

    // The room list: Finance has unread messages and a mention of anna; Sanne's direct
    // message is unread.
    int finance = -1;
    int it = -1;
    for (int i = 0; i < chat->rooms()->rowCount(); ++i) {
        const QString name = chat->rooms()->index(i).data(RoomListModel::NameRole).toString();
        if (name == QStringLiteral("Finance team"))
            finance = i;
        if (name == QStringLiteral("IT & development"))
            it = i;
    }
    QVERIFY(finance >= 0 && it >= 0);
    QCOMPARE(chat->rooms()->index(finance).data(RoomListModel::UnreadRole).toInt(), 2);
    QCOMPARE(chat->rooms()->index(finance).data(RoomListModel::MentionRole).toInt(), 1);
    QVERIFY(chat->rooms()->totalUnread() > 2);
    const QString itRoom = chat->rooms()->index(it).data(RoomListModel::RoomIdRole).toString();
    const QString financeRoom = chat->rooms()->index(finance).data(RoomListModel::RoomIdRole).toString();
    page->openRoom(financeRoom);
    QVERIFY(page->jumpToFirstUnread());
    m_fx.shot(&window, QStringLiteral("chat-rooms"));

    // A room with code blocks, replies and reactions.
    page->openRoom(itRoom);
    QTRY_VERIFY(chat->messages()->rowCount() >= 10);
    int replies = 0, reacted = 0, code = 0;
    for (int i = 0; i < chat->messages()->rowCount(); ++i) {
        const QModelIndex m = chat->messages()->index(i);
        replies += m.data(MessageListModel::ReplyToRole).toString().isEmpty() ? 0 : 1;
        reacted += m.data(MessageListModel::ReactionsRole).toList().isEmpty() ? 0 : 1;
        code += m.data(MessageListModel::TextRole).toString().contains(QStringLiteral("```")) ? 1 : 0;
    }
    QVERIFY(replies >= 2);
    QVERIFY(reacted >= 2);
    QVERIFY(code >= 2);
    // Scroll to the first code block so it is in the picture.
    for (int i = 0; i < chat->messages()->rowCount(); ++i)
        if (chat->messages()->index(i).data(MessageListModel::TextRole).toString().contains(QStringLiteral("```cpp")))
            page->messageView()->scrollTo(chat->messages()->index(i), QAbstractItemView::PositionAtTop);
    m_fx.shot(&window, QStringLiteral("chat-room-code"));

    // Search across rooms, from the local index.
    page->search(QStringLiteral("export"));
    QTRY_VERIFY(page->resultsView()->count() >= 2);
    QVERIFY(page->resultsView()->isVisible());
    m_fx.shot(&window, QStringLiteral("chat-search"));

    // The dark palette: code blocks follow it.
    page->search({});
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x1b, 0x22, 0x2c));
    dark.setColor(QPalette::Base, QColor(0x12, 0x18, 0x20));
    dark.setColor(QPalette::Text, QColor(0xe2, 0xe8, 0xf0));
    dark.setColor(QPalette::WindowText, QColor(0xe2, 0xe8, 0xf0));
    page->messageView()->setPalette(dark);
    page->messageView()->viewport()->update();
    m_fx.shot(page->messageView(), QStringLiteral("chat-room-code-dark"));
}

QTEST_MAIN(TestChatGui)
#include "TestChatGui.moc"
