#pragma once

#include <QSettings>
#include <QString>

#include <memory>

namespace plein::client::settings {

// The client's settings live in the profile directory beside the replicas, so that
// `--profile DIR` keeps a whole client (tests, several accounts side by side) in one place.
std::unique_ptr<QSettings> open(const QString &profileDir);

inline constexpr char ServerKey[] = "account/server";
inline constexpr char UserKey[] = "account/user";
inline constexpr char LanguageKey[] = "ui/language";  // "", "en" or "nl"

} // namespace plein::client::settings
