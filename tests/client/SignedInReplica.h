#pragma once

// A replica file in a temporary folder whose signed-in user ("me") is known, for client tests
// that replay server changes and local writes in an exact order without a server.
#include "cache/ChangeApplier.h"
#include "cache/Replica.h"
#include "model/Ids.h"
#include "model/Types.h"
#include "protocol/Messages.h"

#include <QSqlDatabase>
#include <QTemporaryDir>

#include <memory>

namespace plein::test {

class SignedInReplica
{
public:
    // Opens a fresh replica and records me as its user; false when any step fails.
    bool open(const QString &prefix)
    {
        using namespace plein::client;
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            return false;
        m_conn = Replica::uniqueConnectionName(prefix);
        if (!Replica::open(m_dir->filePath(QStringLiteral("replica.sqlite")), m_conn, Replica::Access::ReadWrite))
            return false;
        m_me = ids::create();
        ChangeApplier applier(db());
        const Person person{m_me, QStringLiteral("me"), QStringLiteral("Me"), QStringLiteral("employee"), {}, {}};
        return applier.apply({protocol::Change{1, QStringLiteral("user"), m_me, {}, false, protocol::encode(person)}}).ok()
               && Replica::setMeta(db(), QLatin1String(metakey::UserId), m_me);
    }
    void close()
    {
        client::Replica::close(m_conn);
        m_dir.reset();
    }
    QSqlDatabase db() const { return QSqlDatabase::database(m_conn, false); }
    const QString &connection() const { return m_conn; }
    const QString &me() const { return m_me; }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_conn;
    QString m_me;
};

} // namespace plein::test
