#include "chat/ChatMarkdown.h"

#include "chat/CodeHighlighter.h"

#include <QRegularExpression>

namespace plein::client::chatmarkdown {

namespace {

QString inlineHtml(const QString &escaped, const QString &me, bool dark)
{
    QString s = escaped;
    // Inline code first, so nothing inside it is touched: swap each span for a marker.
    QStringList codes;
    static const QRegularExpression code(QStringLiteral("`([^`\\n]+)`"));
    for (auto m = code.match(s); m.hasMatch(); m = code.match(s)) {
        codes.append(m.captured(1));
        s.replace(m.capturedStart(), m.capturedLength(), QStringLiteral("\x01%1\x01").arg(codes.size() - 1));
    }
    static const QRegularExpression link(QStringLiteral("(https?://[^\\s<]+[^\\s<.,;:!?)\\]])"));
    s.replace(link, QStringLiteral("<a href=\"\\1\">\\1</a>"));
    static const QRegularExpression bold(QStringLiteral("\\*\\*([^*\\n]+)\\*\\*"));
    s.replace(bold, QStringLiteral("<b>\\1</b>"));
    static const QRegularExpression italic(QStringLiteral("(^|[^*\\w])\\*([^*\\n]+)\\*(?!\\w)"));
    s.replace(italic, QStringLiteral("\\1<i>\\2</i>"));
    static const QRegularExpression mention(QStringLiteral("(^|[^\\w@/])@([a-z0-9._-]*[a-z0-9])"),
                                            QRegularExpression::CaseInsensitiveOption);
    QString out;
    qsizetype last = 0;
    for (auto it = mention.globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        out += s.mid(last, m.capturedStart(2) - 1 - last);
        const bool mine = !me.isEmpty() && m.captured(2).compare(me, Qt::CaseInsensitive) == 0;
        out += mine ? QStringLiteral("<span style=\"background:%1;color:#ffffff;font-weight:600\">&nbsp;@%2&nbsp;</span>")
                          .arg(dark ? QStringLiteral("#0e7c86") : QStringLiteral("#0e7c86"), m.captured(2))
                    : QStringLiteral("<span style=\"color:#0e7c86;font-weight:600\">@%1</span>").arg(m.captured(2));
        last = m.capturedEnd(2);
    }
    out += s.mid(last);
    for (qsizetype i = 0; i < codes.size(); ++i)
        out.replace(QStringLiteral("\x01%1\x01").arg(i),
                    QStringLiteral("<code style=\"font-family:monospace;background:%1\">&nbsp;%2&nbsp;</code>")
                        .arg(codehighlight::background(dark), codes.at(i)));
    return out;
}

} // namespace

QString toHtml(const QString &text, const QString &me, bool dark)
{
    QString html;
    const QStringList lines = text.split(QLatin1Char('\n'));
    QStringList paragraph;
    auto flush = [&] {
        if (paragraph.isEmpty())
            return;
        html += QStringLiteral("<p style=\"margin:0\">")
                + inlineHtml(paragraph.join(QLatin1Char('\n')).toHtmlEscaped(), me, dark)
                      .replace(QLatin1Char('\n'), QStringLiteral("<br>"))
                + QStringLiteral("</p>");
        paragraph.clear();
    };
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.trimmed().startsWith(QLatin1String("```"))) {
            flush();
            const QString language = line.trimmed().mid(3).trimmed();
            QStringList code;
            ++i;
            while (i < lines.size() && !lines.at(i).trimmed().startsWith(QLatin1String("```")))
                code.append(lines.at(i++));
            // A table cell gives the block its background across the whole width.
            html += QStringLiteral("<table width=\"100%\" cellpadding=\"8\" style=\"margin-top:4px;margin-bottom:4px\">"
                                   "<tr><td style=\"background:%1\"><pre style=\"margin:0;font-family:monospace\">%2</pre>"
                                   "</td></tr></table>")
                        .arg(codehighlight::background(dark), codehighlight::toHtml(code.join(QLatin1Char('\n')), language, dark));
            continue;
        }
        if (line.startsWith(QLatin1String("- ")) || line.startsWith(QLatin1String("* "))) {
            paragraph.append(QStringLiteral("• ") + line.mid(2));
            continue;
        }
        paragraph.append(line);
    }
    flush();
    return html;
}

} // namespace plein::client::chatmarkdown
