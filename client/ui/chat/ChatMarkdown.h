#pragma once

#include <QString>

namespace plein::client::chatmarkdown {

// The Markdown of chat messages as rich-text HTML for QTextDocument: fenced code blocks
// (monospace, coloured by CodeHighlighter), `inline code`, **bold**, *italic*, links, and
// @mentions (stronger when they name `me`). Everything else is escaped text.
QString toHtml(const QString &text, const QString &me, bool dark);

} // namespace plein::client::chatmarkdown
