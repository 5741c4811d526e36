#include "seed/BulkSessions.h"

#include "Backend.h"
#include "auth/Tokens.h"
#include "model/Ids.h"
#include "store/Database.h"

#include <QFile>
#include <QSaveFile>

namespace plein::server {

std::optional<QList<BulkSessions::Issued>> BulkSessions::issue(Backend &backend, int count, qint64 validMs,
                                                               const QString &device)
{
    QList<Issued> out;
    Transaction tx(backend.db);
    Stmt users(backend.db, QStringLiteral("SELECT id, name FROM users WHERE active = 1 ORDER BY name LIMIT ?"));
    users.bind(count > 0 ? qint64(count) : qint64(-1));
    if (!users.exec())
        return std::nullopt;
    while (users.next())
        out.append({users.value(1).toString(), users.value(0).toString(), {}});
    const qint64 now = ids::nowMs();
    for (Issued &i : out) {
        i.token = tokens::create();
        if (!backend.sessions.insert({tokens::hash(i.token), i.userId, device, now, now + validMs, 0}))
            return std::nullopt;
    }
    if (!tx.commit())
        return std::nullopt;
    return out;
}

bool BulkSessions::write(const QList<Issued> &issued, const QString &path, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        *error = f.errorString();
        return false;
    }
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    for (const Issued &i : issued)
        f.write(i.name.toUtf8() + '\t' + i.userId.toUtf8() + '\t' + i.token.toUtf8() + '\n');
    if (!f.commit()) {
        *error = f.errorString();
        return false;
    }
    return true;
}

QList<BulkSessions::Issued> BulkSessions::read(const QString &path)
{
    QList<Issued> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> parts = line.split('\t');
        if (parts.size() == 3)
            out.append({QString::fromUtf8(parts[0]), QString::fromUtf8(parts[1]), QString::fromUtf8(parts[2])});
    }
    return out;
}

} // namespace plein::server
