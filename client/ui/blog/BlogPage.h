#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTextBrowser;
class QToolButton;

namespace plein::client {

class CommentsPanel;
class PostDelegate;
class Session;

// Blog pages: long-form Markdown articles with a title, on people's profiles (company-wide)
// and in groups. On the left every page the user can see, newest first (a list view with the
// shared PostDelegate showing title and excerpt); on the right the reader (the article with
// reactions and comments, Edit and Delete for its author) or the editor (title, where to
// publish, the text with @mention completion). Reads the replica, writes through the outbox.
class BlogPage : public QWidget
{
    Q_OBJECT
public:
    explicit BlogPage(Session *session, QWidget *parent = nullptr);

    // Shows a page in the reader; false when it is not cached.
    bool openPage(const QString &id);
    // Opens the editor for a new page (empty id) or for one of the user's own pages.
    void editPage(const QString &id = {});
    QString currentPage() const { return m_current; }

    QListView *list() const { return m_list; }
    QTextBrowser *reader() const { return m_reader; }
    QLineEdit *titleEdit() const { return m_titleEdit; }
    QPlainTextEdit *textEdit() const { return m_textEdit; }
    QComboBox *whereBox() const { return m_where; }
    QPushButton *saveButton() const { return m_save; }
    CommentsPanel *commentsPanel() const { return m_comments; }

private:
    void showReader();
    void save();
    void updateReactions();
    void updateEmptyState();

    Session *m_session;
    QString m_current;
    QString m_editing;   // the page in the editor, empty for a new one
    QListView *m_list;
    PostDelegate *m_delegate;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QWidget *m_readerPane;
    QTextBrowser *m_reader;
    QList<QToolButton *> m_reactions;
    QPushButton *m_edit;
    QPushButton *m_delete;
    CommentsPanel *m_comments;
    QWidget *m_editorPane;
    QLineEdit *m_titleEdit;
    QComboBox *m_where;
    QPlainTextEdit *m_textEdit;
    QLabel *m_error;
    QPushButton *m_save;
};

} // namespace plein::client
