#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStringListModel;
class QVBoxLayout;

namespace plein::client {

class PeopleService;
class PhotoLoader;
class Session;

// The Kennisconnector: "Who knows about X?" with skill autocomplete, the ranked experts
// with the evidence for each, "Ask the experts" to send a question to the top ones, and
// the questions I asked or was asked, with their answers. Ranking works offline. A question
// asked of me or an answer to mine raises a tray message when the window is not in front,
// and counts on the Experts navigation item until this page has been seen.
class ExpertsPage : public QWidget
{
    Q_OBJECT
public:
    ExpertsPage(Session *session, PhotoLoader *photos, QWidget *parent = nullptr);

    void search(const QString &topic);   // as if typed and confirmed
    QListWidget *results() const { return m_results; }

public slots:
    // Re-reads the questions asked by or of me; answers being typed are kept.
    void rebuildQuestions();

signals:
    void personRequested(const QString &personId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void notify(const QString &title, const QString &text);
    bool inView() const;
    void rank(bool confirmed);
    void ask();

    PeopleService *m_people;
    PhotoLoader *m_photos;
    QLineEdit *m_topic;
    QStringListModel *m_completions;
    QLabel *m_summary;
    QListWidget *m_results;
    QPlainTextEdit *m_question;
    QPushButton *m_ask;
    QWidget *m_questionsBox;
    QVBoxLayout *m_questions;
    QStringList m_topExperts;
    QTimer m_refresh;
    qint64 m_seenBefore = 0;   // notices above this mark are tagged "New" while the page is open
};

} // namespace plein::client
