using System.Security.Cryptography;

namespace Roadmap.Docs.Tests.Incremental;

/// <summary>Edits of an input tree and snapshots of a built site, for the tests that compare a site with a clean build's.</summary>
internal static class TreeFiles
{
    /// <summary>Changes one file of the tree (the change must change something) and returns its relative path.</summary>
    public static string Edit(string root, string relative, Func<string, string> change)
    {
        var path = Path.Combine(root, relative);
        var before = File.ReadAllText(path);
        var after = change(before);
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
        return relative;
    }

    public static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' not found");
        return text[..at] + replacement + text[(at + find.Length)..];
    }

    /// <summary>Every file's relative path and content hash (and its modification time when asked), leaving out a folder when asked.</summary>
    public static List<string> Snapshot(string root, bool withTimes = false, string? leaveOut = null) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => leaveOut is null || !Path.GetRelativePath(root, f).Replace('\\', '/').StartsWith(leaveOut, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f) + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))
                + (withTimes ? " " + File.GetLastWriteTimeUtc(f).Ticks : ""))
            .Order(StringComparer.Ordinal)];
}
