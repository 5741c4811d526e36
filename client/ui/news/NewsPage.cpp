#include "news/NewsPage.h"

#include "common/RelativeTime.h"
#include "common/Theme.h"
#include "news/NewsListDelegate.h"
#include "news/NewsModel.h"
#include "protocol/NewsMessages.h"
#include "session/Session.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTextBrowser>
#include <QToolButton>
#include <QVBoxLayout>

namespace plein::client {

namespace {

QString reactionName(const QString &r)
{
    if (r == QLatin1String(protocol::reaction::Like))
        return NewsPage::tr("Like");
    if (r == QLatin1String(protocol::reaction::Celebrate))
        return NewsPage::tr("Celebrate");
    if (r == QLatin1String(protocol::reaction::Love))
        return NewsPage::tr("Love");
    if (r == QLatin1String(protocol::reaction::Insightful))
        return NewsPage::tr("Insightful");
    return NewsPage::tr("Funny");
}

QFrame *card(QWidget *parent, const char *name)
{
    auto *f = new QFrame(parent);
    f->setObjectName(QLatin1String(name));
    return f;
}

} // namespace

NewsPage::NewsPage(Session *session, QWidget *parent) : QWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("newsPage"));
    setStyleSheet(QStringLiteral(
        "QFrame#articleCard { background: white; border: 1px solid %1; border-radius: 10px; }"
        "QLabel#articleTitle { font-size: 19pt; font-weight: 600; color: %2; }"
        "QLabel#articleMeta { color: %3; }"
        "QTextBrowser#articleBody { border: none; background: white; font-size: 11pt; }"
        "QFrame#ackBar { background: #FEF2F2; border: 1px solid #FECACA; border-radius: 8px; }"
        "QFrame#ackBar[acked=\"true\"] { background: #F0FDF4; border: 1px solid #BBF7D0; }"
        "QPushButton#ackButton { background: %4; color: white; border: none; border-radius: 7px;"
        " padding: 8px 18px; font-weight: 600; }"
        "QPushButton#ackButton:hover { background: %5; }"
        "QFrame#reachCard { background: %6; border: 1px solid %1; border-radius: 8px; }"
        "QToolButton#reactionButton { border: 1px solid %1; border-radius: 14px; padding: 3px 10px; background: white; }"
        "QToolButton#reactionButton:checked { background: %6; border-color: %4; color: %4; }"
        "QLabel#commentLabel { background: %7; border-radius: 8px; padding: 8px 10px; }"
        "QListView#newsList { background: %7; border: none; }")
                      .arg(theme::cardBorder().name(), theme::textPrimary().name(), theme::textSecondary().name(),
                           theme::accent().name(), theme::accent().darker(115).name(), theme::accentSoft().name(),
                           theme::canvas().name()));

    auto *title = new QLabel(tr("News"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    auto *subtitle = new QLabel(tr("From Communications and HR, for you"), this);
    subtitle->setObjectName(QStringLiteral("pageSubtitle"));

    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("newsList"));
    m_list->setModel(session->newsModel());
    m_list->setItemDelegate(new NewsListDelegate(m_list));
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setFixedWidth(340);
    m_list->setAccessibleName(tr("News articles"));
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex &i) {
        openArticle(i.data(NewsModel::IdRole).toString());
    });

    // The article
    m_article = card(this, "articleCard");
    auto *a = new QVBoxLayout(m_article);
    a->setContentsMargins(28, 22, 28, 22);
    a->setSpacing(10);
    m_badges = new QLabel(m_article);
    m_badges->setTextFormat(Qt::RichText);
    m_title = new QLabel(m_article);
    m_title->setObjectName(QStringLiteral("articleTitle"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_meta = new QLabel(m_article);
    m_meta->setObjectName(QStringLiteral("articleMeta"));
    m_meta->setWordWrap(true);
    m_body = new QTextBrowser(m_article);
    m_body->setObjectName(QStringLiteral("articleBody"));
    m_body->setOpenExternalLinks(true);
    m_body->setMinimumHeight(140);

    m_ackBar = card(m_article, "ackBar");
    auto *ack = new QHBoxLayout(m_ackBar);
    ack->setContentsMargins(14, 10, 10, 10);
    m_ackText = new QLabel(m_ackBar);
    m_ackText->setWordWrap(true);
    m_ackButton = new QPushButton(tr("Read and understood"), m_ackBar);
    m_ackButton->setObjectName(QStringLiteral("ackButton"));
    m_ackButton->setCursor(Qt::PointingHandCursor);
    ack->addWidget(m_ackText, 1);
    ack->addWidget(m_ackButton);
    connect(m_ackButton, &QPushButton::clicked, this, [this] {
        if (!m_current.isEmpty())
            m_session->acknowledgeNews(m_current);
    });

    auto *reactions = new QHBoxLayout;
    reactions->setSpacing(6);
    for (const QString &r : protocol::reaction::all()) {
        auto *b = new QToolButton(m_article);
        b->setObjectName(QStringLiteral("reactionButton"));
        b->setCheckable(true);
        b->setProperty("reaction", r);
        b->setToolTip(reactionName(r));
        b->setCursor(Qt::PointingHandCursor);
        connect(b, &QToolButton::clicked, this, [this, b, r] {
            if (!m_current.isEmpty())
                m_session->reactToNews(m_current, r, b->isChecked());
        });
        reactions->addWidget(b);
        m_reactions.append(b);
    }
    reactions->addStretch(1);

    m_reach = card(m_article, "reachCard");
    auto *reach = new QVBoxLayout(m_reach);
    reach->setContentsMargins(14, 10, 14, 10);
    m_reachText = new QLabel(m_reach);
    m_reachText->setWordWrap(true);
    m_reachText->setTextFormat(Qt::RichText);
    reach->addWidget(m_reachText);

    m_commentsTitle = new QLabel(m_article);
    m_commentsTitle->setStyleSheet(QStringLiteral("font-weight: 600;"));
    m_commentsLayout = new QVBoxLayout;
    m_commentsLayout->setSpacing(6);
    m_commentEdit = new QPlainTextEdit(m_article);
    m_commentEdit->setObjectName(QStringLiteral("commentEdit"));
    m_commentEdit->setPlaceholderText(tr("Write a comment…"));
    m_commentEdit->setFixedHeight(64);
    m_commentButton = new QPushButton(tr("Comment"), m_article);
    m_commentButton->setObjectName(QStringLiteral("commentButton"));
    connect(m_commentButton, &QPushButton::clicked, this, &NewsPage::sendComment);
    auto *commentRow = new QHBoxLayout;
    commentRow->addWidget(m_commentEdit, 1);
    commentRow->addWidget(m_commentButton, 0, Qt::AlignBottom);

    a->addWidget(m_badges);
    a->addWidget(m_title);
    a->addWidget(m_meta);
    a->addWidget(m_ackBar);
    a->addWidget(m_body, 1);
    a->addLayout(reactions);
    a->addWidget(m_reach);
    a->addWidget(m_commentsTitle);
    a->addLayout(m_commentsLayout);
    a->addLayout(commentRow);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *holder = new QWidget(scroll);
    auto *h = new QVBoxLayout(holder);
    h->setContentsMargins(6, 6, 12, 12);
    h->addWidget(m_article);
    m_empty = new QLabel(tr("Choose an article on the left."), holder);
    m_empty->setObjectName(QStringLiteral("hintLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    h->addWidget(m_empty, 1);
    scroll->setWidget(holder);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(12);
    columns->addWidget(m_list);
    columns->addWidget(scroll, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->setSpacing(4);
    layout->addWidget(title);
    layout->addWidget(subtitle);
    layout->addSpacing(10);
    layout->addLayout(columns, 1);

    connect(session->newsModel(), &QAbstractItemModel::modelReset, this, &NewsPage::onModelReset);
    // Comments settle (sending -> sent) without changing the list itself.
    connect(session, &Session::cacheChanged, this, &NewsPage::showArticle);
    showArticle();
}

bool NewsPage::openArticle(const QString &id)
{
    const int row = m_session->newsModel()->rowOf(id);
    if (row < 0)
        return false;
    m_current = id;
    m_list->setCurrentIndex(m_session->newsModel()->index(row));
    m_session->markNewsRead(id);
    showArticle();
    return true;
}

void NewsPage::onModelReset()
{
    const int row = m_session->newsModel()->rowOf(m_current);
    if (row >= 0)
        m_list->setCurrentIndex(m_session->newsModel()->index(row));
    else
        m_current.clear();
    showArticle();
}

void NewsPage::showArticle()
{
    NewsModel *model = m_session->newsModel();
    const int row = model->rowOf(m_current);
    m_article->setVisible(row >= 0);
    m_empty->setVisible(row < 0);
    if (row < 0) {
        m_shownText.clear();
        m_shownComments.clear();
        return;
    }
    const QModelIndex i = model->index(row);
    QStringList badges;
    auto badge = [&](const QString &text, const char *fg, const char *bg) {
        badges.append(QStringLiteral("<span style=\"color:%1; background:%2;\">&nbsp;%3&nbsp;</span>")
                          .arg(QLatin1String(fg), QLatin1String(bg), text.toHtmlEscaped()));
    };
    if (i.data(NewsModel::PinnedRole).toBool())
        badge(tr("PINNED"), "#0E7C86", "#E0F2F1");
    if (i.data(NewsModel::ScheduledRole).toBool())
        badge(tr("SCHEDULED"), "#92400E", "#FEF3C7");
    if (i.data(NewsModel::MustReadRole).toBool())
        badge(tr("MUST READ"), "#B91C1C", "#FEE2E2");
    const QStringList targets = i.data(NewsModel::TargetsRole).toStringList();
    badge(targets.isEmpty() ? tr("FOR EVERYONE") : tr("FOR %1").arg(targets.join(QStringLiteral(", ")).toUpper()),
          "#64748B", "#F1F5F9");
    m_badges->setText(badges.join(QStringLiteral("&nbsp;&nbsp;")));
    m_title->setText(i.data(NewsModel::TitleRole).toString());
    const QDateTime when = i.data(NewsModel::PublishAtRole).toDateTime();
    QString meta = tr("%1 · %2").arg(i.data(NewsModel::AuthorNameRole).toString(), RelativeTime::exact(when));
    if (i.data(NewsModel::EditedRole).toBool())
        meta += QStringLiteral(" · ") + tr("edited");
    m_meta->setText(meta);
    if (const QString text = i.data(NewsModel::TextRole).toString(); text != m_shownText) {
        m_shownText = text;
        m_body->setMarkdown(text);
    }

    const bool mustRead = i.data(NewsModel::MustReadRole).toBool();
    const bool acked = i.data(NewsModel::AckedRole).toBool();
    m_ackBar->setVisible(mustRead && !i.data(NewsModel::ScheduledRole).toBool());
    m_ackBar->setProperty("acked", acked);
    m_ackBar->style()->unpolish(m_ackBar);
    m_ackBar->style()->polish(m_ackBar);
    m_ackButton->setVisible(!acked);
    m_ackText->setText(acked ? tr("✓ You confirmed that you have read and understood this article.")
                             : tr("This article is a must-read. Please confirm that you have read and understood it."));

    const QVariantMap counts = i.data(NewsModel::ReactionCountsRole).toMap();
    const QStringList mine = i.data(NewsModel::MyReactionsRole).toStringList();
    for (QToolButton *b : std::as_const(m_reactions)) {
        const QString r = b->property("reaction").toString();
        const int n = counts.value(r).toInt();
        b->setText(n > 0 ? QStringLiteral("%1  %2").arg(reactionName(r)).arg(n) : reactionName(r));
        b->setChecked(mine.contains(r));
    }

    const int readers = i.data(NewsModel::ReadersRole).toInt();
    m_reach->setVisible(readers >= 0);
    if (readers >= 0) {
        const int audience = i.data(NewsModel::AudienceSizeRole).toInt();
        QString text = tr("<b>Reach:</b> read by %1 of %2").arg(readers).arg(audience);
        if (mustRead) {
            const QStringList notAcked = i.data(NewsModel::NotAckedRole).toStringList();
            text += tr(" · %1 confirmed").arg(i.data(NewsModel::AcksRole).toInt());
            if (!notAcked.isEmpty())
                text += QStringLiteral("<br>") + tr("Not yet confirmed: %1")
                                                     .arg(notAcked.mid(0, 12).join(QStringLiteral(", ")).toHtmlEscaped())
                        + (notAcked.size() > 12 ? tr(" and %n more", nullptr, int(notAcked.size() - 12)) : QString());
        }
        m_reachText->setText(text);
    }

    // Comments, rebuilt only when they changed.
    const QList<NewsCommentRow> comments = model->comments(m_current);
    if (comments == m_shownComments)
        return;
    m_shownComments = comments;
    while (QLayoutItem *item = m_commentsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_commentsTitle->setText(tr("%n comment(s)", nullptr, int(comments.size())));
    for (const NewsCommentRow &c : comments) {
        auto *l = new QLabel(m_article);
        l->setObjectName(QStringLiteral("commentLabel"));
        l->setWordWrap(true);
        l->setTextFormat(Qt::RichText);
        l->setText(QStringLiteral("<b>%1</b> <span style=\"color:#64748B\">· %2%3</span><br>%4")
                       .arg(c.authorName.toHtmlEscaped(),
                            RelativeTime::format(QDateTime::fromMSecsSinceEpoch(c.created).toLocalTime()),
                            c.pending ? tr(" · sending") : QString(), c.text.toHtmlEscaped()));
        m_commentsLayout->addWidget(l);
    }
}

void NewsPage::sendComment()
{
    if (m_current.isEmpty())
        return;
    QString error;
    if (!m_session->commentOnNews(m_current, m_commentEdit->toPlainText(), &error).isEmpty())
        m_commentEdit->clear();
}

} // namespace plein::client
