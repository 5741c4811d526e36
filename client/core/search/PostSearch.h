#pragma once

#include "cache/Statements.h"
#include "models/CacheListModel.h"

#include <QSqlDatabase>
#include <QString>

namespace plein::client {

// Ranked full-text search over the replica's posts and comments (FTS5, migration 3 in
// Replica.cpp). A post matches by its own text or by one of its comments (a comment hit
// counts half); hits are ordered by bm25, best first, among the newest RankedMatches
// matches of each side. Words are matched whole, the last one of four or more letters also
// as a prefix (search as you type); diacritics and case are ignored.
class PostSearch
{
public:
    // db: a connection on this thread (the session's read connection).
    explicit PostSearch(const QSqlDatabase &db) : m_sql(db) {}

    // Each side (posts, comments) ranks at most this many of its newest matches: a word
    // found in a large part of the cache costs the same as a rarer one (see search()).
    static constexpr int RankedMatches = 1000;
    // The last word is also a prefix once it has this many characters.
    static constexpr int MinPrefixChars = 4;

    // At most `limit` posts, best first, in the timeline's row layout (likedByMe is false).
    // Empty for a query with no words.
    QList<ItemRow> search(const QString &query, int limit = 50);

    // The FTS5 match expression for what a user typed: each word quoted, the last one also
    // as a prefix (from MinPrefixChars), so that no input is read as FTS5 syntax. Empty
    // when there are no words.
    static QString matchExpression(const QString &query);
    // The SQL search() runs (tests and the benchmark check its plan).
    static QString sql();

private:
    Statements m_sql;
};

} // namespace plein::client
