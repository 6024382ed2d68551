using Roadmap.Docs.Engine;
using Roadmap.Docs.Roadmap;

namespace Roadmap.Docs.Tests.Roadmap;

/// <summary>One page per phase and one roadmap document in the seed's form give the same model.</summary>
public class PageFormTests
{
    private const string SeedForm = """
        # Platform roadmap

        ### Phase 1: Foundation (Weeks 1-2)

        **Owner**: Platform team
        **Status**: done

        **Objectives**:
        - Audit every service

        **Deliverables**:
        - [x] Complete the service audit
        - [x] Set up development environments

        **Success Metrics**:
        - All services audited

        ### Phase 2: Quality (Weeks 3–4)

        **Owner**: QA guild

        **Objectives**:
        - Raise test coverage

        **Deliverables**:
        - [x] Set up pytest with coverage
        - [ ] Reach 70% coverage

        **Dependencies**:
        - Completion of Phase 1
        - Development environments ready

        **Success Metrics**:
        - Coverage >= 70%

        ### Phase 3: Python Modernization (Weeks 5-7)

        **Deliverables**:
        - [ ] Complete Pydantic V1 to V2 migration
        - [ ] Document breaking changes

        **Dependencies**:
        - Completion of Phase 2
        - Service audit complete

        """;

    private static readonly string[] Phase2DependsOn = ["phase-1"];
    private static readonly string[] Phase3DependsOn = ["phase-2-quality.md", "phase-1#complete-the-service-audit"];

    private static Document[] PageForm() =>
    [
        RoadmapFixtures.Page("roadmap/phase-1-foundation.md", "phase", """
            # Foundation

            ## Objectives

            - Audit every service

            ## Deliverables

            - [x] Complete the service audit
            - [x] Set up development environments

            ## Success metrics

            - All services audited

            """, ("phase", "1"), ("weeks", "Weeks 1-2"), ("owner", "Platform team"), ("status", "done")),
        RoadmapFixtures.Page("roadmap/phase-2-quality.md", "phase", """
            ## Objectives

            - Raise test coverage

            ## Deliverables

            - [x] Set up pytest with coverage
            - [ ] Reach 70% coverage

            ## Dependencies

            - Development environments ready

            ## Success Metrics

            - Coverage >= 70%

            """, ("phase", "2"), ("title", "Quality"), ("weeks", "3-4"), ("owner", "QA guild"), ("depends_on", Phase2DependsOn)),
        RoadmapFixtures.Page("roadmap/phase-3-python.md", "phase", """
            ## Deliverables

            - [ ] Complete Pydantic V1 to V2 migration
            - [ ] Document breaking changes

            """, ("phase", "3"), ("title", "Python Modernization"), ("weeks", "5 to 7"), ("depends_on", Phase3DependsOn)),
    ];

    /// <summary>Everything a phase means, leaving out where it was written (which differs between the forms by design).</summary>
    private static IEnumerable<string> Meaning(RoadmapModel model) => model.Phases.Select(p => string.Join(" | ",
        p.Id, p.Title, p.Weeks, p.Owner ?? "-", p.Status, $"{p.Progress.Done}/{p.Progress.Total}",
        string.Join(";", p.Objectives),
        string.Join(";", p.Deliverables.Select(d => $"{d.Slug}={d.Done}")),
        string.Join(";", p.Dependencies.Select(d => d.Resolved switch
        {
            PhaseTarget t => t.PhaseId,
            DeliverableTarget t => $"{t.PhaseId}#{t.Slug}",
            _ => "unresolved",
        })),
        string.Join(";", p.SuccessMetrics)));

    [Fact]
    public void Both_forms_give_the_same_model()
    {
        var pages = RoadmapFixtures.Read(PageForm());
        var single = RoadmapFixtures.Read(RoadmapFixtures.RoadmapDocument("roadmap/plan.md", SeedForm));
        Assert.Equal(Meaning(single), Meaning(pages));
        Assert.Equal(
            [
                "phase-1 | Foundation | Weeks 1-2 | Platform team | Done | 2/2 | Audit every service | complete-the-service-audit=True;set-up-development-environments=True |  | All services audited",
                "phase-2 | Quality | Weeks 3-4 | QA guild | InProgress | 1/2 | Raise test coverage | set-up-pytest-with-coverage=True;reach-70-coverage=False | phase-1;phase-1#set-up-development-environments | Coverage >= 70%",
                "phase-3 | Python Modernization | Weeks 5-7 | - | Planned | 0/2 |  | complete-pydantic-v1-to-v2-migration=False;document-breaking-changes=False | phase-2;phase-1#complete-the-service-audit | ",
            ],
            Meaning(pages));
        Assert.Equal(new TaskCount(3, 6), pages.Progress);
    }

    [Fact]
    public void Page_form_positions_are_lines_of_the_file_front_matter_included()
    {
        var documents = PageForm();
        var phase2 = RoadmapFixtures.Read(documents).Phases[1];
        var text = documents[1].SourceText;
        Assert.Equal(("roadmap/phase-2-quality.md", 2, "roadmap/phase-2-quality/index.html"), (phase2.SourceFile, phase2.Line, phase2.Url));
        Assert.Equal(RoadmapFixtures.LineOf(text, "Reach 70% coverage"), phase2.Deliverables[1].Line);
        var fromFront = phase2.Dependencies[0];
        Assert.Equal(("phase-1", RoadmapFixtures.LineOf(text, "  - phase-1"), 5), (fromFront.Text, fromFront.Line, fromFront.Column));
        var fromBody = phase2.Dependencies[1];
        Assert.Equal(("Development environments ready", RoadmapFixtures.LineOf(text, "- Development environments ready"), 3), (fromBody.Text, fromBody.Line, fromBody.Column));
    }

    [Fact]
    public void A_body_dependency_keeps_its_link_as_written_and_resolves_through_it()
    {
        var page = RoadmapFixtures.Page("roadmap/phase-2.md", "phase", "## Dependencies\n\n- [the foundation](phase-1-foundation.md)\n", ("phase", "2"), ("weeks", "3-4"));
        var dependency = RoadmapFixtures.Read(PageForm()[0], page).Phases[1].Dependencies.Single();
        Assert.Equal("[the foundation](phase-1-foundation.md)", dependency.Text);
        Assert.Equal(new PhaseTarget("phase-1"), dependency.Resolved);
    }

    [Fact]
    public void Reports_schema_problems_with_their_positions()
    {
        var diagnostics = new DiagnosticBag();
        RoadmapReader.Read(
            [
                RoadmapFixtures.Page("roadmap/a.md", "phase", "", ("title", "No number"), ("weeks", "1-2")),
                RoadmapFixtures.Page("roadmap/b.md", "phase", "", ("phase", "2"), ("weeks", "Weeks 5-3")),
                RoadmapFixtures.Page("roadmap/c.md", "phase", "", ("phase", "3"), ("weeks", "1-2"), ("status", "someday")),
                RoadmapFixtures.Page("roadmap/d.md", "phase", "", ("phase", "3"), ("weeks", "3-4")),
                RoadmapFixtures.RoadmapDocument("roadmap/e.md", "### Phase 7: Dated (Weeks 1-2)\n\n### Phase 8: Undated\n"),
            ],
            diagnostics);
        Assert.Equal(
            [
                "roadmap/a.md:1:1: error RD0130: a phase page needs a positive 'phase' number in its front matter (add for example 'phase: 3')",
                "roadmap/b.md:3:8: error RD0130: phase 2: 'weeks' is wrong: 'Weeks 5-3' ends (week 3) before it starts (week 5)",
                "roadmap/c.md:4:9: error RD0130: unknown status 'someday'; it is worked out from the deliverables instead (use planned, in-progress, done or blocked)",
                "roadmap/d.md:2:1: error RD0112: phase 3 is already defined at roadmap/c.md:2 (give each phase its own number)",
                "roadmap/e.md:3:1: error RD0130: phase 8 has no usable week range: no week range given: write it like 'Weeks 3-4' or 'Week 10' (end the heading with the weeks, like '(Weeks 3-4)')",
            ],
            diagnostics.Sorted().Select(d => d.ToString()));
    }

    [Fact]
    public void Reports_a_dependency_cycle_once_and_still_finishes()
    {
        var diagnostics = new DiagnosticBag();
        var model = RoadmapReader.Read(
            [
                RoadmapFixtures.Page("roadmap/p1.md", "phase", "", ("phase", "1"), ("weeks", "1-2"), ("depends_on", "phase-3")),
                RoadmapFixtures.Page("roadmap/p2.md", "phase", "", ("phase", "2"), ("weeks", "3-4"), ("depends_on", "phase-1")),
                RoadmapFixtures.Page("roadmap/p3.md", "phase", "", ("phase", "3"), ("weeks", "5-6"), ("depends_on", "phase-2")),
            ],
            diagnostics);
        var error = Assert.Single(diagnostics.Sorted());
        Assert.Equal("roadmap/p1.md:2:1: error RD0102: phases depend on each other in a cycle: phase-1 → phase-3 → phase-2 → phase-1 (remove one of these dependencies)", error.ToString());
        Assert.Equal(3, model.Phases.Length);
    }

    [Fact]
    public void Reads_risks_and_kpis_pages()
    {
        var risks = RoadmapFixtures.Page("plan/risks.md", "risks", """
            # Risks

            ## High-risk items

            1. **Vendor lock-in**
               - Risk: Pricing changes
               - Mitigation: Abstraction layer
               - Owner: Architect
               - Timeline: Weeks 3–4

            ## Medium-Risk Items

            - Hiring delays

            ## Low risks

            - Office move
              - Timeline: Ongoing

            """);
        var kpis = RoadmapFixtures.Page("plan/kpis.md", "kpis", """
            # KPIs

            - Uptime: Target >= 99.9% (current: 99.5%)

            ## Delivery

            - Lead time: Target < 2 days
            - Deploys per week: 10 (current: 4)

            ### Quality

            - Escaped bugs: Target < 1%

            """);
        var model = RoadmapFixtures.Read(risks, kpis);
        Assert.Equal(
            [
                new Risk("Vendor lock-in", RiskLevel.High, "Pricing changes", "Abstraction layer", "Architect", "Weeks 3–4", new WeekRange(3, 4), "plan/risks.md", RoadmapFixtures.LineOf(risks.SourceText, "Vendor lock-in")),
                new Risk("Hiring delays", RiskLevel.Medium, null, null, null, null, null, "plan/risks.md", RoadmapFixtures.LineOf(risks.SourceText, "Hiring delays")),
                new Risk("Office move", RiskLevel.Low, null, null, null, "Ongoing", null, "plan/risks.md", RoadmapFixtures.LineOf(risks.SourceText, "Office move")),
            ],
            model.Risks);
        Assert.Equal(
            [
                "General | Uptime | >= 99.9% | 99.5%",
                "Delivery | Lead time | < 2 days | -",
                "Delivery | Deploys per week | 10 | 4",
                "Quality | Escaped bugs | < 1% | -",
            ],
            model.Kpis.Select(k => $"{k.Category} | {k.Name} | {k.Target} | {k.Current ?? "-"}"));
    }

    [Fact]
    public void Warns_about_a_malformed_kpi_and_a_backwards_risk_timeline()
    {
        var diagnostics = new DiagnosticBag();
        RoadmapReader.Read(
            [
                RoadmapFixtures.Page("plan/kpis.md", "kpis", "## Speed\n\n- Fast builds\n"),
                RoadmapFixtures.Page("plan/risks.md", "risks", "## Low-risk items\n\n- Office move\n  - Timeline: Week 9-7\n"),
            ],
            diagnostics);
        Assert.Equal(
            [
                "plan/kpis.md:5:1: warning RD0106: KPI 'Fast builds' has no target (write it as 'Name: Target >= 85%', optionally followed by '(current: 78%)')",
                "plan/risks.md:6:3: warning RD0106: risk 'Office move' has a timeline that is not a week range: 'Week 9-7' ends (week 7) before it starts (week 9)",
            ],
            diagnostics.Sorted().Select(d => d.ToString()));
    }
}
