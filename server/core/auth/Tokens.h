#pragma once

#include <QString>

// Session tokens: 256 random bits from the system generator, base64url without padding.
// Only their SHA-256 (hex) is stored, so a copy of the database signs nobody in.
namespace plein::server::tokens {

QString create();
QString hash(const QString &token);

} // namespace plein::server::tokens
