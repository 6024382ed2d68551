using System.Globalization;
using System.Xml.Linq;
using Roadmap.Docs.Roadmap;
using Roadmap.Docs.Tests.Roadmap;
using Roadmap.Docs.Visuals;

namespace Roadmap.Docs.Tests.Visuals;

public class TimelineSvgTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    internal static readonly TimelineOptions SeedOptions = new()
    {
        Start = new DateOnly(2026, 1, 5),
        Today = new DateOnly(2026, 2, 11),
        PhaseUrl = p => $"../phases/{p.Id}/",
    };

    internal static readonly TimelineOptions LargeOptions = new()
    {
        Start = new DateOnly(2026, 1, 5),
        Today = new DateOnly(2026, 5, 20),
        HighlightPhaseId = "phase-7",
    };

    private static readonly string[] Titles =
    [
        "Discovery & interviews", "Platform foundations", "Identity and access management overhaul", "Billing service extraction",
        "Search relevance", "Observability", "Data warehouse migration to the new columnar store", "Mobile app v2",
        "Payments PCI hardening", "Internationalisation", "Partner API", "Self-serve onboarding", "Cost optimisation",
        "Disaster recovery drills", "Accessibility audit", "Performance budget", "Legacy shutdown", "Customer analytics",
        "Security certification (SOC 2)", "Launch & handover",
    ];

    /// <summary>20 overlapping phases over 52 weeks, in every status, some of them off the critical path.</summary>
    internal static RoadmapModel TwentyPhasesOverAYear() => new(
        [.. Enumerable.Range(1, 20).Select(n =>
        {
            var start = 1 + ((n - 1) * 5 / 2);
            var end = n == 20 ? 52 : start + 2 + (n * 7 % 5);
            var status = n switch { <= 6 => PhaseStatus.Done, <= 9 => PhaseStatus.InProgress, 10 => PhaseStatus.Blocked, _ => PhaseStatus.Planned };
            var total = 3 + (n % 4);
            var done = status switch { PhaseStatus.Done => total, PhaseStatus.InProgress => total / 2, PhaseStatus.Blocked => 1, _ => 0 };
            // Two interleaved streams (odd and even phases) with a cross-link every fourth phase, so some phases are off the critical path.
            var dependsOn = n switch { 1 => [], 2 => [1], _ when n % 4 == 0 => [n - 2, n - 1], _ => new[] { n - 2 } };
            return new Phase
            {
                Number = n,
                Title = Titles[n - 1],
                Weeks = new WeekRange(start, end),
                Status = status,
                Deliverables = [.. Enumerable.Range(1, total).Select(d => new Deliverable($"Deliverable {d}", $"deliverable-{d}", d <= done, "plan.md", d))],
                Dependencies = [.. dependsOn.Select(d => new Dependency($"phase-{d}", "plan.md", n, 1, new PhaseTarget(Phase.IdFor(d))))],
                SourceFile = "plan.md",
                Line = n,
                Url = "plan/index.html",
            };
        })],
        [],
        []);

    [Fact]
    public void Seed_timeline_matches_its_golden_file() =>
        GoldenFile.AssertMatches("timeline-seed", TimelineSvg.Render(RoadmapFixtures.Seed(), SeedOptions));

    [Fact]
    public void Twenty_phases_over_fifty_two_weeks_match_their_golden_file() =>
        GoldenFile.AssertMatches("timeline-20x52", TimelineSvg.Render(TwentyPhasesOverAYear(), LargeOptions));

    /// <summary>Six phases spread over twenty years (a phase page whose window reaches far dependents): squeezed, not 4 px a week.</summary>
    [Fact]
    public void A_span_of_years_is_squeezed_into_twice_the_width_and_matches_its_golden_file()
    {
        var phases = TwentyPhasesOverAYear().Phases.Take(6).Select(p => p with { Weeks = new WeekRange(p.Weeks.Start * 150, (p.Weeks.Start * 150) + 3) });
        var svg = TimelineSvg.Render(new RoadmapModel([.. phases], [], []), LargeOptions with { HighlightPhaseId = "phase-2" });

        GoldenFile.AssertMatches("timeline-long-span", svg);
        var width = double.Parse((string)XDocument.Parse(svg).Root!.Attribute("width")!, CultureInfo.InvariantCulture);
        Assert.InRange(width, LargeOptions.Width, TimelineSvg.MaxWidthFactor * LargeOptions.Width);
    }

    [Fact]
    public void Output_is_deterministic()
    {
        Assert.Equal(TimelineSvg.Render(RoadmapFixtures.Seed(), SeedOptions), TimelineSvg.Render(RoadmapFixtures.Seed(), SeedOptions));
    }

    [Fact]
    public void Is_an_accessible_image_summarising_the_phases()
    {
        var svg = XDocument.Parse(TimelineSvg.Render(RoadmapFixtures.Seed(), SeedOptions)).Root!;
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("rd-timeline-title rd-timeline-desc", (string?)svg.Attribute("aria-labelledby"));
        Assert.Equal("Roadmap timeline", svg.Element(Ns + "title")!.Value);
        var desc = svg.Element(Ns + "desc")!.Value;
        Assert.StartsWith("8 phases over 18 weeks (week 1 to 18), week 1 starting 2026-01-05. Critical path: phase-1, phase-2", desc, StringComparison.Ordinal);
        Assert.Contains("Today (2026-02-11) is in week 6.", desc, StringComparison.Ordinal);
        Assert.Contains("Phase 3, Python Modernization: weeks 5-7, planned, 0 of 8 deliverables done.", desc, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_every_week_up_to_26_and_every_second_week_of_52()
    {
        static IEnumerable<string> WeekLabels(string svg) => XDocument.Parse(svg).Descendants(Ns + "g")
            .Where(g => (string?)g.Attribute("class") == "rd-axis").Elements(Ns + "text").Select(t => t.Value).Skip(1);
        Assert.Equal(Enumerable.Range(1, 18).Select(w => w.ToString(CultureInfo.InvariantCulture)), WeekLabels(TimelineSvg.Render(RoadmapFixtures.Seed(), SeedOptions)));
        Assert.Equal(Enumerable.Range(0, 26).Select(i => (1 + (2 * i)).ToString(CultureInfo.InvariantCulture)), WeekLabels(TimelineSvg.Render(TwentyPhasesOverAYear(), LargeOptions)));
    }

    [Fact]
    public void Marks_the_critical_path_links_each_bar_and_draws_one_arrow_per_direct_dependency()
    {
        var svg = XDocument.Parse(TimelineSvg.Render(RoadmapFixtures.Seed(), SeedOptions));
        var phases = svg.Descendants(Ns + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("rd-phase ", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(8, phases.Count);
        Assert.All(phases, g => Assert.Contains("rd-critical", (string?)g.Attribute("class"), StringComparison.Ordinal));
        Assert.Equal(
            Enumerable.Range(1, 8).Select(n => $"../phases/phase-{n}/"),
            phases.Select(g => (string?)g.Element(Ns + "a")!.Attribute("href")));
        // Phase 8 depends on all seven before it, but 7 already waits for 6, 5…: only 7 → 8 is drawn.
        var arrows = svg.Descendants(Ns + "g").Single(g => (string?)g.Attribute("class") == "rd-arrows").Elements(Ns + "path").ToList();
        Assert.Equal(7, arrows.Count);
        Assert.All(arrows, a => Assert.Equal("rd-arrow rd-critical", (string?)a.Attribute("class")));
    }

    [Fact]
    public void Without_dates_there_is_no_today_line_and_without_a_resolver_no_links()
    {
        var svg = XDocument.Parse(TimelineSvg.Render(RoadmapFixtures.Seed(), new TimelineOptions()));
        Assert.DoesNotContain(svg.Descendants(), e => ((string?)e.Attribute("class"))?.Contains("rd-today", StringComparison.Ordinal) == true);
        Assert.Empty(svg.Descendants(Ns + "a"));
    }

    [Fact]
    public void Highlighting_a_phase_dims_every_other_one()
    {
        var svg = XDocument.Parse(TimelineSvg.Render(RoadmapFixtures.Seed(), SeedOptions with { HighlightPhaseId = "phase-3" }));
        var classes = svg.Descendants(Ns + "g").Where(g => g.Attribute("data-phase") is not null)
            .ToDictionary(g => (string)g.Attribute("data-phase")!, g => (string)g.Attribute("class")!);
        Assert.Contains("rd-highlight", classes["phase-3"], StringComparison.Ordinal);
        Assert.DoesNotContain("rd-dim", classes["phase-3"], StringComparison.Ordinal);
        Assert.All(classes.Where(c => c.Key != "phase-3"), c => Assert.Contains("rd-dim", c.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Styles_follow_the_page_theme_the_system_scheme_and_print()
    {
        var svg = TimelineSvg.Render(RoadmapFixtures.Seed(), SeedOptions);
        Assert.Contains("--rd-tl-done: var(--rd-timeline-done, #1a7f37);", svg, StringComparison.Ordinal);
        Assert.Contains("@media screen and (prefers-color-scheme: dark) { :root:not([data-theme=\"light\"]) .rd-tl {", svg, StringComparison.Ordinal);
        Assert.Contains("[data-theme=\"dark\"] .rd-tl {", svg, StringComparison.Ordinal);
        Assert.Contains("@media print {", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_roadmap_still_renders_a_valid_image()
    {
        var svg = XDocument.Parse(TimelineSvg.Render(RoadmapModel.Empty, new TimelineOptions()));
        Assert.Equal("The roadmap has no phases yet.", svg.Root!.Element(Ns + "desc")!.Value);
    }
}
