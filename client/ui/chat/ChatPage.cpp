#include "chat/ChatPage.h"

#include "chat/ChatClient.h"
#include "chat/MessageDelegate.h"
#include "chat/MessageListModel.h"
#include "chat/RoomDelegate.h"
#include "chat/RoomListModel.h"
#include "common/Theme.h"
#include "protocol/ChatMessages.h"
#include "session/Session.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStackedWidget>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QVBoxLayout>

namespace plein::client {

namespace {
constexpr int IdleAwayMs = 5 * 60 * 1000;
}

ChatPage::ChatPage(Session *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_chat(session->chat()), m_rooms(new QListView(this)),
      m_search(new QLineEdit(this)), m_stack(new QStackedWidget(this)), m_messages(new QListView(this)),
      m_results(new QListWidget(this)), m_title(new QLabel(this)), m_subtitle(new QLabel(this)),
      m_typing(new QLabel(this)), m_replyLabel(new QLabel(this)), m_replyBar(new QWidget(this)),
      m_jump(new QPushButton(tr("Jump to first unread"), this)), m_addPerson(new QPushButton(tr("Add person…"), this)),
      m_status(new QComboBox(this)), m_composer(new QPlainTextEdit(this)), m_idle(new QTimer(this))
{
    setObjectName(QStringLiteral("chatPage"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // Left: status, search, rooms, new room.
    auto *left = new QWidget(this);
    left->setFixedWidth(320);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(12, 12, 0, 12);
    m_status->addItem(tr("● Online"), QLatin1String(protocol::chat::Online));
    m_status->addItem(tr("● Away"), QLatin1String(protocol::chat::Away));
    m_status->addItem(tr("● Do not disturb"), QLatin1String(protocol::chat::Dnd));
    leftLayout->addWidget(m_status);
    m_search->setPlaceholderText(tr("Search messages in all rooms"));
    m_search->setClearButtonEnabled(true);
    leftLayout->addWidget(m_search);
    m_rooms->setModel(m_chat->rooms());
    m_rooms->setItemDelegate(new RoomDelegate(m_chat, m_rooms));
    m_rooms->setMouseTracking(true);
    m_rooms->setFrameShape(QFrame::NoFrame);
    m_rooms->setContextMenuPolicy(Qt::CustomContextMenu);
    leftLayout->addWidget(m_rooms, 1);
    auto *newRoom = new QPushButton(tr("New room…"), left);
    leftLayout->addWidget(newRoom);
    layout->addWidget(left);

    // Right: header, messages or results, typing, reply bar, composer.
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(12, 12, 12, 12);
    auto *header = new QHBoxLayout;
    auto *titles = new QVBoxLayout;
    QFont tf = m_title->font();
    tf.setPointSizeF(tf.pointSizeF() * 1.3);
    tf.setBold(true);
    m_title->setFont(tf);
    m_subtitle->setStyleSheet(QStringLiteral("color:%1").arg(theme::textSecondary().name()));
    titles->addWidget(m_title);
    titles->addWidget(m_subtitle);
    header->addLayout(titles, 1);
    header->addWidget(m_jump);
    header->addWidget(m_addPerson);
    rightLayout->addLayout(header);

    m_messages->setModel(m_chat->messages());
    m_delegate = new MessageDelegate(m_messages, m_session->currentUser().name);
    m_messages->setItemDelegate(m_delegate);
    m_messages->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_messages->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_messages->setResizeMode(QListView::Adjust);
    m_messages->setUniformItemSizes(false);
    m_messages->setWordWrap(true);
    m_messages->setSelectionMode(QAbstractItemView::SingleSelection);
    m_messages->setContextMenuPolicy(Qt::CustomContextMenu);
    m_messages->setFrameShape(QFrame::NoFrame);
    m_stack->addWidget(m_messages);
    m_results->setFrameShape(QFrame::NoFrame);
    m_results->setWordWrap(true);
    m_results->setSpacing(4);
    m_stack->addWidget(m_results);
    rightLayout->addWidget(m_stack, 1);

    m_typing->setStyleSheet(QStringLiteral("color:%1;font-style:italic").arg(theme::textSecondary().name()));
    rightLayout->addWidget(m_typing);
    auto *replyLayout = new QHBoxLayout(m_replyBar);
    replyLayout->setContentsMargins(0, 0, 0, 0);
    replyLayout->addWidget(m_replyLabel, 1);
    auto *cancelReply = new QPushButton(tr("Cancel"), m_replyBar);
    replyLayout->addWidget(cancelReply);
    m_replyBar->hide();
    rightLayout->addWidget(m_replyBar);
    auto *composeRow = new QHBoxLayout;
    m_composer->setPlaceholderText(tr("Write a message — Markdown, ```code```, @name; Enter sends, Shift+Enter for a new line"));
    m_composer->setFixedHeight(72);
    m_composer->installEventFilter(this);
    composeRow->addWidget(m_composer, 1);
    auto *sendButton = new QPushButton(tr("Send"), this);
    sendButton->setDefault(true);
    composeRow->addWidget(sendButton);
    rightLayout->addLayout(composeRow);
    layout->addWidget(right, 1);

    connect(m_rooms, &QListView::clicked, this,
            [this](const QModelIndex &i) { openRoom(i.data(RoomListModel::RoomIdRole).toString()); });
    connect(m_rooms, &QListView::customContextMenuRequested, this, &ChatPage::showRoomMenu);
    connect(m_messages, &QListView::customContextMenuRequested, this, &ChatPage::showMessageMenu);
    connect(newRoom, &QPushButton::clicked, this, &ChatPage::newRoom);
    connect(m_addPerson, &QPushButton::clicked, this, &ChatPage::addPerson);
    connect(sendButton, &QPushButton::clicked, this, &ChatPage::send);
    connect(cancelReply, &QPushButton::clicked, this, [this] { setReply({}); });
    connect(m_jump, &QPushButton::clicked, this, &ChatPage::jumpToFirstUnread);
    connect(m_search, &QLineEdit::textChanged, this, &ChatPage::search);
    connect(m_results, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        const QString room = item->data(Qt::UserRole).toString();
        const QString message = item->data(Qt::UserRole + 1).toString();
        m_search->clear();
        openRoom(room);
        const int row = m_chat->messages()->rowOf(message);
        if (row >= 0)
            m_messages->scrollTo(m_chat->messages()->index(row), QAbstractItemView::PositionAtCenter);
    });
    connect(m_status, &QComboBox::currentIndexChanged, this, [this](int) {
        m_away = false;
        m_chat->setStatus(m_status->currentData().toString());
    });
    connect(m_composer, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_chat->currentRoom().isEmpty() && !m_composer->toPlainText().isEmpty())
            m_chat->typing(m_chat->currentRoom());
    });
    connect(m_chat, &ChatClient::typingChanged, this, [this](const QString &room) {
        if (room == m_chat->currentRoom())
            updateHeader();
    });
    connect(m_chat, &ChatClient::presenceChanged, m_rooms->viewport(), qOverload<>(&QWidget::update));
    connect(m_session, &Session::cacheChanged, this, &ChatPage::onCacheChanged);
    connect(m_messages->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == m_messages->verticalScrollBar()->minimum() && m_messages->model()->rowCount() > 0) {
            const int before = m_messages->model()->rowCount();
            const QString anchor = m_chat->messages()->index(0).data(MessageListModel::IdRole).toString();
            if (m_chat->loadOlder() && m_messages->model()->rowCount() > before)
                m_messages->scrollTo(m_chat->messages()->index(m_chat->messages()->rowOf(anchor)),
                                     QAbstractItemView::PositionAtTop);
        }
        if (value == m_messages->verticalScrollBar()->maximum() && isVisible() && window()->isActiveWindow())
            m_chat->markCurrentRead();
    });

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(tr("Plein"));
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] { window()->activateWindow(); });
    }
    connect(m_chat, &ChatClient::notify, this, [this](const QString &, const QString &title, const QString &text, bool) {
        if (m_tray && m_chat->status() != QLatin1String(protocol::chat::Dnd))
            m_tray->showMessage(title, text, QSystemTrayIcon::Information, 6000);
    });

    // Away after idle: any input resets it.
    m_idle->setSingleShot(true);
    m_idle->setInterval(IdleAwayMs);
    connect(m_idle, &QTimer::timeout, this, [this] {
        if (m_chat->status() == QLatin1String(protocol::chat::Online)) {
            m_away = true;
            m_chat->setStatus(QLatin1String(protocol::chat::Away));
        }
    });
    m_idle->start();
    qApp->installEventFilter(this);

    if (m_chat->rooms()->rowCount() > 0)
        openRoom(m_chat->rooms()->index(0).data(RoomListModel::RoomIdRole).toString());
    else
        updateHeader();
}

bool ChatPage::eventFilter(QObject *watched, QEvent *event)
{
    const auto t = event->type();
    if (t == QEvent::KeyPress || t == QEvent::MouseButtonPress || t == QEvent::MouseMove)
        activity();
    if (watched == m_composer && t == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && !(key->modifiers() & Qt::ShiftModifier)) {
            send();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ChatPage::activity()
{
    m_idle->start();
    if (m_away) {
        m_away = false;
        m_chat->setStatus(QLatin1String(protocol::chat::Online));
    }
}

void ChatPage::openRoom(const QString &roomId)
{
    setReply({});
    m_editing.clear();
    m_stack->setCurrentWidget(m_messages);
    m_chat->openRoom(roomId);
    const int row = m_chat->rooms()->rowOf(roomId);
    if (row >= 0)
        m_rooms->setCurrentIndex(m_chat->rooms()->index(row));
    // The "new" line stays where it was when the room opened, however far the read mark
    // moves while the room is in view.
    const int unread = m_chat->messages()->firstUnreadRow();
    m_firstUnread = unread >= 0 ? m_chat->messages()->index(unread).data(MessageListModel::IdRole).toString() : QString();
    m_delegate->setFirstUnread(m_firstUnread);
    m_delegate->clearCache();
    if (unread >= 0)
        m_messages->scrollTo(m_chat->messages()->index(unread), QAbstractItemView::PositionAtTop);
    else
        m_messages->scrollToBottom();
    updateHeader();
}

bool ChatPage::jumpToFirstUnread()
{
    const int row = m_firstUnread.isEmpty() ? -1 : m_chat->messages()->rowOf(m_firstUnread);
    if (row < 0)
        return false;
    m_messages->scrollTo(m_chat->messages()->index(row), QAbstractItemView::PositionAtTop);
    return true;
}

void ChatPage::updateHeader()
{
    const RoomListModel::Row *room = m_chat->rooms()->row(m_chat->currentRoom());
    m_title->setText(room ? room->name : tr("No conversation yet"));
    if (!room) {
        m_subtitle->setText(tr("Start one with “New room…”."));
    } else if (room->direct) {
        const QString status = m_chat->presenceOf(room->partner);
        m_subtitle->setText(status == QLatin1String(protocol::chat::Online) ? tr("Online")
                            : status == QLatin1String(protocol::chat::Away) ? tr("Away")
                            : status == QLatin1String(protocol::chat::Dnd)  ? tr("Do not disturb")
                                                                            : tr("Offline"));
    } else {
        m_subtitle->setText(tr("%n member(s)", nullptr, room->members) + (room->muted ? tr(" · muted") : QString()));
    }
    m_addPerson->setVisible(room && !room->direct);
    m_jump->setVisible(!m_firstUnread.isEmpty());
    const QStringList typing = m_chat->typingIn(m_chat->currentRoom());
    m_typing->setText(typing.isEmpty() ? QString()
                                       : typing.size() == 1 ? tr("%1 is typing…").arg(typing.constFirst())
                                                            : tr("%1 are typing…").arg(typing.join(QStringLiteral(", "))));
}

void ChatPage::onCacheChanged()
{
    const bool atBottom = m_messages->verticalScrollBar()->value() >= m_messages->verticalScrollBar()->maximum() - 4;
    updateHeader();
    if (atBottom)
        m_messages->scrollToBottom();
    if (atBottom && isVisible() && window()->isActiveWindow())
        m_chat->markCurrentRead();
}

void ChatPage::send()
{
    const QString text = m_composer->toPlainText();
    if (text.trimmed().isEmpty() || m_chat->currentRoom().isEmpty())
        return;
    QString error;
    const bool ok = m_editing.isEmpty() ? !m_chat->send(m_chat->currentRoom(), text, m_replyTo, &error).isEmpty()
                                        : m_chat->edit(m_editing, text, &error);
    if (!ok) {
        QMessageBox::warning(this, tr("Not sent"), error);
        return;
    }
    m_composer->clear();
    m_editing.clear();
    setReply({});
    m_messages->scrollToBottom();
}

void ChatPage::setReply(const QString &messageId)
{
    m_replyTo = messageId;
    const int row = messageId.isEmpty() ? -1 : m_chat->messages()->rowOf(messageId);
    if (row < 0) {
        m_replyTo.clear();
        m_replyBar->hide();
        return;
    }
    const QModelIndex i = m_chat->messages()->index(row);
    m_replyLabel->setText(tr("Replying to %1: %2")
                              .arg(i.data(MessageListModel::AuthorNameRole).toString(),
                                   i.data(MessageListModel::TextRole).toString().simplified().left(80)));
    m_replyBar->show();
    m_composer->setFocus();
}

void ChatPage::showMessageMenu(const QPoint &pos)
{
    const QModelIndex i = m_messages->indexAt(pos);
    if (!i.isValid())
        return;
    const QString id = i.data(MessageListModel::IdRole).toString();
    const bool mine = i.data(MessageListModel::MineRole).toBool();
    const int state = i.data(MessageListModel::StateRole).toInt();
    QMenu menu(this);
    if (state == 0 && !i.data(MessageListModel::DeletedRole).toBool()) {
        menu.addAction(tr("Reply"), this, [this, id] { setReply(id); });
        auto *react = menu.addMenu(tr("React"));
        for (const QString &emoji : {QStringLiteral("👍"), QStringLiteral("❤️"), QStringLiteral("😂"), QStringLiteral("🎉"),
                                     QStringLiteral("🙏")}) {
            bool already = false;
            for (const QVariant &v : i.data(MessageListModel::ReactionsRole).toList())
                already = already || (v.toMap().value(QStringLiteral("emoji")).toString() == emoji
                                      && v.toMap().value(QStringLiteral("mine")).toBool());
            react->addAction(emoji, this, [this, id, emoji, already] { m_chat->react(id, emoji, !already); });
        }
    }
    if (mine && state == 2) {
        menu.addAction(tr("Edit and retry"), this, [this, id, i] {
            m_editing = id;
            m_composer->setPlainText(i.data(MessageListModel::TextRole).toString());
            m_composer->setFocus();
        });
        menu.addAction(tr("Discard"), this, [this, id] { m_chat->remove(id); });
    } else if (mine && state == 0 && !i.data(MessageListModel::DeletedRole).toBool()) {
        menu.addAction(tr("Edit"), this, [this, id, i] {
            m_editing = id;
            m_composer->setPlainText(i.data(MessageListModel::TextRole).toString());
            m_composer->setFocus();
        });
        menu.addAction(tr("Delete"), this, [this, id] { m_chat->remove(id); });
    }
    if (!menu.isEmpty())
        menu.exec(m_messages->viewport()->mapToGlobal(pos));
}

void ChatPage::showRoomMenu(const QPoint &pos)
{
    const QModelIndex i = m_rooms->indexAt(pos);
    if (!i.isValid())
        return;
    const QString room = i.data(RoomListModel::RoomIdRole).toString();
    const bool muted = i.data(RoomListModel::MutedRole).toBool();
    QMenu menu(this);
    menu.addAction(muted ? tr("Unmute") : tr("Mute"), this, [this, room, muted] { m_chat->setMuted(room, !muted); });
    menu.addAction(tr("Leave"), this, [this, room] {
        if (QMessageBox::question(this, tr("Leave room"), tr("Leave this room? Its messages leave this computer too."))
            == QMessageBox::Yes)
            m_chat->leave(room);
    });
    menu.exec(m_rooms->viewport()->mapToGlobal(pos));
}

QString ChatPage::userIdByName(const QString &name) const
{
    return m_chat->userIdFor(name.trimmed().toLower());
}

void ChatPage::newRoom()
{
    bool ok = false;
    const QString people = QInputDialog::getText(this, tr("New room"),
                                                 tr("Sign-in names of the people, separated by commas\n"
                                                    "(one name: a direct conversation):"),
                                                 QLineEdit::Normal, {}, &ok);
    if (!ok || people.trimmed().isEmpty())
        return;
    QStringList ids;
    for (const QString &n : people.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString id = userIdByName(n);
        if (id.isEmpty()) {
            QMessageBox::warning(this, tr("New room"), tr("Nobody is called “%1”.").arg(n.trimmed()));
            return;
        }
        ids.append(id);
    }
    QString name;
    if (ids.size() > 1) {
        name = QInputDialog::getText(this, tr("New room"), tr("Room name:"), QLineEdit::Normal, {}, &ok);
        if (!ok || name.trimmed().isEmpty())
            return;
    }
    QString error;
    if (m_chat->createRoom(name, ids, ids.size() == 1, &error).isEmpty())
        QMessageBox::warning(this, tr("New room"), error);
}

void ChatPage::addPerson()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add person"), tr("Sign-in name:"), QLineEdit::Normal, {}, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    const QString id = userIdByName(name);
    if (id.isEmpty())
        QMessageBox::warning(this, tr("Add person"), tr("Nobody is called “%1”.").arg(name.trimmed()));
    else
        m_chat->addMember(m_chat->currentRoom(), id);
}

void ChatPage::search(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        m_stack->setCurrentWidget(m_messages);
        updateHeader();
        return;
    }
    m_results->clear();
    const QList<ChatHit> hits = m_chat->search(text);
    for (const ChatHit &h : hits) {
        const RoomListModel::Row *room = m_chat->rooms()->row(h.room);
        QString snippet = h.snippet;
        snippet.replace(QStringLiteral("```"), QString());
        // The matches come back in [brackets]: shown in bold on a tint.
        QString body = snippet.simplified().toHtmlEscaped();
        body.replace(QLatin1Char('['), QStringLiteral("<b style=\"background:%1\">").arg(theme::accentSoft().name()));
        body.replace(QLatin1Char(']'), QStringLiteral("</b>"));
        auto *label = new QLabel(QStringLiteral("<div style=\"color:%1\"><b>%2</b> · %3</div><div>%4</div>")
                                     .arg(theme::textSecondary().name(), (room ? room->name : h.roomName).toHtmlEscaped(),
                                          h.author.toHtmlEscaped(), body));
        label->setWordWrap(true);
        label->setContentsMargins(12, 8, 12, 8);
        label->setAttribute(Qt::WA_TransparentForMouseEvents);
        auto *item = new QListWidgetItem;
        item->setData(Qt::UserRole, h.room);
        item->setData(Qt::UserRole + 1, h.messageId);
        item->setSizeHint(QSize(0, 2 * fontMetrics().lineSpacing() + 22));   // snippets are one line
        m_results->addItem(item);
        m_results->setItemWidget(item, label);
    }
    m_jump->hide();
    m_addPerson->hide();
    m_title->setText(tr("Search"));
    m_subtitle->setText(tr("%n message(s) found for “%1”", nullptr, int(hits.size())).arg(text.trimmed()));
    m_stack->setCurrentWidget(m_results);
}

} // namespace plein::client
