using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Stages.Html;

/// <summary>
/// Markdig writes a table column's alignment (<c>|:-:|</c>) as <c>style="text-align: center;"</c>, which the pages'
/// Content-Security-Policy blocks (no inline styles). This turns exactly those attributes into the theme's
/// <c>align-left</c>, <c>align-center</c> and <c>align-right</c> classes. A cell has no other class, so no attribute repeats.
/// </summary>
public static class AlignmentClasses
{
    private static readonly (string Style, string Class)[] Replacements =
    [
        (" style=\"text-align: left;\"", " class=\"align-left\""),
        (" style=\"text-align: center;\"", " class=\"align-center\""),
        (" style=\"text-align: right;\"", " class=\"align-right\""),
    ];

    public static IModule Module { get; } = new ForEachDocument((doc, _) =>
        doc.IsPage && doc.Html.Contains(" style=\"text-align: ", StringComparison.Ordinal) ? doc with { Html = Apply(doc.Html) } : doc);

    public static string Apply(string html)
    {
        foreach (var (style, cls) in Replacements)
        {
            html = html.Replace(style, cls, StringComparison.Ordinal);
        }
        return html;
    }
}
