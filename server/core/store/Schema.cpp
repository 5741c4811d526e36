#include "store/Schema.h"

namespace plein::server {

// Times are BIGINT milliseconds since the epoch (UTC); flags are INTEGER 0/1. Everything
// except the AUTOINCREMENT key of `changes` reads the same in PostgreSQL (BIGSERIAL there).
const QList<Migration> &migrations()
{
    static const QList<Migration> list = {
        {1,
         QStringLiteral("accounts: users, sessions, failed sign-ins"),
         {
             QStringLiteral("CREATE TABLE users ("
                            " id TEXT PRIMARY KEY,"
                            " name TEXT NOT NULL UNIQUE,"
                            " display_name TEXT NOT NULL,"
                            " role TEXT NOT NULL,"
                            " department TEXT NOT NULL DEFAULT '',"
                            " title TEXT NOT NULL DEFAULT '',"
                            " password_hash TEXT NOT NULL,"
                            " created BIGINT NOT NULL,"
                            " active INTEGER NOT NULL DEFAULT 1)"),
             QStringLiteral("CREATE TABLE sessions ("
                            " token_hash TEXT PRIMARY KEY,"
                            " user_id TEXT NOT NULL REFERENCES users(id),"
                            " device TEXT NOT NULL DEFAULT '',"
                            " created BIGINT NOT NULL,"
                            " expires BIGINT NOT NULL,"
                            " revoked BIGINT)"),
             QStringLiteral("CREATE INDEX sessions_user ON sessions(user_id)"),
             QStringLiteral("CREATE TABLE login_failures ("
                            " name TEXT NOT NULL,"
                            " at BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX login_failures_name_at ON login_failures(name, at)"),
         }},
        {2,
         QStringLiteral("timeline and sync: posts, comments, likes, change log, applied ops"),
         {
             QStringLiteral("CREATE TABLE posts ("
                            " id TEXT PRIMARY KEY,"
                            " author TEXT NOT NULL REFERENCES users(id),"
                            " text TEXT NOT NULL,"
                            " created BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX posts_created ON posts(created)"),
             QStringLiteral("CREATE TABLE comments ("
                            " id TEXT PRIMARY KEY,"
                            " post_id TEXT NOT NULL REFERENCES posts(id),"
                            " author TEXT NOT NULL REFERENCES users(id),"
                            " text TEXT NOT NULL,"
                            " created BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX comments_post ON comments(post_id, created)"),
             QStringLiteral("CREATE TABLE likes ("
                            " post_id TEXT NOT NULL REFERENCES posts(id),"
                            " user_id TEXT NOT NULL REFERENCES users(id),"
                            " created BIGINT NOT NULL,"
                            " PRIMARY KEY (post_id, user_id))"),
             // One global, strictly increasing seq: AUTOINCREMENT never reuses a number,
             // even after the newest row is deleted (a trimmed log must not repeat seqs).
             QStringLiteral("CREATE TABLE changes ("
                            " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                            " audience TEXT NOT NULL,"
                            " kind TEXT NOT NULL,"
                            " entity TEXT NOT NULL,"
                            " op TEXT,"
                            " deleted INTEGER NOT NULL DEFAULT 0,"
                            " payload TEXT NOT NULL,"
                            " created BIGINT NOT NULL)"),
             // Sync reads "audience IN (mine) AND seq > cursor ORDER BY seq".
             QStringLiteral("CREATE INDEX changes_audience_seq ON changes(audience, seq)"),
             QStringLiteral("CREATE TABLE applied_ops ("
                            " user_id TEXT NOT NULL,"
                            " op TEXT NOT NULL,"
                            " result TEXT NOT NULL,"
                            " created BIGINT NOT NULL,"
                            " PRIMARY KEY (user_id, op))"),
         }},
        {3,
         QStringLiteral("managed news: articles, reads and acknowledgements, comments, reactions"),
         {
             // departments/locations: JSON arrays of names; both empty means everyone.
             // state: scheduled | published | unpublished.
             QStringLiteral("CREATE TABLE news ("
                            " id TEXT PRIMARY KEY,"
                            " author TEXT NOT NULL REFERENCES users(id),"
                            " title TEXT NOT NULL,"
                            " text TEXT NOT NULL,"
                            " departments TEXT NOT NULL DEFAULT '[]',"
                            " locations TEXT NOT NULL DEFAULT '[]',"
                            " must_read INTEGER NOT NULL DEFAULT 0,"
                            " pinned INTEGER NOT NULL DEFAULT 0,"
                            " publish_at BIGINT NOT NULL,"
                            " state TEXT NOT NULL,"
                            " created BIGINT NOT NULL,"
                            " edited BIGINT NOT NULL DEFAULT 0)"),
             // The scheduler asks for the next due scheduled article.
             QStringLiteral("CREATE INDEX news_state_publish ON news(state, publish_at)"),
             QStringLiteral("CREATE TABLE news_reads ("
                            " article TEXT NOT NULL REFERENCES news(id),"
                            " user_id TEXT NOT NULL REFERENCES users(id),"
                            " read_at BIGINT NOT NULL,"
                            " acked_at BIGINT NOT NULL DEFAULT 0,"
                            " PRIMARY KEY (article, user_id))"),
             QStringLiteral("CREATE TABLE news_comments ("
                            " id TEXT PRIMARY KEY,"
                            " article TEXT NOT NULL REFERENCES news(id),"
                            " author TEXT NOT NULL REFERENCES users(id),"
                            " text TEXT NOT NULL,"
                            " created BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX news_comments_article ON news_comments(article, created)"),
             QStringLiteral("CREATE TABLE news_reactions ("
                            " article TEXT NOT NULL REFERENCES news(id),"
                            " user_id TEXT NOT NULL REFERENCES users(id),"
                            " reaction TEXT NOT NULL,"
                            " created BIGINT NOT NULL,"
                            " PRIMARY KEY (article, user_id, reaction))"),
         }},
        {4,
         QStringLiteral("scoped audiences (members of rooms and groups) and chat"),
         {
             // joined_seq: the seq of the member's `scope` change when they joined; a sync
             // from a cursor below it sends the scope as a snapshot instead of its log.
             // seq: the member's last `member` change (snapshots carry the member list).
             QStringLiteral("CREATE TABLE scope_members ("
                            " scope TEXT NOT NULL,"
                            " user_id TEXT NOT NULL REFERENCES users(id),"
                            " role TEXT NOT NULL,"
                            " joined BIGINT NOT NULL,"
                            " joined_seq BIGINT NOT NULL,"
                            " seq BIGINT NOT NULL DEFAULT 0,"
                            " PRIMARY KEY (scope, user_id))"),
             QStringLiteral("CREATE INDEX scope_members_user ON scope_members(user_id)"),
             // Chat (features/chat). direct_key: "<user>|<user>" sorted, so that a pair has
             // one direct room; NULL for group rooms.
             QStringLiteral("CREATE TABLE chat_rooms ("
                            " id TEXT PRIMARY KEY,"
                            " name TEXT NOT NULL DEFAULT '',"
                            " direct INTEGER NOT NULL DEFAULT 0,"
                            " direct_key TEXT UNIQUE,"
                            " creator TEXT NOT NULL REFERENCES users(id),"
                            " created BIGINT NOT NULL,"
                            " seq BIGINT NOT NULL DEFAULT 0)"),
             // pos: the room order, one increasing number over all rooms; history pages by it.
             // seq: the message's last change (snapshots and history carry it).
             QStringLiteral("CREATE TABLE chat_messages ("
                            " id TEXT PRIMARY KEY,"
                            " room TEXT NOT NULL REFERENCES chat_rooms(id),"
                            " author TEXT NOT NULL REFERENCES users(id),"
                            " text TEXT NOT NULL,"
                            " created BIGINT NOT NULL,"
                            " pos BIGINT NOT NULL UNIQUE,"
                            " edited BIGINT NOT NULL DEFAULT 0,"
                            " deleted INTEGER NOT NULL DEFAULT 0,"
                            " reply_to TEXT NOT NULL DEFAULT '',"
                            " seq BIGINT NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE INDEX chat_messages_room_pos ON chat_messages(room, pos)"),
             QStringLiteral("CREATE TABLE chat_reactions ("
                            " message TEXT NOT NULL REFERENCES chat_messages(id),"
                            " user_id TEXT NOT NULL REFERENCES users(id),"
                            " emoji TEXT NOT NULL,"
                            " room TEXT NOT NULL,"
                            " seq BIGINT NOT NULL DEFAULT 0,"
                            " PRIMARY KEY (message, user_id, emoji))"),
             QStringLiteral("CREATE TABLE chat_state ("
                            " user_id TEXT NOT NULL REFERENCES users(id),"
                            " room TEXT NOT NULL,"
                            " read_pos BIGINT NOT NULL DEFAULT 0,"
                            " muted INTEGER NOT NULL DEFAULT 0,"
                            " PRIMARY KEY (user_id, room))"),
         }},
        {5,
         QStringLiteral("people: profiles, photos, endorsements, expert questions and answers, search gaps"),
         {
             // One row per user; employee_id is the key of directory imports (NULL for
             // accounts made by hand). skills/languages: one per line.
             QStringLiteral("CREATE TABLE profiles ("
                            " user_id TEXT PRIMARY KEY REFERENCES users(id),"
                            " employee_id TEXT UNIQUE,"
                            " email TEXT NOT NULL DEFAULT '',"
                            " phone TEXT NOT NULL DEFAULT '',"
                            " bio TEXT NOT NULL DEFAULT '',"
                            " location TEXT NOT NULL DEFAULT '',"
                            " manager TEXT NOT NULL DEFAULT '',"
                            " start_date TEXT NOT NULL DEFAULT '',"
                            " skills TEXT NOT NULL DEFAULT '',"
                            " languages TEXT NOT NULL DEFAULT '',"
                            " photo TEXT NOT NULL DEFAULT '',"
                            " updated BIGINT NOT NULL DEFAULT 0)"),
             // Content-addressed by the SHA-256 of the original; thumbnails made on upload.
             // Keyed by owner too: a profile may only show a photo its owner uploaded.
             QStringLiteral("CREATE TABLE photos ("
                            " hash TEXT NOT NULL,"
                            " owner TEXT NOT NULL REFERENCES users(id),"
                            " width INTEGER NOT NULL,"
                            " height INTEGER NOT NULL,"
                            " original BLOB NOT NULL,"
                            " small BLOB NOT NULL,"
                            " medium BLOB NOT NULL,"
                            " created BIGINT NOT NULL,"
                            " PRIMARY KEY (hash, owner))"),
             QStringLiteral("CREATE TABLE endorsements ("
                            " person TEXT NOT NULL REFERENCES users(id),"
                            " skill TEXT NOT NULL,"
                            " by_user TEXT NOT NULL REFERENCES users(id),"
                            " created BIGINT NOT NULL,"
                            " PRIMARY KEY (person, skill, by_user))"),
             QStringLiteral("CREATE TABLE expert_questions ("
                            " id TEXT PRIMARY KEY,"
                            " asker TEXT NOT NULL REFERENCES users(id),"
                            " topic TEXT NOT NULL,"
                            " text TEXT NOT NULL,"
                            " experts TEXT NOT NULL,"
                            " created BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE expert_answers ("
                            " id TEXT PRIMARY KEY,"
                            " question TEXT NOT NULL REFERENCES expert_questions(id),"
                            " author TEXT NOT NULL REFERENCES users(id),"
                            " text TEXT NOT NULL,"
                            " created BIGINT NOT NULL)"),
             // Aggregated on purpose: a term, how often it found nobody, and when last.
             // Nothing here says who searched.
             QStringLiteral("CREATE TABLE search_gaps ("
                            " term TEXT PRIMARY KEY,"
                            " count INTEGER NOT NULL,"
                            " last BIGINT NOT NULL)"),
         }},
        {6,
         QStringLiteral("groups: settings, join requests, posts (members live in scope_members)"),
         {
             QStringLiteral("CREATE TABLE groups ("
                            " id TEXT PRIMARY KEY,"
                            " name TEXT NOT NULL,"
                            " description TEXT NOT NULL DEFAULT '',"
                            " kind TEXT NOT NULL,"
                            " visibility TEXT NOT NULL,"
                            " creator TEXT NOT NULL REFERENCES users(id),"
                            " created BIGINT NOT NULL,"
                            " seq BIGINT NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE TABLE group_requests ("
                            " group_id TEXT NOT NULL REFERENCES groups(id),"
                            " user_id TEXT NOT NULL REFERENCES users(id),"
                            " at BIGINT NOT NULL,"
                            " PRIMARY KEY (group_id, user_id))"),
             // pos: the seq that created the post, the order key of pages.
             QStringLiteral("CREATE TABLE group_posts ("
                            " id TEXT PRIMARY KEY,"
                            " group_id TEXT NOT NULL REFERENCES groups(id),"
                            " author TEXT NOT NULL REFERENCES users(id),"
                            " text TEXT NOT NULL,"
                            " created BIGINT NOT NULL,"
                            " pos BIGINT NOT NULL,"
                            " seq BIGINT NOT NULL)"),
             QStringLiteral("CREATE INDEX group_posts_pos ON group_posts(group_id, pos)"),
         }},
        {7,
         QStringLiteral("follows, start page layouts, notifications and group mutes"),
         {
             // kind: person | group; is_on 0 keeps an explicit unfollow (members follow their
             // groups unless they say otherwise); seq: the change that set it.
             QStringLiteral("CREATE TABLE follows ("
                            " user_id TEXT NOT NULL REFERENCES users(id),"
                            " kind TEXT NOT NULL,"
                            " target TEXT NOT NULL,"
                            " is_on INTEGER NOT NULL,"
                            " at BIGINT NOT NULL,"
                            " seq BIGINT NOT NULL DEFAULT 0,"
                            " PRIMARY KEY (user_id, kind, target))"),
             QStringLiteral("CREATE INDEX follows_target ON follows(kind, target)"),
             // widgets: one id per line, top to bottom.
             QStringLiteral("CREATE TABLE home_layouts ("
                            " user_id TEXT PRIMARY KEY REFERENCES users(id),"
                            " widgets TEXT NOT NULL,"
                            " updated BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE notifications ("
                            " id TEXT PRIMARY KEY,"
                            " user_id TEXT NOT NULL REFERENCES users(id),"
                            " kind TEXT NOT NULL,"
                            " actor TEXT NOT NULL DEFAULT '',"
                            " item TEXT NOT NULL DEFAULT '',"
                            " item_kind TEXT NOT NULL DEFAULT '',"
                            " parent TEXT NOT NULL DEFAULT '',"
                            " group_id TEXT NOT NULL DEFAULT '',"
                            " text TEXT NOT NULL DEFAULT '',"
                            " created BIGINT NOT NULL,"
                            " read_at BIGINT NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE INDEX notifications_unread ON notifications(user_id, read_at, created)"),
             QStringLiteral("CREATE TABLE notify_mutes ("
                            " user_id TEXT NOT NULL REFERENCES users(id),"
                            " group_id TEXT NOT NULL,"
                            " PRIMARY KEY (user_id, group_id))"),
         }},
        {8,
         QStringLiteral("posts: edits and tombstones, comments on group posts and blog pages, reactions, blog pages"),
         {
             // edited: when the author last changed the text (0: never); deleted: a tombstone
             // whose text is gone and whose row stays so threads keep their shape.
             QStringLiteral("ALTER TABLE posts ADD COLUMN edited BIGINT NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE posts ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE comments ADD COLUMN edited BIGINT NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE comments ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE group_posts ADD COLUMN edited BIGINT NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE group_posts ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0"),
             // Comments on group posts and blog pages; audience: the post's (org or group:<id>).
             QStringLiteral("CREATE TABLE post_comments ("
                            " id TEXT PRIMARY KEY,"
                            " post TEXT NOT NULL,"
                            " group_id TEXT NOT NULL DEFAULT '',"
                            " author TEXT NOT NULL REFERENCES users(id),"
                            " text TEXT NOT NULL,"
                            " created BIGINT NOT NULL,"
                            " edited BIGINT NOT NULL DEFAULT 0,"
                            " deleted INTEGER NOT NULL DEFAULT 0,"
                            " seq BIGINT NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE INDEX post_comments_post ON post_comments(post, created)"),
             // Reactions on any post except a company post's like (that stays in likes).
             QStringLiteral("CREATE TABLE post_reactions ("
                            " post TEXT NOT NULL,"
                            " user_id TEXT NOT NULL REFERENCES users(id),"
                            " reaction TEXT NOT NULL,"
                            " group_id TEXT NOT NULL DEFAULT '',"
                            " created BIGINT NOT NULL,"
                            " seq BIGINT NOT NULL DEFAULT 0,"
                            " PRIMARY KEY (post, user_id, reaction))"),
             // group_id empty: on the author's profile (org).
             QStringLiteral("CREATE TABLE blog_pages ("
                            " id TEXT PRIMARY KEY,"
                            " group_id TEXT NOT NULL DEFAULT '',"
                            " author TEXT NOT NULL REFERENCES users(id),"
                            " title TEXT NOT NULL,"
                            " text TEXT NOT NULL,"
                            " created BIGINT NOT NULL,"
                            " edited BIGINT NOT NULL DEFAULT 0,"
                            " deleted INTEGER NOT NULL DEFAULT 0,"
                            " seq BIGINT NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE INDEX blog_pages_group ON blog_pages(group_id, created)"),
         }},
        {9,
         QStringLiteral("news at scale: published must-reads and an article's reach read from indexes"),
         {
             QStringLiteral("CREATE INDEX news_must_read ON news(publish_at) WHERE must_read = 1 AND state = 'published'"),
             // An article's reach: the audience counted on an index, the first who have not
             // acknowledged read in name order without sorting everyone.
             QStringLiteral("CREATE INDEX users_active_department ON users(active, department)"),
             QStringLiteral("CREATE INDEX users_active_name ON users(active, display_name, id)"),
         }},
    };
    return list;
}

} // namespace plein::server
