using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Roadmap;

namespace Roadmap.Docs.Visuals;

/// <summary>Draws the roadmap as a static, accessible SVG Gantt chart at build time, with no JavaScript.</summary>
/// <remarks>
/// A row per phase on a week axis; bars coloured by status and filled by the share of deliverables done; arrows for
/// direct dependencies; the critical path outlined; a dashed line for today; colours from CSS custom properties.
/// </remarks>
public static class TimelineSvg
{
    private const double Pad = 16;
    private const double LabelSize = 12;
    private const double SmallSize = 11;
    private const double RowHeight = 28;
    private const double BarHeight = 16;
    private const double LineHeight = 18;
    private const double Gap = 12;
    private const double MaxLabelWidth = 280;
    private const double Elbow = 10;

    /// <summary>
    /// Colour roles with light and dark fallbacks. Each is a custom property (--rd-timeline-done …) that a page may
    /// set; the fallbacks keep the SVG readable on its own, in either scheme.
    /// </summary>
    private static readonly (string Role, string Light, string Dark)[] Palette =
    [
        ("bg", "#ffffff", "#0d1117"),
        ("text", "#1f2328", "#e6edf3"),
        ("muted", "#59636e", "#9198a1"),
        ("grid", "#d1d9e0", "#3d444d"),
        ("zebra", "#f6f8fa", "#151b23"),
        ("planned", "#6e7781", "#9198a1"),
        ("in-progress", "#0969da", "#4493f8"),
        ("done", "#1a7f37", "#3fb950"),
        ("blocked", "#cf222e", "#f85149"),
        ("critical", "#9a6700", "#d29922"),
        ("today", "#bf3989", "#db61a2"),
        ("arrow", "#59636e", "#9198a1"),
    ];

    public static string Render(RoadmapModel model, TimelineOptions options)
    {
        var svg = StringBuilders.Rent();
        Render(model, options, svg);
        return StringBuilders.Release(svg);
    }

    /// <summary>Appends the timeline to <paramref name="svg"/> (a page's panel, without a string of its own in between).</summary>
    public static void Render(RoadmapModel model, TimelineOptions options, StringBuilder svg)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(options);
        // One graph for the schedule and the arrows; a window of a big roadmap keeps the whole roadmap's critical path.
        var graph = new PhaseGraph(model.Phases);
        var schedule = RoadmapSchedule.Compute(model, graph, options.Start, options.Today, options.CriticalPath);
        var chart = new Chart(model, schedule, options, graph);
        var id = Svg.Escape(options.IdPrefix);
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{N(chart.Width)}" height="{N(chart.Height)}" viewBox="0 0 {N(chart.Width)} {N(chart.Height)}" role="img" aria-labelledby="{id}-title {id}-desc">""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<title id="{id}-title">{Svg.Escape(options.Title)}</title>""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<desc id="{id}-desc">{Svg.Escape(Description(chart))}</desc>""").Append('\n');
        svg.Append("<style>").Append(StyleSheet).Append("</style>\n");
        svg.Append("""<g class="rd-tl">""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<defs>{Marker(id, "arrow", "")}{Marker(id, "arrow-critical", " rd-critical")}</defs>""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<rect class="rd-bg" width="{N(chart.Width)}" height="{N(chart.Height)}"/>""").Append('\n');
        if (chart.Phases.IsEmpty)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="rd-muted" x="{N(Pad)}" y="{N(Pad + 13)}" font-size="{N(LabelSize)}">No phases yet</text>""").Append('\n');
        }
        else
        {
            Legend(svg, chart, id);
            Axis(svg, chart);
            Arrows(svg, chart, id);
            Bars(svg, chart);
            Today(svg, chart);
        }
        svg.Append("</g>\n</svg>\n");
    }

    private static string N(double value) => Svg.Num(value);

    private static string Marker(string id, string name, string critical) =>
        $"""<marker id="{id}-{name}" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto"><path class="rd-arrowhead{critical}" d="M0,0 L8,4 L0,8 z"/></marker>""";

    /// <summary>
    /// The text of the chart's one <c>&lt;style&gt;</c> element, the same in every chart: pages that inline the SVG allow
    /// exactly this text by its hash in their Content-Security-Policy.
    /// </summary>
    public static string StyleSheet { get; } = "\n" + Style();

    private static string Style()
    {
        string Variables(Func<(string Role, string Light, string Dark), string> pick) =>
            string.Concat(Palette.Select(c => $" --rd-tl-{c.Role}: var(--rd-timeline-{c.Role}, {pick(c)});"));
        var light = Variables(c => c.Light);
        var dark = Variables(c => c.Dark);
        // Dark applies on screen only, so printing from a dark page still gets the light, ink-friendly colours.
        // The OS preference yields to a page that sets data-theme="light" on <html>; data-theme="dark" wins outright.
        return $$"""
            .rd-tl {{{light}} }
            @media screen and (prefers-color-scheme: dark) { :root:not([data-theme="light"]) .rd-tl {{{dark}} } }
            @media screen { [data-theme="dark"] .rd-tl {{{dark}} } }
            .rd-tl text { fill: var(--rd-tl-text); font-family: Verdana, "DejaVu Sans", Geneva, sans-serif; }
            .rd-tl .rd-bg { fill: var(--rd-tl-bg); }
            .rd-tl .rd-muted { fill: var(--rd-tl-muted); }
            .rd-tl .rd-zebra { fill: var(--rd-tl-zebra); }
            .rd-tl .rd-grid { stroke: var(--rd-tl-grid); stroke-width: 1; }
            .rd-tl .rd-status-planned { --rd-tl-status: var(--rd-tl-planned); }
            .rd-tl .rd-status-in-progress { --rd-tl-status: var(--rd-tl-in-progress); }
            .rd-tl .rd-status-done { --rd-tl-status: var(--rd-tl-done); }
            .rd-tl .rd-status-blocked { --rd-tl-status: var(--rd-tl-blocked); }
            .rd-tl .rd-track { fill: var(--rd-tl-status); fill-opacity: 0.22; }
            .rd-tl .rd-fill { fill: var(--rd-tl-status); }
            .rd-tl .rd-outline { fill: none; stroke: var(--rd-tl-status); stroke-width: 1.5; }
            .rd-tl .rd-critical .rd-outline { stroke: var(--rd-tl-critical); stroke-width: 3; }
            .rd-tl .rd-highlight .rd-outline { stroke-width: 3; }
            .rd-tl .rd-arrow { fill: none; stroke: var(--rd-tl-arrow); stroke-width: 1.25; }
            .rd-tl .rd-arrow.rd-critical { stroke: var(--rd-tl-critical); stroke-width: 2; }
            .rd-tl .rd-arrowhead { fill: var(--rd-tl-arrow); }
            .rd-tl .rd-arrowhead.rd-critical { fill: var(--rd-tl-critical); }
            .rd-tl .rd-today { stroke: var(--rd-tl-today); stroke-width: 1.5; stroke-dasharray: 4 3; }
            .rd-tl text.rd-today-label { fill: var(--rd-tl-today); }
            .rd-tl .rd-dim { opacity: 0.4; }
            .rd-tl a:hover .rd-outline, .rd-tl a:focus .rd-outline { stroke-width: 3; }
            @media print {
              .rd-tl .rd-bg, .rd-tl .rd-zebra { fill: none; }
              .rd-tl text, .rd-tl text.rd-today-label { fill: #000; }
              .rd-tl .rd-outline, .rd-tl .rd-critical .rd-outline, .rd-tl .rd-arrow, .rd-tl .rd-arrow.rd-critical, .rd-tl .rd-today { stroke: #000; }
              .rd-tl .rd-arrowhead, .rd-tl .rd-arrowhead.rd-critical { fill: #000; }
              .rd-tl .rd-dim { opacity: 1; }
            }

            """;
    }

    private static void Legend(StringBuilder svg, Chart chart, string id)
    {
        svg.Append("""<g class="rd-legend">""").Append('\n');
        foreach (var (item, x, top) in chart.Legend)
        {
            var (sx, sy) = (N(x), N(top + 4));
            var swatch = item.Kind switch
            {
                "dependency" => $"""<path class="rd-arrow" d="M{sx},{N(top + 9)} H{N(x + 18)}" marker-end="url(#{id}-arrow)"/>""",
                "today" => $"""<line class="rd-today" x1="{N(x + 9)}" y1="{N(top + 2)}" x2="{N(x + 9)}" y2="{N(top + 16)}"/>""",
                "progress" => Swatch("rd-status-in-progress", sx, sy, halfFilled: true),
                "critical" => Swatch("rd-status-planned rd-critical", sx, sy, halfFilled: false),
                _ => Swatch("rd-status-" + item.Kind, sx, sy, halfFilled: false),
            };
            svg.Append(swatch);
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{N(x + LegendItem.SwatchWidth)}" y="{N(top + 13)}" font-size="{N(SmallSize)}">{Svg.Escape(item.Text)}</text>""").Append('\n');
        }
        svg.Append("</g>\n");
    }

    /// <summary>A small bar like the ones in the chart: tinted track, optional half fill, outline.</summary>
    private static string Swatch(string classes, string x, string y, bool halfFilled)
    {
        var box = $"""x="{x}" y="{y}" height="10.0" rx="2" """;
        var fill = halfFilled ? $"""<rect class="rd-fill" {box}width="9.0"/>""" : "";
        return $"""<g class="{classes}"><rect class="rd-track" {box}width="18.0"/>{fill}<rect class="rd-outline" {box}width="18.0"/></g>""";
    }

    private static void Axis(StringBuilder svg, Chart chart)
    {
        svg.Append("""<g class="rd-axis">""").Append('\n');
        for (var i = 1; i < chart.Phases.Length; i += 2)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<rect class="rd-zebra" x="0.0" y="{N(chart.RowTop(i))}" width="{N(chart.Width)}" height="{N(RowHeight)}"/>""").Append('\n');
        }
        var baseline = N(chart.AxisTop + 13);
        svg.Append(CultureInfo.InvariantCulture, $"""<text class="rd-muted" x="{N(Pad)}" y="{baseline}" font-size="{N(SmallSize)}">Week</text>""").Append('\n');
        for (var week = chart.FirstWeek; week <= chart.LastWeek; week += chart.Step)
        {
            var x = chart.X(week);
            svg.Append(CultureInfo.InvariantCulture, $"""<line class="rd-grid" x1="{N(x)}" y1="{N(chart.RowsTop)}" x2="{N(x)}" y2="{N(chart.RowsBottom)}"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="rd-muted" x="{N(x + (chart.WeekWidth / 2))}" y="{baseline}" font-size="{N(SmallSize)}" text-anchor="middle">{week}</text>""").Append('\n');
        }
        var end = chart.X(chart.LastWeek + 1);
        svg.Append(CultureInfo.InvariantCulture, $"""<line class="rd-grid" x1="{N(end)}" y1="{N(chart.RowsTop)}" x2="{N(end)}" y2="{N(chart.RowsBottom)}"/>""").Append('\n');
        svg.Append("</g>\n");
    }

    /// <summary>
    /// One arrow per direct dependency, from the end of the earlier bar to the start of the later one. When the later
    /// bar starts no further right than the earlier one ends (back to back, or overlapping), the arrow steps down to the
    /// gap between the rows and comes back in from the left, so it never runs through the bar it points at.
    /// </summary>
    private static void Arrows(StringBuilder svg, Chart chart, string id)
    {
        svg.Append("""<g class="rd-arrows">""").Append('\n');
        foreach (var (from, to) in chart.Edges)
        {
            var (x1, y1) = (chart.BarRight(from), chart.RowMiddle(from));
            // Stop short of the bar so its outline (up to 3 px wide on the critical path) does not cover the arrowhead.
            var (x2, y2) = (chart.BarLeft(to) - 2, chart.RowMiddle(to));
            var between = chart.Row(to) > chart.Row(from) ? chart.RowTop(chart.Row(to)) : chart.RowTop(chart.Row(to)) + RowHeight;
            var path = x2 - x1 >= 2 * Elbow
                ? $"M{N(x1)},{N(y1)} H{N(x1 + Elbow)} V{N(y2)} H{N(x2)}"
                : $"M{N(x1)},{N(y1)} H{N(x1 + Elbow)} V{N(between)} H{N(x2 - Elbow)} V{N(y2)} H{N(x2)}";
            var critical = chart.IsCriticalEdge(from, to);
            var classes = "rd-arrow" + (critical ? " rd-critical" : "") + (chart.Dims(from) && chart.Dims(to) ? " rd-dim" : "");
            svg.Append(CultureInfo.InvariantCulture, $"""<path class="{classes}" d="{path}" marker-end="url(#{id}-{(critical ? "arrow-critical" : "arrow")})"/>""").Append('\n');
        }
        svg.Append("</g>\n");
    }

    private static void Bars(StringBuilder svg, Chart chart)
    {
        svg.Append("""<g class="rd-phases">""").Append('\n');
        for (var i = 0; i < chart.Phases.Length; i++)
        {
            var phase = chart.Phases[i];
            var classes = $"rd-phase rd-status-{StatusClass(phase.Status)}"
                + (chart.Schedule.IsCritical(phase) ? " rd-critical" : "")
                + (chart.Dims(phase) ? " rd-dim" : "")
                + (phase.Id == chart.Options.HighlightPhaseId ? " rd-highlight" : "");
            svg.Append(CultureInfo.InvariantCulture, $"""<g class="{classes}" data-phase="{phase.Id}">""").Append('\n');
            svg.Append(CultureInfo.InvariantCulture, $"""<title>{Svg.Escape(Tooltip(chart, phase))}</title>""").Append('\n');
            var url = chart.Options.PhaseUrl?.Invoke(phase);
            if (url is not null)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<a href="{Svg.Escape(url)}">""").Append('\n');
            }
            var middle = chart.RowMiddle(phase);
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="rd-label" x="{N(Pad)}" y="{N(middle + 4)}" font-size="{N(LabelSize)}">{Svg.Escape(chart.Labels[i])}</text>""").Append('\n');
            svg.Append(CultureInfo.InvariantCulture, $"""<text class="rd-count rd-muted" x="{N(chart.CountRight)}" y="{N(middle + 4)}" font-size="{N(SmallSize)}" text-anchor="end">{chart.Counts[i]}</text>""").Append('\n');
            var (x, y, width) = (chart.BarLeft(phase), middle - (BarHeight / 2), chart.BarRight(phase) - chart.BarLeft(phase));
            var box = $"""x="{N(x)}" y="{N(y)}" height="{N(BarHeight)}" rx="3" """;
            // The track is a translucent tint; the background under it keeps grid lines from showing through.
            svg.Append(CultureInfo.InvariantCulture, $"""<rect class="rd-bg" {box}width="{N(width)}"/><rect class="rd-track" {box}width="{N(width)}"/>""").Append('\n');
            if (phase.Progress.Done > 0)
            {
                svg.Append(CultureInfo.InvariantCulture, $"""<rect class="rd-fill" {box}width="{N(width * phase.Progress.Done / phase.Progress.Total)}"/>""").Append('\n');
            }
            svg.Append(CultureInfo.InvariantCulture, $"""<rect class="rd-outline" {box}width="{N(width)}"/>""").Append('\n');
            if (url is not null)
            {
                svg.Append("</a>\n");
            }
            svg.Append("</g>\n");
        }
        svg.Append("</g>\n");
    }

    private static void Today(StringBuilder svg, Chart chart)
    {
        if (chart.TodayX is not { } x)
        {
            return;
        }
        svg.Append(CultureInfo.InvariantCulture, $"""<line class="rd-today" x1="{N(x)}" y1="{N(chart.AxisTop)}" x2="{N(x)}" y2="{N(chart.RowsBottom)}"/>""").Append('\n');
        var label = TodayLabel(chart);
        // Centred on the line, but pushed inside the chart near either end so it is never cut off.
        var half = TextMetrics.Width(label, SmallSize) / 2;
        var centre = Math.Clamp(x, chart.ChartLeft + half, chart.Width - Pad - half);
        svg.Append(CultureInfo.InvariantCulture, $"""<text class="rd-today-label" x="{N(centre)}" y="{N(chart.TodayTop + 12)}" font-size="{N(SmallSize)}" text-anchor="middle">{Svg.Escape(label)}</text>""").Append('\n');
    }

    private static string TodayLabel(Chart chart) => "Today " + chart.Options.Today!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string StatusClass(PhaseStatus status) => status switch
    {
        PhaseStatus.InProgress => "in-progress",
        PhaseStatus.Done => "done",
        PhaseStatus.Blocked => "blocked",
        _ => "planned",
    };

    private static string StatusText(PhaseStatus status) => StatusClass(status).Replace('-', ' ');

    private static string Tooltip(Chart chart, Phase phase)
    {
        var dates = chart.Schedule.DatesOf(phase.Weeks) is { } d ? $" ({Date(d.Start)} to {Date(d.End)})" : "";
        var critical = chart.Schedule.IsCritical(phase) ? ", on the critical path" : "";
        return $"Phase {phase.Number}: {phase.Title}. {phase.Weeks}{dates}, {StatusText(phase.Status)}, "
            + $"{phase.Progress.Done} of {phase.Progress.Total} deliverables done{critical}.";
    }

    /// <summary>The text a screen reader gets instead of the picture: the span, the critical path, today, then each phase.</summary>
    private static string Description(Chart chart)
    {
        var schedule = chart.Schedule;
        if (chart.Phases.IsEmpty)
        {
            return "The roadmap has no phases yet.";
        }
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{chart.Phases.Length} phases over {schedule.TotalWeeks} weeks (week {schedule.FirstWeek} to {schedule.LastWeek})");
        if (schedule.Start is { } start)
        {
            text.Append(CultureInfo.InvariantCulture, $", week 1 starting {Date(start)}");
        }
        text.Append(". ");
        // Only the part of the path that this chart shows (all of it, unless it is a phase page's window), in path order:
        // looked up for each phase shown, since a phase page of a big roadmap shows 16 phases of a path of thousands.
        var onPath = chart.Phases.Where(schedule.IsCritical).OrderBy(p => schedule.CriticalPosition(p.Id)).Select(p => p.Id).ToList();
        if (onPath.Count > 0)
        {
            text.Append("Critical path: ").AppendJoin(", ", onPath).Append(". ");
        }
        if (schedule.TodayWeek is { } today && chart.Options.Today is { } date)
        {
            text.Append(chart.TodayX is null
                ? $"Today ({Date(date)}) is outside the roadmap. "
                : $"Today ({Date(date)}) is in week {Math.Floor(today).ToString(CultureInfo.InvariantCulture)}. ");
        }
        foreach (var phase in chart.Phases)
        {
            text.Append(CultureInfo.InvariantCulture, $"Phase {phase.Number}, {phase.Title}: {phase.Weeks.ToString().ToLowerInvariant()}, {StatusText(phase.Status)}, {phase.Progress.Done} of {phase.Progress.Total} deliverables done. ");
        }
        return text.ToString().TrimEnd();
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A legend entry: which swatch to draw and its text.</summary>
    private sealed record LegendItem(string Kind, string Text)
    {
        public const double SwatchWidth = 23;

        public double Width => SwatchWidth + TextMetrics.Width(Text, SmallSize);
    }

    /// <summary>Every position of the drawing, worked out once from the text widths and the week span.</summary>
    /// <summary>The widest a chart gets, as a multiple of <see cref="TimelineOptions.Width"/>, however many weeks it spans.</summary>
    public const double MaxWidthFactor = 2;

    private sealed class Chart
    {
        private readonly Dictionary<string, int> _rows;
        private readonly PhaseGraph _graph;

        public Chart(RoadmapModel model, RoadmapSchedule schedule, TimelineOptions options, PhaseGraph graph)
        {
            Phases = model.Phases;
            Schedule = schedule;
            Options = options;
            _graph = graph;
            _rows = Phases.Select((p, i) => (p.Id, i)).ToDictionary(r => r.Id, r => r.i, StringComparer.Ordinal);
            Labels = [.. Phases.Select(p => TextMetrics.Truncate($"{p.Number}. {p.Title}", LabelSize, MaxLabelWidth))];
            Counts = [.. Phases.Select(p => $"{p.Progress.Done}/{p.Progress.Total}")];
            FirstWeek = Math.Max(1, schedule.FirstWeek);
            LastWeek = Math.Max(FirstWeek, schedule.LastWeek);

            // The gutter is as wide as the widest label, so labels never reach the bars.
            var labelWidth = Labels.Select(l => TextMetrics.Width(l, LabelSize)).Append(TextMetrics.Width("Week", SmallSize)).Max();
            var countWidth = Counts.Select(c => TextMetrics.Width(c, SmallSize)).DefaultIfEmpty(0).Max();
            CountRight = Pad + labelWidth + Gap + countWidth;
            ChartLeft = CountRight + Gap;

            // Every week is labelled up to 26 weeks (and the weeks made wide enough for it); beyond that every 2nd,
            // 4th, 8th… week, doubling until two labels have room between them.
            var weeks = LastWeek - FirstWeek + 1;
            var labelRoom = TextMetrics.Width(LastWeek.ToString(CultureInfo.InvariantCulture), SmallSize) + 6;
            // A week is at least 4 px wide, except that a long span is squeezed into twice the requested width: a phase page
            // shows its phase with a dependent that may be years away, and the chart (and the page) must not grow with that.
            var fit = (options.Width - ChartLeft - Pad) / weeks;
            var squeezed = ((MaxWidthFactor * options.Width) - ChartLeft - Pad) / weeks;
            WeekWidth = Math.Max(fit, weeks <= 26 ? labelRoom : Math.Min(4, squeezed));
            Step = weeks <= 26 ? 1 : 2;
            while (Step * WeekWidth < labelRoom)
            {
                Step *= 2;
            }
            Width = ChartLeft + (weeks * WeekWidth) + Pad;

            if (schedule.TodayWeek is { } today && today >= FirstWeek && today <= LastWeek + 1)
            {
                TodayX = X(today);
            }
            Legend = LayOutLegend();
            var y = Pad + ((Legend.IsEmpty ? 0 : Legend.Max(l => l.Top) - Pad + LineHeight)) + 6;
            if (TodayX is not null)
            {
                TodayTop = y;
                y += LineHeight;
            }
            AxisTop = y;
            RowsTop = y + LineHeight;
            RowsBottom = RowsTop + (Phases.Length * RowHeight);
            Height = RowsBottom + Pad;
        }

        public ImmutableArray<Phase> Phases { get; }

        public RoadmapSchedule Schedule { get; }

        public TimelineOptions Options { get; }

        public ImmutableArray<string> Labels { get; }

        public ImmutableArray<string> Counts { get; }

        public int FirstWeek { get; }

        public int LastWeek { get; }

        public double WeekWidth { get; }

        public int Step { get; }

        public double CountRight { get; }

        public double ChartLeft { get; }

        public double Width { get; }

        public double Height { get; }

        public double? TodayX { get; }

        public double TodayTop { get; }

        public double AxisTop { get; }

        public double RowsTop { get; }

        public double RowsBottom { get; }

        public ImmutableArray<(LegendItem Item, double X, double Top)> Legend { get; }

        public IEnumerable<(Phase From, Phase To)> Edges => _graph.DirectEdges();

        /// <summary>The left edge of a week position: week 3 starts at X(3), and a bar for weeks 3–4 ends at X(5).</summary>
        public double X(double week) => ChartLeft + ((week - FirstWeek) * WeekWidth);

        public int Row(Phase phase) => _rows[phase.Id];

        public double RowTop(int row) => RowsTop + (row * RowHeight);

        public double RowMiddle(Phase phase) => RowTop(Row(phase)) + (RowHeight / 2);

        // One pixel in from each week boundary, so back-to-back phases read as two bars.
        public double BarLeft(Phase phase) => X(phase.Weeks.Start) + 1;

        public double BarRight(Phase phase) => X(phase.Weeks.End + 1) - 1;

        public bool Dims(Phase phase) => Options.HighlightPhaseId is { } highlight && phase.Id != highlight;

        public bool IsCriticalEdge(Phase from, Phase to)
        {
            var at = Schedule.CriticalPosition(from.Id);
            return at >= 0 && at + 1 < Schedule.CriticalPath.Length && Schedule.CriticalPath[at + 1] == to.Id;
        }

        /// <summary>Legend entries left to right, wrapping to a new line rather than running past the right edge.</summary>
        private ImmutableArray<(LegendItem Item, double X, double Top)> LayOutLegend()
        {
            List<LegendItem> items =
            [
                new("planned", "Planned"),
                new("in-progress", "In progress"),
                new("done", "Done"),
                new("blocked", "Blocked"),
                new("progress", "Deliverables done"),
                new("critical", "Critical path"),
                new("dependency", "Depends on"),
            ];
            if (TodayX is not null)
            {
                items.Add(new("today", "Today"));
            }
            var placed = ImmutableArray.CreateBuilder<(LegendItem, double, double)>();
            var (x, top) = (Pad, Pad);
            foreach (var item in items)
            {
                if (x > Pad && x + item.Width > Width - Pad)
                {
                    (x, top) = (Pad, top + LineHeight);
                }
                placed.Add((item, x, top));
                x += item.Width + 16;
            }
            return placed.ToImmutable();
        }
    }
}
