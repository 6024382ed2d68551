using System.Text;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Html;
using Roadmap.Docs.Stages.Markdown;

namespace Roadmap.Docs.Stages.Navigation;

/// <summary>
/// The sidebar list for one page, written in C#: it is the biggest part of every page, and a template include per item
/// cost more than the rest of the page together. It holds the top-level entries and the open path from the home page
/// down to the page; every open level lists its items through <see cref="NavWindow"/>, so a page's sidebar has a size
/// bounded by the depth of the tree, not by the number of pages. A cut folder ends in a "Show all N" link to the
/// folder's page, which the theme's nav.js turns into the whole list from <see cref="NavTree"/>.
/// </summary>
public static class NavHtml
{
    public static string Render(SiteNavigation nav, string page) => StringBuilders.Release(Render(StringBuilders.Rent(), nav, page));

    /// <summary>Appends the sidebar list of <paramref name="page"/> to <paramref name="html"/>.</summary>
    public static StringBuilder Render(StringBuilder html, SiteNavigation nav, string page)
    {
        var open = nav.Breadcrumbs(page).Select(n => n.Url).Append(page).ToHashSet(StringComparer.Ordinal);
        html.Append("<ul class=\"nav-list\">\n");
        Item(html, nav, page, nav.Root with { Children = [] }, open);
        Items(html, nav, page, nav.Root, open);
        return html.Append("</ul>\n");
    }

    /// <summary>The folder's children that the window shows, a gap where it skips some, and the "Show all" link when it cut any.</summary>
    private static void Items(StringBuilder html, SiteNavigation nav, string page, NavNode folder, HashSet<string> open)
    {
        var children = folder.Children;
        // The open child (on the path to the page), looked up from the path: a folder may have thousands of children.
        var at = -1;
        foreach (var url in open)
        {
            if (nav.ChildIndex(folder, url) is var index and >= 0 && (at < 0 || index < at))
            {
                at = index;
            }
        }
        foreach (var index in NavWindow.Select(children.Length, at))
        {
            if (index == NavWindow.Gap)
            {
                html.Append("<li class=\"nav-gap\" aria-hidden=\"true\">…</li>\n");
                continue;
            }
            Item(html, nav, page, children[index], open);
        }
        if (children.Length > NavWindow.MaxListed)
        {
            Url(html.Append("<li class=\"nav-more\"><a class=\"nav-all\" href=\""), page, folder.Url);
            HtmlText.AppendEscaped(html.Append("\" data-folder=\""), folder.Url).Append("\">Show all ")
                .Append(children.Length).Append("</a></li>\n");
        }
    }

    /// <summary>Appends the escaped relative URL from <paramref name="page"/> to <paramref name="target"/>.</summary>
    private static StringBuilder Url(StringBuilder html, string page, string target)
    {
        var (up, rest) = SitePaths.RelativeParts(page, target);
        return HtmlText.AppendEscaped(html.Append(up), target.AsSpan(rest));
    }

    private static void Item(StringBuilder html, SiteNavigation nav, string page, NavNode node, HashSet<string> open)
    {
        var expand = node.IsFolder && open.Contains(node.Url);
        html.Append("<li");
        if (node.IsFolder)
        {
            html.Append(expand ? " class=\"nav-folder open\"" : " class=\"nav-folder\"");
        }
        Url(html.Append("><a href=\""), page, node.Url).Append('"');
        if (node.Url == page)
        {
            html.Append(" aria-current=\"page\" class=\"current\"");
        }
        HtmlText.AppendEscaped(html.Append("><span class=\"nav-title\">"), node.Title).Append("</span>");
        if (node.Tasks.Total > 0)
        {
            html.Append("<span class=\"nav-badge").Append(node.Tasks.Done == node.Tasks.Total ? " complete" : "")
                .Append("\" title=\"checklist items done\">").Append(node.Tasks.Done).Append('/').Append(node.Tasks.Total).Append("</span>");
        }
        html.Append("</a>");
        if (expand)
        {
            html.Append("\n<ul>\n");
            Items(html, nav, page, node, open);
            html.Append("</ul>\n");
        }
        html.Append("</li>\n");
    }
}
