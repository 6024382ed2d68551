using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Roadmap.Docs.Stages.Diff;

/// <summary>Reads the part of a built page that a reviewer cares about, leaving out what changes on every build.</summary>
public static partial class PageContent
{
    // Navigation repeats other pages' titles, the footers hold the build date and "last updated", and the timeline
    // SVG says what "today" is: none of it is this page's content.
    private const string Noise = "script, style, svg, nav, aside, template, .page-footer, .last-updated, .site-footer";

    public static SitePage Read(string path, string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var content = (IElement?)document.QuerySelector("main article") ?? document.QuerySelector("main") ?? document.Body;
        var title = Collapse(content?.QuerySelector("h1")?.TextContent ?? document.Title ?? "");
        if (content is null)
        {
            return new SitePage(path, title, "", null);
        }
        var phase = Phase(document, content);
        foreach (var noise in content.QuerySelectorAll(Noise).ToList())
        {
            noise.Remove();
        }
        // A ticked box is a change even though it has no text: write it down as text.
        foreach (var box in content.QuerySelectorAll("input[type=checkbox]").ToList())
        {
            box.Replace(document.CreateTextNode(box.HasAttribute("checked") ? "[x] " : "[ ] "));
        }
        // Text nodes joined with spaces, so "<dt>Phase</dt><dd>2</dd>" reads "Phase 2" rather than "Phase2".
        var text = string.Join(' ', content.GetDescendants().OfType<IText>().Select(t => t.Data));
        return new SitePage(path, title, Collapse(text), phase);
    }

    /// <summary>On a phase page (body class kind-phase): its number from the page meta and its checklist counts.</summary>
    private static PhaseProgress? Phase(IDocument document, IElement content)
    {
        if (document.Body?.ClassList.Contains("kind-phase") != true
            || !int.TryParse(content.QuerySelector(".meta-phase dd")?.TextContent.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }
        var boxes = content.QuerySelectorAll("li.task-list-item input[type=checkbox]");
        return new PhaseProgress(number, boxes.Count(b => b.HasAttribute("checked")), boxes.Length);
    }

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
