#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace plein::client {

// "just now", "5 min ago", "3 h ago", "2 days ago", then a date: short, translated, with
// plural forms, the way a timeline states when something was written.
class RelativeTime
{
    Q_DECLARE_TR_FUNCTIONS(RelativeTime)
public:
    static QString format(const QDateTime &when, const QDateTime &now = QDateTime::currentDateTime());
    // The full date and time, for tooltips.
    static QString exact(const QDateTime &when);
};

} // namespace plein::client
