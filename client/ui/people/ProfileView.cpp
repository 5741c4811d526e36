#include "people/ProfileView.h"

#include "common/RelativeTime.h"
#include "common/Theme.h"
#include "home/HomeClient.h"
#include "model/Types.h"
#include "people/FaceDelegate.h"
#include "people/PeopleService.h"
#include "people/PhotoLoader.h"
#include "protocol/HomeMessages.h"
#include "session/Session.h"

#include <QCompleter>
#include <QDateTime>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace plein::client {

namespace {
QFrame *card()
{
    auto *f = new QFrame;
    f->setObjectName(QStringLiteral("profileCard"));
    f->setStyleSheet(QStringLiteral("QFrame#profileCard { background: white; border: 1px solid %1; border-radius: 12px; }")
                         .arg(theme::cardBorder().name()));
    return f;
}

QLabel *heading(const QString &text)
{
    auto *l = new QLabel(text);
    l->setStyleSheet(QStringLiteral("font-weight: 600; font-size: 11pt; color: %1;").arg(theme::textPrimary().name()));
    return l;
}

QLabel *secondary(const QString &text)
{
    auto *l = new QLabel(text);
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("color: %1;").arg(theme::textSecondary().name()));
    return l;
}
} // namespace

ProfileView::ProfileView(PeopleService *people, PhotoLoader *photos, Session *session, QWidget *parent)
    : QWidget(parent), m_people(people), m_photos(photos), m_session(session), m_scroll(new QScrollArea(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_scroll);
    connect(m_photos, &PhotoLoader::ready, this, [this] {
        if (m_rebuildQueued || !isVisible())
            return;
        m_rebuildQueued = true;
        QTimer::singleShot(150, this, [this] {
            m_rebuildQueued = false;
            rebuild();
        });
    });
}

void ProfileView::show(const QString &personId)
{
    m_current = personId;
    rebuild();
}

void ProfileView::rebuild()
{
    PeopleDirectory &dir = m_people->directory();
    const auto p = dir.person(m_current);
    auto *content = new QWidget;
    auto *v = new QVBoxLayout(content);
    v->setContentsMargins(24, 16, 24, 24);
    v->setSpacing(12);
    if (!p) {
        v->addWidget(secondary(tr("This person is not in the directory.")));
        m_scroll->setWidget(content);
        return;
    }
    const QString me = m_people->currentUserId();
    const auto myCard = dir.person(me);
    const bool admin = myCard && myCard->role == QLatin1String(role::Admin);

    // Head: face, name, title, where, manager, actions.
    auto *head = card();
    auto *h = new QHBoxLayout(head);
    h->setContentsMargins(20, 20, 20, 20);
    h->setSpacing(20);
    auto *face = new QLabel;
    face->setPixmap(FaceDelegate::faceIcon(m_photos, *p, 128, true));
    face->setAlignment(Qt::AlignTop);
    h->addWidget(face);
    auto *info = new QVBoxLayout;
    auto *name = new QLabel(p->displayName);
    name->setStyleSheet(QStringLiteral("font-size: 18pt; font-weight: 700; color: %1;").arg(theme::textPrimary().name()));
    info->addWidget(name);
    if (!p->active)
        info->addWidget(secondary(tr("No longer works here")));
    info->addWidget(new QLabel(p->title));
    info->addWidget(secondary(QStringList{p->department, p->location}.join(QStringLiteral(" · "))));
    if (!p->manager.isEmpty()) {
        if (const auto m = dir.person(p->manager)) {
            auto *boss = new QPushButton(tr("Reports to %1").arg(m->displayName));
            boss->setFlat(true);
            boss->setCursor(Qt::PointingHandCursor);
            boss->setStyleSheet(QStringLiteral("QPushButton { text-align: left; color: %1; padding: 0; border: none;"
                                               " background: transparent; }"
                                               "QPushButton:hover { text-decoration: underline; }")
                                    .arg(theme::accent().name()));
            connect(boss, &QPushButton::clicked, this, [this, id = m->id] { emit personRequested(id); });
            info->addWidget(boss);
        }
    }
    QStringList contact;
    if (!p->email.isEmpty())
        contact << QStringLiteral("<a href='mailto:%1'>%1</a>").arg(p->email.toHtmlEscaped());
    if (!p->phone.isEmpty())
        contact << p->phone.toHtmlEscaped();
    if (!p->startDate.isEmpty())
        contact << tr("since %1").arg(QLocale().toString(QDate::fromString(p->startDate, Qt::ISODate), QLocale::LongFormat));
    auto *c = new QLabel(contact.join(QStringLiteral(" · ")));
    c->setOpenExternalLinks(true);
    c->setStyleSheet(QStringLiteral("color: %1;").arg(theme::textSecondary().name()));
    info->addWidget(c);
    auto *actions = new QHBoxLayout;
    if (p->id != me) {
        auto *message = new QPushButton(tr("Message"));
        message->setObjectName(QStringLiteral("messageButton"));
        message->setEnabled(p->active);
        message->setToolTip(p->active ? tr("Open your conversation with %1 in Chat").arg(p->displayName)
                                      : tr("%1 no longer works here").arg(p->displayName));
        message->setStyleSheet(QStringLiteral("QPushButton { background: %1; color: white; border: none;"
                                              " border-radius: 6px; padding: 6px 16px; font-weight: 600; }"
                                              "QPushButton:disabled { background: %2; }")
                                   .arg(theme::accent().name(), theme::cardBorder().name()));
        connect(message, &QPushButton::clicked, this, [this, id = p->id] { emit messageRequested(id); });
        actions->addWidget(message);
        if (QWidget *follow = followButton(p->id, p->displayName))
            actions->addWidget(follow);
    }
    auto *chart = new QPushButton(tr("Org chart"));
    connect(chart, &QPushButton::clicked, this, [this, id = p->id] { emit orgChartRequested(id); });
    actions->addWidget(chart);
    if (p->id == me) {
        auto *edit = new QPushButton(tr("Edit profile"));
        connect(edit, &QPushButton::clicked, this, &ProfileView::editProfile);
        actions->addWidget(edit);
    }
    if (admin && p->id != me) {
        auto *leave = new QPushButton(p->active ? tr("Deactivate") : tr("Reactivate"));
        connect(leave, &QPushButton::clicked, this, [this, id = p->id, name = p->displayName, active = p->active] {
            if (active
                && QMessageBox::question(this, tr("Deactivate"),
                                         tr("Deactivate %1? They are signed out everywhere and leave the directory; "
                                            "their posts stay.")
                                             .arg(name))
                       != QMessageBox::Yes)
                return;
            m_people->setActive(id, !active);
        });
        actions->addWidget(leave);
    }
    actions->addStretch(1);
    info->addLayout(actions);
    h->addLayout(info, 1);
    v->addWidget(head);

    // About and skills.
    auto *about = card();
    auto *a = new QVBoxLayout(about);
    a->setContentsMargins(20, 16, 20, 16);
    if (!p->bio.isEmpty()) {
        a->addWidget(heading(tr("About")));
        auto *bio = new QLabel(p->bio);
        bio->setWordWrap(true);
        a->addWidget(bio);
    }
    if (!p->languages.isEmpty()) {
        a->addWidget(heading(tr("Languages")));
        a->addWidget(secondary(p->languages.join(QStringLiteral(", "))));
    }
    a->addWidget(heading(tr("Skills")));
    const QList<SkillEvidence> skills = dir.skillsOf(p->id, me);
    if (skills.isEmpty())
        a->addWidget(secondary(tr("No skills listed yet.")));
    auto *chips = new QHBoxLayout;
    chips->setSpacing(6);
    for (const SkillEvidence &s : skills) {
        auto *chip = new QPushButton(s.endorsements > 0 ? QStringLiteral("%1  · %2").arg(s.skill).arg(s.endorsements)
                                                        : s.skill);
        chip->setCheckable(p->id != me);
        chip->setChecked(s.endorsedByMe);
        chip->setToolTip(p->id == me ? (s.endorsements == 1 ? tr("1 endorsement") : tr("%1 endorsements").arg(s.endorsements))
                                     : (s.endorsedByMe ? tr("You endorsed this; click to withdraw")
                                                       : tr("Endorse %1 for %2").arg(p->displayName, s.skill)));
        chip->setStyleSheet(QStringLiteral("QPushButton { border: 1px solid %1; border-radius: 12px; padding: 4px 12px;"
                                           " background: %2; color: %3; }"
                                           "QPushButton:checked { background: %3; color: white; }")
                                .arg(theme::accent().name(), theme::accentSoft().name(), theme::accent().name()));
        if (p->id != me)
            connect(chip, &QPushButton::clicked, this, [this, id = p->id, skill = s.skill](bool on) {
                m_people->endorse(id, skill, on);
            });
        chips->addWidget(chip);
    }
    chips->addStretch(1);
    a->addLayout(chips);
    v->addWidget(about);

    // Groups, as far as this cache knows them.
    const QList<PersonGroup> groups = dir.groupsOf(p->id);
    auto *groupsCard = card();
    auto *g = new QVBoxLayout(groupsCard);
    g->setContentsMargins(20, 16, 20, 16);
    g->addWidget(heading(tr("Groups")));
    if (groups.isEmpty())
        g->addWidget(secondary(p->id == me ? tr("You are not in any group yet.")
                                           : tr("No groups in common, and none started by %1.").arg(p->displayName)));
    auto *groupRow = new QHBoxLayout;
    groupRow->setSpacing(6);
    for (const PersonGroup &group : groups) {
        auto *chip = new QLabel(group.role == QLatin1String("owner") ? tr("%1 · owner").arg(group.name) : group.name);
        chip->setObjectName(QStringLiteral("groupChip"));
        chip->setStyleSheet(QStringLiteral("QLabel { border: 1px solid %1; border-radius: 12px; padding: 4px 12px;"
                                           " background: %2; color: %3; }")
                                .arg(theme::cardBorder().name(), theme::canvas().name(), theme::textPrimary().name()));
        groupRow->addWidget(chip);
    }
    groupRow->addStretch(1);
    g->addLayout(groupRow);
    if (p->id != me && !groups.isEmpty())
        g->addWidget(secondary(tr("Groups you share, and the ones %1 started.").arg(p->displayName)));
    v->addWidget(groupsCard);

    // Recent posts, on the company timeline and in groups.
    const QList<PostRow> posts = dir.recentPosts(p->id, 5);
    auto *recent = card();
    auto *r = new QVBoxLayout(recent);
    r->setContentsMargins(20, 16, 20, 16);
    r->setSpacing(10);
    r->addWidget(heading(tr("Recent posts")));
    if (posts.isEmpty())
        r->addWidget(secondary(tr("Nothing posted yet.")));
    for (const PostRow &post : posts) {
        QString text = post.text.simplified();
        if (text.size() > 280)
            text = text.left(279) + QChar(0x2026);
        const QString where = post.group.isEmpty() ? tr("Company timeline") : tr("in %1").arg(post.group);
        auto *t = new QLabel(QStringLiteral("%1<br><span style='color:%2'>%3 · %4</span>")
                                 .arg(text.toHtmlEscaped(), theme::textSecondary().name(),
                                      RelativeTime::format(QDateTime::fromMSecsSinceEpoch(post.created)),
                                      where.toHtmlEscaped()));
        t->setObjectName(QStringLiteral("recentPost"));
        t->setWordWrap(true);
        r->addWidget(t);
    }
    v->addWidget(recent);
    v->addStretch(1);
    m_scroll->setWidget(content);
}

// Follow / Following: the person's posts in groups I can read join my timeline. The choice
// is a local write plus an outbox row (HomeClient), so it works offline and reaches my
// other computers; a change made elsewhere arrives as cacheChanged and rebuilds this view.
QWidget *ProfileView::followButton(const QString &personId, const QString &name)
{
    HomeClient *home = m_session ? m_session->home() : nullptr;
    if (!home)
        return nullptr;
    auto *follow = new QPushButton;
    follow->setObjectName(QStringLiteral("followButton"));
    follow->setCheckable(true);
    follow->setCursor(Qt::PointingHandCursor);
    follow->setStyleSheet(QStringLiteral("QPushButton { background: white; color: %1; border: 1px solid %1;"
                                         " border-radius: 6px; padding: 5px 16px; font-weight: 600; }"
                                         "QPushButton:hover { background: %2; }"
                                         "QPushButton:checked { background: %2; color: %1; border-color: %2; }")
                              .arg(theme::accent().name(), theme::accentSoft().name()));
    const auto paint = [follow, name](bool on) {
        follow->setChecked(on);
        follow->setText(on ? tr("✓ Following") : tr("Follow"));
        follow->setToolTip(on ? tr("Your timeline shows %1's posts; click to stop following").arg(name)
                              : tr("Show %1's posts in your timeline").arg(name));
    };
    paint(home->isFollowing(QLatin1String(protocol::follow::Person), personId));
    connect(follow, &QPushButton::clicked, follow, [this, paint, personId](bool on) {
        HomeClient *home = m_session->home();
        QString error;
        if (!home || !home->setFollowing(QLatin1String(protocol::follow::Person), personId, on, &error)) {
            paint(!on);
            QMessageBox::warning(this, tr("Follow"), error);
            return;
        }
        paint(on);
    });
    return follow;
}

void ProfileView::editProfile()
{
    const auto p = m_people->directory().person(m_current);
    if (!p)
        return;
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Edit profile"));
    auto *form = new QFormLayout(&dialog);
    auto *bio = new QPlainTextEdit(p->bio);
    auto *phone = new QLineEdit(p->phone);
    auto *skills = new QLineEdit(p->skills.join(QStringLiteral(", ")));
    skills->setPlaceholderText(tr("sql, python, project management"));
    auto *completer = new QCompleter(m_people->directory().completeSkill({}, 500), skills);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    skills->setCompleter(completer);
    auto *languages = new QLineEdit(p->languages.join(QStringLiteral(", ")));
    auto *photo = new QPushButton(tr("Choose a photo…"));
    connect(photo, &QPushButton::clicked, &dialog, [this, &dialog] {
        const QString file = QFileDialog::getOpenFileName(&dialog, tr("Photo"), {}, tr("Images (*.png *.jpg *.jpeg *.gif)"));
        QFile f(file);
        if (!file.isEmpty() && f.open(QIODevice::ReadOnly))
            m_people->uploadPhoto(f.readAll());
    });
    form->addRow(tr("About you"), bio);
    form->addRow(tr("Phone"), phone);
    form->addRow(tr("Skills"), skills);
    form->addRow(tr("Languages"), languages);
    form->addRow(tr("Photo"), photo);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto split = [](const QString &s) {
        QStringList out;
        for (const QString &part : s.split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!part.trimmed().isEmpty())
                out.append(part.trimmed());
        return out;
    };
    protocol::ProfileUpdateBody b;
    b.bio = bio->toPlainText();
    b.phone = phone->text();
    b.skills = split(skills->text());
    b.languages = split(languages->text());
    QString error;
    if (m_people->updateProfile(b, &error).isEmpty())
        QMessageBox::warning(this, tr("Edit profile"), error);
}

} // namespace plein::client
