#include "people/OrgChartView.h"

#include "common/Theme.h"
#include "people/FaceDelegate.h"
#include "people/PeopleService.h"
#include "people/PhotoLoader.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace plein::client {

OrgChartView::OrgChartView(PeopleService *people, PhotoLoader *photos, QWidget *parent)
    : QWidget(parent), m_people(people), m_photos(photos), m_scroll(new QScrollArea(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_scroll);
    // Faces arrive after the chart is drawn: redraw once for a burst of them.
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

void OrgChartView::show(const QString &personId)
{
    m_current = personId;
    rebuild();
}

QWidget *OrgChartView::row(const PersonCard &p, const QString &note, bool focused, int indent)
{
    auto *frame = new QFrame;
    frame->setObjectName(focused ? QStringLiteral("orgFocus") : QStringLiteral("orgRow"));
    frame->setStyleSheet(QStringLiteral("QFrame#orgRow { background: white; border: 1px solid %1; border-radius: 10px; }"
                                        "QFrame#orgFocus { background: %2; border: 2px solid %3; border-radius: 10px; }")
                             .arg(theme::cardBorder().name(), theme::accentSoft().name(), theme::accent().name()));
    auto *h = new QHBoxLayout(frame);
    h->setContentsMargins(10, 8, 10, 8);
    auto *face = new QLabel;
    face->setPixmap(FaceDelegate::faceIcon(m_photos, p, focused ? 56 : 44));
    h->addWidget(face);
    auto *text = new QLabel(QStringLiteral("<b>%1</b><br><span style='color:%2'>%3</span>")
                                .arg(p.displayName.toHtmlEscaped(), theme::textSecondary().name(),
                                     QStringList{p.title, p.department}.join(QStringLiteral(" · ")).toHtmlEscaped()));
    h->addWidget(text, 1);
    if (!note.isEmpty()) {
        auto *n = new QLabel(note);
        n->setStyleSheet(QStringLiteral("color: %1; background: %2; border-radius: 8px; padding: 2px 8px;")
                             .arg(theme::accent().name(), theme::accentSoft().name()));
        h->addWidget(n);
    }
    if (!focused) {
        auto *go = new QPushButton(tr("Show"));
        go->setToolTip(tr("Move the chart to %1").arg(p.displayName));
        connect(go, &QPushButton::clicked, this, [this, id = p.id] { show(id); });
        h->addWidget(go);
    }
    auto *profile = new QPushButton(tr("Profile"));
    connect(profile, &QPushButton::clicked, this, [this, id = p.id] { emit profileRequested(id); });
    h->addWidget(profile);

    auto *wrap = new QWidget;
    auto *w = new QHBoxLayout(wrap);
    w->setContentsMargins(indent, 0, 0, 0);
    w->addWidget(frame);
    return wrap;
}

void OrgChartView::rebuild()
{
    PeopleDirectory &dir = m_people->directory();
    auto *content = new QWidget;
    auto *v = new QVBoxLayout(content);
    v->setContentsMargins(24, 16, 24, 16);
    v->setSpacing(6);
    const auto teamNote = [&dir, this](const QString &id) {
        const int n = dir.teamSize(id);
        return n == 0 ? QString() : tr("team of %1").arg(n);
    };
    const auto heading = [](const QString &text) {
        auto *l = new QLabel(text);
        l->setStyleSheet(QStringLiteral("font-weight: 600; color: %1; margin-top: 10px;").arg(theme::textSecondary().name()));
        return l;
    };

    const auto focus = m_current.isEmpty() ? std::nullopt : dir.person(m_current);
    if (!focus) {
        v->addWidget(heading(tr("Top of the organisation")));
        for (const PersonCard &p : dir.topLevel())
            v->addWidget(row(p, teamNote(p.id), false, 0));
    } else {
        QList<PersonCard> above = dir.managers(focus->id);
        std::reverse(above.begin(), above.end());
        if (!above.isEmpty())
            v->addWidget(heading(tr("Reports to")));
        int indent = 0;
        for (const PersonCard &m : std::as_const(above)) {
            v->addWidget(row(m, teamNote(m.id), false, indent));
            indent += 24;
        }
        v->addWidget(row(*focus, teamNote(focus->id), true, indent));
        const QList<PersonCard> reports = dir.reports(focus->id);
        if (!reports.isEmpty())
            v->addWidget(heading(tr("Direct reports (%1)").arg(reports.size())));
        for (const PersonCard &r : reports)
            v->addWidget(row(r, teamNote(r.id), false, indent + 24));
    }
    v->addStretch(1);
    m_scroll->setWidget(content);   // deletes the previous content
    m_content = content;
}

} // namespace plein::client
