using System.Text;

namespace Roadmap.Docs.Stages.Html;

/// <summary>Minimal HTML escaping: only the five characters that matter, so non-ASCII text stays readable in the output.</summary>
public static class HtmlText
{
    private const string Special = "&<>\"'";

    public static string Escape(string text) =>
        text.AsSpan().IndexOfAny(Special) < 0 ? text : AppendEscaped(new StringBuilder(text.Length + 16), text).ToString();

    /// <summary>Appends <paramref name="text"/> escaped, without making it a string first.</summary>
    public static StringBuilder AppendEscaped(StringBuilder html, ReadOnlySpan<char> text)
    {
        while (text.IndexOfAny(Special) is var at and >= 0)
        {
            html.Append(text[..at]).Append(text[at] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            text = text[(at + 1)..];
        }
        return html.Append(text);
    }
}
