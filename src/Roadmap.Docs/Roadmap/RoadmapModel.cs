using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Roadmap;

/// <summary>The whole roadmap read from the input: phases in number order, risks and KPIs in source order.</summary>
public sealed record RoadmapModel(ImmutableArray<Phase> Phases, ImmutableArray<Risk> Risks, ImmutableArray<Kpi> Kpis)
{
    public static RoadmapModel Empty { get; } = new([], [], []);

    /// <summary>Done and total deliverables over every phase.</summary>
    public TaskCount Progress => Phases.Aggregate(new TaskCount(0, 0), (sum, phase) => sum + phase.Progress);

    /// <summary>Dependencies that name no phase or deliverable (conditions such as "API layer stable", or broken references).</summary>
    public ImmutableArray<Dependency> Unresolved => [.. Phases.SelectMany(p => p.Dependencies).Where(d => !d.IsResolved)];

    private static readonly ConditionalWeakTable<Phase[], PhaseIndex> Indexes = new();
    private static readonly PhaseIndex NoPhases = new([]);

    /// <summary>Lookups over <see cref="Phases"/>, made on first use and kept as long as that phase list lives (a copy made with other phases gets its own).</summary>
    public PhaseIndex Index => ImmutableCollectionsMarshal.AsArray(Phases) is { } array ? Indexes.GetValue(array, a => new PhaseIndex([.. a])) : NoPhases;

    public Phase? FindPhase(string id) => Index.Find(id);
}

/// <summary>Where a phase stands; written as front matter <c>status</c>, otherwise derived from its deliverables.</summary>
public enum PhaseStatus
{
    Planned,
    InProgress,
    Done,
    Blocked,
}

/// <summary>One phase of the roadmap, from a phase page or from a "### Phase N: Title (Weeks a-b)" section.</summary>
public sealed record Phase
{
    public required int Number
    {
        get => _number;
        init
        {
            _number = value;
            Id = IdFor(value);
        }
    }

    private readonly int _number;

    public required string Title { get; init; }

    public required WeekRange Weeks { get; init; }

    public string? Owner { get; init; }

    public required PhaseStatus Status { get; init; }

    public ImmutableArray<string> Objectives { get; init; } = [];

    public ImmutableArray<Deliverable> Deliverables
    {
        get => _deliverables;
        init
        {
            _deliverables = value;
            Progress = new(value.Count(d => d.Done), value.Length);
        }
    }

    private readonly ImmutableArray<Deliverable> _deliverables = [];

    public ImmutableArray<Dependency> Dependencies { get; init; } = [];

    public ImmutableArray<string> SuccessMetrics { get; init; } = [];

    /// <summary>Input-relative path of the file that defines the phase.</summary>
    public required string SourceFile { get; init; }

    /// <summary>1-based line of the phase heading, or of the <c>phase</c> front-matter key.</summary>
    public required int Line { get; init; }

    /// <summary>Site-relative output path of the page that defines the phase (with an anchor when it is a section of a page).</summary>
    public required string Url { get; init; }

    /// <summary>The stable id other pages refer to: "phase-3" (made once, with the number: every graph, table and timeline asks).</summary>
    public string Id { get; private init; } = "";

    /// <summary>Deliverables done and in all (counted once, with the deliverables).</summary>
    public TaskCount Progress { get; private init; }

    public static string IdFor(int number) => "phase-" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The status a phase has when none is written: done when every deliverable is, in progress when some are.</summary>
    public static PhaseStatus StatusFrom(TaskCount progress) => progress switch
    {
        { Total: > 0 } when progress.Done == progress.Total => PhaseStatus.Done,
        { Done: > 0 } => PhaseStatus.InProgress,
        _ => PhaseStatus.Planned,
    };
}

/// <summary>A task-list item under a phase's Deliverables, with the slug that <c>phase-N#slug</c> references use.</summary>
public sealed record Deliverable(string Text, string Slug, bool Done, string SourceFile, int Line);

/// <summary>A dependency of a phase as written (front-matter item or bullet), with its 1-based position and what it points at.</summary>
/// <remarks><see cref="Resolved"/> is null only before <see cref="DependencyResolver"/> has run; <see cref="RoadmapReader"/> always fills it.</remarks>
public sealed record Dependency(string Text, string SourceFile, int Line, int Column, DependencyTarget? Resolved = null)
{
    public bool IsResolved => Resolved is PhaseTarget or DeliverableTarget or AllPriorPhases;
}

/// <summary>What a dependency points at: a phase, a deliverable, every earlier phase, or nothing (with the closest guess).</summary>
public abstract record DependencyTarget;

/// <summary>The dependency is a whole phase ("phase-3", "Completion of Phase 3", a link to the phase page).</summary>
public sealed record PhaseTarget(string PhaseId) : DependencyTarget;

/// <summary>The dependency is one deliverable ("phase-3#complete-pydantic-v1-to-v2-migration", or prose naming it).</summary>
public sealed record DeliverableTarget(string PhaseId, string Slug) : DependencyTarget;

/// <summary>The dependency is every phase before the dependent one ("Completion of all technical phases").</summary>
public sealed record AllPriorPhases(ImmutableArray<string> PhaseIds) : DependencyTarget;

/// <summary>Nothing matched: why, and the closest candidate ("phase-3#slug" or "phase-3") with its score, for a "did you mean" hint.</summary>
public sealed record Unresolved(string Reason, string? ClosestCandidate, double Score) : DependencyTarget;

/// <summary>How bad a risk is, from the heading it is listed under ("High-risk items").</summary>
public enum RiskLevel
{
    High,
    Medium,
    Low,
}

/// <summary>A risk from a "High-risk items" (or Medium/Low) section; the detail fields are null when the item is a plain bullet.</summary>
public sealed record Risk(
    string Title,
    RiskLevel Level,
    string? Description,
    string? Mitigation,
    string? Owner,
    string? Timeline,
    WeekRange? Weeks,
    string SourceFile,
    int Line);

/// <summary>A KPI bullet ("Test coverage: Target >= 85% (current: 78%)") under its category heading.</summary>
public sealed record Kpi(string Category, string Name, string Target, string? Current, string SourceFile, int Line);
