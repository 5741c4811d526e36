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
// the questions I asked or was asked, with their answers. Ranking works offline.
class ExpertsPage : public QWidget
{
    Q_OBJECT
public:
    ExpertsPage(Session *session, PhotoLoader *photos, QWidget *parent = nullptr);

    void search(const QString &topic);   // as if typed and confirmed
    QListWidget *results() const { return m_results; }

signals:
    void personRequested(const QString &personId);

private:
    void rank(bool confirmed);
    void ask();
    void rebuildQuestions();

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
};

} // namespace plein::client
