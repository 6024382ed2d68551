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

    /// <summary>Escapes the <c>&lt;</c> of every opening in <paramref name="html"/> (a page body as rendered) that nothing after it closes.</summary>
    public static string Contain(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!html.Contains('<', StringComparison.Ordinal))
        {
            return html;
        }
        var escape = new SortedSet<int>();
        foreach (var name in Swallowing)
        {
            // <plaintext> never ends; the others end at their first closing tag, so what matters is the first opening after each close.
            var closing = name == "plaintext" ? null : "</" + name;
            for (var at = FindTag(html, "<" + name, 0); at >= 0;)
            {
                var close = closing is null ? -1 : html.IndexOf(closing, at + 1, StringComparison.OrdinalIgnoreCase);
                if (close < 0)
                {
                    escape.Add(at);
                    at = FindTag(html, "<" + name, at + 1);
                    continue;
                }
                at = FindTag(html, "<" + name, close + 1);
            }
        }
        for (var at = html.IndexOf("<!--", StringComparison.Ordinal); at >= 0; at = html.IndexOf("<!--", at + 4, StringComparison.Ordinal))
        {
            var end = html.IndexOf("-->", at + 4, StringComparison.Ordinal);
            if (end < 0)
            {
                // Nothing closes this one, nor any after it.
                escape.Add(at);
                continue;
            }
            at = end;
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

    /// <summary>The next <paramref name="open"/> (such as "&lt;script") that is a whole tag name: followed by space, '/', '&gt;' or the end.</summary>
    private static int FindTag(string html, string open, int from)
    {
        for (var at = html.IndexOf(open, from, StringComparison.OrdinalIgnoreCase); at >= 0; at = html.IndexOf(open, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var next = at + open.Length;
            if (next == html.Length || html[next] is '>' or '/' or ' ' or '\t' or '\n' or '\r' or '\f')
            {
                return at;
            }
        }
        return -1;
    }
}
