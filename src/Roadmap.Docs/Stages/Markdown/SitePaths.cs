using System.Buffers;

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
        var (up, rest) = RelativeParts(fromDestination, toDestination);
        return string.Concat(up, toDestination.AsSpan(rest));
    }

    /// <summary>
    /// <see cref="Relative"/> in two parts, for a writer that appends it: the climb out of the page's folders ("../../"),
    /// then <paramref name="toDestination"/> from <c>Tail</c> on.
    /// </summary>
    public static (string Up, int Tail) RelativeParts(string fromDestination, string toDestination)
    {
        // Skip the folders both paths start with, then climb out of the rest of the page's folders.
        int from = 0, to = 0;
        while (fromDestination.IndexOf('/', from) is var fromEnd and >= 0 && toDestination.IndexOf('/', to) is var toEnd and >= 0
            && fromDestination.AsSpan(from, fromEnd - from).SequenceEqual(toDestination.AsSpan(to, toEnd - to)))
        {
            from = fromEnd + 1;
            to = toEnd + 1;
        }
        return (Ups(fromDestination.AsSpan(from).Count('/')), to);
    }

    /// <summary>The prefix that leads from a page back to the site root ("" or "../../").</summary>
    public static string RootOf(string destination) => Ups(destination.AsSpan().Count('/'));

    private static readonly string[] UpsByDepth = [.. Enumerable.Range(0, 16).Select(n => string.Concat(Enumerable.Repeat("../", n)))];

    private static string Ups(int depth) => depth < UpsByDepth.Length ? UpsByDepth[depth] : string.Concat(Enumerable.Repeat("../", depth));

    /// <summary>Resolves a relative path against the folder of <paramref name="from"/>; null when it climbs above the root.</summary>
    /// <remarks>
    /// The folders of <paramref name="from"/> (every '/'-separated part but the last), then each part of
    /// <paramref name="relative"/>: "" and "." are skipped, ".." drops the last part, any other is added; joined with '/'.
    /// Built in one buffer: every link of every page is resolved, and most resolve to a path the site has.
    /// </remarks>
    public static string? Combine(string from, string relative)
    {
        var capacity = from.Length + relative.Length + 1;
        char[]? rented = null;
        var text = capacity <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(capacity));
        try
        {
            var folder = from.LastIndexOf('/');
            var used = Math.Max(folder, 0);
            from.AsSpan(0, used).CopyTo(text);
            var parts = from.AsSpan().Count('/');
            foreach (var range in relative.AsSpan().Split('/'))
            {
                var part = relative.AsSpan(range);
                if (part is "" or ".")
                {
                    continue;
                }
                if (part is "..")
                {
                    if (parts == 0)
                    {
                        return null;
                    }
                    parts--;
                    used = parts == 0 ? 0 : text[..used].LastIndexOf('/');
                    continue;
                }
                if (parts++ > 0)
                {
                    text[used++] = '/';
                }
                part.CopyTo(text[used..]);
                used += part.Length;
            }
            return new string(text[..used]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Markdown sources: .md and .markdown files.</summary>
    public static bool IsMarkdown(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for URLs that point outside the site (a scheme, protocol-relative or mail link).</summary>
    public static bool IsExternal(string url) =>
        url.StartsWith("//", StringComparison.Ordinal) ||
        (url.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 && url.AsSpan(0, colon).IndexOfAny('/', '?', '#') < 0);
}
