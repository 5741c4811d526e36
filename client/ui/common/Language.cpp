#include "common/Language.h"

#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace plein::client {

namespace {
QString systemCode()
{
    for (const QString &name : QLocale::system().uiLanguages()) {
        const QString code = name.left(2).toLower();
        if (code == u"nl" || code == u"en")
            return code;
    }
    return QStringLiteral("en");
}
} // namespace

QStringList Language::choices()
{
    return {QString(), QStringLiteral("en"), QStringLiteral("nl")};
}

QString Language::label(const QString &code)
{
    // Language names stay in their own language, so anyone can find theirs.
    if (code == u"en")
        return QStringLiteral("English");
    if (code == u"nl")
        return QStringLiteral("Nederlands");
    return tr("System language (%1)").arg(label(systemCode()));
}

QString Language::install(QCoreApplication *app, const QString &code)
{
    const QString used = choices().contains(code) && !code.isEmpty() ? code : systemCode();
    if (!code.isEmpty()) {
        // An explicit choice also sets how dates and numbers are written.
        const QLocale locale(used == u"nl" ? QLocale::Dutch : QLocale::English,
                             used == u"nl" ? QLocale::Netherlands : QLocale::UnitedKingdom);
        QLocale::setDefault(locale);
    }
    auto *own = new QTranslator(app);
    if (own->load(QStringLiteral(":/i18n/plein_%1").arg(used)))
        QCoreApplication::installTranslator(own);
    else
        delete own;
    // Qt's own strings (standard buttons, context menus) when the system has them.
    auto *qt = new QTranslator(app);
    if (qt->load(QStringLiteral("qtbase_%1").arg(used), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return used;
}

} // namespace plein::client
