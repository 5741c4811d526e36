#include "shell/StatusIndicator.h"

#include "common/Theme.h"

#include <QHBoxLayout>
#include <QLabel>

namespace plein::client {

StatusIndicator::StatusIndicator(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_dot(new QLabel(this))
    , m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("statusIndicator"));
    m_label->setObjectName(QStringLiteral("statusLabel"));
    m_dot->setFixedSize(10, 10);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 2, 8, 2);
    layout->setSpacing(7);
    layout->addWidget(m_dot);
    layout->addWidget(m_label);
    connect(m_session, &Session::connectionStateChanged, this, &StatusIndicator::refresh);
    connect(m_session, &Session::pendingCountChanged, this, &StatusIndicator::refresh);
    refresh();
}

QString StatusIndicator::text() const
{
    return m_label->text();
}

QString StatusIndicator::describe(Session::ConnectionState state, int pending)
{
    switch (state) {
    case Session::ConnectionState::Online:
        return pending > 0 ? tr("Online — sending %n change(s)", nullptr, pending) : tr("Online");
    case Session::ConnectionState::Connecting:
        return tr("Connecting…");
    case Session::ConnectionState::Offline:
        break;
    }
    return pending > 0 ? tr("Offline — %n pending", nullptr, pending) : tr("Offline");
}

void StatusIndicator::refresh()
{
    const Session::ConnectionState state = m_session->connectionState();
    const int pending = m_session->pendingCount();
    m_label->setText(describe(state, pending));
    QColor colour = theme::offline();
    QString tip = tr("Not connected. Everything you write is kept and sent once the server is back.");
    if (state == Session::ConnectionState::Online) {
        colour = theme::online();
        tip = tr("Connected to %1").arg(m_session->server().toDisplayString());
    } else if (state == Session::ConnectionState::Connecting) {
        colour = theme::connecting();
        tip = tr("Connecting to %1").arg(m_session->server().toDisplayString());
    }
    m_dot->setStyleSheet(QStringLiteral("background: %1; border-radius: 5px;").arg(colour.name()));
    setToolTip(tip);
}

} // namespace plein::client
