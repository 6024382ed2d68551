using System.Text;
using Roadmap.Docs.Stages.Html;
using Roadmap.Docs.Stages.Markdown;

namespace Roadmap.Docs.Stages.Navigation;

/// <summary>
/// The sidebar list for one page, written in C#: it is the biggest part of every page, and a template include per item
/// cost more than the rest of the page together. Only the page's own section is expanded.
/// </summary>
public static class NavHtml
{
    public static string Render(SiteNavigation nav, string page)
    {
        var html = new StringBuilder(4096);
        var section = nav.SectionOf(page);
        var open = nav.Breadcrumbs(page).Select(n => n.Url).Append(page).ToHashSet(StringComparer.Ordinal);
        html.Append("<ul class=\"nav-list\">\n");
        Item(html, page, nav.Root with { Children = [] }, open, expand: false);
        foreach (var node in nav.Root.Children)
        {
            Item(html, page, node, open, expand: node == section);
        }
        html.Append("</ul>\n");
        return html.ToString();
    }

    private static void Item(StringBuilder html, string page, NavNode node, HashSet<string> open, bool expand)
    {
        html.Append("<li");
        if (node.IsFolder)
        {
            html.Append(expand ? " class=\"nav-folder open\"" : " class=\"nav-folder\"");
        }
        html.Append("><a href=\"").Append(HtmlText.Escape(SitePaths.Relative(page, node.Url))).Append('"');
        if (node.Url == page)
        {
            html.Append(" aria-current=\"page\" class=\"current\"");
        }
        html.Append("><span class=\"nav-title\">").Append(HtmlText.Escape(node.Title)).Append("</span>");
        if (node.Tasks.Total > 0)
        {
            html.Append("<span class=\"nav-badge").Append(node.Tasks.Done == node.Tasks.Total ? " complete" : "")
                .Append("\" title=\"checklist items done\">").Append(node.Tasks.Done).Append('/').Append(node.Tasks.Total).Append("</span>");
        }
        html.Append("</a>");
        if (expand && node.IsFolder)
        {
            html.Append("\n<ul>\n");
            foreach (var child in node.Children)
            {
                Item(html, page, child, open, expand: child.IsFolder && open.Contains(child.Url));
            }
            html.Append("</ul>\n");
        }
        html.Append("</li>\n");
    }
}
