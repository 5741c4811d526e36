#include "common/RelativeTime.h"

#include <QLocale>

namespace plein::client {

QString RelativeTime::format(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return QString();
    // A clock a little ahead of ours still reads as "just now".
    const qint64 secs = qMax<qint64>(0, when.secsTo(now));
    if (secs < 60)
        return tr("just now");
    if (secs < 3600)
        return tr("%n min ago", "minutes, abbreviated", int(secs / 60));
    if (secs < 24 * 3600)
        return tr("%n h ago", "hours, abbreviated", int(secs / 3600));
    const qint64 days = when.date().daysTo(now.date());
    if (days <= 1)
        return tr("yesterday");
    if (days < 7)
        return tr("%n day(s) ago", nullptr, int(days));
    const QLocale locale;
    if (when.date().year() == now.date().year())
        return locale.toString(when.date(), tr("d MMM", "date within this year; QDate format"));
    return locale.toString(when.date(), tr("d MMM yyyy", "date in another year; QDate format"));
}

QString RelativeTime::exact(const QDateTime &when)
{
    // In the reader's own time zone, without seconds or a zone name: a person reads this, not a log.
    const QDateTime local = when.toLocalTime();
    const QLocale locale;
    return tr("%1 at %2", "long date, then time of day")
        .arg(locale.toString(local.date(), QLocale::LongFormat), locale.toString(local.time(), QLocale::ShortFormat));
}

} // namespace plein::client
