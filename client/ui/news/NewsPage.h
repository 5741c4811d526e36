#pragma once

#include "news/NewsModel.h"

#include <QWidget>

class QFrame;
class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QToolButton;
class QVBoxLayout;

namespace plein::client {

class Session;
struct NewsCommentRow;

// News: the articles meant for me on the left (pinned first), the open article on the
// right with its Markdown, reactions, comments and, for a must-read, the "read and
// understood" button. Opening an article marks it read; both go through the outbox, so
// they work offline. Editors also see each article's reach and who has not confirmed.
class NewsPage : public QWidget
{
    Q_OBJECT
public:
    explicit NewsPage(Session *session, QWidget *parent = nullptr);

    // Opens the article (and marks it read); false when it is not in the list.
    bool openArticle(const QString &id);
    QString currentArticle() const { return m_current; }

private:
    void showArticle();
    void onModelReset();
    void sendComment();

    Session *m_session;
    QString m_current;
    QString m_shownText;                  // what the body shows, so a refresh keeps its scroll
    QList<NewsCommentRow> m_shownComments;
    QListView *m_list = nullptr;
    QWidget *m_article = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_badges = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_meta = nullptr;
    QTextBrowser *m_body = nullptr;
    QFrame *m_ackBar = nullptr;
    QLabel *m_ackText = nullptr;
    QPushButton *m_ackButton = nullptr;
    QFrame *m_reach = nullptr;
    QLabel *m_reachText = nullptr;
    QList<QToolButton *> m_reactions;
    QLabel *m_commentsTitle = nullptr;
    QVBoxLayout *m_commentsLayout = nullptr;
    QPlainTextEdit *m_commentEdit = nullptr;
    QPushButton *m_commentButton = nullptr;
};

} // namespace plein::client
