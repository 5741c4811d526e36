#pragma once

#include <QWidget>

namespace plein::client {

// A page that is not built yet: its name and, in a sentence or two, what it will hold.
class PlaceholderPage : public QWidget
{
    Q_OBJECT
public:
    PlaceholderPage(const QString &title, const QString &description, QWidget *parent = nullptr);
};

} // namespace plein::client
