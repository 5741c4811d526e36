#pragma once

class QWidget;

namespace plein::client {

class Session;
class WidgetRegistry;

// The built-in start page widgets: news, my timeline, mentions, my groups, new colleagues.
namespace homewidgets {

void registerBuiltIns(WidgetRegistry &registry);

QWidget *news(Session *session, QWidget *parent);
QWidget *timeline(Session *session, QWidget *parent);
QWidget *mentions(Session *session, QWidget *parent);
QWidget *groups(Session *session, QWidget *parent);
QWidget *colleagues(Session *session, QWidget *parent);

} // namespace homewidgets
} // namespace plein::client
