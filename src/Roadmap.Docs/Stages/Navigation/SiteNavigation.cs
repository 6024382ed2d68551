using System.Collections.Immutable;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Markdown;

namespace Roadmap.Docs.Stages.Navigation;

/// <summary>A node of the site tree: a folder (with children) or a page. <see cref="Url"/> is site-relative.</summary>
public sealed record NavNode(string Title, string Url, string Kind, double Order, TaskCount Tasks, ImmutableArray<NavNode> Children)
{
    public bool IsFolder => !Children.IsEmpty;
}

/// <summary>The site's tree, reading order and lookups for breadcrumbs and previous/next; built once per build.</summary>
public sealed class SiteNavigation
{
    private readonly Dictionary<string, int> _positions;
    private readonly Dictionary<string, NavNode> _byUrl;
    private readonly Dictionary<string, (NavNode Parent, int Index)> _parents;

    public SiteNavigation(NavNode root)
    {
        Root = root;
        ReadingOrder = [.. Flatten(root)];
        _positions = ReadingOrder.Select((n, i) => (n.Url, i)).ToDictionary(p => p.Url, p => p.i, StringComparer.Ordinal);
        _byUrl = ReadingOrder.ToDictionary(n => n.Url, StringComparer.Ordinal);
        // Parent of every node, so breadcrumbs and sections are a walk up, not a search of the tree per page.
        // With its place among the parent's children, so the sidebar finds a folder's open child without a scan.
        _parents = new Dictionary<string, (NavNode, int)>(StringComparer.Ordinal);
        foreach (var node in ReadingOrder)
        {
            for (var i = 0; i < node.Children.Length; i++)
            {
                _parents[node.Children[i].Url] = (node, i);
            }
        }
    }

    public NavNode Root { get; }

    /// <summary>Every page in tree order: the order previous/next follow.</summary>
    public ImmutableArray<NavNode> ReadingOrder { get; }

    public NavNode? Find(string url) => _byUrl.GetValueOrDefault(url);

    public NavNode? Previous(string url) => _positions.TryGetValue(url, out var i) && i > 0 ? ReadingOrder[i - 1] : null;

    public NavNode? Next(string url) => _positions.TryGetValue(url, out var i) && i + 1 < ReadingOrder.Length ? ReadingOrder[i + 1] : null;

    /// <summary>Where the node at <paramref name="url"/> is among <paramref name="folder"/>'s children; -1 when it is not one of them.</summary>
    public int ChildIndex(NavNode folder, string url) =>
        _parents.TryGetValue(url, out var place) && ReferenceEquals(place.Parent, folder) ? place.Index : -1;

    /// <summary>The chain of folder nodes from the home page down to (not including) the page.</summary>
    public ImmutableArray<NavNode> Breadcrumbs(string url)
    {
        var trail = new List<NavNode>();
        for (var at = url; _parents.TryGetValue(at, out var place); at = place.Parent.Url)
        {
            trail.Add(place.Parent);
        }
        trail.Reverse();
        return [.. trail];
    }

    /// <summary>The top-level node (section) the page belongs to, or null for pages at the root.</summary>
    public NavNode? SectionOf(string url)
    {
        var crumbs = Breadcrumbs(url);
        if (crumbs.Length > 1)
        {
            return crumbs[1];
        }
        return Root.Children.FirstOrDefault(c => c.Url == url && c.IsFolder);
    }

    private static IEnumerable<NavNode> Flatten(NavNode node)
    {
        yield return node;
        foreach (var child in node.Children)
        {
            foreach (var n in Flatten(child))
            {
                yield return n;
            }
        }
    }

    /// <summary>
    /// Builds the tree from the pages' folders: a folder's index page gives its title, order and URL;
    /// a folder with no index page gets a generated listing page (returned, so it is built too).
    /// </summary>
    public static (SiteNavigation Navigation, ImmutableArray<Document> Listings) Build(IEnumerable<Document> pages)
    {
        var listings = ImmutableArray.CreateBuilder<Document>();
        var byFolder = pages
            .Where(p => p.Destination.EndsWith("index.html", StringComparison.Ordinal))
            .GroupBy(p => FolderOf(p.Destination))
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        // Every folder's direct subfolders, found once (folders without pages of their own included).
        var subfolders = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal) { [""] = new(StringComparer.Ordinal) };
        foreach (var folder in byFolder.Keys)
        {
            for (var child = folder; child.Length > 0; child = ParentFolder(child))
            {
                var parent = ParentFolder(child);
                if (!subfolders.TryGetValue(parent, out var set))
                {
                    subfolders[parent] = set = new SortedSet<string>(StringComparer.Ordinal);
                }
                if (!set.Add(child))
                {
                    break;
                }
            }
        }
        var root = BuildFolder("", byFolder, subfolders, listings);
        return (new SiteNavigation(root), listings.ToImmutable());
    }

    /// <summary>The folder a page belongs to: "runbooks/redis/index.html" → "runbooks/"; a folder index "runbooks/index.html" → "runbooks/".</summary>
    internal static string FolderOf(string destination)
    {
        var dir = destination[..^"index.html".Length];
        return dir;
    }

    /// <summary>"a/b/" → "a/"; "a/" → "".</summary>
    private static string ParentFolder(string folder)
    {
        var slash = folder.LastIndexOf('/', folder.Length - 2);
        return slash < 0 ? "" : folder[..(slash + 1)];
    }

    private static NavNode BuildFolder(
        string folder, Dictionary<string, List<Document>> byFolder, Dictionary<string, SortedSet<string>> subfolders, ImmutableArray<Document>.Builder listings)
    {
        var index = byFolder.GetValueOrDefault(folder)?.FirstOrDefault(d => d.Destination == folder + "index.html");
        var children = new List<NavNode>();
        foreach (var sub in subfolders.GetValueOrDefault(folder) ?? [])
        {
            // A page "x/name.md" lives in "x/name/index.html": a leaf unless it has children of its own.
            children.Add(BuildFolder(sub, byFolder, subfolders, listings));
        }
        if (index is null)
        {
            var name = folder.TrimEnd('/').Split('/')[^1];
            index = new Document
            {
                Source = "",
                Destination = folder + "index.html",
                Title = folder.Length == 0 ? "Home" : Input.ReadFiles.TitleFromFileName(name + ".md"),
                Kind = "listing",
                IsPage = true,
            };
            listings.Add(index);
        }
        var ordered = children
            .OrderBy(c => c.Order)
            .ThenBy(c => c.Title, StringComparer.OrdinalIgnoreCase)
            .ToImmutableArray();
        return new NavNode(index.Title, index.Destination, index.Kind, index.Order, index.TaskCount, ordered);
    }

    /// <summary>The page's own URL relative to another page, for templates.</summary>
    public static string Link(string from, NavNode to) => SitePaths.Relative(from, to.Url);
}
