#pragma once

#include <QString>

namespace plein::client::codehighlight {

// Colours a code block as HTML spans (escaped, no <pre>). With KSyntaxHighlighting in the
// build (PLEIN_HAVE_KSYNTAXHIGHLIGHTING) the language's definition and a light or dark
// theme do it; without it the code comes back escaped and plain.
QString toHtml(const QString &code, const QString &language, bool dark);
// "KSyntaxHighlighting 5.103" or "none", for the About box and the logs.
QString backendName();
// The background colour of code blocks for the theme in use.
QString background(bool dark);

} // namespace plein::client::codehighlight
