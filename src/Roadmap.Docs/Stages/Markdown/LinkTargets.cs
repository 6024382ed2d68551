using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Stages.Markdown;

/// <summary>
/// What a link in the markdown can point at: the pages (by source path) and the other files of the input, so links are
/// resolved the way they read on GitHub — relative to the .md file — and point at what the site really has.
/// </summary>
public sealed class LinkTargets
{
    /// <summary>No knowledge of the site: .md links go where <see cref="SitePaths.DestinationFor"/> puts them.</summary>
    public static LinkTargets Empty { get; } = new([]);

    private static readonly string[] PageSuffixes = [".md", ".markdown", "/_index.md", "/index.md", "/README.md"];

    private readonly Dictionary<string, string> _pages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _files = new(StringComparer.Ordinal);

    public LinkTargets(IEnumerable<Document> documents)
    {
        foreach (var doc in documents.Where(d => d.Source.Length > 0))
        {
            if (!doc.IsPage)
            {
                _files.Add(doc.Destination);
                continue;
            }
            _pages[doc.Source] = doc.Destination;
            var name = Path.GetFileNameWithoutExtension(doc.Source);
            if (name is "_index" or "index" || name.Equals("README", StringComparison.OrdinalIgnoreCase))
            {
                name = Path.GetFileName(Path.GetDirectoryName(doc.Source)) ?? "";
            }
            if (!_byName.TryGetValue(name, out var list))
            {
                _byName[name] = list = [];
            }
            list.Add(doc.Source);
        }
    }

    /// <summary>The site path of the page built from <paramref name="source"/>, if the site has that page.</summary>
    public string? PageDestination(string source) => _pages.GetValueOrDefault(source);

    public bool HasFile(string sitePath) => _files.Contains(sitePath);

    /// <summary>
    /// The page source a site path names, with or without its extension: "guide" is guide.md, guide.markdown,
    /// guide/_index.md, guide/index.md or guide/README.md; "guide/" the folder's index page.
    /// </summary>
    public string? FindPage(string sitePath)
    {
        var trimmed = sitePath.TrimEnd('/');
        if (_pages.ContainsKey(trimmed))
        {
            return trimmed;
        }
        foreach (var suffix in PageSuffixes)
        {
            var candidate = (trimmed + suffix).TrimStart('/');
            if (_pages.ContainsKey(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>
    /// Hugo's <c>ref</c>/<c>relref</c> lookup: the path from the page's folder, then from each folder above it up to the
    /// root (a multilingual tree keeps each language in a folder), then the page with that name (the closest to this
    /// page when several have it).
    /// </summary>
    public string? ResolveReference(string fromSource, string path)
    {
        var bases = new List<string>();
        if (!path.StartsWith('/'))
        {
            for (var folder = FolderOf(fromSource); folder.Length > 0; folder = FolderOf(folder.TrimEnd('/')))
            {
                bases.Add(folder);
            }
        }
        bases.Add("");
        foreach (var folder in bases)
        {
            // Combine resolves against the folder of a file path, so give it one in this folder.
            if (SitePaths.Combine(folder + "_", path.TrimStart('/')) is { } combined && FindPage(combined) is { } page)
            {
                return page;
            }
        }
        // By name: the one page with it, or the one closest to this page (each language's copy in a multilingual tree).
        var name = Path.GetFileNameWithoutExtension(path.TrimEnd('/'));
        if (!_byName.TryGetValue(name, out var named))
        {
            return null;
        }
        var ranked = named.Select(s => (Source: s, Shared: SharedFolders(s, fromSource))).OrderByDescending(c => c.Shared).ToList();
        return ranked.Count == 1 || ranked[0].Shared > ranked[1].Shared ? ranked[0].Source : null;
    }

    /// <summary>How many leading folders two source paths share.</summary>
    private static int SharedFolders(string a, string b)
    {
        var (left, right) = (a.Split('/')[..^1], b.Split('/')[..^1]);
        var shared = 0;
        while (shared < left.Length && shared < right.Length && left[shared] == right[shared])
        {
            shared++;
        }
        return shared;
    }

    private static string FolderOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..(slash + 1)];
    }
}
