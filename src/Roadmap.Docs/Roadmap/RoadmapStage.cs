using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Html;
using Roadmap.Docs.Stages.Markdown;
using Roadmap.Docs.Visuals;

namespace Roadmap.Docs.Roadmap;

/// <summary>The roadmap as later stages see it: the model, its schedule, and the build's "today".</summary>
public sealed record RoadmapData(RoadmapModel Model, RoadmapSchedule Schedule, DateOnly Today);

/// <summary>
/// Reads the roadmap from the content pages and publishes it (<see cref="Build"/>); makes what is generated from it
/// (<see cref="Files"/>): <c>timeline.svg</c> and the progress badges (SVG plus shields.io endpoint JSON) under <c>badges/</c>.
/// </summary>
public static class RoadmapStage
{
    public static IModule Build { get; } = new ForAllDocuments((_, context) =>
    {
        var pages = context.Outputs("Content").Where(d => d.IsPage).ToList();
        var model = RoadmapReader.Read(pages, context.Diagnostics);
        var today = DateOnly.FromDateTime(context.Environment.Clock.GetUtcNow().UtcDateTime);
        var start = context.Environment.Settings.RoadmapStart;
        context.Publish(new RoadmapData(model, RoadmapSchedule.Compute(model, start, start is null ? null : today), today));
        return [];
    });

    /// <summary>timeline.svg and the badges, made from the published roadmap (while the pages that show it are laid out).</summary>
    public static IModule Files { get; } = new ForAllDocuments((_, context) =>
    {
        var data = context.Get<RoadmapData>();
        var model = data.Model;
        var files = ImmutableArray.CreateBuilder<Document>();
        if (!model.Phases.IsEmpty)
        {
            files.Add(Generated("timeline.svg", Timeline(data, "timeline.svg", highlight: null)));
            AddBadge(files, "roadmap", "roadmap", model.Progress);
            foreach (var phase in model.Phases)
            {
                AddBadge(files, phase.Id, phase.Id, phase.Progress);
            }
        }
        // A page's checklist badge depends only on its counts, so pages with the same counts share one file.
        var pages = context.Outputs("Content").Where(d => d.IsPage);
        foreach (var count in pages.Select(p => p.TaskCount).Where(c => c.Total > 0).Distinct().OrderBy(c => c.Total).ThenBy(c => c.Done))
        {
            files.Add(Generated(ChecklistBadge(count), Badge.Render("checklist", count)));
        }
        return files.ToImmutable();
    });

    /// <summary>"badges/checklist/5-of-8.svg": the badge every page with 5 of 8 items done shows.</summary>
    public static string ChecklistBadge(TaskCount count) =>
        string.Create(CultureInfo.InvariantCulture, $"badges/checklist/{count.Done}-of-{count.Total}.svg");

    /// <summary>The timeline for a page at <paramref name="fromDestination"/>, bars linking to phase pages relative to it.</summary>
    /// <param name="data">The roadmap, or the part of it to draw.</param>
    /// <param name="fromDestination">The page the timeline is shown on.</param>
    /// <param name="highlight">The phase to draw at full strength, or null.</param>
    /// <param name="criticalPath">The whole roadmap's critical path when <paramref name="data"/> is only part of it.</param>
    public static string Timeline(RoadmapData data, string fromDestination, string? highlight, ImmutableArray<string>? criticalPath = null) =>
        TimelineSvg.Render(data.Model, TimelineOptionsFor(data, fromDestination, highlight, criticalPath));

    /// <summary>Appends the timeline <see cref="Timeline"/> makes to a page's panel.</summary>
    private static StringBuilder AppendTimeline(StringBuilder html, RoadmapData data, string fromDestination, string? highlight, ImmutableArray<string>? criticalPath = null)
    {
        TimelineSvg.Render(data.Model, TimelineOptionsFor(data, fromDestination, highlight, criticalPath), html);
        return html;
    }

    private static TimelineOptions TimelineOptionsFor(RoadmapData data, string fromDestination, string? highlight, ImmutableArray<string>? criticalPath) =>
        new()
        {
            CriticalPath = criticalPath,
            Start = data.Schedule.Start,
            Today = data.Schedule.Start is null ? null : data.Today,
            HighlightPhaseId = highlight,
            PhaseUrl = phase => SitePaths.Relative(fromDestination, phase.Url),
            IdPrefix = highlight is null ? "rd-timeline" : "rd-timeline-" + highlight,
            Title = highlight is null ? "Roadmap timeline" : $"Roadmap timeline, {highlight} highlighted",
        };

    private static void AddBadge(ImmutableArray<Document>.Builder files, string name, string label, TaskCount count)
    {
        files.Add(Generated($"badges/{name}.svg", Badge.Render(label, count)));
        files.Add(Generated($"badges/{name}.json", Badge.EndpointJson(label, count)));
    }

    private static Document Generated(string destination, string content) => new() { Source = "", Destination = destination, Content = content };

    /// <summary>Adds the generated blocks to the pages that show the roadmap: overview, phases, risks, KPIs, and a seed-form roadmap document.</summary>
    public static IModule Panels { get; } = new ForEachDocument((page, context) =>
    {
        if (!page.IsPage || context.TryGet<RoadmapData>() is not { } data)
        {
            return page;
        }
        var panels = new List<Panel>();
        var model = data.Model;
        var defined = model.Index.DefinedIn(page.Source);
        var definesPhases = !defined.IsEmpty;
        if (page.TaskCount.Total > 0)
        {
            panels.Add(new Panel("title", $"<img class=\"badge\" src=\"{SitePaths.Relative(page.Destination, ChecklistBadge(page.TaskCount))}\" alt=\"checklist: {Badge.Message(page.TaskCount)}\">"));
        }
        // The overview links the timeline and the roadmap badge, which exist only when the roadmap has phases.
        if ((page.Kind == "roadmap" && !model.Phases.IsEmpty) || (definesPhases && page.Kind != "phase"))
        {
            panels.Add(new Panel("top", Overview(data, page)));
        }
        if (page.Kind == "phase" && definesPhases)
        {
            panels.Add(new Panel("top", PhasePanel(data, defined[0], page)));
        }
        if (page.Kind == "risks" || (definesPhases && !model.Risks.IsEmpty))
        {
            var risks = model.Risks.Where(r => r.SourceFile == page.Source).ToList();
            if (risks.Count > 0)
            {
                panels.Add(new Panel(page.Kind == "risks" ? "top" : "bottom", RiskTable(risks)));
            }
        }
        if (page.Kind == "kpis" || (definesPhases && !model.Kpis.IsEmpty))
        {
            var kpis = model.Kpis.Where(k => k.SourceFile == page.Source).ToList();
            if (kpis.Count > 0)
            {
                panels.Add(new Panel(page.Kind == "kpis" ? "top" : "bottom", KpiTable(kpis)));
            }
        }
        return panels.Count == 0 ? page : page with { Panels = page.Panels.AddRange(panels) };
    });

    private static string Overview(RoadmapData data, Document page)
    {
        var model = data.Model;
        var schedule = data.Schedule;
        var html = new StringBuilder();
        var progress = model.Progress;
        html.Append("<section class=\"roadmap-overview\" aria-label=\"Roadmap overview\">");
        html.Append("<div class=\"roadmap-stats\">");
        Stat(html, "Phases", model.Phases.Length.ToString(CultureInfo.InvariantCulture));
        Stat(html, "Duration", $"{schedule.TotalWeeks} weeks");
        if (schedule.Start is { } start)
        {
            var end = RoadmapSchedule.WeekDates(start, schedule.LastWeek).End;
            Stat(html, "Dates", $"{Date(RoadmapSchedule.WeekDates(start, schedule.FirstWeek).Start)} – {Date(end)}");
        }
        Stat(html, "Deliverables", $"{progress.Done}/{progress.Total} done ({progress.Percent}%)");
        Stat(html, "Done", $"{model.Phases.Count(p => p.Status == PhaseStatus.Done)} of {model.Phases.Length} phases");
        html.Append("<div class=\"stat\"><span class=\"stat-label\">Progress</span><img class=\"badge\" src=\"")
            .Append(SitePaths.Relative(page.Destination, "badges/roadmap.svg")).Append("\" alt=\"roadmap: ").Append(Badge.Message(progress)).Append("\"></div>");
        html.Append("</div>");
        AppendTimeline(html.Append("<figure class=\"timeline\">"), data, page.Destination, highlight: null);
        html.Append("<figcaption>Weeks of the roadmap. Bars are filled by checked deliverables; arrows are dependencies");
        if (!schedule.CriticalPath.IsEmpty)
        {
            html.Append("; the critical path (").Append(HtmlText.Escape(string.Join(" → ", schedule.CriticalPath))).Append(") is outlined");
        }
        html.Append(". <a href=\"").Append(SitePaths.Relative(page.Destination, "timeline.svg")).Append("\">Open the timeline as SVG</a>.</figcaption></figure>");
        html.Append(PhaseTable(data, page));
        html.Append("</section>");
        return html.ToString();
    }

    /// <summary>The table alternative to the timeline: every phase with weeks, dates, status, progress and dependencies.</summary>
    private static string PhaseTable(RoadmapData data, Document page)
    {
        var html = new StringBuilder("<div class=\"table-wrap\"><table class=\"phase-table\"><caption>Phases</caption><thead><tr>");
        html.Append("<th scope=\"col\">Phase</th><th scope=\"col\">Weeks</th>");
        if (data.Schedule.Start is not null)
        {
            html.Append("<th scope=\"col\">Dates</th>");
        }
        html.Append("<th scope=\"col\">Status</th><th scope=\"col\">Progress</th><th scope=\"col\">Depends on</th></tr></thead><tbody>");
        foreach (var phase in data.Model.Phases.OrderBy(p => p.Number))
        {
            var critical = data.Schedule.IsCritical(phase) ? " class=\"critical\"" : "";
            html.Append("<tr").Append(critical).Append("><th scope=\"row\"><a href=\"").Append(SitePaths.Relative(page.Destination, phase.Url)).Append("\">")
                .Append(phase.Number).Append(". ").Append(HtmlText.Escape(phase.Title)).Append("</a></th>");
            html.Append("<td>").Append(phase.Weeks.Start).Append(phase.Weeks.End == phase.Weeks.Start ? "" : "–" + phase.Weeks.End).Append("</td>");
            if (data.Schedule.DatesOf(phase.Weeks) is { } dates)
            {
                html.Append("<td>").Append(Date(dates.Start)).Append(" – ").Append(Date(dates.End)).Append("</td>");
            }
            html.Append("<td><span class=\"tag tag-").Append(StatusSlug(phase.Status)).Append("\">").Append(StatusText(phase.Status)).Append("</span></td>");
            html.Append("<td><img class=\"badge\" src=\"").Append(SitePaths.Relative(page.Destination, $"badges/{phase.Id}.svg"))
                .Append("\" alt=\"").Append(Badge.Message(phase.Progress)).Append("\"></td>");
            html.Append("<td>").Append(DependencyList(data, phase, page, compact: true)).Append("</td></tr>");
        }
        var total = data.Model.Progress;
        html.Append("</tbody><tfoot><tr><th scope=\"row\">Total</th><td>").Append(data.Schedule.TotalWeeks).Append(" weeks</td>");
        if (data.Schedule.Start is not null)
        {
            html.Append("<td></td>");
        }
        html.Append("<td></td><td>").Append(total.Done).Append('/').Append(total.Total).Append(" (").Append(total.Percent).Append("%)</td><td></td></tr></tfoot></table></div>");
        return html.ToString();
    }

    private static string PhasePanel(RoadmapData data, Phase phase, Document page)
    {
        var html = StringBuilders.Rent().Append("<section class=\"phase-panel\" aria-label=\"Phase in the roadmap\">");
        html.Append("<div class=\"roadmap-stats\">");
        Stat(html, "Weeks", phase.Weeks.Start == phase.Weeks.End ? $"{phase.Weeks.Start}" : $"{phase.Weeks.Start}–{phase.Weeks.End}");
        if (data.Schedule.DatesOf(phase.Weeks) is { } dates)
        {
            Stat(html, "Dates", $"{Date(dates.Start)} – {Date(dates.End)}");
        }
        Stat(html, "Deliverables", $"{phase.Progress.Done}/{phase.Progress.Total} done");
        if (data.Schedule.IsCritical(phase))
        {
            Stat(html, "Schedule", "on the critical path");
        }
        html.Append("<div class=\"stat\"><span class=\"stat-label\">Depends on</span><span class=\"stat-value\">").Append(DependencyList(data, phase, page)).Append("</span></div>");
        AppendTimeline(html.Append("</div><figure class=\"timeline\">"), Window(data, phase), page.Destination, phase.Id, data.Schedule.CriticalPath).Append("</figure></section>");
        return StringBuilders.Release(html);
    }

    // compact: in the phase table a deliverable dependency is shown as its phase; the phase page lists it in full.
    /// <summary>Phases shown on a phase page's timeline.</summary>
    public const int PhaseWindow = 16;

    /// <summary>
    /// A large roadmap's phase page shows the phase among its neighbours, not every phase (which would make each phase page
    /// grow with the roadmap): the phase, what it depends on, what depends on it, then the nearest phases by number.
    /// </summary>
    private static RoadmapData Window(RoadmapData data, Phase phase)
    {
        var phases = data.Model.Phases;
        if (phases.Length <= PhaseWindow)
        {
            return data;
        }
        var index = data.Model.Index;
        var keep = new HashSet<string>(StringComparer.Ordinal) { phase.Id };
        foreach (var dependency in phase.Dependencies)
        {
            if (PhaseIndex.TargetPhaseId(dependency) is { } target)
            {
                keep.Add(target);
            }
        }
        foreach (var other in index.DependentsOf(phase.Id))
        {
            keep.Add(other.Id);
        }
        // Then the nearest phases by number (phases are in number order): on a tie, the earlier one.
        var at = index.PositionOf(phase.Id);
        for (int before = at - 1, after = at + 1; keep.Count < PhaseWindow && (before >= 0 || after < phases.Length);)
        {
            var takeBefore = after >= phases.Length
                || (before >= 0 && phase.Number - phases[before].Number <= phases[after].Number - phase.Number);
            keep.Add(phases[takeBefore ? before-- : after++].Id);
        }
        var window = data.Model with { Phases = [.. keep.Select(index.PositionOf).Where(p => p >= 0).Order().Select(p => phases[p])] };
        return data with { Model = window };
    }

    private static string DependencyList(RoadmapData data, Phase phase, Document page, bool compact = false)
    {
        var items = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var dependency in phase.Dependencies)
        {
            switch (dependency.Resolved)
            {
                case PhaseTarget target when data.Model.FindPhase(target.PhaseId) is { } other && seen.Add(other.Id):
                    items.Add(PhaseLink(other, page));
                    break;
                case DeliverableTarget target when compact && data.Model.FindPhase(target.PhaseId) is { } other && seen.Add(other.Id):
                    items.Add(PhaseLink(other, page));
                    break;
                case DeliverableTarget target when !compact && data.Model.FindPhase(target.PhaseId) is { } other && seen.Add(target.PhaseId + "#" + target.Slug):
                    var deliverable = other.Deliverables.FirstOrDefault(d => d.Slug == target.Slug);
                    items.Add($"<a href=\"{SitePaths.Relative(page.Destination, PageOf(other.Url))}#{target.Slug}\" title=\"{HtmlText.Escape(deliverable?.Text ?? target.Slug)}\">{other.Id}: {HtmlText.Escape(deliverable?.Text ?? target.Slug)}</a>");
                    break;
                case AllPriorPhases all:
                    foreach (var id in all.PhaseIds.Where(seen.Add))
                    {
                        if (data.Model.FindPhase(id) is { } prior)
                        {
                            items.Add(PhaseLink(prior, page));
                        }
                    }
                    break;
            }
        }
        return items.Count == 0 ? "—" : string.Join(", ", items);
    }

    private static string PhaseLink(Phase phase, Document page) =>
        $"<a href=\"{SitePaths.Relative(page.Destination, phase.Url)}\" title=\"{HtmlText.Escape(phase.Title)}\">Phase {phase.Number}</a>";

    private static string PageOf(string url) => url.Split('#')[0];

    private static string RiskTable(IReadOnlyList<Risk> risks)
    {
        var html = new StringBuilder("<div class=\"table-wrap\"><table class=\"risk-table\"><caption>Risk register</caption><thead><tr>");
        html.Append("<th scope=\"col\">Risk</th><th scope=\"col\">Level</th><th scope=\"col\">What could happen</th><th scope=\"col\">Mitigation</th><th scope=\"col\">Owner</th><th scope=\"col\">When</th></tr></thead><tbody>");
        foreach (var risk in risks.OrderBy(r => r.Level).ThenBy(r => r.Line))
        {
            html.Append("<tr><th scope=\"row\">").Append(HtmlText.Escape(risk.Title)).Append("</th>")
                .Append("<td><span class=\"tag tag-risk-").Append(risk.Level.ToString().ToLowerInvariant()).Append("\">").Append(risk.Level).Append("</span></td>")
                .Append("<td>").Append(HtmlText.Escape(risk.Description ?? "")).Append("</td>")
                .Append("<td>").Append(HtmlText.Escape(risk.Mitigation ?? "")).Append("</td>")
                .Append("<td>").Append(HtmlText.Escape(risk.Owner ?? "")).Append("</td>")
                .Append("<td>").Append(HtmlText.Escape(risk.Timeline ?? "")).Append("</td></tr>");
        }
        return html.Append("</tbody></table></div>").ToString();
    }

    private static string KpiTable(IReadOnlyList<Kpi> kpis)
    {
        var html = new StringBuilder("<div class=\"table-wrap\"><table class=\"kpi-table\"><caption>KPIs</caption><thead><tr>");
        html.Append("<th scope=\"col\">Category</th><th scope=\"col\">KPI</th><th scope=\"col\">Target</th><th scope=\"col\">Current</th></tr></thead><tbody>");
        foreach (var kpi in kpis)
        {
            html.Append("<tr><td>").Append(HtmlText.Escape(kpi.Category)).Append("</td><th scope=\"row\">").Append(HtmlText.Escape(kpi.Name)).Append("</th>")
                .Append("<td>").Append(HtmlText.Escape(kpi.Target)).Append("</td><td>").Append(HtmlText.Escape(kpi.Current ?? "—")).Append("</td></tr>");
        }
        return html.Append("</tbody></table></div>").ToString();
    }

    private static void Stat(StringBuilder html, string label, string value) =>
        html.Append("<div class=\"stat\"><span class=\"stat-label\">").Append(HtmlText.Escape(label)).Append("</span><span class=\"stat-value\">").Append(HtmlText.Escape(value)).Append("</span></div>");

    private static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string StatusSlug(PhaseStatus status) => status switch
    {
        PhaseStatus.InProgress => "in-progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string StatusText(PhaseStatus status) => status switch
    {
        PhaseStatus.InProgress => "In progress",
        _ => status.ToString(),
    };
}
