#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace plein::client {

// The client follows the system language unless the user picked one in Settings; the choice
// is read once at start-up, so a change applies the next time Plein starts.
class Language
{
    Q_DECLARE_TR_FUNCTIONS(Language)
public:
    // Language codes the client is translated into; "" stands for "follow the system".
    static QStringList choices();
    // "System language (Nederlands)", "English", "Nederlands": each language in its own words.
    static QString label(const QString &code);
    // Loads the embedded translation for code (or for the system's languages when code is
    // empty) and Qt's own, and sets the default locale for dates. Returns the code in use.
    static QString install(QCoreApplication *app, const QString &code);
};

} // namespace plein::client
