using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Roadmap.Docs.Roadmap;

/// <summary>A first and last calendar day, both inclusive.</summary>
public readonly record struct DateRange(DateOnly Start, DateOnly End);

/// <summary>The roadmap in time: its span in weeks, critical path and any cycle, plus week dates and today when a start date is known.</summary>
public sealed record RoadmapSchedule
{
    private RoadmapSchedule()
    {
    }

    /// <summary>The date week 1 starts on, when the site configures one.</summary>
    public DateOnly? Start { get; private init; }

    public int FirstWeek { get; private init; }

    public int LastWeek { get; private init; }

    /// <summary>Weeks from the earliest phase start to the latest phase end, both included; 0 without phases.</summary>
    public int TotalWeeks { get; private init; }

    /// <summary>Phase ids of the longest chain of dependent phases, measured in weeks, first phase first.</summary>
    public ImmutableArray<string> CriticalPath { get; private init; } = [];

    /// <summary>A dependency cycle as a closed list of phase ids ("phase-2", "phase-3", "phase-2"), or empty.</summary>
    public ImmutableArray<string> Cycle { get; private init; } = [];

    /// <summary>
    /// Where today falls on the week axis when dated: 1.0 is the first day of week 1 and 2.5 the middle of week 2.
    /// </summary>
    public double? TodayWeek { get; private init; }

    public static RoadmapSchedule Compute(RoadmapModel model, DateOnly? start = null, DateOnly? today = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Compute(model, new PhaseGraph(model.Phases), start, today, criticalPath: null);
    }

    /// <summary>
    /// The schedule of <paramref name="model"/> from its <paramref name="graph"/>. A given <paramref name="criticalPath"/>
    /// is kept instead of this model's own: a timeline of some phases of a roadmap outlines the whole roadmap's.
    /// </summary>
    internal static RoadmapSchedule Compute(RoadmapModel model, PhaseGraph graph, DateOnly? start, DateOnly? today, ImmutableArray<string>? criticalPath)
    {
        var first = model.Phases.IsEmpty ? 0 : model.Phases.Min(p => p.Weeks.Start);
        var last = model.Phases.IsEmpty ? 0 : model.Phases.Max(p => p.Weeks.End);
        return new RoadmapSchedule
        {
            Start = start,
            FirstWeek = first,
            LastWeek = last,
            TotalWeeks = model.Phases.IsEmpty ? 0 : last - first + 1,
            CriticalPath = criticalPath ?? graph.CriticalPath(),
            Cycle = graph.FindCycle(),
            TodayWeek = start is { } s && today is { } t ? 1 + ((t.DayNumber - s.DayNumber) / 7.0) : null,
        };
    }

    /// <summary>Week N runs from start + 7·(N−1) to start + 7·N − 1.</summary>
    public static DateRange WeekDates(DateOnly start, int week) => new(start.AddDays(7 * (week - 1)), start.AddDays((7 * week) - 1));

    /// <summary>The calendar days of a week range, or null when the roadmap has no start date.</summary>
    public DateRange? DatesOf(WeekRange weeks) =>
        Start is { } s ? new DateRange(WeekDates(s, weeks.Start).Start, WeekDates(s, weeks.End).End) : null;

    public bool IsCritical(Phase phase) => CriticalPosition(phase.Id) >= 0;

    /// <summary>Where a phase is on the critical path, or -1 (a lookup: every phase of a big roadmap asks).</summary>
    public int CriticalPosition(string phaseId) =>
        ImmutableCollectionsMarshal.AsArray(CriticalPath) is { } path
            ? PathPositions.GetValue(path, p => p.Select((id, i) => (id, i)).DistinctBy(e => e.id, StringComparer.Ordinal).ToFrozenDictionary(e => e.id, e => e.i, StringComparer.Ordinal)).GetValueOrDefault(phaseId, -1)
            : -1;

    private static readonly ConditionalWeakTable<string[], FrozenDictionary<string, int>> PathPositions = new();
}
