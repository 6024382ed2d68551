using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Lint;

namespace Roadmap.Docs.Roadmap;

/// <summary>The rules the roadmap reader reports under, named for what the reader finds (ids live in <see cref="Rules"/>).</summary>
public static class RoadmapRules
{
    /// <summary>A phase page has no usable <c>phase</c> number.</summary>
    public static readonly Rule PhaseNumberMissing = Rules.FrontMatterType;

    /// <summary>A phase has no week range, or one that does not parse.</summary>
    public static readonly Rule WeeksInvalid = Rules.FrontMatterType;

    /// <summary>Two phases claim the same number.</summary>
    public static readonly Rule DuplicatePhase = Rules.DuplicatePhase;

    /// <summary>A <c>status</c> that is not planned, in-progress, done or blocked.</summary>
    public static readonly Rule StatusUnknown = Rules.FrontMatterType;

    /// <summary>An explicit reference (phase-N, phase-N#slug, a link) that points at nothing.</summary>
    public static readonly Rule DependencyNotFound = Rules.BrokenDependency;

    /// <summary>Phases that depend on each other in a circle.</summary>
    public static readonly Rule DependencyCycle = Rules.DependencyCycle;

    /// <summary>A risk timeline that looks like a week range but does not parse.</summary>
    public static readonly Rule RiskTimelineInvalid = Rules.RoadmapEntry;

    /// <summary>A KPI bullet without "Name: target".</summary>
    public static readonly Rule KpiMalformed = Rules.RoadmapEntry;
}
