namespace Roadmap.Docs.Stages.Diff;

/// <summary>One page of a built site as the diff sees it: where it is, its title and the text that counts as its content.</summary>
/// <param name="Path">The file, relative to the site root with '/' (for example "runbooks/redis/index.html").</param>
/// <param name="Title">The page's h1, else its &lt;title&gt;.</param>
/// <param name="Text">The article's text with checkboxes as [x] / [ ], whitespace collapsed, build-time noise removed.</param>
/// <param name="Phase">The phase number and checklist counts, on roadmap phase pages only.</param>
public sealed record SitePage(string Path, string Title, string Text, PhaseProgress? Phase)
{
    /// <summary>The page's URL relative to the site root: "runbooks/redis/" for a folder's index.html, "" for the home page.</summary>
    public string Link => SiteLinks.ForPath(Path);
}

/// <summary>How far one roadmap phase's checklist is: <see cref="Done"/> of <see cref="Total"/> items ticked.</summary>
public sealed record PhaseProgress(int Number, int Done, int Total)
{
    public override string ToString() => $"{Done}/{Total}";
}

/// <summary>Turns site file paths into the links a reader would use.</summary>
public static class SiteLinks
{
    public static string ForPath(string path) =>
        path == "index.html" ? ""
        : path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length]
        : path;
}
