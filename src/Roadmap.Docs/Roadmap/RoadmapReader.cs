using System.Collections.Immutable;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Roadmap;

/// <summary>
/// Builds the roadmap model from the site's documents, whichever form they use: <c>kind: phase</c> pages, one
/// roadmap document in the seed's form, <c>kind: risks</c> and <c>kind: kpis</c> pages. Problems become diagnostics.
/// </summary>
public static class RoadmapReader
{
    public static RoadmapModel Read(IEnumerable<Document> documents, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var phases = new List<Phase>();
        var risks = new List<Risk>();
        var kpis = new List<Kpi>();
        // Source order, so "which of two phase 3s wins" does not depend on how the documents arrived.
        var ordered = documents.OrderBy(d => d.Source, StringComparer.Ordinal).ToList();
        // Each phase page is its own markdown: they are read on every core, and kept in source order.
        var phasePages = ordered.AsParallel().AsOrdered().Select(d => d.Kind == "phase" ? PhasePageReader.Read(d, diagnostics) : null).ToList();
        for (var at = 0; at < ordered.Count; at++)
        {
            var document = ordered[at];
            switch (document.Kind)
            {
                case "phase":
                    if (phasePages[at] is { } phase)
                    {
                        phases.Add(phase);
                    }
                    break;
                case "risks":
                    risks.AddRange(RiskReader.Read(new MarkdownBody(document), diagnostics));
                    break;
                case "kpis":
                    kpis.AddRange(KpiReader.ReadPage(new MarkdownBody(document), diagnostics));
                    break;
                default:
                    if (RoadmapDocumentReader.IsRoadmap(document))
                    {
                        var body = new MarkdownBody(document);
                        phases.AddRange(RoadmapDocumentReader.ReadPhases(document, body, diagnostics));
                        risks.AddRange(RiskReader.Read(body, diagnostics));
                        kpis.AddRange(KpiReader.ReadSections(body, diagnostics));
                    }
                    break;
            }
        }
        var resolved = Resolve(WithoutDuplicates(phases, diagnostics), diagnostics);
        ReportCycle(resolved, diagnostics);
        return new RoadmapModel(resolved, [.. risks], [.. kpis]);
    }

    private static List<Phase> WithoutDuplicates(List<Phase> phases, DiagnosticBag diagnostics)
    {
        var kept = new Dictionary<int, Phase>();
        foreach (var phase in phases)
        {
            if (kept.TryGetValue(phase.Number, out var first))
            {
                diagnostics.Report(RoadmapRules.DuplicatePhase, phase.SourceFile, phase.Line, 1,
                    $"phase {phase.Number} is already defined at {first.SourceFile}:{first.Line}", "give each phase its own number");
                continue;
            }
            kept[phase.Number] = phase;
        }
        return [.. kept.Values.OrderBy(p => p.Number)];
    }

    private static ImmutableArray<Phase> Resolve(List<Phase> phases, DiagnosticBag diagnostics)
    {
        var resolver = new DependencyResolver(phases);
        return [.. phases.AsParallel().AsOrdered().Select(phase => phase with
        {
            Dependencies = [.. phase.Dependencies.Select(dependency =>
            {
                var target = resolver.Resolve(dependency.Text, phase);
                // Prose that names nothing is a condition and is allowed; a broken id or link is a mistake.
                if (target is Unresolved unresolved && DependencyResolver.IsReference(dependency.Text))
                {
                    diagnostics.Report(RoadmapRules.DependencyNotFound, dependency.SourceFile, dependency.Line, dependency.Column,
                        $"{phase.Id} depends on '{dependency.Text}', but {unresolved.Reason}",
                        unresolved.ClosestCandidate is { } closest ? $"did you mean '{closest}'?" : null);
                }
                return dependency with { Resolved = target };
            })],
        })];
    }

    private static void ReportCycle(ImmutableArray<Phase> phases, DiagnosticBag diagnostics)
    {
        var cycle = new PhaseGraph(phases).FindCycle();
        if (cycle.IsEmpty)
        {
            return;
        }
        var phase = phases.First(p => p.Id == cycle[0]);
        diagnostics.Report(RoadmapRules.DependencyCycle, phase.SourceFile, phase.Line, 1,
            $"phases depend on each other in a cycle: {string.Join(" → ", cycle)}", "remove one of these dependencies");
    }
}
