#include "features/blog/BlogFeature.h"

#include "features/timeline/PostsFeature.h"
#include "model/Ids.h"
#include "protocol/PostMessages.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"
#include "store/Database.h"
#include "sync/ChangeLog.h"
#include "sync/Writer.h"

namespace plein::server {

namespace {
QLatin1String k(const char *s)
{
    return QLatin1String(s);
}
Error error(const char *code, const QString &message)
{
    return Error{k(code), message};
}
} // namespace

void BlogFeature::registerHandlers(WriteHandlers &handlers)
{
    handlers.add(k(protocol::type::BlogSave),
                 [this](const Person &a, const QString &op, const QJsonObject &b) { return save(a, op, b); });
}

Result<protocol::AckBody> BlogFeature::save(const Person &actor, const QString &op, const QJsonObject &body)
{
    auto in = protocol::decode<protocol::BlogSaveBody>(body);
    if (!in)
        return in.error();
    protocol::BlogPage page{in->id, in->group, actor.id, in->title, in->text, ids::nowMs(), 0, false};
    Stmt s(m_db, QStringLiteral("SELECT author, group_id, created, deleted FROM blog_pages WHERE id = ?"));
    s.bind(in->id);
    const bool exists = s.exec() && s.next();
    if (exists) {
        page.author = s.value(0).toString();
        page.group = s.value(1).toString();
        page.created = s.value(2).toLongLong();
        const bool deleted = s.value(3).toInt() != 0;
        if (!page.group.isEmpty())
            if (auto e = m_posts.checkGroup(actor, page.group))
                return *e;
        if (deleted)
            return error(protocol::code::NotFound, QStringLiteral("no such page"));
        if (page.author != actor.id)
            return error(protocol::code::Forbidden, QStringLiteral("only the author edits a blog page"));
        page.edited = ids::nowMs();
        Stmt u(m_db, QStringLiteral("UPDATE blog_pages SET title = ?, text = ?, edited = ? WHERE id = ?"));
        u.bind(page.title).bind(page.text).bind(page.edited).bind(page.id);
        if (!u.exec())
            return error(protocol::code::Internal, QStringLiteral("could not store the page"));
    } else {
        if (!page.group.isEmpty())
            if (auto e = m_posts.checkGroup(actor, page.group))
                return *e;
        Stmt i(m_db, QStringLiteral("INSERT INTO blog_pages (id, group_id, author, title, text, created)"
                                    " VALUES (?, ?, ?, ?, ?, ?)"));
        i.bind(page.id).bind(page.group).bind(page.author).bind(page.title).bind(page.text).bind(page.created);
        if (!i.exec())
            return error(protocol::code::Internal, QStringLiteral("could not store the page"));
    }
    const QString audience = page.group.isEmpty() ? k(protocol::audience::Org)
                                                  : protocol::scope::make(protocol::scope::GroupPrefix, page.group);
    const qint64 seq =
        m_log.append({audience, k(protocol::kind::BlogPage), page.id, op, false, protocol::encode(page)}, ids::nowMs());
    Stmt u(m_db, QStringLiteral("UPDATE blog_pages SET seq = ? WHERE id = ?"));
    u.bind(seq).bind(page.id);
    if (seq == 0 || !u.exec())
        return error(protocol::code::Internal, QStringLiteral("could not log the page"));
    return protocol::AckBody{op, seq, page.id};
}

} // namespace plein::server
