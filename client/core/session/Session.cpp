#include "session/Session.h"

#include "Logging.h"
#include "cache/ScopeCache.h"
#include "chat/ChatClient.h"
#include "cache/LocalWriter.h"
#include "people/ExpertNotices.h"
#include "people/PeopleService.h"
#include "cache/Outbox.h"
#include "cache/Replica.h"
#include "models/CommentsModel.h"
#include "news/NewsCache.h"
#include "news/NewsModel.h"
#include "groups/GroupCache.h"
#include "groups/GroupsModel.h"
#include "home/HomeClient.h"
#include "models/TimelineModel.h"
#include "search/PostSearch.h"
#include "posts/PostsClient.h"
#include "sync/SyncEngine.h"

#include <QSqlQuery>
#include <QDir>
#include <QFileInfo>
#include <QThread>

namespace plein::client {

Session::Session(const QString &profileDir, QObject *parent) : QObject(parent), m_profileDir(profileDir)
{
}

Session::~Session()
{
    closeAccount();
}

bool Session::openAccount(const QUrl &server, const QString &userName, QString *error)
{
    closeAccount();
    const QString path = Replica::pathFor(m_profileDir, server, userName);
    const QString writeName = Replica::uniqueConnectionName(QStringLiteral("local"));
    auto writeDb = Replica::open(path, writeName, Replica::Access::ReadWrite);
    if (!writeDb) {
        if (error)
            *error = writeDb.error().message;
        return false;
    }
    const QString readName = Replica::uniqueConnectionName(QStringLiteral("read"));
    auto readDb = Replica::open(path, readName, Replica::Access::ReadOnly);
    if (!readDb) {
        Replica::close(writeName);
        if (error)
            *error = readDb.error().message;
        return false;
    }
    m_server = server;
    m_userName = userName;
    m_replicaPath = path;
    m_writeConnection = writeName;
    m_readConnection = readName;
    m_writer = std::make_unique<LocalWriter>(writeDb.value());
    m_timeline = new TimelineModel(readDb.value(), this);
    m_comments = new CommentsModel(readDb.value(), this);
    m_news = new NewsModel(readDb.value(), this);
    m_groups = new GroupsModel(readDb.value(), this);
    m_search = std::make_unique<PostSearch>(readDb.value());

    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("plein-sync"));
    m_engine = new SyncEngine;
    m_engine->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_engine, &QObject::deleteLater);
    connect(m_engine, &SyncEngine::stateChanged, this, [this](SyncEngine::State s) {
        setState(s == SyncEngine::State::Online       ? ConnectionState::Online
                 : s == SyncEngine::State::Connecting ? ConnectionState::Connecting
                                                      : ConnectionState::Offline);
    });
    connect(m_engine, &SyncEngine::signedIn, this, &Session::signedIn);
    connect(m_engine, &SyncEngine::signInFailed, this, &Session::signInFailed);
    connect(m_engine, &SyncEngine::synced, this, &Session::synced);
    connect(m_engine, &SyncEngine::writeFailed, this, &Session::writeFailed);
    connect(m_engine, &SyncEngine::writeAcked, this, &Session::writeAcked);
    connect(m_engine, &SyncEngine::connectionError, this, &Session::connectionError);
    connect(m_engine, &SyncEngine::historyFetched, this, &Session::historyFetched);
    connect(m_engine, &SyncEngine::replicaFailed, this, &Session::connectionError);
    connect(m_engine, &SyncEngine::outboxChanged, this, &Session::updatePending);
    connect(m_engine, &SyncEngine::cacheChanged, this, [this] {
        m_timeline->refresh();
        m_comments->refresh();
        m_news->refresh();
        m_groups->refresh();
        emit cacheChanged();
    });
    m_people = new PeopleService(readDb.value(), writeDb.value(), m_engine,
                                 QFileInfo(path).dir().filePath(QStringLiteral("photos")), this);
    connect(m_people, &PeopleService::wrote, this, &Session::afterLocalWrite);
    connect(this, &Session::cacheChanged, m_people->notices(), &ExpertNotices::check);
    m_chat = new ChatClient(readDb.value(), writeDb.value(), m_engine, this);
    connect(m_chat, &ChatClient::wrote, this, &Session::afterLocalWrite);
    connect(this, &Session::cacheChanged, m_chat, &ChatClient::refresh);
    m_home = new HomeClient(readDb.value(), writeDb.value(), this);
    connect(m_home, &HomeClient::wrote, this, &Session::afterLocalWrite);
    connect(this, &Session::cacheChanged, m_home, &HomeClient::refresh);
    m_posts = new PostsClient(readDb.value(), writeDb.value(), this);
    connect(m_posts, &PostsClient::wrote, this, &Session::afterLocalWrite);
    connect(this, &Session::cacheChanged, m_posts, &PostsClient::refresh);
    m_thread->start();
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, path] { engine->openReplica(path); });
    m_pending = Outbox::pendingCount(readDb.value());
    qCInfo(lcSession) << "opened" << path << "with" << m_pending << "pending writes";
    return true;
}

void Session::closeAccount()
{
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();  // the engine deletes itself (socket, write connection) on its thread
        delete m_thread;
        m_thread = nullptr;
        m_engine = nullptr;
    }
    // Models hold prepared statements on the read connection: they go first.
    delete m_chat;
    m_chat = nullptr;
    delete m_home;
    m_home = nullptr;
    delete m_posts;
    m_posts = nullptr;
    delete m_timeline;
    m_timeline = nullptr;
    delete m_comments;
    m_comments = nullptr;
    delete m_news;
    m_news = nullptr;
    delete m_groups;
    m_groups = nullptr;
    delete m_people;
    m_people = nullptr;
    m_search.reset();
    m_writer.reset();
    if (!m_readConnection.isEmpty())
        Replica::close(m_readConnection);
    if (!m_writeConnection.isEmpty())
        Replica::close(m_writeConnection);
    m_readConnection.clear();
    m_writeConnection.clear();
    setState(ConnectionState::Offline);
}

void Session::signIn(const QString &password)
{
    if (!m_engine) {
        emit signInFailed(QStringLiteral("no_account"), tr("No account is open."), 0);
        return;
    }
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, server = m_server, user = m_userName, password] {
        engine->connectWithPassword(server, user, password);
    });
}

void Session::resume(const QString &token)
{
    if (!m_engine) {
        emit signInFailed(QStringLiteral("no_account"), tr("No account is open."), 0);
        return;
    }
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, server = m_server, token] {
        engine->connectWithToken(server, token);
    });
}

void Session::signOut()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &SyncEngine::signOut);
}

void Session::disconnectFromServer()
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, &SyncEngine::disconnectFromServer);
}

void Session::setMaxIncomingBytes(qint64 bytes)
{
    if (m_engine)
        QMetaObject::invokeMethod(m_engine, [engine = m_engine, bytes] { engine->setMaxIncomingBytes(quint64(bytes)); });
}

QUrl Session::server() const
{
    return m_server;
}

QString Session::userName() const
{
    return m_userName;
}

QString Session::replicaPath() const
{
    return m_replicaPath;
}

Session::ConnectionState Session::connectionState() const
{
    return m_state;
}

QString Session::refusalNotice(const QString &op, const QString &reason) const
{
    return Outbox::refusalNotice(QSqlDatabase::database(m_readConnection, false), op, reason);
}

int Session::pendingCount() const
{
    return m_readConnection.isEmpty() ? 0 : Outbox::pendingCount(QSqlDatabase::database(m_readConnection, false));
}

qint64 Session::cursor() const
{
    return m_readConnection.isEmpty() ? 0 : Replica::cursor(QSqlDatabase::database(m_readConnection, false));
}

Person Session::currentUser() const
{
    if (m_readConnection.isEmpty())
        return {};
    const QSqlDatabase db = QSqlDatabase::database(m_readConnection, false);
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT u.id, u.name, u.display_name, u.role, u.department, u.title"
                             " FROM meta m JOIN users u ON u.id = m.value WHERE m.key = ?"));
    q.addBindValue(QLatin1String(metakey::UserId));
    if (!q.exec() || !q.next())
        return {};
    return Person{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                  q.value(3).toString(), q.value(4).toString(), q.value(5).toString()};
}

TimelineModel *Session::timelineModel() const
{
    return m_timeline;
}

PostSearch *Session::postSearch() const
{
    return m_search.get();
}

CommentsModel *Session::commentsModel() const
{
    return m_comments;
}

QString Session::createPost(const QString &text, QString *error)
{
    if (!m_writer) {
        if (error)
            *error = tr("No account is open.");
        return {};
    }
    auto written = m_writer->createPost(text);
    if (!written) {
        if (error)
            *error = written.error().message;
        return {};
    }
    afterLocalWrite();
    return written->id;
}

QString Session::addComment(const QString &postId, const QString &text, QString *error)
{
    if (!m_writer) {
        if (error)
            *error = tr("No account is open.");
        return {};
    }
    auto written = m_writer->addComment(postId, text);
    if (!written) {
        if (error)
            *error = written.error().message;
        return {};
    }
    afterLocalWrite();
    return written->id;
}

void Session::setLiked(const QString &postId, bool liked)
{
    if (!m_writer)
        return;
    auto written = m_writer->setLiked(postId, liked);
    if (!written) {
        qCWarning(lcSession) << "cannot like" << postId << written.error().message;
        return;
    }
    afterLocalWrite();
}

NewsModel *Session::newsModel() const
{
    return m_news;
}

void Session::markNewsRead(const QString &articleId)
{
    if (m_writeConnection.isEmpty())
        return;
    auto op = newscache::markRead(QSqlDatabase::database(m_writeConnection, false), articleId);
    if (!op)
        qCWarning(lcSession) << "cannot mark" << articleId << "read:" << op.error().message;
    else if (!op->isEmpty())
        afterLocalWrite();
}

bool Session::acknowledgeNews(const QString &articleId, QString *error)
{
    if (m_writeConnection.isEmpty())
        return false;
    auto op = newscache::acknowledge(QSqlDatabase::database(m_writeConnection, false), articleId);
    if (!op) {
        if (error)
            *error = op.error().message;
        return false;
    }
    afterLocalWrite();
    return true;
}

QString Session::commentOnNews(const QString &articleId, const QString &text, QString *error)
{
    if (m_writeConnection.isEmpty())
        return {};
    auto id = newscache::comment(QSqlDatabase::database(m_writeConnection, false), articleId, text);
    if (!id) {
        if (error)
            *error = id.error().message;
        return {};
    }
    afterLocalWrite();
    return id.value();
}

void Session::reactToNews(const QString &articleId, const QString &reaction, bool on)
{
    if (m_writeConnection.isEmpty())
        return;
    auto op = newscache::react(QSqlDatabase::database(m_writeConnection, false), articleId, reaction, on);
    if (!op)
        qCWarning(lcSession) << "cannot react to" << articleId << op.error().message;
    else
        afterLocalWrite();
}

GroupsModel *Session::groupsModel() const
{
    return m_groups;
}

namespace {
// Runs one group write on the write connection; the id it answers, or empty with *error.
template<typename F>
QString groupWrite(const QString &connection, F &&f, QString *error)
{
    if (connection.isEmpty())
        return {};
    auto r = f(QSqlDatabase::database(connection, false));
    if (!r) {
        if (error)
            *error = r.error().message;
        qCWarning(lcSession) << "group write refused:" << r.error().message;
        return {};
    }
    return r.value();
}
} // namespace

QString Session::createGroup(const QString &name, const QString &description, const QString &kind,
                             const QString &visibility, QString *error)
{
    const QString id = groupWrite(
        m_writeConnection, [&](const QSqlDatabase &db) { return groupcache::create(db, name, description, kind, visibility); },
        error);
    if (!id.isEmpty())
        afterLocalWrite();
    return id;
}

void Session::joinGroup(const QString &groupId)
{
    if (!groupWrite(m_writeConnection, [&](const QSqlDatabase &db) { return groupcache::join(db, groupId); }, nullptr)
             .isEmpty())
        afterLocalWrite();
}

void Session::leaveGroup(const QString &groupId)
{
    if (!groupWrite(m_writeConnection, [&](const QSqlDatabase &db) { return groupcache::leave(db, groupId); }, nullptr)
             .isEmpty())
        afterLocalWrite();
}

void Session::setGroupMember(const QString &groupId, const QString &userId, const QString &role)
{
    if (!groupWrite(m_writeConnection,
                    [&](const QSqlDatabase &db) { return groupcache::setMember(db, groupId, userId, role); }, nullptr)
             .isEmpty())
        afterLocalWrite();
}

QString Session::postInGroup(const QString &groupId, const QString &text, QString *error)
{
    const QString id = groupWrite(
        m_writeConnection, [&](const QSqlDatabase &db) { return groupcache::post(db, groupId, text); }, error);
    if (!id.isEmpty())
        afterLocalWrite();
    return id;
}

void Session::afterLocalWrite()
{
    // The pending row is committed: show it now, then let the engine send it.
    m_timeline->refresh();
    m_comments->refresh();
    m_news->refresh();
    m_groups->refresh();
    emit cacheChanged();
    updatePending();
    QMetaObject::invokeMethod(m_engine, &SyncEngine::kick);
}

void Session::updatePending()
{
    const int pending = pendingCount();
    if (pending == m_pending)
        return;
    m_pending = pending;
    emit pendingCountChanged(pending);
}

void Session::setState(ConnectionState state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit connectionStateChanged(state);
}

bool Session::fetchOlder(const QString &scope, int limit)
{
    if (!m_engine)
        return false;
    const scopecache::HistoryState h = scopecache::historyState(QSqlDatabase::database(m_readConnection, false), scope);
    if (!h.member || !h.more)
        return false;
    QMetaObject::invokeMethod(m_engine, [engine = m_engine, scope, before = h.oldest, limit] {
        engine->requestHistory(scope, before, limit);
    });
    return true;
}

} // namespace plein::client
