#pragma once

#include <QString>

namespace plein::client::markdown {

// Markdown of posts, comments and blog pages as rich-text HTML for QTextDocument, built from
// escaped text so nothing the author typed becomes markup of its own (no raw HTML, no
// scripts, no images from elsewhere). Understands headings (#, ##, ###), paragraphs and line
// breaks, - / * and 1. lists, > quotes, fenced code blocks and `code` spans (monospace),
// **bold**, *italic*, http(s) links and [text](http…) links, @mentions (protocol::
// mentionedNames' rule; stronger when they name `me`) and #hashtags (protocol::people::
// hashtags' rule). Mentions link to "mention:<name>", hashtags to "tag:<tag>".
QString toHtml(const QString &text, const QString &me = {});

// Plain text of a Markdown excerpt for previews: markers dropped, at most maxChars.
QString excerpt(const QString &text, int maxChars);

} // namespace plein::client::markdown
