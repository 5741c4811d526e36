#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace plein::client {

class Session;
class TokenStore;

// Settings: the language (system by default, applied on the next start) and the account.
class SettingsPage : public QWidget
{
    Q_OBJECT
public:
    SettingsPage(const QString &profileDir, Session *session, TokenStore *tokens, QWidget *parent = nullptr);

signals:
    void signOutRequested();

private:
    void languageChosen(int row);
    void refreshAccount();

    QString m_profileDir;
    Session *m_session;
    TokenStore *m_tokens;
    QString m_startLanguage;
    QComboBox *m_language;
    QLabel *m_languageNote;
    QLabel *m_account;
    QLabel *m_storage;
};

} // namespace plein::client
