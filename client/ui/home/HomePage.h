#pragma once

#include <QStringList>
#include <QWidget>

class QGridLayout;
class QLabel;
class QStackedWidget;
class QToolButton;

namespace plein::client {

class Session;

// Home: the start page and, one click away, the company timeline with its composer.
// The start page shows the widgets the user picked (WidgetRegistry) in two columns, each in
// a card with buttons to move it up or down and to remove it, and a menu to add the ones
// not shown. The layout is stored on the server per user (HomeClient::setLayout), so it
// follows the user to another computer, and read from the cache when offline.
class HomePage : public QWidget
{
    Q_OBJECT
public:
    // profileDir: where the client's settings live (the tab last chosen is remembered there).
    HomePage(const QString &profileDir, Session *session, QWidget *companyTimeline, QWidget *parent = nullptr);

    QStringList shownWidgets() const { return m_shown; }
    void showStartPage();
    void showCompanyTimeline();

private:
    void rebuild(const QStringList &layout);
    void save(const QStringList &layout);
    void fillAddMenu();
    QWidget *card(const QString &id, const QString &title, QWidget *body, int index, int count);
    void refreshGreeting();

    void rememberTab(bool company);

    QString m_profileDir;
    Session *m_session;
    QLabel *m_greeting = nullptr;
    QToolButton *m_add = nullptr;
    QToolButton *m_startTab = nullptr;
    QToolButton *m_companyTab = nullptr;
    QStackedWidget *m_stack = nullptr;
    QWidget *m_grid = nullptr;
    QGridLayout *m_gridLayout = nullptr;
    QStringList m_shown;
};

} // namespace plein::client
