using Roadmap.Docs.Roadmap;

namespace Roadmap.Docs.Tests.Roadmap;

public class RoadmapScheduleTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    /// <summary>A phase whose dependencies are already resolved to the given phase ids.</summary>
    internal static Phase Make(int number, int start, int end, params string[] dependsOn) => new()
    {
        Number = number,
        Title = $"Phase {number}",
        Weeks = new WeekRange(start, end),
        Status = PhaseStatus.Planned,
        Dependencies = [.. dependsOn.Select(id => new Dependency(id, "roadmap.md", 1, 1, new PhaseTarget(id)))],
        SourceFile = "roadmap.md",
        Line = number,
        Url = "roadmap/index.html",
    };

    private static RoadmapModel Model(params Phase[] phases) => new([.. phases], [], []);

    [Fact]
    public void The_seed_spans_eighteen_weeks_and_every_phase_is_critical()
    {
        var schedule = RoadmapSchedule.Compute(RoadmapFixtures.Seed());
        Assert.Equal((1, 18, 18), (schedule.FirstWeek, schedule.LastWeek, schedule.TotalWeeks));
        Assert.Equal(["phase-1", "phase-2", "phase-3", "phase-4", "phase-5", "phase-6", "phase-7", "phase-8"], schedule.CriticalPath);
        Assert.Empty(schedule.Cycle);
        Assert.Null(schedule.TodayWeek);
        Assert.Null(schedule.DatesOf(new WeekRange(1, 2)));
    }

    [Fact]
    public void Maps_weeks_to_dates_from_the_start_date()
    {
        Assert.Equal(new DateRange(new(2026, 1, 5), new(2026, 1, 11)), RoadmapSchedule.WeekDates(Start, 1));
        Assert.Equal(new DateRange(new(2026, 1, 19), new(2026, 1, 25)), RoadmapSchedule.WeekDates(Start, 3));
        var schedule = RoadmapSchedule.Compute(RoadmapFixtures.Seed(), Start);
        Assert.Equal(new DateRange(new(2026, 2, 2), new(2026, 2, 22)), schedule.DatesOf(new WeekRange(5, 7)));
    }

    [Theory]
    [InlineData(2026, 1, 5, 1.0)]
    [InlineData(2026, 1, 12, 2.0)]
    [InlineData(2026, 2, 11, 1 + (37 / 7.0))]
    [InlineData(2025, 12, 29, 0.0)]
    public void Places_today_on_the_week_axis(int year, int month, int day, double week)
    {
        var schedule = RoadmapSchedule.Compute(RoadmapFixtures.Seed(), Start, new DateOnly(year, month, day));
        Assert.Equal(week, schedule.TodayWeek!.Value, 9);
    }

    [Fact]
    public void The_critical_path_is_the_chain_with_the_most_weeks()
    {
        var schedule = RoadmapSchedule.Compute(Model(
            Make(1, 1, 2),
            Make(2, 3, 8, "phase-1"),
            Make(3, 3, 4, "phase-1"),
            Make(4, 9, 10, "phase-2", "phase-3"),
            Make(5, 1, 9)));
        Assert.Equal(["phase-1", "phase-2", "phase-4"], schedule.CriticalPath);
        Assert.Equal(10, schedule.TotalWeeks);
    }

    [Fact]
    public void Ties_go_to_the_lower_phase_number()
    {
        var schedule = RoadmapSchedule.Compute(Model(
            Make(1, 1, 2),
            Make(2, 3, 5, "phase-1"),
            Make(3, 3, 5, "phase-1"),
            Make(4, 6, 7, "phase-3", "phase-2"),
            Make(5, 1, 7)));
        Assert.Equal(["phase-1", "phase-2", "phase-4"], schedule.CriticalPath);
    }

    [Fact]
    public void A_deliverable_or_all_prior_phases_count_as_edges()
    {
        var four = Make(4, 8, 9) with
        {
            Dependencies =
            [
                new Dependency("x", "roadmap.md", 1, 1, new DeliverableTarget("phase-2", "slug")),
                new Dependency("y", "roadmap.md", 2, 1, new AllPriorPhases(["phase-1", "phase-3"])),
            ],
        };
        var schedule = RoadmapSchedule.Compute(Model(Make(1, 1, 2), Make(2, 3, 6), Make(3, 3, 4, "phase-1"), four));
        Assert.Equal(["phase-2", "phase-4"], schedule.CriticalPath);
    }

    [Fact]
    public void A_cycle_is_reported_as_a_list_and_does_not_hang()
    {
        var schedule = RoadmapSchedule.Compute(Model(
            Make(1, 1, 2, "phase-3"),
            Make(2, 3, 4, "phase-1"),
            Make(3, 5, 6, "phase-2"),
            Make(4, 7, 8, "phase-4")));
        Assert.Equal(["phase-1", "phase-3", "phase-2", "phase-1"], schedule.Cycle);
        Assert.Equal(3, schedule.CriticalPath.Length);
        Assert.Equal(["phase-4", "phase-4"], RoadmapSchedule.Compute(Model(Make(4, 7, 8, "phase-4"))).Cycle);
    }

    [Fact]
    public void An_empty_roadmap_has_no_weeks_and_no_path()
    {
        var schedule = RoadmapSchedule.Compute(RoadmapModel.Empty, Start, Start);
        Assert.Equal(0, schedule.TotalWeeks);
        Assert.Empty(schedule.CriticalPath);
        Assert.Equal(1.0, schedule.TodayWeek);
    }
}
