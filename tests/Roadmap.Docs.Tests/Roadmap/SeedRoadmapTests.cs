using Roadmap.Docs.Engine;
using Roadmap.Docs.Roadmap;

namespace Roadmap.Docs.Tests.Roadmap;

/// <summary>The seed roadmap, fed unchanged, gives exactly the model a reader of it would expect.</summary>
public class SeedRoadmapTests
{
    private static readonly RoadmapModel Model = RoadmapFixtures.Seed();
    private static readonly string Text = RoadmapFixtures.SeedDocument().SourceText;
    private static readonly string[] Tags = ["plan", "2026"];

    [Fact]
    public void Reads_eight_phases_with_their_titles_and_exact_weeks()
    {
        Assert.Equal(
            [
                "phase-1 Foundation & Assessment Weeks 1-2",
                "phase-2 Code Quality & Testing Weeks 3-4",
                "phase-3 Python Modernization Weeks 5-7",
                "phase-4 API Modernization Weeks 8-9",
                "phase-5 Database Optimization Weeks 10-11",
                "phase-6 Infrastructure & Deployment Weeks 12-14",
                "phase-7 Security & Hardening Weeks 15-16",
                "phase-8 Documentation & Training Weeks 17-18",
            ],
            Model.Phases.Select(p => $"{p.Id} {p.Title} {p.Weeks}"));
    }

    [Fact]
    public void Every_phase_has_four_objectives_eight_open_deliverables_and_its_metrics()
    {
        Assert.All(Model.Phases, p =>
        {
            Assert.Equal(4, p.Objectives.Length);
            Assert.Equal(8, p.Deliverables.Length);
            Assert.All(p.Deliverables, d => Assert.False(d.Done));
            Assert.Equal(PhaseStatus.Planned, p.Status);
            Assert.Null(p.Owner);
        });
        Assert.Equal([4, 3, 4, 3, 3, 3, 3, 3], Model.Phases.Select(p => p.SuccessMetrics.Length));
        Assert.Equal(new TaskCount(0, 64), Model.Progress);
    }

    [Fact]
    public void Phases_and_deliverables_point_at_their_exact_source_lines()
    {
        var phase1 = Model.Phases[0];
        Assert.Equal(RoadmapFixtures.SeedSource, phase1.SourceFile);
        Assert.Equal(9, phase1.Line);
        Assert.Equal("roadmap/implementation-roadmap/index.html", phase1.Url);
        var first = phase1.Deliverables[0];
        Assert.Equal(new Deliverable("Complete REPOSITORY-AUDIT-TEMPLATE.csv for all projects", "complete-repository-audit-template-csv-for-all-projects", false, RoadmapFixtures.SeedSource, 18), first);
        Assert.All(Model.Phases.SelectMany(p => p.Deliverables), d => Assert.Contains(d.Text, Text.Split('\n')[d.Line - 1], StringComparison.Ordinal));
        Assert.Equal("complete-pydantic-v1-to-v2-migration", Model.Phases[2].Deliverables[3].Slug);
    }

    [Fact]
    public void Keeps_each_dependency_exactly_as_written_with_line_and_column()
    {
        Assert.Empty(Model.Phases[0].Dependencies);
        Assert.Equal(
            [
                ["Completion of Phase 1", "Development environments ready"],
                ["Completion of Phase 2", "Full test coverage in place"],
                ["Completion of Phase 3", "Pydantic V2 migration complete"],
                ["Completion of Phase 4", "API layer stable"],
                ["Completion of Phase 5", "All code quality checks passing"],
                ["Completion of Phase 6", "All systems in production"],
                ["Completion of all technical phases"],
            ],
            Model.Phases.Skip(1).Select(p => p.Dependencies.Select(d => d.Text).ToArray()));
        var ready = Model.Phases[1].Dependencies[1];
        Assert.Equal((RoadmapFixtures.SeedSource, 55, 3), (ready.SourceFile, ready.Line, ready.Column));
        Assert.Equal(229, Model.Phases[7].Dependencies[0].Line);
    }

    [Fact]
    public void Reads_three_high_and_four_medium_risks()
    {
        Assert.Equal(
            [
                new Risk("Pydantic V2 Migration", RiskLevel.High, "Breaking changes in API contracts", "Extensive testing, backward compatibility layer", "Senior Backend Engineer", "Week 5-6", new WeekRange(5, 6), RoadmapFixtures.SeedSource, 287),
                new Risk("Database Migration", RiskLevel.High, "Data loss or corruption", "Full backups, staging environment testing", "DevOps Engineer", "Week 10", new WeekRange(10, 10), RoadmapFixtures.SeedSource, 293),
                new Risk("Production Deployment", RiskLevel.High, "System downtime", "Blue-green deployment, automatic rollback", "DevOps Engineer + SRE", "Week 13-14", new WeekRange(13, 14), RoadmapFixtures.SeedSource, 299),
            ],
            Model.Risks.Where(r => r.Level == RiskLevel.High));
        Assert.Equal(
            ["Test coverage gaps", "Performance regression", "Third-party dependency incompatibilities", "Knowledge transfer delays"],
            Model.Risks.Where(r => r.Level == RiskLevel.Medium).Select(r => r.Title));
        Assert.All(Model.Risks.Where(r => r.Level == RiskLevel.Medium), r => Assert.Null(r.Mitigation));
        Assert.Equal(7, Model.Risks.Length);
    }

    [Fact]
    public void Reads_the_kpis_by_category()
    {
        Assert.Equal(
            [("Technical Metrics", 6), ("Quality Metrics", 4), ("Business Metrics", 4)],
            Model.Kpis.GroupBy(k => k.Category).Select(g => (g.Key, g.Count())));
        Assert.Equal(new Kpi("Technical Metrics", "Test coverage", ">= 85%", null, RoadmapFixtures.SeedSource, 323), Model.Kpis[0]);
        Assert.Equal("A grade", Model.Kpis.Single(k => k.Name == "Code quality score").Target);
        Assert.Equal("Reduce by 40%", Model.Kpis.Single(k => k.Name == "Time to market for features").Target);
    }

    [Fact]
    public void A_phase_url_carries_its_heading_anchor_once_headings_have_ids()
    {
        var document = RoadmapFixtures.SeedDocument() with { Headings = [new Heading(3, "phase-3-python-modernization-weeks-5-7", "Phase 3: Python Modernization (Weeks 5-7)", 64)] };
        var model = RoadmapFixtures.Read(document);
        Assert.Equal("roadmap/implementation-roadmap/index.html#phase-3-python-modernization-weeks-5-7", model.Phases[2].Url);
        Assert.Equal("roadmap/implementation-roadmap/index.html", model.Phases[3].Url);
    }

    [Fact]
    public void Reports_nothing_for_the_seed()
    {
        var diagnostics = new DiagnosticBag();
        RoadmapReader.Read([RoadmapFixtures.SeedDocument()], diagnostics);
        Assert.Empty(diagnostics.Sorted());
    }

    [Fact]
    public void Applies_the_body_offset_when_front_matter_precedes_the_roadmap()
    {
        var withFront = RoadmapFixtures.Page(RoadmapFixtures.SeedSource, "page", Text, ("title", "Implementation Roadmap"), ("tags", Tags));
        var model = RoadmapFixtures.Read(withFront);
        Assert.Equal(9 + 6, model.Phases[0].Line);
        Assert.Equal(18 + 6, model.Phases[0].Deliverables[0].Line);
        Assert.Equal(55 + 6, model.Phases[1].Dependencies[1].Line);
    }
}
