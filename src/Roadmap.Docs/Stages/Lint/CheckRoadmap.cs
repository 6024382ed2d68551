using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Roadmap;

namespace Roadmap.Docs.Stages.Lint;

/// <summary>Roadmap rules on the model: unresolved prose, schedule and status conflicts, hand-written timelines that drifted.</summary>
public sealed partial class CheckRoadmap : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, Engine.ExecutionContext context)
    {
        if (context.TryGet<RoadmapData>() is not { } data)
        {
            return Task.FromResult(inputs);
        }
        var pages = context.Outputs("Content").Where(d => d.IsPage).ToDictionary(d => d.Source, StringComparer.Ordinal);
        Check(data, pages, context.Diagnostics);
        return Task.FromResult(inputs);
    }

    public static void Check(RoadmapData data, IReadOnlyDictionary<string, Document> pages, DiagnosticBag diagnostics)
    {
        var model = data.Model;
        foreach (var phase in model.Phases)
        {
            foreach (var dependency in phase.Dependencies)
            {
                if (dependency.Resolved is Unresolved unresolved && !DependencyResolver.IsReference(dependency.Text))
                {
                    diagnostics.Report(Rules.UnresolvedDependency, dependency.SourceFile, dependency.Line, dependency.Column,
                        $"{phase.Id} depends on '{dependency.Text}', which names no phase or deliverable",
                        unresolved.ClosestCandidate is { } close ? $"closest: {close}; name the phase or deliverable, or add it to depends_on" : "name the phase or deliverable it waits for");
                }
                foreach (var other in Targets(model, dependency))
                {
                    if (other.Id == phase.Id)
                    {
                        continue;
                    }
                    if (phase.Weeks.Start <= other.Weeks.End)
                    {
                        diagnostics.Report(Rules.ScheduleConflict, dependency.SourceFile, dependency.Line, dependency.Column,
                            $"{phase.Id} starts in week {phase.Weeks.Start} but depends on {other.Id}, which ends in week {other.Weeks.End}",
                            $"start {phase.Id} in week {other.Weeks.End + 1} or later");
                    }
                    var finished = phase.Status == PhaseStatus.Done || (phase.Progress.Total > 0 && phase.Progress.Done == phase.Progress.Total);
                    if (finished && other.Status != PhaseStatus.Done)
                    {
                        diagnostics.Report(Rules.StatusConflict, dependency.SourceFile, dependency.Line, dependency.Column,
                            $"{phase.Id} is done but depends on {other.Id}, which is {RoadmapStage.StatusSlug(other.Status)}");
                    }
                }
            }
            if (phase.Status == PhaseStatus.Done && phase.Progress.Done < phase.Progress.Total)
            {
                var (line, column) = pages.TryGetValue(phase.SourceFile, out var page) && page.FrontMatter.Get("status") is { } status
                    ? (status.Line, status.Column) : (phase.Line, 1);
                diagnostics.Report(Rules.StatusConflict, phase.SourceFile, line, column,
                    $"{phase.Id} is marked done but {phase.Progress.Total - phase.Progress.Done} of {phase.Progress.Total} deliverables are unchecked",
                    "check the delivered items, or set the status to in-progress");
            }
        }
        if (!model.Phases.IsEmpty)
        {
            foreach (var page in pages.Values)
            {
                CheckDrift(page, model, data.Schedule, diagnostics);
            }
        }
    }

    private static IEnumerable<Phase> Targets(RoadmapModel model, Dependency dependency) => dependency.Resolved switch
    {
        PhaseTarget t => model.FindPhase(t.PhaseId) is { } p ? [p] : [],
        DeliverableTarget t => model.FindPhase(t.PhaseId) is { } p ? [p] : [],
        AllPriorPhases all => all.PhaseIds.Select(model.FindPhase).OfType<Phase>(),
        _ => [],
    };

    /// <summary>Hand-written "Week 5-7: Phase 3" lines and "Total Duration: 18 weeks" claims, compared with the model.</summary>
    private static void CheckDrift(Document page, RoadmapModel model, RoadmapSchedule schedule, DiagnosticBag diagnostics)
    {
        // Line by line in place: only a line either pattern matches becomes a string of its own.
        var text = page.SourceText;
        for (int i = 0, lineStart = 0; lineStart <= text.Length; i++)
        {
            var lineEnd = text.IndexOf('\n', lineStart);
            var span = text.AsSpan(lineStart, (lineEnd < 0 ? text.Length : lineEnd) - lineStart);
            lineStart = lineEnd < 0 ? text.Length + 1 : lineEnd + 1;
            if (!TimelineLine().IsMatch(span) && !TotalLine().IsMatch(span))
            {
                continue;
            }
            var line = span.ToString();
            if (TimelineLine().Match(line) is { Success: true } m)
            {
                var number = int.Parse(m.Groups["phase"].Value, CultureInfo.InvariantCulture);
                var start = int.Parse(m.Groups["start"].Value, CultureInfo.InvariantCulture);
                var end = m.Groups["end"].Success ? int.Parse(m.Groups["end"].Value, CultureInfo.InvariantCulture) : start;
                var phase = model.FindPhase(Phase.IdFor(number));
                if (phase is null)
                {
                    diagnostics.Report(Rules.TimelineDrift, page.Source, i + 1, m.Index + 1, $"the timeline names Phase {number}, which the roadmap does not have");
                }
                else if (phase.Weeks.Start != start || phase.Weeks.End != end)
                {
                    diagnostics.Report(Rules.TimelineDrift, page.Source, i + 1, m.Index + 1,
                        $"the timeline says Phase {number} is in week {Range(start, end)}, but the phase says week {Range(phase.Weeks.Start, phase.Weeks.End)}",
                        $"write 'Week {Range(phase.Weeks.Start, phase.Weeks.End)}'");
                }
            }
            if (TotalLine().Match(line) is { Success: true } total)
            {
                var weeks = int.Parse(total.Groups["weeks"].Value, CultureInfo.InvariantCulture);
                if (weeks != schedule.TotalWeeks)
                {
                    diagnostics.Report(Rules.TimelineDrift, page.Source, i + 1, total.Index + 1,
                        $"the text says the total duration is {weeks} weeks, but the phases span {schedule.TotalWeeks} weeks (weeks {schedule.FirstWeek}-{schedule.LastWeek})",
                        $"write {schedule.TotalWeeks} weeks");
                }
            }
        }
    }

    private static string Range(int start, int end) => start == end ? start.ToString(CultureInfo.InvariantCulture) : $"{start}-{end}";

    [GeneratedRegex(@"\bWeeks?\s+(?<start>\d+)(?:\s*[-–—]\s*(?<end>\d+))?\s*:\s*Phase\s+(?<phase>\d+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimelineLine();

    [GeneratedRegex(@"\bTotal\s+Duration\**\s*:?\**\s*(?<weeks>\d+)\s+weeks?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TotalLine();
}
