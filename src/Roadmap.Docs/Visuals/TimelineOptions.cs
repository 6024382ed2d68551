using Roadmap.Docs.Roadmap;

namespace Roadmap.Docs.Visuals;

/// <summary>What a timeline shows beyond the model itself: dates, one highlighted phase, links, width and ids.</summary>
public sealed record TimelineOptions
{
    /// <summary>The date week 1 starts on; with it the timeline can place <see cref="Today"/> and show dates.</summary>
    public DateOnly? Start { get; init; }

    /// <summary>The build's "today" (from its clock, so tests can fix it); drawn only together with <see cref="Start"/>.</summary>
    public DateOnly? Today { get; init; }

    /// <summary>A phase id ("phase-3") to draw at full strength while the others are dimmed, as on that phase's page.</summary>
    public string? HighlightPhaseId { get; init; }

    /// <summary>The link for a phase's bar (relative to the page the SVG is shown on), or null for no link.</summary>
    public Func<Phase, string?>? PhaseUrl { get; init; }

    /// <summary>The width to aim for in pixels; the chart grows beyond it only when labels would not fit.</summary>
    public double Width { get; init; } = 960;

    /// <summary>The accessible name of the image.</summary>
    public string Title { get; init; } = "Roadmap timeline";

    /// <summary>
    /// The whole roadmap's critical path, when the chart shows only part of it (a phase page's window): which phases and
    /// arrows are critical is a fact of the whole roadmap, not of the phases that happen to be drawn. Null: the chart's own.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<string>? CriticalPath { get; init; }

    /// <summary>Prefix for element ids, so two timelines inlined in one page do not clash.</summary>
    public string IdPrefix { get; init; } = "rd-timeline";
}
