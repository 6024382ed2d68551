using System.Net;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Stages.Sanitize;

/// <summary>
/// Finds where in the .md file a piece of removed HTML was written: first in the raw HTML and link URLs Markdig saw,
/// then anywhere in the body, else the body's first line. The n-th search for the same text finds its n-th occurrence,
/// since the sanitizer reports removals in document order.
/// </summary>
internal sealed class RawHtmlSources
{
    private readonly List<(int Line, int Column, string Text)> _raw = [];
    private readonly List<(int Line, int Column, string Text)> _body = [];
    private readonly Dictionary<string, int> _asked = new(StringComparer.OrdinalIgnoreCase);
    private readonly int _bodyLine;

    public RawHtmlSources(Document doc, MarkdownPipeline pipeline)
    {
        _bodyLine = doc.BodyLine;
        foreach (var node in Markdig.Markdown.Parse(doc.Content, pipeline).Descendants())
        {
            switch (node)
            {
                case HtmlBlock block:
                    foreach (var line in block.Lines.Lines.Take(block.Lines.Count))
                    {
                        _raw.Add((line.Line + _bodyLine, line.Column + 1, line.Slice.ToString()));
                    }
                    break;
                case HtmlInline inline:
                    _raw.Add((inline.Line + _bodyLine, inline.Column + 1, inline.Tag));
                    break;
                case LinkInline { Url: { Length: > 0 } url } link:
                    _raw.Add((link.Line + _bodyLine, link.Column + 1, url));
                    break;
            }
        }
        var lines = doc.Content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            _body.Add((i + _bodyLine, 1, lines[i]));
        }
    }

    /// <summary>The 1-based line and column of the next occurrence of <paramref name="text"/> (case-insensitive).</summary>
    public (int Line, int Column) Find(string text)
    {
        var nth = _asked.GetValueOrDefault(text);
        _asked[text] = nth + 1;
        return Nth(_raw, text, nth) ?? Nth(_body, text, nth) ?? Decoded(text) ?? Nth(_raw, text, 0) ?? Nth(_body, text, 0) ?? (_bodyLine, 1);
    }

    /// <summary>A value the sanitizer saw decoded (<c>jav&amp;#x09;ascript:</c>): the raw HTML that has it, at its start.</summary>
    private (int Line, int Column)? Decoded(string text)
    {
        foreach (var (line, column, span) in _raw)
        {
            if (span.Contains('&', StringComparison.Ordinal) && WebUtility.HtmlDecode(span).Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                return (line, column);
            }
        }
        return null;
    }

    private static (int Line, int Column)? Nth(List<(int Line, int Column, string Text)> spans, string text, int nth)
    {
        foreach (var (line, column, span) in spans)
        {
            for (var at = span.IndexOf(text, StringComparison.OrdinalIgnoreCase); at >= 0; at = span.IndexOf(text, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (nth-- == 0)
                {
                    return (line, column + at);
                }
            }
        }
        return null;
    }
}
