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
        // Skip the folders both paths start with, then climb out of the rest of the page's folders.
        int from = 0, to = 0;
        while (fromDestination.IndexOf('/', from) is var fromEnd and >= 0 && toDestination.IndexOf('/', to) is var toEnd and >= 0
            && fromDestination.AsSpan(from, fromEnd - from).SequenceEqual(toDestination.AsSpan(to, toEnd - to)))
        {
            from = fromEnd + 1;
            to = toEnd + 1;
        }
        return Ups(fromDestination.AsSpan(from).Count('/')) + toDestination[to..];
    }

    /// <summary>The prefix that leads from a page back to the site root ("" or "../../").</summary>
    public static string RootOf(string destination) => Ups(destination.AsSpan().Count('/'));

    private static readonly string[] UpsByDepth = [.. Enumerable.Range(0, 16).Select(n => string.Concat(Enumerable.Repeat("../", n)))];

    private static string Ups(int depth) => depth < UpsByDepth.Length ? UpsByDepth[depth] : string.Concat(Enumerable.Repeat("../", depth));

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
