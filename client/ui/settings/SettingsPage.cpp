#include "settings/SettingsPage.h"

#include "common/Language.h"
#include "common/Settings.h"
#include "session/Session.h"
#include "session/TokenStore.h"

#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace plein::client {

namespace {
QFrame *makeCard(QWidget *parent, const QString &heading, QVBoxLayout **body)
{
    auto *card = new QFrame(parent);
    card->setObjectName(QStringLiteral("card"));
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(22, 18, 22, 20);
    layout->setSpacing(10);
    auto *title = new QLabel(heading, card);
    title->setStyleSheet(QStringLiteral("font-size: 12pt; font-weight: 600;"));
    layout->addWidget(title);
    *body = layout;
    return card;
}
} // namespace

SettingsPage::SettingsPage(const QString &profileDir, Session *session, TokenStore *tokens, QWidget *parent)
    : QWidget(parent)
    , m_profileDir(profileDir)
    , m_session(session)
    , m_tokens(tokens)
    , m_language(new QComboBox(this))
    , m_languageNote(new QLabel(this))
    , m_account(new QLabel(this))
    , m_storage(new QLabel(this))
{
    setObjectName(QStringLiteral("settingsPage"));
    auto *title = new QLabel(tr("Settings"), this);
    title->setObjectName(QStringLiteral("pageTitle"));

    QVBoxLayout *languageBody = nullptr;
    QFrame *languageCard = makeCard(this, tr("Language"), &languageBody);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->setMinimumWidth(240);
    m_language->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    for (const QString &code : Language::choices())
        m_language->addItem(Language::label(code), code);
    m_startLanguage = settings::open(m_profileDir)->value(QLatin1String(settings::LanguageKey)).toString();
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_startLanguage)));
    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    m_languageNote->setWordWrap(true);
    m_languageNote->setStyleSheet(QStringLiteral("color: #64748B;"));
    auto *languageForm = new QFormLayout;
    languageForm->addRow(tr("Display language:"), m_language);
    languageBody->addLayout(languageForm);
    languageBody->addWidget(m_languageNote);

    QVBoxLayout *accountBody = nullptr;
    QFrame *accountCard = makeCard(this, tr("Account"), &accountBody);
    m_account->setObjectName(QStringLiteral("accountLabel"));
    m_account->setWordWrap(true);
    m_storage->setObjectName(QStringLiteral("tokenStorageLabel"));
    m_storage->setWordWrap(true);
    m_storage->setStyleSheet(QStringLiteral("color: #64748B;"));
    auto *signOut = new QPushButton(tr("Sign out"), accountCard);
    signOut->setObjectName(QStringLiteral("settingsSignOutButton"));
    accountBody->addWidget(m_account);
    accountBody->addWidget(m_storage);
    accountBody->addWidget(signOut, 0, Qt::AlignLeft);

    auto *column = new QWidget(this);
    column->setMaximumWidth(640);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(16, 20, 16, 20);
    columnLayout->setSpacing(14);
    columnLayout->addWidget(title);
    columnLayout->addWidget(languageCard);
    columnLayout->addWidget(accountCard);
    columnLayout->addStretch(1);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(column, 1);
    layout->addStretch(0);

    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsPage::languageChosen);
    connect(signOut, &QPushButton::clicked, this, &SettingsPage::signOutRequested);
    connect(m_tokens, &TokenStore::backendChanged, this, &SettingsPage::refreshAccount);
    connect(m_session, &Session::synced, this, &SettingsPage::refreshAccount);
    languageChosen(m_language->currentIndex());
    refreshAccount();
}

void SettingsPage::languageChosen(int row)
{
    const QString code = m_language->itemData(row).toString();
    settings::open(m_profileDir)->setValue(QLatin1String(settings::LanguageKey), code);
    m_languageNote->setText(code == m_startLanguage
                                ? tr("Plein follows your system's language unless you choose one here.")
                                : tr("The new language is used the next time you start Plein."));
}

void SettingsPage::refreshAccount()
{
    const Person me = m_session->currentUser();
    const QString who = me.displayName.isEmpty() ? m_session->userName() : me.displayName;
    m_account->setText(tr("Signed in as %1 (%2) on %3")
                           .arg(who, m_session->userName(), m_session->server().toDisplayString()));
    switch (m_tokens->backend()) {
    case TokenStore::Backend::Keychain:
        m_storage->setText(tr("Your session is kept in the system keychain."));
        break;
    case TokenStore::Backend::File:
        m_storage->setText(tr("No system keychain found; your session is stored in a file in your profile "
                              "(%1), readable only by you.")
                               .arg(m_tokens->fallbackFilePath()));
        break;
    case TokenStore::Backend::Unknown:
        m_storage->clear();
        break;
    }
}

} // namespace plein::client
