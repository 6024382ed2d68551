using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Roadmap.Docs.Stages.Diff;

/// <summary>A built site folder read for comparison: every page by path, and each roadmap phase's checklist progress.</summary>
public sealed partial class SiteSnapshot
{
    private SiteSnapshot(IReadOnlyDictionary<string, SitePage> pages, IReadOnlyDictionary<int, PhaseProgress> phases)
    {
        Pages = pages;
        Phases = phases;
    }

    public IReadOnlyDictionary<string, SitePage> Pages { get; }

    /// <summary>Checklist progress by phase number: from badges/phase-N.json when the site has it, else from the phase page's checkboxes.</summary>
    public IReadOnlyDictionary<int, PhaseProgress> Phases { get; }

    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static SiteSnapshot Read(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"the site folder '{root}' does not exist");
        }
        var pages = Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(path => !path.StartsWith("assets/", StringComparison.Ordinal))
            .Select(path => PageContent.Read(path, File.ReadAllText(Path.Combine(root, path))))
            .ToDictionary(page => page.Path, StringComparer.Ordinal);

        var phases = pages.Values.Select(p => p.Phase).OfType<PhaseProgress>()
            .GroupBy(p => p.Number)
            .ToDictionary(g => g.Key, g => g.First());
        foreach (var badge in Badges(root))
        {
            phases[badge.Number] = badge;
        }
        return new SiteSnapshot(pages, phases);
    }

    /// <summary>The shields.io endpoint files the roadmap stage writes: badges/phase-N.json with {"message":"5/8 (62%)"}.</summary>
    private static IEnumerable<PhaseProgress> Badges(string root)
    {
        var folder = Path.Combine(root, "badges");
        if (!Directory.Exists(folder))
        {
            yield break;
        }
        foreach (var file in Directory.EnumerateFiles(folder, "phase-*.json"))
        {
            var number = BadgeName().Match(Path.GetFileName(file));
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var message = json.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
            var counts = BadgeMessage().Match(message);
            if (number.Success && counts.Success)
            {
                yield return new PhaseProgress(Int(number.Groups[1].Value), Int(counts.Groups[1].Value), Int(counts.Groups[2].Value));
            }
        }
    }

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^phase-([0-9]+)\.json$")]
    private static partial Regex BadgeName();

    [GeneratedRegex(@"^([0-9]+)/([0-9]+)")]
    private static partial Regex BadgeMessage();
}
