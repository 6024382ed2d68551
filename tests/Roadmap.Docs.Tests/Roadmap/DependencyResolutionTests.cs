using Roadmap.Docs.Engine;
using Roadmap.Docs.Roadmap;

namespace Roadmap.Docs.Tests.Roadmap;

public class DependencyResolutionTests
{
    private static string Describe(DependencyTarget? target) => target switch
    {
        PhaseTarget t => t.PhaseId,
        DeliverableTarget t => $"{t.PhaseId}#{t.Slug}",
        AllPriorPhases t => "all of " + string.Join(",", t.PhaseIds),
        Unresolved => "unresolved",
        _ => "not resolved yet",
    };

    /// <summary>
    /// Every dependency line of the seed and what it resolves to. "Completion of Phase N" is that phase; "all technical
    /// phases" is every earlier phase; "Pydantic V2 migration complete" names a Phase 3 deliverable; the rest are
    /// conditions about the world that name no phase or deliverable, so they stay unresolved.
    /// </summary>
    [Fact]
    public void Resolves_the_seed_dependencies_exactly_so()
    {
        var model = RoadmapFixtures.Seed();
        Assert.Equal(
            [
                "phase-2 | 54 | Completion of Phase 1 -> phase-1",
                "phase-2 | 55 | Development environments ready -> unresolved",
                "phase-3 | 83 | Completion of Phase 2 -> phase-2",
                "phase-3 | 84 | Full test coverage in place -> unresolved",
                "phase-4 | 113 | Completion of Phase 3 -> phase-3",
                "phase-4 | 114 | Pydantic V2 migration complete -> phase-3#complete-pydantic-v1-to-v2-migration",
                "phase-5 | 142 | Completion of Phase 4 -> phase-4",
                "phase-5 | 143 | API layer stable -> unresolved",
                "phase-6 | 171 | Completion of Phase 5 -> phase-5",
                "phase-6 | 172 | All code quality checks passing -> unresolved",
                "phase-7 | 200 | Completion of Phase 6 -> phase-6",
                "phase-7 | 201 | All systems in production -> unresolved",
                "phase-8 | 229 | Completion of all technical phases -> all of phase-1,phase-2,phase-3,phase-4,phase-5,phase-6,phase-7",
            ],
            model.Phases.SelectMany(p => p.Dependencies.Select(d => $"{p.Id} | {d.Line} | {d.Text} -> {Describe(d.Resolved)}")));
        Assert.Equal(5, model.Unresolved.Length);
    }

    [Fact]
    public void An_unresolved_condition_keeps_its_closest_candidate_below_the_threshold()
    {
        var ready = RoadmapFixtures.Seed().Phases[1].Dependencies[1];
        var unresolved = Assert.IsType<Unresolved>(ready.Resolved);
        Assert.Equal("phase-1#set-up-development-environment-documentation", unresolved.ClosestCandidate);
        Assert.InRange(unresolved.Score, 0.5, DependencyResolver.Threshold - 0.01);
        Assert.Contains("condition", unresolved.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("phase-1", "phase-1")]
    [InlineData("Phase-1", "phase-1")]
    [InlineData("phase-3#complete-pydantic-v1-to-v2-migration", "phase-3#complete-pydantic-v1-to-v2-migration")]
    [InlineData("phase-3-python.md", "phase-3")]
    [InlineData("./phase-3-python.md#document-breaking-changes", "phase-3#document-breaking-changes")]
    [InlineData("[the Python work](phase-3-python.md)", "phase-3")]
    [InlineData("../phase-3-python/", "phase-3")]
    [InlineData("Phase 3 finished", "phase-3")]
    [InlineData("All previous phases signed off", "all of phase-1,phase-3")]
    [InlineData("Python Modernization complete", "phase-3")]
    [InlineData("Pydantic V2 migration done", "phase-3#complete-pydantic-v1-to-v2-migration")]
    [InlineData("Monitoring dashboards live", "unresolved")]
    [InlineData("Phase 1 and Phase 3", "unresolved")]
    [InlineData("phase-9", "unresolved")]
    [InlineData("https://example.com/phase-3-python.md", "unresolved")]
    public void Resolves_references_links_and_prose(string written, string expected)
    {
        var model = RoadmapFixtures.Read(SmallRoadmap(written));
        Assert.Equal(expected, Describe(model.FindPhase("phase-4")!.Dependencies.Single().Resolved));
    }

    [Fact]
    public void Prefers_a_deliverable_of_an_earlier_phase_over_a_later_one()
    {
        var model = RoadmapFixtures.Read(SmallRoadmap("Runbooks complete"));
        Assert.Equal("phase-3#write-runbooks", Describe(model.FindPhase("phase-4")!.Dependencies.Single().Resolved));
    }

    [Fact]
    public void Reports_a_broken_reference_with_a_did_you_mean_hint_but_not_a_condition()
    {
        var diagnostics = new DiagnosticBag();
        RoadmapReader.Read(SmallRoadmap("phase-3#document-breaking-change", page5Dependency: "Team morale high"), diagnostics);
        var warning = Assert.Single(diagnostics.Sorted());
        Assert.Equal("RD0100", warning.RuleId);
        Assert.Equal(Severity.Error, warning.Severity);
        Assert.Equal(("roadmap/phase-4-api.md", 4, 5), (warning.File, warning.Line, warning.Column));
        Assert.Equal("did you mean 'phase-3#document-breaking-changes'?", warning.Hint);
    }

    [Theory]
    [InlineData("migration", "migrating")]
    [InlineData("migrate", "migrated")]
    [InlineData("environments", "environment")]
    [InlineData("documentation", "documents")]
    [InlineData("deployment", "deploying")]
    [InlineData("optimization", "optimized")]
    [InlineData("security", "secure")]
    public void Stems_word_families_to_one_form(string a, string b) =>
        Assert.Equal(WordMatch.Stem(a), WordMatch.Stem(b));

    /// <summary>
    /// Phases 1, 3, 4 and 5 as pages (no phase 2, so "all previous phases" shows it takes what exists), phase 4
    /// depending on <paramref name="dependency"/> in front matter, phase 5 on <paramref name="page5Dependency"/> in its body.
    /// </summary>
    private static Document[] SmallRoadmap(string dependency, string page5Dependency = "Phase 4 done") =>
    [
        RoadmapFixtures.Page("roadmap/phase-1-foundation.md", "phase", "## Deliverables\n\n- [x] Set up development environment documentation\n", ("phase", "1"), ("weeks", "1-2")),
        RoadmapFixtures.Page("roadmap/phase-3-python.md", "phase", "# Python Modernization\n\n## Deliverables\n\n- [ ] Complete Pydantic V1 to V2 migration\n- [ ] Document breaking changes\n- [ ] Write runbooks\n", ("phase", "3"), ("weeks", "5-7")),
        RoadmapFixtures.Page("roadmap/phase-4-api.md", "phase", "## Deliverables\n\n- [ ] Create API testing suite\n", ("phase", "4"), ("depends_on", new[] { dependency }), ("weeks", "8-9")),
        RoadmapFixtures.Page("roadmap/phase-5-db.md", "phase", "## Deliverables\n\n- [ ] Write runbooks\n\n## Dependencies\n\n- " + page5Dependency + "\n", ("phase", "5"), ("weeks", "10-11")),
    ];
}
