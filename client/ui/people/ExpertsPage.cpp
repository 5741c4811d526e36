#include "people/ExpertsPage.h"

#include "common/RelativeTime.h"
#include "common/Theme.h"
#include "people/ExpertNotices.h"
#include "people/FaceDelegate.h"
#include "people/PeopleService.h"
#include "people/PhotoLoader.h"
#include "protocol/PeopleMessages.h"
#include "session/Session.h"

#include <QCompleter>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStringListModel>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QVBoxLayout>

namespace plein::client {

namespace {
QLabel *muted(const QString &text)
{
    auto *l = new QLabel(text);
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("color: %1;").arg(theme::textSecondary().name()));
    return l;
}
} // namespace

ExpertsPage::ExpertsPage(Session *session, PhotoLoader *photos, QWidget *parent)
    : QWidget(parent), m_people(session->people()), m_photos(photos), m_topic(new QLineEdit),
      m_completions(new QStringListModel(this)), m_summary(new QLabel), m_results(new QListWidget),
      m_question(new QPlainTextEdit), m_ask(new QPushButton(tr("Ask the experts"))), m_questionsBox(new QWidget),
      m_questions(new QVBoxLayout(m_questionsBox))
{
    setObjectName(QStringLiteral("expertsPage"));
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("expertsContent"));
    content->setStyleSheet(QStringLiteral("QWidget#expertsContent { background: %1; }").arg(theme::canvas().name()));
    auto *v = new QVBoxLayout(content);
    v->setContentsMargins(28, 20, 28, 20);
    v->setSpacing(10);
    scroll->setWidget(content);

    auto *title = new QLabel(tr("Who knows about…?"));
    title->setStyleSheet(QStringLiteral("font-size: 16pt; font-weight: 700; color: %1;").arg(theme::textPrimary().name()));
    v->addWidget(title);
    v->addWidget(muted(tr("Colleagues are ranked by the skills they list, the endorsements they got, the posts they "
                          "tagged and the questions they answered. It works offline too.")));
    auto *row = new QHBoxLayout;
    m_topic->setPlaceholderText(tr("A skill or topic, e.g. sql"));
    m_topic->setClearButtonEnabled(true);
    auto *completer = new QCompleter(m_completions, m_topic);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_topic->setCompleter(completer);
    row->addWidget(m_topic, 1);
    auto *find = new QPushButton(tr("Find experts"));
    row->addWidget(find);
    v->addLayout(row);
    m_summary->setStyleSheet(QStringLiteral("color: %1;").arg(theme::textSecondary().name()));
    v->addWidget(m_summary);

    m_results->setFrameShape(QFrame::NoFrame);
    m_results->setSelectionMode(QAbstractItemView::NoSelection);
    m_results->setStyleSheet(QStringLiteral("QListWidget { background: transparent; }"));
    m_results->setMinimumHeight(300);
    v->addWidget(m_results, 1);

    auto *askBox = new QWidget;
    askBox->setObjectName(QStringLiteral("askBox"));
    askBox->setStyleSheet(QStringLiteral("QWidget#askBox { background: white; border: 1px solid %1; border-radius: 12px; }")
                              .arg(theme::cardBorder().name()));
    auto *a = new QVBoxLayout(askBox);
    a->setContentsMargins(16, 12, 16, 12);
    a->addWidget(muted(tr("Ask the top experts a question; they get a notification and their answers stay with "
                          "the question.")));
    m_question->setPlaceholderText(tr("Your question"));
    m_question->setMaximumHeight(80);
    a->addWidget(m_question);
    auto *askRow = new QHBoxLayout;
    askRow->addStretch(1);
    askRow->addWidget(m_ask);
    a->addLayout(askRow);
    v->addWidget(askBox);

    auto *qTitle = new QLabel(tr("Questions"));
    qTitle->setStyleSheet(QStringLiteral("font-size: 12pt; font-weight: 600; color: %1;").arg(theme::textPrimary().name()));
    v->addWidget(qTitle);
    m_questions->setContentsMargins(0, 0, 0, 0);
    v->addWidget(m_questionsBox);
    v->addStretch(1);

    connect(m_topic, &QLineEdit::textEdited, this, [this](const QString &t) {
        m_completions->setStringList(m_people->directory().completeSkill(t, 12));
        rank(false);
    });
    connect(m_topic, &QLineEdit::returnPressed, this, [this] { rank(true); });
    connect(find, &QPushButton::clicked, this, [this] { rank(true); });
    connect(m_ask, &QPushButton::clicked, this, &ExpertsPage::ask);
    connect(m_results, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { emit personRequested(item->data(Qt::UserRole).toString()); });
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(400);
    connect(&m_refresh, &QTimer::timeout, this, [this] {
        rank(false);
        rebuildQuestions();
        if (inView())
            m_people->notices()->markAllSeen();
    });
    connect(m_people->notices(), &ExpertNotices::arrived, this,
            [this](const QString &, const QString &title, const QString &text) {
                if (!inView())
                    notify(title, text);
            });
    connect(session, &Session::cacheChanged, &m_refresh, qOverload<>(&QTimer::start));
    connect(m_photos, &PhotoLoader::ready, &m_refresh, qOverload<>(&QTimer::start));
    rank(false);
    rebuildQuestions();
}

bool ExpertsPage::inView() const
{
    return isVisible() && window()->isActiveWindow();
}

void ExpertsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_seenBefore = m_people->notices()->seenMark();
    rebuildQuestions();
    m_people->notices()->markAllSeen();
}

void ExpertsPage::notify(const QString &title, const QString &text)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    // One icon for the whole window: Chat's when it has one.
    auto *tray = window()->findChild<QSystemTrayIcon *>();
    if (!tray) {
        tray = new QSystemTrayIcon(window()->windowIcon(), window());
        tray->setToolTip(tr("Plein"));
        tray->show();
    }
    tray->showMessage(title, text, QSystemTrayIcon::Information, 8000);
}

void ExpertsPage::search(const QString &topic)
{
    m_topic->setText(topic);
    rank(true);
}

void ExpertsPage::rank(bool confirmed)
{
    const QString topic = protocol::people::normaliseSkill(m_topic->text());
    m_results->clear();
    m_topExperts.clear();
    m_ask->setEnabled(false);
    if (topic.isEmpty()) {
        m_results->setVisible(false);
        m_summary->setText(tr("Type a skill to see who knows about it."));
        return;
    }
    const QList<Expert> experts = m_people->directory().experts(topic, 25);
    m_results->setVisible(!experts.isEmpty());
    if (experts.isEmpty()) {
        m_summary->setText(tr("Nobody in the directory knows about %1 yet.").arg(topic));
        // Only a confirmed search counts as a gap, not every keystroke on the way.
        if (confirmed)
            m_people->recordSearchGap(topic);
        return;
    }
    m_summary->setText(experts.size() == 1 ? tr("1 colleague knows about %1").arg(topic)
                                           : tr("%1 colleagues know about %2").arg(experts.size()).arg(topic));
    const double best = experts.constFirst().score;
    for (const Expert &e : experts) {
        if (m_topExperts.size() < 3 && e.person.id != m_people->currentUserId())
            m_topExperts.append(e.person.id);
        auto *card = new QWidget;
        card->setObjectName(QStringLiteral("expertCard"));
        card->setStyleSheet(QStringLiteral("QWidget#expertCard { background: white; border: 1px solid %1;"
                                           " border-radius: 10px; }")
                                .arg(theme::cardBorder().name()));
        auto *h = new QHBoxLayout(card);
        h->setContentsMargins(12, 8, 12, 8);
        auto *face = new QLabel;
        face->setPixmap(FaceDelegate::faceIcon(m_photos, e.person, 48));
        h->addWidget(face);
        auto *text = new QLabel(QStringLiteral("<b>%1</b> <span style='color:%2'>%3</span><br>%4")
                                    .arg(e.person.displayName.toHtmlEscaped(), theme::textSecondary().name(),
                                         QStringList{e.person.title, e.person.department}
                                             .join(QStringLiteral(" · "))
                                             .toHtmlEscaped(),
                                         PeopleDirectory::evidence(e, topic).toHtmlEscaped()));
        text->setWordWrap(true);
        h->addWidget(text, 1);
        // A bar for the score relative to the best match.
        auto *bar = new QWidget;
        bar->setFixedSize(int(8 + 72 * e.score / best), 8);
        bar->setStyleSheet(QStringLiteral("background: %1; border-radius: 4px;").arg(theme::accent().name()));
        h->addWidget(bar, 0, Qt::AlignVCenter);
        auto *profile = new QPushButton(tr("Profile"));
        connect(profile, &QPushButton::clicked, this, [this, id = e.person.id] { emit personRequested(id); });
        h->addWidget(profile);
        auto *item = new QListWidgetItem(m_results);
        item->setData(Qt::UserRole, e.person.id);
        item->setSizeHint(QSize(100, 72));
        m_results->setItemWidget(item, card);
    }
    m_ask->setEnabled(!m_topExperts.isEmpty());
    m_ask->setText(m_topExperts.size() == 1 ? tr("Ask this expert") : tr("Ask the top %1 experts").arg(m_topExperts.size()));
}

void ExpertsPage::ask()
{
    QString error;
    const QString id = m_people->askExperts(m_topic->text(), m_question->toPlainText(), m_topExperts, &error);
    if (id.isEmpty()) {
        m_summary->setText(error);
        return;
    }
    m_question->clear();
    m_summary->setText(tr("Your question was sent to %1. Their answers will appear below.")
                           .arg(m_topExperts.size() == 1 ? tr("the expert") : tr("%1 experts").arg(m_topExperts.size())));
}

void ExpertsPage::rebuildQuestions()
{
    // Answers being written survive the rebuild (the cache changes while one types).
    QHash<QString, QString> drafts;
    QString focused;
    for (QLineEdit *e : m_questionsBox->findChildren<QLineEdit *>(QStringLiteral("answerEdit"))) {
        if (!e->text().isEmpty())
            drafts.insert(e->property("question").toString(), e->text());
        if (e->hasFocus())
            focused = e->property("question").toString();
    }
    while (QLayoutItem *item = m_questions->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QString me = m_people->currentUserId();
    const QList<QuestionRow> questions = m_people->directory().questions(me, 20);
    if (questions.isEmpty()) {
        m_questions->addWidget(muted(tr("No questions yet. Questions you ask or are asked appear here.")));
        return;
    }
    PeopleDirectory &dir = m_people->directory();
    const auto nameOf = [&dir](const QString &id) {
        const auto p = dir.person(id);
        return p ? p->displayName : QString();
    };
    for (const QuestionRow &q : questions) {
        auto *box = new QWidget;
        box->setObjectName(QStringLiteral("questionCard"));
        box->setStyleSheet(QStringLiteral("QWidget#questionCard { background: white; border: 1px solid %1;"
                                          " border-radius: 10px; }")
                               .arg(theme::cardBorder().name()));
        auto *l = new QVBoxLayout(box);
        l->setContentsMargins(14, 10, 14, 10);
        const bool fresh = m_people->notices()->isNew(q.id, m_seenBefore);
        const QString tag = fresh ? QStringLiteral(" <span style='background:%1; color:white; font-weight:600;'>&nbsp;%2&nbsp;</span>")
                                        .arg(theme::accent().name(), tr("New"))
                                  : QString();
        auto *head = new QLabel(QStringLiteral("<b>%1</b> <span style='color:%2'>%3 · #%4</span>%6<br>%5")
                                    .arg(nameOf(q.asker).toHtmlEscaped(), theme::textSecondary().name(),
                                         RelativeTime::format(QDateTime::fromMSecsSinceEpoch(q.created)), q.topic,
                                         q.text.toHtmlEscaped(), tag));
        if (fresh)
            box->setProperty("fresh", true);
        head->setWordWrap(true);
        l->addWidget(head);
        for (const auto &a : q.answers) {
            auto *ans = new QLabel(QStringLiteral("<span style='color:%1'>↳</span> <b>%2</b>: %3")
                                       .arg(theme::accent().name(), nameOf(a.author).toHtmlEscaped(), a.text.toHtmlEscaped()));
            ans->setWordWrap(true);
            ans->setContentsMargins(16, 2, 0, 0);
            l->addWidget(ans);
        }
        if (q.experts.contains(me)) {
            auto *row = new QHBoxLayout;
            auto *reply = new QLineEdit;
            reply->setObjectName(QStringLiteral("answerEdit"));
            reply->setProperty("question", q.id);
            reply->setText(drafts.value(q.id));
            reply->setPlaceholderText(tr("Your answer"));
            auto *send = new QPushButton(tr("Answer"));
            send->setObjectName(QStringLiteral("answerButton"));
            connect(reply, &QLineEdit::returnPressed, send, &QPushButton::click);
            connect(send, &QPushButton::clicked, this, [this, reply, id = q.id] {
                if (!m_people->answer(id, reply->text()).isEmpty())
                    reply->clear();
            });
            if (q.id == focused)
                QTimer::singleShot(0, reply, [reply] { reply->setFocus(); });
            row->addWidget(reply, 1);
            row->addWidget(send);
            l->addLayout(row);
        }
        m_questions->addWidget(box);
    }
}

} // namespace plein::client
