#include "features/notifications/Notifier.h"

#include "Logging.h"
#include "model/Ids.h"
#include "protocol/GroupMessages.h"
#include "protocol/HomeMessages.h"
#include "protocol/Messages.h"
#include "protocol/NewsMessages.h"
#include "protocol/PeopleMessages.h"
#include "protocol/Protocol.h"
#include "protocol/ScopeMessages.h"
#include "store/Database.h"
#include "sync/Scopes.h"

#include <QSet>

namespace plein::server {

namespace {
QLatin1String k(const char *s)
{
    return QLatin1String(s);
}
QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}
bool startsWith(const QString &s, const char *prefix)
{
    return s.startsWith(QLatin1String(prefix));
}
} // namespace

Notifier::Notifier(Database &db, Scopes &scopes, ChangeLog &log) : m_db(db), m_scopes(scopes), m_log(log)
{
    addBuiltInRules();
}

void Notifier::addRule(const QString &kind, Rule rule)
{
    m_rules[kind].append(std::move(rule));
}

QString Notifier::excerpt(const QString &text)
{
    QString t = text.simplified();
    if (t.size() > protocol::notify::MaxTextChars)
        t = t.left(protocol::notify::MaxTextChars - 1) + QChar(0x2026);
    return t;
}

QStringList Notifier::mentionedUsers(const QString &text) const
{
    QStringList out;
    for (const QString &name : protocol::mentionedNames(text)) {
        Stmt s(m_db, QStringLiteral("SELECT id FROM users WHERE name = ? AND active = 1"));
        s.bind(name);
        if (s.exec() && s.next())
            out.append(s.value(0).toString());
    }
    return out;
}

QString Notifier::authorOf(const char *table, const QString &id) const
{
    Stmt s(m_db, QStringLiteral("SELECT author FROM %1 WHERE id = ?").arg(QLatin1String(table)));
    s.bind(id);
    return (s.exec() && s.next()) ? s.value(0).toString() : QString();
}

bool Notifier::reaches(const QString &audience, const QString &userId) const
{
    if (audience == k(protocol::audience::Org))
        return true;
    if (audience == protocol::audience::user(userId))
        return true;
    if (protocol::scope::isValid(audience))
        return m_scopes.reads(audience, userId);
    QString sql;
    QString value;
    if (startsWith(audience, "dept:")) {
        sql = QStringLiteral("SELECT 1 FROM users WHERE id = ? AND active = 1 AND department = ?");
        value = audience.mid(5);
    } else if (startsWith(audience, "loc:")) {
        sql = QStringLiteral("SELECT 1 FROM profiles WHERE user_id = ? AND location = ?");
        value = audience.mid(4);
    } else if (audience == k(protocol::audience::Editors)) {
        sql = QStringLiteral("SELECT 1 FROM users WHERE id = ? AND role IN ('editor', 'admin') AND ? = ''");
    } else {
        return false;
    }
    Stmt s(m_db, sql);
    s.bind(userId).bind(value);
    return s.exec() && s.next();
}

bool Notifier::muted(const QString &userId, const QString &group) const
{
    Stmt s(m_db, QStringLiteral("SELECT 1 FROM notify_mutes WHERE user_id = ? AND group_id = ?"));
    s.bind(userId).bind(group);
    return s.exec() && s.next();
}

bool Notifier::observe(const ChangeRecord &change, qint64, qint64 at)
{
    if (change.deleted)
        return true;
    const auto rules = m_rules.constFind(change.kind);
    if (rules == m_rules.constEnd())
        return true;
    QSet<QString> told;   // one notification per recipient and change: the first draft wins
    for (const Rule &rule : rules.value()) {
        for (const Draft &d : rule(change)) {
            if (d.recipient.isEmpty() || d.recipient == d.actor || told.contains(d.recipient))
                continue;
            if (!d.group.isEmpty() && muted(d.recipient, d.group))
                continue;
            if (!reaches(change.audience, d.recipient))
                continue;
            const QString id = ids::derived(d.kind + QLatin1Char(':') + d.key + QLatin1Char(':') + d.recipient);
            told.insert(d.recipient);
            const protocol::Notification n{id,     d.kind,  d.actor,          d.item, d.itemKind, d.parent,
                                           d.group, excerpt(d.text), at,     false};
            {
                Stmt s(m_db, QStringLiteral("INSERT INTO notifications (id, user_id, kind, actor, item, item_kind,"
                                            " parent, group_id, text, created, read_at)"
                                            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) ON CONFLICT (id) DO NOTHING"));
                s.bind(id).bind(d.recipient).bind(n.kind).bind(n.actor).bind(n.item).bind(n.itemKind).bind(n.parent)
                    .bind(n.group).bind(n.text).bind(at);
                if (!s.exec())
                    return false;
                if (s.query().numRowsAffected() < 1)
                    continue;   // already told
            }
            if (m_log.append({protocol::audience::user(d.recipient), k(protocol::kind::Notification), id, QString(),
                              false, protocol::encode(n)},
                             at)
                == 0)
                return false;
        }
    }
    return true;
}

void Notifier::addBuiltInRules()
{
    using protocol::notify::Mention;
    // Mentions in company posts, group posts and comments.
    auto mentions = [this](const ChangeRecord &c, const char *itemKind, const QString &group, const QString &parent) {
        QList<Draft> out;
        const QString author = str(c.data, "author");
        const QString text = str(c.data, "text");
        for (const QString &user : mentionedUsers(text))
            out.append({user, k(Mention), author, c.entity, c.entity, k(itemKind), parent, group, text});
        return out;
    };
    addRule(k(protocol::kind::Post),
            [mentions](const ChangeRecord &c) { return mentions(c, protocol::kind::Post, {}, {}); });
    addRule(k(protocol::kind::GroupPost), [mentions](const ChangeRecord &c) {
        return mentions(c, protocol::kind::GroupPost, str(c.data, "group"), {});
    });
    addRule(k(protocol::kind::Comment), [this, mentions](const ChangeRecord &c) {
        const QString post = str(c.data, "post");
        // The comment first: the post's author hears "commented", not also "mentioned".
        QList<Draft> out{{authorOf("posts", post), k(protocol::notify::Comment), str(c.data, "author"), c.entity,
                          c.entity, k(protocol::kind::Comment), post, {}, str(c.data, "text")}};
        out += mentions(c, protocol::kind::Comment, {}, post);
        return out;
    });
    // A reaction to my post: once per person and post, however often they toggle it.
    addRule(k(protocol::kind::Like), [this](const ChangeRecord &c) {
        QList<Draft> out;
        if (!c.data.value(QLatin1String("liked")).toBool())
            return out;
        const QString post = str(c.data, "post");
        Stmt s(m_db, QStringLiteral("SELECT author, text FROM posts WHERE id = ?"));
        s.bind(post);
        if (s.exec() && s.next())
            out.append({s.value(0).toString(), k(protocol::notify::Reaction), str(c.data, "user"),
                        post + QLatin1Char(':') + str(c.data, "user"), post, k(protocol::kind::Post), {}, {},
                        s.value(1).toString()});
        return out;
    });
    // Must-read articles: MustReadNotices, per person (not per audience at publish time).
    // Expert questions: the people feature already writes each party a private notice (to
    // user:<recipient>); the notification centre lists it too, opening the question.
    addRule(k(protocol::kind::Notice), [](const ChangeRecord &c) {
        QList<Draft> out;
        auto n = protocol::decode<protocol::Notice>(c.data);
        const QString user = QLatin1String("user:");
        if (!n || !c.audience.startsWith(user))
            return out;
        const char *kind = n->kind == k(protocol::people::NoticeQuestion) ? protocol::notify::ExpertQuestion
                           : n->kind == k(protocol::people::NoticeAnswer) ? protocol::notify::ExpertAnswer
                                                                          : nullptr;
        if (kind)
            out.append({c.audience.mid(user.size()), k(kind), n->from, n->id, n->question, k(protocol::kind::Question),
                        {}, {}, n->text});
        return out;
    });
}

} // namespace plein::server
