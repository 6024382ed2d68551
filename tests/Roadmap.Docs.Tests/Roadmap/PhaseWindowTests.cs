using System.Globalization;
using System.Text.RegularExpressions;

namespace Roadmap.Docs.Tests.Roadmap;

/// <summary>A big roadmap's phase page shows the phase among its neighbours: itself, what it depends on, what depends on it, then the nearest by number.</summary>
public partial class PhaseWindowTests
{
    [Fact]
    public async Task A_phase_page_timeline_shows_its_dependencies_dependents_and_nearest_phases()
    {
        using var temp = TestPaths.NewTempFolder();
        temp.Write("input/index.md", "# Home\n");
        for (var n = 1; n <= 40; n++)
        {
            var dependsOn = n switch { 30 => "[phase-2]", 35 => "[phase-30]", > 1 => $"[phase-{n - 1}]", _ => "[]" };
            temp.Write($"input/phases/phase-{n}.md", string.Create(CultureInfo.InvariantCulture,
                $"---\ntitle: Step {n}\nkind: phase\nphase: {n}\nweeks: {(2 * n) - 1}-{2 * n}\ndepends_on: {dependsOn}\n---\n\n## Deliverables\n\n- [ ] Thing {n}\n"));
        }

        var result = await SiteBuild.RunAsync(TestBuild.Options(temp.Combine("input"), temp.Combine("site")), TestContext.Current.CancellationToken);

        Assert.True(result.Published, string.Join("\n", result.Diagnostics));
        Assert.Equal([2, .. Enumerable.Range(23, 15)], PhasesOnTimeline(temp.Combine("site", "phases", "phase-30", "index.html")));
        // Critical is a fact of the whole roadmap (the longest chain, 1 → … → 29), not of the phases drawn (which alone would make 23 → … → 29).
        Assert.Contains("Critical path: phase-2, phase-23, phase-24, phase-25, phase-26, phase-27, phase-28, phase-29.", File.ReadAllText(temp.Combine("site", "phases", "phase-30", "index.html")), StringComparison.Ordinal);
        // At the start of the roadmap the window runs forward.
        Assert.Equal(Enumerable.Range(1, 16), PhasesOnTimeline(temp.Combine("site", "phases", "phase-1", "index.html")));
        // The whole-roadmap timeline has every phase.
        Assert.Equal(Enumerable.Range(1, 40), Labels().Matches(File.ReadAllText(temp.Combine("site", "timeline.svg"))).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)));
    }

    private static IEnumerable<int> PhasesOnTimeline(string page)
    {
        var html = File.ReadAllText(page);
        var figure = html[html.IndexOf("<figure class=\"timeline\"", StringComparison.Ordinal)..];
        figure = figure[..figure.IndexOf("</figure>", StringComparison.Ordinal)];
        return Labels().Matches(figure).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@">(\d+)\. Step \d+<")]
    private static partial Regex Labels();
}
