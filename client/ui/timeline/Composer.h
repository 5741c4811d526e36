#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace plein::client {

// A text box with a send button for posts and comments: Ctrl+Enter sends, the counter shows
// how much of the limit is used, and the button stays off while the text is empty or too
// long. It only validates and emits submitted(); the page hands the text to the session.
class Composer : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Post, Comment };

    Composer(Kind kind, int maxChars, QWidget *parent = nullptr);

    QString text() const;
    void clear();
    // Shows why the last text was refused (from the session's validation).
    void showError(const QString &message);

    QPlainTextEdit *editor() const;

signals:
    void submitted(const QString &text);

private:
    void updateState();
    void submit();
    bool eventFilter(QObject *watched, QEvent *event) override;

    Kind m_kind;
    int m_maxChars;
    QPlainTextEdit *m_edit;
    QPushButton *m_button;
    QLabel *m_counter;
    QLabel *m_error;
};

} // namespace plein::client
