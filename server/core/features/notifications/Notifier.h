#pragma once

#include "sync/ChangeLog.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace plein::server {

class Database;
class Scopes;

// Derives notifications from committed changes, in one place. It sees every change the log
// appends (ChangeLog::setObserver), inside the writer's transaction, and runs the rules
// registered for that change's kind. Each rule answers drafts: who should hear about it
// and what. The notifier drops drafts for the person who caused the change, for a group
// the recipient muted, and for anyone outside the change's audience; it stores the rest
// once (the id is derived from kind, key and recipient, so a change logged to several
// audiences, edited or re-liked notifies once) and logs each as a `notification` change to
// the recipient's own audience.
//
// Adding a notification type is one addRule() call, e.g. in a feature's set-up:
//     notifier.addRule("reaction", [&](const ChangeRecord &c) { return QList<Notifier::Draft>{...}; });
class Notifier
{
public:
    struct Draft
    {
        QString recipient;   // user id
        QString kind;        // protocol::notify::*
        QString actor;       // who caused it (never notified about it)
        QString key;         // what makes it unique per recipient and kind (an entity id)
        QString item;        // the entity to open
        QString itemKind;    // the change kind of that entity
        QString parent;      // the post of a comment
        QString group;       // the group it happened in (muting applies), else empty
        QString text;        // excerpt, shortened to protocol::notify::MaxTextChars
    };
    using Rule = std::function<QList<Draft>(const ChangeRecord &change)>;

    Notifier(Database &db, Scopes &scopes, ChangeLog &log);

    void addRule(const QString &kind, Rule rule);
    // The ChangeLog observer.
    bool observe(const ChangeRecord &change, qint64 seq, qint64 at);

    // Helpers for rules.
    // Active users @mentioned in `text` (protocol::mentionedNames), as ids.
    QStringList mentionedUsers(const QString &text) const;
    // Whether the user is in an audience ("org", "user:<id>", a scope, "dept:", "loc:", "editors").
    bool reaches(const QString &audience, const QString &userId) const;
    QString authorOf(const char *table, const QString &id) const;
    static QString excerpt(const QString &text);

private:
    void addBuiltInRules();
    bool muted(const QString &userId, const QString &group) const;

    Database &m_db;
    Scopes &m_scopes;
    ChangeLog &m_log;
    QHash<QString, QList<Rule>> m_rules;
};

} // namespace plein::server
