#pragma once

#include <QList>
#include <QString>

// The fictional organisation behind --demo ("Plein Holding", a Dutch-English company):
// its people, and the texts its timeline is made of. Plain data, and the rule for the
// people's ids that every demo seed refers to them by.
namespace plein::server::demo {

struct PersonSpec
{
    const char *name;         // sign-in name
    const char *displayName;  // UTF-8
    const char *role;
    const char *department;
    const char *title;
};

const QList<PersonSpec> &people();
// The id of the demo person with this sign-in name: the same on every run.
QString user(const char *name);
inline constexpr qint64 HourMs = 60 * 60 * 1000;
// Posts and comments in Dutch and English, UTF-8.
const QList<const char *> &postTexts();
const QList<const char *> &commentTexts();

} // namespace plein::server::demo
