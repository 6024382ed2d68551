using System.Collections.Frozen;

namespace Roadmap.Docs.Stages.Markdown.Highlighting;

/// <summary>
/// Highlights fenced code at build time: the page gets HTML-escaped code with <c>&lt;span class="tok-…"&gt;</c>
/// tokens, styled by <c>highlight.css</c>, and needs no script.
/// </summary>
/// <remarks>
/// Each language has a small hand-written lexer over a shared <see cref="Scanner"/>. Lexers never throw,
/// run in linear time on any input, and never drop or repeat a character: stripping the spans and
/// un-escaping the output gives the input back. No span holds a line break.
/// </remarks>
public static class SyntaxHighlighter
{
    private static readonly FrozenDictionary<string, Action<Scanner>> Lexers = new Dictionary<string, Action<Scanner>>
    {
        ["bash"] = BashLexer.Lex,
        ["sh"] = BashLexer.Lex,
        ["shell"] = BashLexer.Lex,
        ["zsh"] = BashLexer.Lex,
        ["console"] = BashLexer.LexConsole,
        ["yaml"] = YamlLexer.Lex,
        ["yml"] = YamlLexer.Lex,
        ["json"] = JsonLexer.Lex,
        ["sql"] = SqlLexer.Lex,
        ["postgresql"] = SqlLexer.Lex,
        ["psql"] = SqlLexer.Lex,
        ["python"] = PythonLexer.Lex,
        ["py"] = PythonLexer.Lex,
        ["csharp"] = CSharpLexer.Lex,
        ["cs"] = CSharpLexer.Lex,
        ["c#"] = CSharpLexer.Lex,
        ["promql"] = PromQlLexer.Lex,
        ["dockerfile"] = DockerfileLexer.Lex,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Highlights <paramref name="code"/> written in <paramref name="language"/> (a name or alias such as
    /// "bash", "yml" or "c#", in any case).
    /// </summary>
    /// <returns>
    /// The escaped, highlighted HTML (without the surrounding <c>pre</c> and <c>code</c>), or null when the
    /// language is unknown or plain text, in which case the caller only HTML-escapes the code.
    /// </returns>
    public static string? Highlight(string code, string language)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(language);
        if (!Lexers.TryGetValue(language.Trim(), out var lex))
        {
            return null;
        }
        var scanner = new Scanner(code);
        lex(scanner);
        return scanner.ToHtml();
    }

    /// <summary>Every language name and alias that <see cref="Highlight"/> knows.</summary>
    internal static IEnumerable<string> Languages => Lexers.Keys;
}
