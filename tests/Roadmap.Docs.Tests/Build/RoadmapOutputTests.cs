using System.Text.Json;
using AngleSharp.Html.Parser;
using Roadmap.Docs.Stages.Markdown;

namespace Roadmap.Docs.Tests.Build;

/// <summary>The built roadmap agrees with the task lists in input/: overview table, phase pages, badge files, timeline.</summary>
public class RoadmapOutputTests
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Every_phase_page_badge_file_and_overview_row_agrees_with_the_checklists_in_input()
    {
        var output = await KnowledgeBaseSite.OutputAsync();
        var overview = Parser.ParseDocument(File.ReadAllText(Path.Combine(output, "roadmap", "index.html")));
        var rows = overview.QuerySelectorAll("table.phase-table tbody tr").ToList();
        int done = 0, total = 0;
        var phases = Directory.GetFiles(Path.Combine(TestPaths.Input, "roadmap"), "phase-*.md").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(8, rows.Count);
        Assert.Equal(8, phases.Count);

        foreach (var file in phases)
        {
            var lines = File.ReadAllLines(file);
            var number = int.Parse(lines.First(l => l.StartsWith("phase:", StringComparison.Ordinal))["phase:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            var phaseDone = lines.Count(l => l.StartsWith("- [x]", StringComparison.OrdinalIgnoreCase));
            var phaseTotal = phaseDone + lines.Count(l => l.StartsWith("- [ ]", StringComparison.Ordinal));
            done += phaseDone;
            total += phaseTotal;
            var percent = phaseTotal == 0 ? 0 : 100 * phaseDone / phaseTotal;
            var message = $"{phaseDone}/{phaseTotal} ({percent}%)";

            using var badge = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "badges", $"phase-{number}.json")));
            Assert.Equal(1, badge.RootElement.GetProperty("schemaVersion").GetInt32());
            Assert.Equal(message, badge.RootElement.GetProperty("message").GetString());
            Assert.Contains(message, File.ReadAllText(Path.Combine(output, "badges", $"phase-{number}.svg")), StringComparison.Ordinal);

            var row = rows[number - 1];
            Assert.Equal($"badges/phase-{number}.svg", row.QuerySelector("img.badge")!.GetAttribute("src")!.Replace("../", "", StringComparison.Ordinal));
            Assert.Equal(message, row.QuerySelector("img.badge")!.GetAttribute("alt"));

            var page = Parser.ParseDocument(File.ReadAllText(Path.Combine(output, SitePaths.DestinationFor("roadmap/" + Path.GetFileName(file)))));
            Assert.Equal("checklist: " + message, page.QuerySelector(".page-header img.badge")!.GetAttribute("alt"));
            Assert.NotNull(page.QuerySelector(".phase-panel svg[role=img] title"));
            Assert.NotNull(page.QuerySelector($".phase-panel svg .rd-highlight[data-phase=\"phase-{number}\"]"));
        }

        using var roadmap = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "badges", "roadmap.json")));
        Assert.Equal($"{done}/{total} ({100 * done / total}%)", roadmap.RootElement.GetProperty("message").GetString());
        Assert.Contains($"{done}/{total}", overview.QuerySelector("table.phase-table tfoot")!.TextContent, StringComparison.Ordinal);
        var timeline = File.ReadAllText(Path.Combine(output, "timeline.svg"));
        Assert.StartsWith("<svg", timeline, StringComparison.Ordinal);
        Assert.Equal(8, Parser.ParseDocument(timeline).QuerySelectorAll("[data-phase]").Select(e => e.GetAttribute("data-phase")).Distinct().Count());
    }
}
