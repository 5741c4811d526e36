#pragma once

#include "model/Types.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QThread;

namespace plein::client {

class TimelineModel;
class ChatClient;
class CommentsModel;
class NewsModel;
class GroupsModel;
class SyncEngine;
class LocalWriter;
class PeopleService;
class PostSearch;
class HomeClient;
class PostsClient;

// The façade the UI (and --sync-once, and tests) talk to. Lives on the caller's thread; owns
// the replica's read connection and the item models there, and a SyncEngine on a worker
// thread that owns the socket, the write connection, the outbox and the applier.
// Writes go to the replica as pending plus an outbox row at once, online or not.
class Session : public QObject
{
    Q_OBJECT
public:
    enum class ConnectionState { Offline, Connecting, Online };
    Q_ENUM(ConnectionState)

    // profileDir holds one replica per account (server + user name).
    explicit Session(const QString &profileDir, QObject *parent = nullptr);
    ~Session() override;

    // Opens (or creates) the replica for this account, with no network. Everything cached is
    // readable straight away. False with *error set when the replica cannot be opened.
    bool openAccount(const QUrl &server, const QString &userName, QString *error = nullptr);
    // Connects and signs in; emits signedIn(token) or signInFailed(code, message).
    void signIn(const QString &password);
    // Connects with a token from an earlier sign-in; token_invalid ends in signInFailed.
    void resume(const QString &token);
    // Revokes the token on the server (when online) and disconnects for good.
    void signOut();
    // Closes the socket and stops reconnecting (tests, quitting); writes stay queued.
    void disconnectFromServer();
    // The largest message read from the server (SyncEngine::MaxIncomingBytes unless set);
    // tests lower it to make the server's frames too large.
    void setMaxIncomingBytes(qint64 bytes);

    QUrl server() const;
    QString userName() const;
    QString replicaPath() const;
    ConnectionState connectionState() const;
    int pendingCount() const;
    // What to tell the user about a write the server refused (writeFailed): what became of it.
    QString refusalNotice(const QString &op, const QString &reason) const;
    qint64 cursor() const;
    Person currentUser() const;  // from the replica; empty id before the first sign-in

    TimelineModel *timelineModel() const;
    CommentsModel *commentsModel() const;  // call setPost() on it to choose the post
    NewsModel *newsModel() const;

    // Managed news: the reader's writes, queued in the outbox like every write.
    // markNewsRead sends once per article; the others answer false with *error on bad input.
    void markNewsRead(const QString &articleId);
    bool acknowledgeNews(const QString &articleId, QString *error = nullptr);
    QString commentOnNews(const QString &articleId, const QString &text, QString *error = nullptr);
    void reactToNews(const QString &articleId, const QString &reaction, bool on);

    // Groups: the directory and my groups, and the writes (queued like every write).
    GroupsModel *groupsModel() const;
    QString createGroup(const QString &name, const QString &description, const QString &kind,
                        const QString &visibility, QString *error = nullptr);
    void joinGroup(const QString &groupId);
    void leaveGroup(const QString &groupId);
    void setGroupMember(const QString &groupId, const QString &userId, const QString &role);
    QString postInGroup(const QString &groupId, const QString &text, QString *error = nullptr);
    // Ranked full-text search over cached posts and comments, on the read connection.
    PostSearch *postSearch() const;
    // The directory and the Kennisconnector (null before openAccount()).
    PeopleService *people() const { return m_people; }

    // Writes. Each returns the new entity id at once (the row is already in the replica as
    // pending), or an empty string with *error set when the input is invalid.
    QString createPost(const QString &text, QString *error = nullptr);
    QString addComment(const QString &postId, const QString &text, QString *error = nullptr);
    void setLiked(const QString &postId, bool liked);

    // Scoped audiences: asks the server for the next older page of `scope` when it has one
    // (false when everything is cached, or not a member); historyFetched() follows.
    bool fetchOlder(const QString &scope, int limit = 50);
    // Chat: rooms, messages, writes, typing, presence, search (chat/ChatClient.h).
    ChatClient *chat() const { return m_chat; }
    // Follows, the start page layout, the personal timeline, notifications (home/HomeClient.h).
    HomeClient *home() const { return m_home; }
    // Reactions, edits, deletes, group and blog comments, blog pages, hashtags (posts/PostsClient.h).
    PostsClient *posts() const { return m_posts; }

signals:
    void connectionStateChanged(plein::client::Session::ConnectionState state);
    void pendingCountChanged(int pending);
    void signedIn(const QString &token);
    // retryAfter: seconds before the server takes another attempt (auth_throttled), else 0.
    void signInFailed(const QString &code, const QString &message, int retryAfter);
    void synced(qint64 head);  // after each sync.done
    void cacheChanged();       // the replica changed; the models refresh themselves too
    void writeFailed(const QString &op, const QString &code, const QString &message);
    // Added: the server acknowledged a queued write (its row is no longer pending).
    void writeAcked(const QString &op, qint64 seq);
    // Added: the server could not be reached or the connection broke; the session keeps
    // reconnecting with backoff (only sign-in failures stop it).
    void connectionError(const QString &message);
    // A page of `scope` is cached: older history, or the recent content of a joined scope.
    void historyFetched(const QString &scope, int count, bool more);

private:
    void closeAccount();
    void afterLocalWrite();
    void updatePending();
    void setState(ConnectionState state);

    QString m_profileDir;
    QUrl m_server;
    QString m_userName;
    QString m_replicaPath;
    QString m_readConnection;   // models and getters, query_only
    QString m_writeConnection;  // the user's writes (pending row + outbox row)
    std::unique_ptr<LocalWriter> m_writer;
    std::unique_ptr<PostSearch> m_search;
    TimelineModel *m_timeline = nullptr;
    CommentsModel *m_comments = nullptr;
    NewsModel *m_news = nullptr;
    GroupsModel *m_groups = nullptr;
    PeopleService *m_people = nullptr;
    QThread *m_thread = nullptr;
    SyncEngine *m_engine = nullptr;  // lives on m_thread
    ChatClient *m_chat = nullptr;
    HomeClient *m_home = nullptr;
    PostsClient *m_posts = nullptr;
    ConnectionState m_state = ConnectionState::Offline;
    int m_pending = 0;
};

} // namespace plein::client
