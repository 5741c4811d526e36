#include "auth/Password.h"

#include "Logging.h"
#include "protocol/Protocol.h"

#include <QRandomGenerator>

#include <argon2.h>

#include <array>
#include <string>

namespace plein::server::password {

namespace {
constexpr quint32 SaltBytes = 16;
constexpr quint32 HashBytes = 32;
} // namespace

Result<QString> hash(const QString &password)
{
    std::array<quint32, SaltBytes / sizeof(quint32)> salt{};
    QRandomGenerator::system()->fillRange(salt.data(), qsizetype(salt.size()));
    const QByteArray pwd = password.toUtf8();
    const size_t len = argon2_encodedlen(TimeCost, MemoryKiB, Parallelism, SaltBytes, HashBytes, Argon2_id);
    std::string encoded(len, '\0');
    const int rc = argon2id_hash_encoded(TimeCost, MemoryKiB, Parallelism, pwd.constData(), size_t(pwd.size()),
                                         salt.data(), SaltBytes, HashBytes, encoded.data(), encoded.size());
    if (rc != ARGON2_OK) {
        qCCritical(lcAuth, "argon2id hashing failed: %s", argon2_error_message(rc));
        return Error{QLatin1String(protocol::code::Internal), QStringLiteral("password hashing failed")};
    }
    return QString::fromLatin1(encoded.c_str());
}

bool verify(const QString &phc, const QString &password)
{
    if (!phc.startsWith(QLatin1String("$argon2id$")))
        return false;
    const QByteArray encoded = phc.toLatin1();
    const QByteArray pwd = password.toUtf8();
    return argon2id_verify(encoded.constData(), pwd.constData(), size_t(pwd.size())) == ARGON2_OK;
}

} // namespace plein::server::password
