using System.Globalization;
using Roadmap.Docs.Configuration;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Html;
using Roadmap.Docs.Stages.Markdown;
using Roadmap.Docs.Stages.Navigation;
using Scriban.Runtime;

namespace Roadmap.Docs.Stages.Templates;

/// <summary>
/// Builds what a layout sees. Only plain ScriptObjects of strings, numbers and lists reach the template (no .NET objects).
/// Every string is already HTML-escaped; values named <c>*_html</c> are trusted markup made by the build.
/// </summary>
public static class PageModel
{
    public static ScriptObject For(Document page, SiteNavigation nav, SiteSettings settings, string generatedAt)
    {
        var url = page.Destination;
        var root = SitePaths.RootOf(url);
        var globals = new ScriptObject(3)
        {
            ["site"] = Site(settings, root, generatedAt),
            ["page"] = Page(page, nav, settings),
            ["nav"] = Navigation(page, nav),
        };
        return globals;
    }

    private static ScriptObject Site(SiteSettings settings, string root, string generatedAt) => new(7)
    {
        ["title"] = E(settings.Title),
        ["description"] = E(settings.Description),
        ["language"] = E(settings.Language),
        ["root"] = root,
        ["home"] = root + "index.html",
        ["generated_at"] = E(generatedAt),
        ["content_security_policy"] = ContentSecurityPolicy.Value,
    };

    private static ScriptObject Page(Document page, SiteNavigation nav, SiteSettings settings)
    {
        var url = page.Destination;
        var tasks = page.TaskCount;
        // Sized for its entries: a dictionary grown entry by entry is reallocated four times, on every page.
        var model = new ScriptObject(24)
        {
            ["title"] = E(page.Title),
            ["kind"] = E(page.Kind),
            ["source"] = E(page.Source),
            ["excerpt"] = E(page.Excerpt),
            ["is_home"] = url == "index.html",
            ["content_html"] = page.Html,
            ["title_html"] = string.Concat(page.Panels.Where(p => p.Placement == "title").Select(p => p.Html)),
            ["top_html"] = string.Concat(page.Panels.Where(p => p.Placement == "top").Select(p => p.Html)),
            ["bottom_html"] = string.Concat(page.Panels.Where(p => p.Placement == "bottom").Select(p => p.Html)),
            ["tags"] = new ScriptArray(page.Tags.Select(E)),
            ["toc"] = new ScriptArray(page.Headings
                .Where(h => h.Level is 2 or 3 && h.Id.Length > 0)
                .Select(h => new ScriptObject(3) { ["level"] = h.Level, ["id"] = E(h.Id), ["text"] = E(h.Text) })),
            ["breadcrumbs"] = new ScriptArray(nav.Breadcrumbs(url).Select(n => Link(url, n))),
            ["prev"] = nav.Previous(url) is { } prev ? Link(url, prev) : null,
            ["next"] = nav.Next(url) is { } next ? Link(url, next) : null,
            ["tasks"] = tasks.Total == 0 ? null : new ScriptObject(3)
            {
                ["done"] = tasks.Done,
                ["total"] = tasks.Total,
                ["percent"] = tasks.Percent,
            },
            ["meta"] = new ScriptArray(Meta(page)),
            ["edit_url"] = settings.EditUrl is { Length: > 0 } edit && page.Source.Length > 0 ? E(edit + page.Source) : null,
            ["canonical"] = settings.BaseUrl is { Length: > 0 } baseUrl ? E(baseUrl.TrimEnd('/') + "/" + CanonicalPath(url)) : null,
            ["last_updated"] = page.LastUpdated is { } updated ? new ScriptObject(2)
            {
                ["iso"] = updated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["text"] = updated.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            } : null,
        };
        // A listing page lists its folder; so does the index page of a folder too big for the sidebar to list whole,
        // because the sidebar's "Show all N" link leads there when scripts do not run.
        if (nav.Find(url) is { } folder && (page.Kind == "listing" || folder.Children.Length > NavWindow.MaxListed))
        {
            model["children"] = new ScriptArray(folder.Children.Select(c => Link(url, c)));
        }
        return model;
    }

    /// <summary>"runbooks/redis/index.html" → "runbooks/redis/" for canonical and sitemap URLs.</summary>
    public static string CanonicalPath(string destination) =>
        destination.EndsWith("index.html", StringComparison.Ordinal) ? destination[..^"index.html".Length] : destination;

    /// <summary>Kind-specific facts shown in a box at the top of the page.</summary>
    private static IEnumerable<ScriptObject> Meta(Document page)
    {
        string[] keys = page.Kind switch
        {
            "runbook" or "rollback" => ["service", "severity", "owner", "last_reviewed"],
            "phase" => ["phase", "weeks", "status", "owner"],
            "architecture" => ["owner"],
            _ => [],
        };
        foreach (var key in keys)
        {
            if (page.FrontMatter.GetString(key) is { Length: > 0 } value)
            {
                yield return new ScriptObject(3)
                {
                    ["key"] = key,
                    ["label"] = E(char.ToUpperInvariant(key[0]) + key[1..].Replace('_', ' ')),
                    ["value"] = E(value),
                };
            }
        }
    }

    private static ScriptObject Navigation(Document page, SiteNavigation nav) => new(2)
    {
        ["home"] = Link(page.Destination, nav.Root),
        ["html"] = new TemplateSet.GeneratedHtml(html => NavHtml.Render(html, nav, page.Destination)),
    };

    private static ScriptObject Link(string from, NavNode node) => new(5)
    {
        ["title"] = E(node.Title),
        ["url"] = E(SitePaths.Relative(from, node.Url)),
        ["kind"] = E(node.Kind),
        ["tasks"] = node.Tasks.Total == 0 ? null : $"{node.Tasks.Done}/{node.Tasks.Total}",
        ["complete"] = node.Tasks.Total > 0 && node.Tasks.Done == node.Tasks.Total,
    };

    private static string E(string text) => HtmlText.Escape(text);
}
