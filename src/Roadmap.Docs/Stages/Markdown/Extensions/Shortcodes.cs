using System.Globalization;
using System.Text;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Html;

namespace Roadmap.Docs.Stages.Markdown.Extensions;

/// <summary>What a shortcode does here.</summary>
public enum ShortcodeKind
{
    /// <summary>Not known: shown as written, and the lint says so.</summary>
    Unknown,

    /// <summary><c>ref</c>/<c>relref</c>: a link to another page.</summary>
    Reference,

    Figure,

    /// <summary><c>highlight</c>: a code block.</summary>
    Code,

    /// <summary>Notices, alerts, admonitions: a call-out box around markdown.</summary>
    Notice,

    /// <summary><c>details</c>: a collapsible section around markdown.</summary>
    Details,

    Toc,
}

/// <summary>The shortcodes this build understands (Hugo's built-ins and the common theme ones) and the HTML each becomes.</summary>
public static class Shortcodes
{
    /// <summary>Call-out names, as shortcodes or as their type argument, and the alert style (as GitHub's <c>[!NOTE]</c>) each takes.</summary>
    private static readonly Dictionary<string, string> NoticeStyles = new(StringComparer.OrdinalIgnoreCase)
    {
        ["note"] = "note", ["info"] = "note", ["primary"] = "note", ["secondary"] = "note",
        ["tip"] = "tip", ["hint"] = "tip", ["success"] = "tip",
        ["important"] = "important",
        ["warning"] = "warning", ["warn"] = "warning", ["attention"] = "warning",
        ["caution"] = "caution", ["danger"] = "caution", ["error"] = "caution",
    };

    private static readonly string[] NoticeNames = ["notice", "alert", "admonition", "callout", "hint", "note", "tip", "warning", "info", "caution", "danger", "important"];

    public static ShortcodeKind KindOf(Shortcode shortcode) => shortcode.Name.ToLowerInvariant() switch
    {
        "ref" or "relref" => ShortcodeKind.Reference,
        "figure" => ShortcodeKind.Figure,
        "highlight" => ShortcodeKind.Code,
        "details" or "expand" => ShortcodeKind.Details,
        "toc" => ShortcodeKind.Toc,
        var name when NoticeNames.Contains(name) => ShortcodeKind.Notice,
        _ => ShortcodeKind.Unknown,
    };

    /// <summary>The HTML for a shortcode that needs nothing from the rest of the site; the renderer's first pass does refs, figures and the TOC.</summary>
    public static string Html(Shortcode shortcode, bool block)
    {
        if (shortcode.IsComment)
        {
            return Wrap(HtmlText.Escape(shortcode.Shown), block);
        }
        return (KindOf(shortcode), shortcode.IsSelfClosing) switch
        {
            (ShortcodeKind.Notice, true) => Notice(shortcode, "<p>" + HtmlText.Escape(shortcode.Argument("text") ?? "") + "</p>\n"),
            (ShortcodeKind.Reference, _) => Reference(shortcode.Argument("path", 0) ?? "", shortcode.Argument("path", 0) ?? ""),
            (ShortcodeKind.Figure, _) => Figure(shortcode, shortcode.Argument("src") ?? "", shortcode.Argument("link")),
            (ShortcodeKind.Toc, _) => Toc([]),
            _ => Wrap(Visible(shortcode), block),
        };
    }

    /// <summary>A self-closing call-out (<c>{{&lt; alert text="…" /&gt;}}</c>) around its text, already rendered.</summary>
    public static string Notice(Shortcode shortcode, string innerHtml) => NoticeOpen(shortcode) + innerHtml + "</div>";

    /// <summary>A shortcode shown as written, escaped, so the reader sees what was not rendered.</summary>
    public static string Visible(Shortcode shortcode) => "<code class=\"shortcode\">" + HtmlText.Escape(shortcode.Text) + "</code>";

    public static string Reference(string href, string text) => $"<a href=\"{HtmlText.Escape(href)}\">{HtmlText.Escape(text)}</a>";

    public static string Figure(Shortcode shortcode, string src, string? link)
    {
        var builder = new StringBuilder("<figure>");
        var alt = shortcode.Argument("alt") ?? shortcode.Argument("caption") ?? shortcode.Argument("title") ?? "";
        var image = $"<img src=\"{HtmlText.Escape(src)}\" alt=\"{HtmlText.Escape(alt)}\" loading=\"lazy\">";
        builder.Append(link is null ? image : $"<a href=\"{HtmlText.Escape(link)}\">{image}</a>");
        var caption = string.Join(" — ", new[] { shortcode.Argument("title"), shortcode.Argument("caption"), shortcode.Argument("attr") }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (caption.Length > 0)
        {
            builder.Append("<figcaption>").Append(HtmlText.Escape(caption)).Append("</figcaption>");
        }
        return builder.Append("</figure>").ToString();
    }

    /// <summary>A table of contents of the page's headings (level 2 and below), nested by level.</summary>
    public static string Toc(IEnumerable<Heading> headings)
    {
        var builder = new StringBuilder("<nav class=\"toc-inline\" aria-label=\"Contents\">");
        var levels = new Stack<int>();
        foreach (var heading in headings.Where(h => h.Level >= 2 && h.Id.Length > 0))
        {
            while (levels.Count > 0 && levels.Peek() > heading.Level)
            {
                builder.Append("</li></ul>");
                levels.Pop();
            }
            if (levels.Count == 0 || levels.Peek() < heading.Level)
            {
                builder.Append("<ul>");
                levels.Push(heading.Level);
            }
            else
            {
                builder.Append("</li>");
            }
            builder.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{HtmlText.Escape(heading.Id)}\">{HtmlText.Escape(heading.Text)}</a>");
        }
        while (levels.Count > 0)
        {
            builder.Append("</li></ul>");
            levels.Pop();
        }
        return builder.Append("</nav>").ToString();
    }

    /// <summary>The opening of a call-out: the alert style is the shortcode's name, else its type or color argument.</summary>
    public static string NoticeOpen(Shortcode shortcode)
    {
        var type = NoticeStyles.ContainsKey(shortcode.Name) ? shortcode.Name
            : shortcode.Argument("type", 0) ?? shortcode.Argument("color") ?? "note";
        var style = NoticeStyles.GetValueOrDefault(type) ?? "note";
        var title = shortcode.Argument("title") ?? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(type.ToLowerInvariant());
        return $"<div class=\"markdown-alert markdown-alert-{style}\">\n<p class=\"markdown-alert-title\">{HtmlText.Escape(title)}</p>\n";
    }

    public static string DetailsOpen(Shortcode shortcode)
    {
        var summary = shortcode.Argument("summary") ?? shortcode.Argument("title", 0) ?? "Details";
        var open = shortcode.Named.TryGetValue("open", out var value) && value is not ("false" or "0") ? " open" : "";
        return $"<details{open}>\n<summary>{HtmlText.Escape(summary)}</summary>\n";
    }

    private static string Wrap(string html, bool block) => block ? "<p>" + html + "</p>" : html;
}
