#include "common/Markdown.h"

#include "common/Theme.h"
#include "protocol/Messages.h"
#include "protocol/PeopleMessages.h"

#include <QRegularExpression>

#include <functional>
#include <QStringList>
#include <QUrl>

namespace plein::client::markdown {

namespace {

const QString Mark = QStringLiteral("\x01");

// Swaps each match of re for a numbered marker holding html(match), so later passes never
// look inside code spans and links.
QString protect(QString s, const QRegularExpression &re, QStringList &held,
                const std::function<QString(const QRegularExpressionMatch &)> &html)
{
    QString out;
    qsizetype last = 0;
    for (auto it = re.globalMatch(s); it.hasNext();) {
        const auto m = it.next();
        out += s.mid(last, m.capturedStart() - last);
        held.append(html(m));
        out += Mark + QString::number(held.size() - 1) + Mark;
        last = m.capturedEnd();
    }
    out += s.mid(last);
    return out;
}

// A link target from escaped text: only http and https are links.
QString href(const QString &escaped)
{
    QString raw = escaped;
    raw.replace(QStringLiteral("&amp;"), QStringLiteral("&")).replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    const QUrl url(raw, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    return QString::fromUtf8(url.toEncoded()).toHtmlEscaped();
}

QString inlineHtml(const QString &escaped, const QString &me)
{
    const QString accent = theme::accent().name();
    QStringList held;
    static const QRegularExpression code(QStringLiteral("`([^`\\n]+)`"));
    QString s = protect(escaped, code, held, [](const QRegularExpressionMatch &m) {
        return QStringLiteral("<code style=\"font-family:monospace;background:#EEF2F6\">&nbsp;%1&nbsp;</code>")
            .arg(m.captured(1));
    });
    static const QRegularExpression named(QStringLiteral("\\[([^\\]\\n]+)\\]\\((https?://[^\\s)]+)\\)"));
    s = protect(s, named, held, [&](const QRegularExpressionMatch &m) {
        const QString h = href(m.captured(2));
        return h.isEmpty() ? m.captured(0)
                           : QStringLiteral("<a href=\"%1\" style=\"color:%2\">%3</a>").arg(h, accent, m.captured(1));
    });
    static const QRegularExpression bare(QStringLiteral("https?://[^\\s<]+[^\\s<.,;:!?)\\]]"));
    s = protect(s, bare, held, [&](const QRegularExpressionMatch &m) {
        const QString h = href(m.captured(0));
        return h.isEmpty() ? m.captured(0)
                           : QStringLiteral("<a href=\"%1\" style=\"color:%2\">%3</a>").arg(h, accent, m.captured(0));
    });
    static const QRegularExpression bold(QStringLiteral("\\*\\*([^*\\n]+)\\*\\*"));
    s.replace(bold, QStringLiteral("<b>\\1</b>"));
    static const QRegularExpression italic(QStringLiteral("(^|[^*\\w])\\*([^*\\n]+)\\*(?!\\w)"));
    s.replace(italic, QStringLiteral("\\1<i>\\2</i>"));
    static const QRegularExpression italic2(QStringLiteral("(^|[^_\\w])_([^_\\n]+)_(?!\\w)"));
    s.replace(italic2, QStringLiteral("\\1<i>\\2</i>"));
    // @mentions by the shared rule: a match counts only where mentionedNames() agrees.
    static const QRegularExpression mention(QStringLiteral("(^|[^\\w@/.])@([a-zA-Z0-9._-]*[a-zA-Z0-9])"),
                                            QRegularExpression::UseUnicodePropertiesOption);
    s = protect(s, mention, held, [&](const QRegularExpressionMatch &m) {
        const QString name = m.captured(2).toLower();
        if (!protocol::isValidUserName(name))
            return m.captured(0);
        const bool mine = !me.isEmpty() && name == me.toLower();
        const QString style = mine ? QStringLiteral("background:%1;color:#ffffff;font-weight:600").arg(accent)
                                   : QStringLiteral("color:%1;font-weight:600;text-decoration:none").arg(accent);
        return m.captured(1)
               + QStringLiteral("<a href=\"mention:%1\" style=\"%2\">@%3</a>").arg(name, style, m.captured(2));
    });
    // #hashtags by the shared rule; "&#..." entities never start a tag since ';'/'&' precede.
    static const QRegularExpression tag(QStringLiteral("(^|[^\\w#&])#([\\w][\\w+.-]*)"),
                                        QRegularExpression::UseUnicodePropertiesOption);
    s = protect(s, tag, held, [&](const QRegularExpressionMatch &m) {
        const QStringList tags = protocol::people::hashtags(QLatin1Char('#') + m.captured(2));
        if (tags.isEmpty())
            return m.captured(0);
        return m.captured(1) + QStringLiteral("<a href=\"tag:%1\" style=\"color:%2;text-decoration:none\">#%3</a>")
                                   .arg(tags.constFirst().toHtmlEscaped(), accent, m.captured(2));
    });
    // Restore held pieces; a marker may hold another (a link inside nothing else), so loop.
    for (qsizetype i = held.size() - 1; i >= 0; --i)
        s.replace(Mark + QString::number(i) + Mark, held.at(i));
    return s;
}

} // namespace

QString toHtml(const QString &text, const QString &me)
{
    QString html;
    QStringList paragraph;
    enum class List { None, Bullets, Numbers } list = List::None;
    auto flush = [&] {
        if (!paragraph.isEmpty()) {
            html += QStringLiteral("<p style=\"margin-top:0;margin-bottom:6px\">")
                    + inlineHtml(paragraph.join(QLatin1Char('\n')).toHtmlEscaped(), me)
                          .replace(QLatin1Char('\n'), QStringLiteral("<br>"))
                    + QStringLiteral("</p>");
            paragraph.clear();
        }
    };
    auto closeList = [&] {
        if (list != List::None)
            html += list == List::Bullets ? QStringLiteral("</ul>") : QStringLiteral("</ol>");
        list = List::None;
    };
    static const QRegularExpression heading(QStringLiteral("^(#{1,3})\\s+(.+)$"));
    static const QRegularExpression bullet(QStringLiteral("^\\s*[-*+]\\s+(.*)$"));
    static const QRegularExpression number(QStringLiteral("^\\s*\\d{1,3}[.)]\\s+(.*)$"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(QLatin1String("```"))) {
            flush();
            closeList();
            QStringList code;
            ++i;
            while (i < lines.size() && !lines.at(i).trimmed().startsWith(QLatin1String("```")))
                code.append(lines.at(i++));
            html += QStringLiteral("<table width=\"100%\" cellpadding=\"8\" style=\"margin-bottom:6px\"><tr>"
                                   "<td style=\"background:#EEF2F6\"><pre style=\"margin:0;font-family:monospace\">%1"
                                   "</pre></td></tr></table>")
                        .arg(code.join(QLatin1Char('\n')).toHtmlEscaped());
            continue;
        }
        if (trimmed.isEmpty()) {
            flush();
            closeList();
            continue;
        }
        if (const auto m = heading.match(line); m.hasMatch()) {
            flush();
            closeList();
            const int level = int(m.captured(1).size());
            const int size = level == 1 ? 150 : level == 2 ? 128 : 112;
            html += QStringLiteral("<p style=\"margin-top:6px;margin-bottom:4px;font-size:%1%;font-weight:600\">%2</p>")
                        .arg(size)
                        .arg(inlineHtml(m.captured(2).toHtmlEscaped(), me));
            continue;
        }
        const auto b = bullet.match(line);
        const auto n = b.hasMatch() ? QRegularExpressionMatch() : number.match(line);
        if (b.hasMatch() || n.hasMatch()) {
            flush();
            const List kind = b.hasMatch() ? List::Bullets : List::Numbers;
            if (list != kind) {
                closeList();
                html += kind == List::Bullets ? QStringLiteral("<ul style=\"margin-top:0;margin-bottom:6px\">")
                                              : QStringLiteral("<ol style=\"margin-top:0;margin-bottom:6px\">");
                list = kind;
            }
            html += QStringLiteral("<li>") + inlineHtml((b.hasMatch() ? b : n).captured(1).toHtmlEscaped(), me)
                    + QStringLiteral("</li>");
            continue;
        }
        if (trimmed.startsWith(QLatin1Char('>'))) {
            flush();
            closeList();
            html += QStringLiteral("<p style=\"margin-top:0;margin-bottom:6px;margin-left:12px;color:#475569\">"
                                   "<i>%1</i></p>")
                        .arg(inlineHtml(trimmed.mid(1).trimmed().toHtmlEscaped(), me));
            continue;
        }
        closeList();
        paragraph.append(line);
    }
    flush();
    closeList();
    return html;
}

QString excerpt(const QString &text, int maxChars)
{
    QString s = text;
    static const QRegularExpression fences(QStringLiteral("```[^\\n]*"));
    static const QRegularExpression markers(QStringLiteral("(^|\\n)\\s*(#{1,3}|[-*+>]|\\d{1,3}[.)])\\s+"));
    static const QRegularExpression emphasis(QStringLiteral("\\*\\*|__|`"));
    s.replace(fences, QString());
    s.replace(markers, QStringLiteral("\\1"));
    s.replace(emphasis, QString());
    s = s.simplified();
    if (s.size() > maxChars)
        s = s.left(maxChars).trimmed() + QChar(0x2026);
    return s;
}

} // namespace plein::client::markdown
