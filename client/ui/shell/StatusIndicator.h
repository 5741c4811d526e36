#pragma once

#include "session/Session.h"

#include <QWidget>

class QLabel;

namespace plein::client {

// "Online", "Connecting…" or "Offline — 3 pending" with a coloured dot, for the status bar.
class StatusIndicator : public QWidget
{
    Q_OBJECT
public:
    explicit StatusIndicator(Session *session, QWidget *parent = nullptr);

    QString text() const;
    static QString describe(Session::ConnectionState state, int pending);

private:
    void refresh();

    Session *m_session;
    QLabel *m_dot;
    QLabel *m_label;
};

} // namespace plein::client
