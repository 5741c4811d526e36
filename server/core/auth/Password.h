#pragma once

#include "protocol/Error.h"

#include <QString>

// Password hashing with Argon2id (libargon2), stored as a PHC string
// ($argon2id$v=19$m=19456,t=2,p=1$salt$hash), so the cost can be raised later without
// breaking stored hashes: verification reads the parameters from the string.
namespace plein::server::password {

constexpr quint32 TimeCost = 2;
constexpr quint32 MemoryKiB = 19 * 1024;
constexpr quint32 Parallelism = 1;

Result<QString> hash(const QString &password);
// False for a wrong password and for anything that is not a valid argon2id PHC string.
bool verify(const QString &phc, const QString &password);

} // namespace plein::server::password
