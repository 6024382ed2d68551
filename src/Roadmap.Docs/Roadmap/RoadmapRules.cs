namespace Roadmap.Docs.Roadmap;

/// <summary>The diagnostic rule ids the roadmap reader reports (RD2xxx), so lint configuration can name them.</summary>
public static class RoadmapRules
{
    /// <summary>A phase page has no usable <c>phase</c> number.</summary>
    public const string PhaseNumberMissing = "RD2001";

    /// <summary>A phase has no week range, or one that does not parse.</summary>
    public const string WeeksInvalid = "RD2002";

    /// <summary>Two phases claim the same number.</summary>
    public const string DuplicatePhase = "RD2003";

    /// <summary>A <c>status</c> that is not planned, in-progress, done or blocked.</summary>
    public const string StatusUnknown = "RD2004";

    /// <summary>An explicit reference (phase-N, phase-N#slug, a link) that points at nothing.</summary>
    public const string DependencyNotFound = "RD2005";

    /// <summary>Phases that depend on each other in a circle.</summary>
    public const string DependencyCycle = "RD2006";

    /// <summary>A risk timeline that looks like a week range but does not parse.</summary>
    public const string RiskTimelineInvalid = "RD2007";

    /// <summary>A KPI bullet without "Name: target".</summary>
    public const string KpiMalformed = "RD2008";
}
