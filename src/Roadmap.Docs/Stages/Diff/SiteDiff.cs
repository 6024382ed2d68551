namespace Roadmap.Docs.Stages.Diff;

/// <summary>A page named in the diff: where it is and what it is called (in head, or in base when it was removed).</summary>
public sealed record PageChange(string Path, string Link, string Title);

/// <summary>A phase whose checklist moved; a null side means the phase is not in that site.</summary>
public sealed record PhaseChange(int Number, string Title, string? Link, PhaseProgress? Base, PhaseProgress? Head);

/// <summary>What changed between two built sites: pages, checklist progress and (when given) lint diagnostics.</summary>
public sealed record SiteDiffResult(
    IReadOnlyList<PageChange> Added,
    IReadOnlyList<PageChange> Removed,
    IReadOnlyList<PageChange> Changed,
    IReadOnlyList<PhaseChange> Phases,
    IReadOnlyList<LintEntry> LintIntroduced,
    IReadOnlyList<LintEntry> LintFixed)
{
    /// <summary>Whether lint results were compared at all (both files given).</summary>
    public bool LintCompared { get; init; }

    public bool IsEmpty => Added.Count + Removed.Count + Changed.Count + Phases.Count + LintIntroduced.Count + LintFixed.Count == 0;
}

/// <summary>Compares a base and a head site, as a pull request's preview comment needs.</summary>
public static class SiteDiff
{
    public static SiteDiffResult Compare(SiteSnapshot @base, SiteSnapshot head, IReadOnlyList<LintEntry>? baseLint = null, IReadOnlyList<LintEntry>? headLint = null)
    {
        var added = head.Pages.Values.Where(p => !@base.Pages.ContainsKey(p.Path));
        var removed = @base.Pages.Values.Where(p => !head.Pages.ContainsKey(p.Path));
        var changed = head.Pages.Values.Where(p => @base.Pages.TryGetValue(p.Path, out var old) && (old.Text != p.Text || old.Title != p.Title));

        var phases = @base.Phases.Keys.Union(head.Phases.Keys).Order()
            .Select(n => (Number: n, Base: @base.Phases.GetValueOrDefault(n), Head: head.Phases.GetValueOrDefault(n)))
            .Where(p => p.Base != p.Head)
            .Select(p => PhaseChange(p.Number, p.Base, p.Head, head.Pages.Values.Concat(@base.Pages.Values)))
            .ToList();

        var (introduced, fixedOnes) = baseLint is not null && headLint is not null ? LintReport.Compare(baseLint, headLint) : ([], []);
        return new SiteDiffResult(Sorted(added), Sorted(removed), Sorted(changed), phases, introduced, fixedOnes)
        {
            LintCompared = baseLint is not null && headLint is not null,
        };
    }

    private static List<PageChange> Sorted(IEnumerable<SitePage> pages) =>
        [.. pages.OrderBy(p => p.Path, StringComparer.Ordinal).Select(p => new PageChange(p.Path, p.Link, p.Title))];

    /// <summary>Names the phase after its page (head's first, so a renamed phase shows its new title).</summary>
    private static PhaseChange PhaseChange(int number, PhaseProgress? @base, PhaseProgress? head, IEnumerable<SitePage> pages)
    {
        var page = pages.FirstOrDefault(p => p.Phase?.Number == number);
        return new PhaseChange(number, page?.Title ?? $"Phase {number}", page?.Link, @base, head);
    }
}
