using System.Net;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Stages.Sanitize;

/// <summary>
/// Finds where in the .md file a piece of removed HTML was written. The sanitizer reports removals in document order,
/// so each search starts just after the last one found: in the raw HTML and link URLs Markdig saw (as written, or with
/// character references decoded, as the sanitizer saw them), then from the top, then anywhere in the body, else where
/// the last removal was.
/// </summary>
internal sealed class RawHtmlSources
{
    private readonly List<Span> _raw = [];
    private readonly List<Span> _body = [];
    private readonly int _bodyLine;
    private (int Span, int Offset) _cursor;

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
                        _raw.Add(new Span(line.Line + _bodyLine, line.Column + 1, line.Slice.ToString(), IsUrl: false));
                    }
                    break;
                case HtmlInline inline:
                    _raw.Add(new Span(inline.Line + _bodyLine, inline.Column + 1, inline.Tag, IsUrl: false));
                    break;
                case LinkInline { Url: { Length: > 0 } url } link:
                    _raw.Add(new Span(link.Line + _bodyLine, link.Column + 1, url, IsUrl: true));
                    break;
            }
        }
        _raw.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        var lines = doc.Content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            _body.Add(new Span(i + _bodyLine, 1, lines[i], IsUrl: false));
        }
    }

    /// <summary>
    /// The 1-based line and column where <paramref name="text"/> (a tag's <c>&lt;name</c> or an attribute's name) was
    /// next written; for a URL, <paramref name="text"/> is the value and <paramref name="attribute"/> the attribute
    /// that held it, so a URL is not taken for another attribute's text.
    /// </summary>
    public (int Line, int Column) Find(string text, string? attribute = null)
    {
        if ((Search(_cursor, text, attribute) ?? Search((0, 0), text, attribute)) is { } found)
        {
            _cursor = (found.Span, found.End);
            var span = _raw[found.Span];
            return (span.Line, span.Column + found.Offset);
        }
        foreach (var span in _body)
        {
            var at = span.Text.IndexOf(text, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                return (span.Line, span.Column + at);
            }
        }
        // Markup the parser made up (<isindex> becomes a form with a label and an input): where the last removal was.
        if (_raw.Count == 0)
        {
            return (_bodyLine, 1);
        }
        var last = _raw[Math.Min(_cursor.Span, _raw.Count - 1)];
        return (last.Line, last.Column);
    }

    private (int Span, int Offset, int End)? Search((int Span, int Offset) from, string text, string? attribute)
    {
        for (var i = from.Span; i < _raw.Count; i++)
        {
            var span = _raw[i];
            var start = i == from.Span ? from.Offset : 0;
            if (start > span.Text.Length)
            {
                continue;
            }
            if (attribute is null || span.IsUrl)
            {
                var at = span.Text.IndexOf(text, start, StringComparison.OrdinalIgnoreCase);
                if (at >= 0)
                {
                    return (i, at, at + text.Length);
                }
                // Markdig writes a link's URL percent-encoded (a tab as %09): compare it as Markdig read it.
                if (span.IsUrl && start == 0 && (Decoded(span.Text).Contains(text, StringComparison.OrdinalIgnoreCase)
                    || span.Text.Contains(Uri.UnescapeDataString(text), StringComparison.OrdinalIgnoreCase)))
                {
                    return (i, 0, span.Text.Length);
                }
                continue;
            }
            // A URL attribute: its name, then its value somewhere after it in the same tag, as written or decoded.
            for (var at = span.Text.IndexOf(attribute, start, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = span.Text.IndexOf(attribute, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var rest = span.Text[at..];
                var value = rest.IndexOf(text, StringComparison.OrdinalIgnoreCase);
                if (value >= 0)
                {
                    return (i, at + value, at + value + text.Length);
                }
                if (Decoded(rest).Contains(text, StringComparison.OrdinalIgnoreCase))
                {
                    return (i, at, at + attribute.Length);
                }
            }
        }
        return null;
    }

    private static string Decoded(string text) => text.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(text) : text;

    private sealed record Span(int Line, int Column, string Text, bool IsUrl);
}
