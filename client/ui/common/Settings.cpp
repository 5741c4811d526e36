#include "common/Settings.h"

#include <QDir>

namespace plein::client::settings {

std::unique_ptr<QSettings> open(const QString &profileDir)
{
    return std::make_unique<QSettings>(QDir(profileDir).filePath(QStringLiteral("plein.ini")),
                                       QSettings::IniFormat);
}

} // namespace plein::client::settings
