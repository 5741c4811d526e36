#include "common/PlaceholderPage.h"

#include <QFrame>
#include <QLabel>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace plein::client {

PlaceholderPage::PlaceholderPage(const QString &title, const QString &description, QWidget *parent)
    : QWidget(parent)
{
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("card"));
    card->setFixedWidth(520);

    auto *badge = new QLabel(tr("Coming soon"), card);
    badge->setObjectName(QStringLiteral("comingSoonBadge"));
    badge->setStyleSheet(QStringLiteral("QLabel { background: #E0F2F1; color: #0E7C86; border-radius: 9px;"
                                        " padding: 3px 10px; font-weight: 600; }"));
    auto *heading = new QLabel(title, card);
    heading->setObjectName(QStringLiteral("pageTitle"));
    auto *text = new QLabel(description, card);
    text->setObjectName(QStringLiteral("pageSubtitle"));
    text->setWordWrap(true);

    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(28, 24, 28, 28);
    cardLayout->setSpacing(10);
    cardLayout->addWidget(badge, 0, Qt::AlignLeft);
    cardLayout->addWidget(heading);
    cardLayout->addWidget(text);

    // Stretches rather than an alignment flag, so the card gets the height its wrapped text needs.
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(card);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 32, 32, 32);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
}

} // namespace plein::client
