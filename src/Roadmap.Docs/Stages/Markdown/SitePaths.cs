namespace Roadmap.Docs.Stages.Markdown;

/// <summary>Where sources go in the site and how one page points at another with a relative URL.</summary>
public static class SitePaths
{
    /// <summary>
    /// "runbooks/redis.md" → "runbooks/redis/index.html"; "runbooks/index.md" (or README.md, _index.md) → "runbooks/index.html".
    /// Pretty folder URLs for servers, but every link names index.html so the site also works opened from disk.
    /// </summary>
    public static string DestinationFor(string source)
    {
        var slash = source.LastIndexOf('/');
        var folder = slash < 0 ? "" : source[..(slash + 1)];
        var name = Path.GetFileNameWithoutExtension(source);
        if (name is "index" or "_index" || name.Equals("README", StringComparison.OrdinalIgnoreCase))
        {
            return folder + "index.html";
        }
        return folder + name + "/index.html";
    }

    /// <summary>The relative URL from the page at <paramref name="fromDestination"/> to the site path <paramref name="toDestination"/>.</summary>
    public static string Relative(string fromDestination, string toDestination)
    {
        var fromParts = fromDestination.Split('/')[..^1];
        var toParts = toDestination.Split('/');
        var common = 0;
        while (common < fromParts.Length && common < toParts.Length - 1 && fromParts[common] == toParts[common])
        {
            common++;
        }
        var ups = string.Concat(Enumerable.Repeat("../", fromParts.Length - common));
        return ups + string.Join('/', toParts[common..]);
    }

    /// <summary>The prefix that leads from a page back to the site root ("" or "../../").</summary>
    public static string RootOf(string destination) =>
        string.Concat(Enumerable.Repeat("../", destination.Count(c => c == '/')));

    /// <summary>Resolves a relative path against the folder of <paramref name="from"/>; null when it climbs above the root.</summary>
    public static string? Combine(string from, string relative)
    {
        var parts = new List<string>(from.Split('/')[..^1]);
        foreach (var part in relative.Split('/'))
        {
            switch (part)
            {
                case "" or ".":
                    continue;
                case "..":
                    if (parts.Count == 0)
                    {
                        return null;
                    }
                    parts.RemoveAt(parts.Count - 1);
                    break;
                default:
                    parts.Add(part);
                    break;
            }
        }
        return string.Join('/', parts);
    }

    /// <summary>Markdown sources: .md and .markdown files.</summary>
    public static bool IsMarkdown(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for URLs that point outside the site (a scheme, protocol-relative or mail link).</summary>
    public static bool IsExternal(string url) =>
        url.StartsWith("//", StringComparison.Ordinal) ||
        (url.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && url.AsSpan(0, colon).IndexOfAny('/', '?', '#') < 0);
}
