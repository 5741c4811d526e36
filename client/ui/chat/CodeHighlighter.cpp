#include "chat/CodeHighlighter.h"

#ifdef PLEIN_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>
#include <ksyntaxhighlighting_version.h>
#endif

#include <QHash>

namespace plein::client::codehighlight {

#ifdef PLEIN_HAVE_KSYNTAXHIGHLIGHTING
namespace {

// Turns the formats the highlighter reports for one line into HTML spans.
class HtmlLines : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    QString html;
    QStringView line;

    void run(const QString &code)
    {
        KSyntaxHighlighting::State state;
        const QStringList lines = code.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            line = lines.at(i);
            state = highlightLine(line, state);
            if (i + 1 < lines.size())
                html += QLatin1Char('\n');
        }
    }

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override
    {
        const QString text = line.mid(offset, length).toString().toHtmlEscaped();
        if (format.isDefaultTextStyle(theme()) || !format.hasTextColor(theme())) {
            html += text;
            return;
        }
        html += QStringLiteral("<span style=\"color:%1%2%3\">%4</span>")
                    .arg(format.textColor(theme()).name(),
                         format.isBold(theme()) ? QStringLiteral(";font-weight:600") : QString(),
                         format.isItalic(theme()) ? QStringLiteral(";font-style:italic") : QString(), text);
    }
};

KSyntaxHighlighting::Repository &repository()
{
    static KSyntaxHighlighting::Repository r;
    return r;
}

KSyntaxHighlighting::Definition definitionFor(const QString &language)
{
    static const QHash<QString, QString> aliases = {
        {QStringLiteral("cpp"), QStringLiteral("C++")},    {QStringLiteral("c++"), QStringLiteral("C++")},
        {QStringLiteral("py"), QStringLiteral("Python")},  {QStringLiteral("python"), QStringLiteral("Python")},
        {QStringLiteral("sh"), QStringLiteral("Bash")},    {QStringLiteral("bash"), QStringLiteral("Bash")},
        {QStringLiteral("shell"), QStringLiteral("Bash")}, {QStringLiteral("sql"), QStringLiteral("SQL")},
        {QStringLiteral("yaml"), QStringLiteral("YAML")},  {QStringLiteral("yml"), QStringLiteral("YAML")},
        {QStringLiteral("js"), QStringLiteral("JavaScript")}, {QStringLiteral("json"), QStringLiteral("JSON")},
        {QStringLiteral("ts"), QStringLiteral("TypeScript")}, {QStringLiteral("xml"), QStringLiteral("XML")},
    };
    const QString key = language.trimmed().toLower();
    auto d = repository().definitionForName(aliases.value(key, language.trimmed()));
    if (!d.isValid() && !key.isEmpty())
        d = repository().definitionForFileName(QStringLiteral("snippet.") + key);
    return d;
}

} // namespace

QString toHtml(const QString &code, const QString &language, bool dark)
{
    const auto def = definitionFor(language);
    if (!def.isValid())
        return code.toHtmlEscaped();
    HtmlLines h;
    h.setDefinition(def);
    h.setTheme(repository().defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                              : KSyntaxHighlighting::Repository::LightTheme));
    h.run(code);
    return h.html;
}

QString backendName()
{
    return QStringLiteral("KSyntaxHighlighting " SyntaxHighlighting_VERSION_STRING);
}
#else
QString toHtml(const QString &code, const QString &, bool)
{
    return code.toHtmlEscaped();
}

QString backendName()
{
    return QStringLiteral("none");
}
#endif

QString background(bool dark)
{
    return dark ? QStringLiteral("#1e2430") : QStringLiteral("#f1f4f8");
}

} // namespace plein::client::codehighlight
