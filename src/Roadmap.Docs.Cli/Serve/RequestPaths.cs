namespace Roadmap.Docs.Cli.Serve;

/// <summary>Decides which requests may touch the disk at all, and maps the rest to files strictly inside the site folder.</summary>
internal static class RequestPaths
{
    /// <summary>
    /// False for a raw request target with a dot segment, a backslash, a NUL or an encoded slash, written plainly or percent-encoded.
    /// Checked on the raw target because the server has already decoded and normalised the path it hands on.
    /// </summary>
    public static bool IsSafe(string rawTarget)
    {
        var path = rawTarget.Split('?', 2)[0];
        if (!path.StartsWith('/'))
        {
            return false;
        }
        foreach (var segment in path.Split('/'))
        {
            var decoded = Uri.UnescapeDataString(segment);
            if (decoded is "." or ".." || decoded.IndexOfAny(['\\', '\0', '/']) >= 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The file or folder at <paramref name="relative"/> ('/'-separated, already <see cref="IsSafe"/>) under <paramref name="root"/>,
    /// or null when it does not exist, is hidden (a dot file such as the output marker) or passes through a link.
    /// </summary>
    public static FileSystemInfo? Resolve(string root, string relative)
    {
        FileSystemInfo entry = new DirectoryInfo(root);
        foreach (var segment in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(entry.FullName, segment);
            entry = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            // The build never writes links, so one here is someone else's and may point anywhere: never follow it.
            if (segment.StartsWith('.') || !entry.Exists || entry.LinkTarget is not null)
            {
                return null;
            }
        }
        var full = Path.GetFullPath(entry.FullName);
        var inside = full == Path.GetFullPath(root) || full.StartsWith(Path.GetFullPath(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside && entry.Exists ? entry : null;
    }
}
