using System.Buffers;

namespace Roadmap.Docs.Stages.Markdown;

/// <summary>
/// Keeps raw HTML written in a page from swallowing the layout around it. Markdown passes raw HTML through, and a
/// browser reads everything after an unclosed <c>&lt;textarea&gt;</c>, <c>&lt;script&gt;</c>, <c>&lt;!--</c> (and the
/// like) as that element's text, up to the end of the file: the navigation, footer and search of the page vanish.
/// Such an opening with no closing after it is shown as text instead; closed ones are left alone.
/// </summary>
public static class RawHtml
{
    /// <summary>Elements whose content a browser does not parse as markup, so an unclosed one takes the rest of the page.</summary>
    private static readonly string[] Swallowing = ["textarea", "script", "style", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "template", "plaintext"];

    private static readonly SearchValues<string> Openings = SearchValues.Create([.. Swallowing.Select(name => "<" + name), "<!--"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Escapes the <c>&lt;</c> of every opening in <paramref name="html"/> (a page body as rendered) that nothing after it closes.</summary>
    public static string Contain(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        // Only an opening of a swallowing element or of a comment is ever escaped: most pages have neither (one vectorized search).
        if (html.AsSpan().IndexOfAny(Openings) < 0)
        {
            return html;
        }
        var first = html.IndexOf('<', StringComparison.Ordinal);
        // One pass over the '<'s: where each swallowing element opens and closes, and where comments open.
        List<(int At, int Name, bool Closing)>? tags = null;
        List<int>? comments = null;
        for (var at = first; at >= 0 && at + 1 < html.Length; at = html.IndexOf('<', at + 1))
        {
            var rest = html.AsSpan(at + 1);
            if (rest.StartsWith("!--", StringComparison.Ordinal))
            {
                (comments ??= []).Add(at);
                continue;
            }
            var closing = rest[0] == '/';
            var name = NameAt(closing ? rest[1..] : rest, requireEnd: !closing);
            if (name >= 0)
            {
                (tags ??= []).Add((at, name, closing));
            }
        }
        var escape = new SortedSet<int>();
        if (tags is not null)
        {
            for (var name = 0; name < Swallowing.Length; name++)
            {
                // <plaintext> never ends; the others end at their first closing tag, so what matters is the first opening after each close.
                var closedUntil = -1;
                foreach (var tag in tags)
                {
                    if (tag.Name != name || tag.Closing || tag.At <= closedUntil)
                    {
                        continue;
                    }
                    var close = Swallowing[name] == "plaintext" ? -1 : tags.FindIndex(t => t.Name == name && t.Closing && t.At > tag.At);
                    if (close < 0)
                    {
                        escape.Add(tag.At);
                        continue;
                    }
                    closedUntil = tags[close].At;
                }
            }
        }
        if (comments is not null)
        {
            var closedUntil = -1;
            foreach (var at in comments)
            {
                if (at < closedUntil)
                {
                    continue;
                }
                var end = html.IndexOf("-->", at + 4, StringComparison.Ordinal);
                if (end < 0)
                {
                    // Nothing closes this one, nor any after it.
                    escape.Add(at);
                    continue;
                }
                closedUntil = end + 3;
            }
        }
        if (escape.Count == 0)
        {
            return html;
        }
        var result = new System.Text.StringBuilder(html.Length + (escape.Count * 3));
        var last = 0;
        foreach (var at in escape)
        {
            result.Append(html, last, at - last).Append("&lt;");
            last = at + 1;
        }
        return result.Append(html, last, html.Length - last).ToString();
    }

    /// <summary>
    /// Which swallowing element's name <paramref name="text"/> starts with (any case), or -1. An opening tag's name must be whole:
    /// followed by space, '/', '&gt;' or the end; a closing tag's need not be (a browser ends the element at "&lt;/script" + anything).
    /// </summary>
    private static int NameAt(ReadOnlySpan<char> text, bool requireEnd)
    {
        if (text.IsEmpty || "tsxinpTSXINP".IndexOf(text[0]) < 0)
        {
            return -1;
        }
        for (var i = 0; i < Swallowing.Length; i++)
        {
            var name = Swallowing[i];
            if (!text.StartsWith(name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!requireEnd || text.Length == name.Length || text[name.Length] is '>' or '/' or ' ' or '\t' or '\n' or '\r' or '\f')
            {
                return i;
            }
        }
        return -1;
    }
}
