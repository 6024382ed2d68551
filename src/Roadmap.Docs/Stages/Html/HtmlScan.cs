using System.Net;

namespace Roadmap.Docs.Stages.Html;

/// <summary>An attribute the link checker cares about: an element's id, or a URL in href/src.</summary>
/// <param name="Tag">The element's name, lower case.</param>
/// <param name="Name">"id", "href" or "src".</param>
/// <param name="Value">The value with character references decoded.</param>
public readonly record struct HtmlAttr(string Tag, string Name, string Value);

/// <summary>
/// Finds ids and link targets in HTML without building a DOM: the link checker reads every page of the site, and a full
/// parse (AngleSharp) cost more than rendering the pages. It follows the HTML tokenizer's rules where they decide what
/// is markup: comments, doctype and processing instructions are skipped, raw-text elements (script, style, textarea,
/// title) hide their content, attribute values may be double-quoted, single-quoted or bare, and names are case-insensitive.
/// </summary>
public static class HtmlScan
{
    /// <summary>The elements whose href/src is a link the site must have (as the link check has always counted them).</summary>
    private static readonly string[] LinkTags = ["a", "img", "link", "script", "source"];

    private static readonly string[] RawText = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

    /// <summary>Every id attribute, and href/src on a, img, link, script and source, in document order.</summary>
    public static List<HtmlAttr> Attributes(string html)
    {
        var found = new List<HtmlAttr>();
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0)
        {
            if (At(html, i, "<!--"))
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }
            if (i + 1 >= html.Length)
            {
                break;
            }
            var next = html[i + 1];
            if (next is '!' or '?' or '/')
            {
                var end = html.IndexOf('>', i + 1);
                i = end < 0 ? html.Length : end + 1;
                continue;
            }
            if (!char.IsAsciiLetter(next))
            {
                i++;
                continue;
            }
            i = Tag(html, i + 1, found);
        }
        return found;
    }

    /// <summary>Reads one start tag from its name at <paramref name="i"/>; returns the index after it (and after a raw-text element's content).</summary>
    private static int Tag(string html, int i, List<HtmlAttr> found)
    {
        var start = i;
        while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('/' or '>'))
        {
            i++;
        }
        var nameEnd = i;
        // The name is compared lowered in place; a string is made only for an element with an attribute kept (an SVG
        // timeline has thousands of elements and a handful of ids).
        Span<char> lowered = stackalloc char[MaxKnownName];
        var known = nameEnd - start <= MaxKnownName ? lowered[..html.AsSpan(start, nameEnd - start).ToLowerInvariant(lowered)] : [];
        var linkTag = IndexOf(LinkTags, known) >= 0;
        string? tag = null;
        while (i < html.Length)
        {
            while (i < html.Length && (char.IsWhiteSpace(html[i]) || html[i] == '/'))
            {
                i++;
            }
            if (i >= html.Length || html[i] == '>')
            {
                i++;
                break;
            }
            var nameStart = i;
            while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] is not ('=' or '>' or '/'))
            {
                i++;
            }
            var name = html.AsSpan(nameStart, i - nameStart);
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }
            if (i >= html.Length || html[i] != '=')
            {
                continue;
            }
            i++;
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }
            int valueStart, valueEnd;
            if (i < html.Length && html[i] is '"' or '\'')
            {
                var quote = html[i];
                valueStart = i + 1;
                valueEnd = html.IndexOf(quote, valueStart);
                valueEnd = valueEnd < 0 ? html.Length : valueEnd;
                i = Math.Min(html.Length, valueEnd + 1);
            }
            else
            {
                valueStart = i;
                while (i < html.Length && !char.IsWhiteSpace(html[i]) && html[i] != '>')
                {
                    i++;
                }
                valueEnd = i;
            }
            var kind = name.Equals("id", StringComparison.OrdinalIgnoreCase) ? "id"
                : linkTag && name.Equals("href", StringComparison.OrdinalIgnoreCase) ? "href"
                : linkTag && name.Equals("src", StringComparison.OrdinalIgnoreCase) ? "src"
                : null;
            if (kind is not null)
            {
                tag ??= html[start..nameEnd].ToLowerInvariant();
                var value = html[valueStart..valueEnd];
                found.Add(new HtmlAttr(tag, kind, value.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(value) : value));
            }
        }
        if (IndexOf(RawText, known) is var raw and >= 0)
        {
            var close = html.IndexOf("</" + RawText[raw], i, StringComparison.OrdinalIgnoreCase);
            return close < 0 ? html.Length : close;
        }
        return i;
    }

    /// <summary>The longest element name either list holds.</summary>
    private const int MaxKnownName = 8;

    private static int IndexOf(string[] names, ReadOnlySpan<char> name)
    {
        for (var n = 0; n < names.Length; n++)
        {
            if (name.SequenceEqual(names[n]))
            {
                return n;
            }
        }
        return -1;
    }

    private static bool At(string html, int i, string text) => string.CompareOrdinal(html, i, text, 0, text.Length) == 0;
}
