using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using Roadmap.Docs.Configuration;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Roadmap;
using Roadmap.Docs.Stages.Input;
using Roadmap.Docs.Stages.Lint;
using Roadmap.Docs.Stages.Templates;

namespace Roadmap.Docs.Incremental;

/// <summary>A page a refresh built again: its source, where it goes in the site, and the finished HTML.</summary>
public sealed record RefreshedPage(string Source, string Destination, string Html);

/// <summary>What a refresh did: the pages, ready to write, and the state the next refresh starts from; or why the full build is needed.</summary>
public sealed record PageRefreshResult
{
    public ImmutableArray<RefreshedPage> Pages { get; init; } = [];

    /// <summary>Why the pages cannot be built alone (the full build must run), or null when they were.</summary>
    public string? FallBack { get; init; }

    /// <summary>The last build's state with the refreshed pages in it; null after a fall-back.</summary>
    public LastBuild? Next { get; init; }

    public bool Refreshed => FallBack is null;
}

/// <summary>
/// Builds edited pages again on their own, from the state of the last published build, so an open page can reload at
/// once; the full build then runs as usual and writes the same bytes for them. A page is refreshed only when nothing
/// another output shows of it changed, and it has no finding the last build did not report for it. Otherwise the
/// result says why, and the caller runs the full build.
/// </summary>
/// <remarks>
/// What other outputs show of a page, and is therefore compared with the last build (any change falls back):
/// <list type="bullet">
/// <item>its <see cref="PageFacts"/>: title, kind, order and checklist count, which every page's sidebar, breadcrumbs,
/// previous/next links, folder listings and nav-tree.js show (and its address, which links to it use);</item>
/// <item>when it feeds or shows the roadmap (a phase, risks, KPIs or roadmap page, or a roadmap document in the seed's
/// form, before or after the edit): what it gives the roadmap, read from it alone, must be the same but for line numbers
/// (an edit of a phase's introduction; see <see cref="RoadmapContribution"/>). Otherwise the roadmap is read again from
/// all its pages and must give the same timeline.svg and badges, the same panels on every other page that shows it
/// (overview, phase table, each phase's neighbours and dependencies), and no new roadmap finding; that costs time in
/// proportion to the roadmap (a phase's objectives reworded: about 0.5 s with 187 phases).</item>
/// </list>
/// Not compared, because only the page itself or outputs that no page displays use them: its body, headings and ids,
/// table of contents, tags, description and excerpt, kind-specific front matter (owner, service, severity) and date
/// (the search index and sitemap.xml, which the full build that follows brings up to date). Links to the page use
/// only its address. A heading another page links to may go away; the full build's link check then reports it.
/// The page's own findings are checked again (its front matter, markdown, sanitizing, runbook rules, its links and
/// ids against the site's files): a warning or error the last build did not report for it, by rule and message (not
/// position, which an edit above it moves), falls back, so the full build reports it the usual way.
/// </remarks>
public static class PageRefresh
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Kinds whose pages the roadmap is read from or shown on (see <see cref="RoadmapStage"/>).</summary>
    private static readonly FrozenSet<string> RoadmapKinds = FrozenSet.ToFrozenSet(["phase", "risks", "kpis", "roadmap"], StringComparer.Ordinal);

    /// <summary>
    /// The pages to refresh after a burst of changes (absolute paths, as a file watcher reports them; null for events
    /// it lost), or null when the burst needs the full build: anything outside the input folder (the theme), site.yml,
    /// input/_theme/, .git (page dates), a folder, a file added or deleted (a rename is both), or a changed file that is
    /// not a page of the last build. Dot files and files that are gone and were never read (an editor's temporary files)
    /// change nothing the build reads and are left out; the list may then be empty.
    /// </summary>
    public static ImmutableArray<string>? PagesToRefresh(LastBuild last, IEnumerable<string?> changedPaths)
    {
        ArgumentNullException.ThrowIfNull(last);
        ArgumentNullException.ThrowIfNull(changedPaths);
        var input = Path.GetFullPath(last.Options.InputRoot);
        var pages = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in changedPaths)
        {
            if (path is null)
            {
                return null;
            }
            var full = Path.GetFullPath(path);
            var relative = Path.GetRelativePath(input, full).Replace(Path.DirectorySeparatorChar, '/');
            var segments = relative.Split('/');
            if (Path.IsPathRooted(relative) || segments[0] is "." or ".." or ".git" or ReadFiles.ThemeOverrideFolder or SiteSettings.FileName)
            {
                return null;
            }
            if (segments.Any(s => s.StartsWith('.')))
            {
                continue;
            }
            if (Directory.Exists(full))
            {
                return null;
            }
            if (File.Exists(full))
            {
                if (!last.HasPage(relative))
                {
                    return null;
                }
                pages.Add(relative);
            }
            else if (last.HasInput(relative))
            {
                return null;
            }
        }
        return [.. pages];
    }

    /// <summary>
    /// Builds the pages at <paramref name="sources"/> (input-relative, each a page of <paramref name="last"/>) again on their
    /// own, with the last build's settings, theme, navigation and roadmap. Nothing is written: see <see cref="Write"/>.
    /// </summary>
    public static async Task<PageRefreshResult> RenderAsync(LastBuild last, IReadOnlyCollection<string> sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(last);
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Count == 0)
        {
            return Fail("no page to refresh");
        }
        if (sources.FirstOrDefault(s => !last.HasPage(s)) is { } unknown)
        {
            return Fail($"{unknown} is not a page of the last build");
        }
        if (LastBuild.Today(last.Options) != last.Day)
        {
            return Fail("the day changed since the last build (review ages, the roadmap's today)");
        }
        if (last.Options.Dates == SourceDates.Git && BuildCache.GitHead(last.Options.InputRoot) != last.GitHead)
        {
            return Fail("the input is at another commit than the last build (page dates)");
        }
        try
        {
            return await RenderPagesAsync(last, [.. sources.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever goes wrong here (a file gone mid-read, a stage's bug), the full build does the work and reports it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Fail($"the refresh failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>
    /// Puts a refreshed page into the published site: written to a temporary file beside it and renamed over it, so a
    /// reader gets the old page or the new one, never part of one.
    /// </summary>
    /// <exception cref="IOException">The page's folder is gone, or the disk refused.</exception>
    public static void Write(string outputRoot, RefreshedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var root = Path.GetFullPath(outputRoot) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(root, page.Destination));
        if (!path.StartsWith(root, StringComparison.Ordinal))
        {
            throw new IOException($"'{page.Destination}' is outside the site folder");
        }
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.refresh-{Environment.ProcessId}");
        try
        {
            File.WriteAllText(temporary, page.Html, Utf8);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Whether the roadmap is read from this page or shown on it (so editing it may change what other pages show).</summary>
    internal static bool ShowsRoadmap(Document page) => RoadmapKinds.Contains(page.Kind) || RoadmapDocumentReader.IsRoadmap(page);

    private static async Task<PageRefreshResult> RenderPagesAsync(LastBuild last, ImmutableArray<string> sources, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var context = NewContext(last, diagnostics, cancellationToken);

        // Read each page as the build reads it, at the address the build gave it, and run the Content pipeline's steps as declared.
        var content = sources
            .Select(s => ReadFiles.ReadPage(s, Path.Combine(last.Options.InputRoot, s), diagnostics) with { Destination = last.DestinationOf(s)! })
            .ToImmutableArray();
        foreach (var module in SiteBuild.Pipelines(Task.FromResult(last.Templates), last.Theme, last.Options.Dates).Single(p => p.Name == "Content").Process)
        {
            content = await module.ExecuteAsync(content, context).ConfigureAwait(false);
        }
        if (content.Length != sources.Length)
        {
            return Fail("a stage of the Content pipeline dropped a page");
        }
        if (NewFinding(last, diagnostics) is { } early)
        {
            return Fail($"a new finding: {early}");
        }
        foreach (var page in content)
        {
            if (Changed(last.Pages[page.Source], PageFacts.Of(page)) is { } what)
            {
                return Fail($"the {what} of {page.Source} changed, which other pages show");
            }
        }

        var (roadmap, view) = (last.Roadmap, last.RoadmapView);
        if (content.Any(p => last.RoadmapPages.ContainsKey(p.Source) || ShowsRoadmap(p)))
        {
            (roadmap, view, var why) = await RoadmapAfterAsync(last, content, cancellationToken).ConfigureAwait(false);
            if (why is not null)
            {
                return Fail(why);
            }
        }
        if (roadmap is not null)
        {
            context.Publish(roadmap);
        }

        // The Pages pipeline's steps for these pages: their roadmap panels, then the layout, with the last build's navigation.
        var panelled = await RoadmapStage.Panels.ExecuteAsync(content, context).ConfigureAwait(false);
        var finished = await new RenderLayouts(last.Templates).ExecuteAsync(panelled, context).ConfigureAwait(false);
        if (finished.Length != content.Length)
        {
            return Fail("the layout failed: " + string.Join("; ", diagnostics.Sorted()));
        }

        // The pages' own findings: front matter and runbook rules, then their links and ids against every file of the site.
        foreach (var page in content)
        {
            CheckPages.Check(page, context);
        }
        var refreshed = finished.Select(p => p.Destination).ToHashSet(StringComparer.Ordinal);
        context.SetOutputs("Pages", finished);
        context.SetOutputs("Site", [.. last.Files.Where(f => !refreshed.Contains(f.Destination))]);
        await new CheckLinks("Pages", "Site").ExecuteAsync([], context).ConfigureAwait(false);
        if (NewFinding(last, diagnostics) is { } finding)
        {
            return Fail($"a new finding: {finding}");
        }
        return new PageRefreshResult
        {
            Pages = [.. finished.Select(p => new RefreshedPage(p.Source, p.Destination, p.Content))],
            Next = last.With(content, roadmap, view),
        };
    }

    /// <summary>
    /// The roadmap with the refreshed pages in it, when nothing else shows a difference. At once when each page gives the
    /// roadmap what it gave before, wherever the edit moved it (<see cref="RoadmapContribution"/>): an edit of a phase
    /// page's introduction. Otherwise the roadmap is read again from all its pages and must give the same timeline.svg and
    /// badges, the same panels on every other page that shows it, and no new roadmap finding.
    /// </summary>
    private static async Task<(RoadmapData? Data, RoadmapView? View, string? FallBack)> RoadmapAfterAsync(
        LastBuild last, ImmutableArray<Document> refreshed, CancellationToken cancellationToken)
    {
        if (last.Roadmap is { } unchanged
            && refreshed.All(page => RoadmapContribution.Of(last.RoadmapPages.GetValueOrDefault(page.Source)) == RoadmapContribution.Of(page)))
        {
            return (unchanged, last.RoadmapView, null);
        }
        var after = last.RoadmapPages;
        foreach (var page in refreshed)
        {
            after = ShowsRoadmap(page) ? after.SetItem(page.Source, page) : after.Remove(page.Source);
        }
        // What the roadmap pages showed is kept from the refresh before, when there was one.
        var before = last.RoadmapView ?? await ViewAsync(last, last.RoadmapPages, cancellationToken).ConfigureAwait(false);
        var now = await ViewAsync(last, after, cancellationToken).ConfigureAwait(false);
        if (!before.Files.SequenceEqual(now.Files))
        {
            return (null, null, "the roadmap's timeline or badges changed");
        }
        var sources = refreshed.Select(p => p.Source).ToHashSet(StringComparer.Ordinal);
        foreach (var (source, panels) in now.Panels.Where(p => !sources.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (before.Panels.GetValueOrDefault(source) != panels)
            {
                return (null, null, $"the roadmap panels of {source} changed");
            }
        }
        if (Added(now.Findings, before.Findings) is { } finding)
        {
            return (null, null, $"a new roadmap finding: {finding}");
        }
        return (now.Data, now, null);
    }

    /// <summary>
    /// The roadmap read from these pages as the Roadmap pipeline reads it, and what it shows: the files made from it, the
    /// roadmap rules' findings, and each page's panels.
    /// </summary>
    private static async Task<RoadmapView> ViewAsync(LastBuild last, ImmutableDictionary<string, Document> pages, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag();
        var context = NewContext(last, diagnostics, cancellationToken);
        var ordered = pages.Values.OrderBy(p => p.Source, StringComparer.Ordinal).ToImmutableArray();
        context.SetOutputs("Content", ordered);
        await RoadmapStage.Build.ExecuteAsync([], context).ConfigureAwait(false);
        var files = await RoadmapStage.Files.ExecuteAsync([], context).ConfigureAwait(false);
        var data = context.Get<RoadmapData>();
        CheckRoadmap.Check(data, pages, diagnostics);
        var shown = await RoadmapStage.Panels.ExecuteAsync(ordered, context).ConfigureAwait(false);
        return new RoadmapView(
            data,
            [.. files.Select(f => f.Destination + "\n" + f.Content)],
            Rules.ApplySeverities(diagnostics.Sorted(), last.Settings.LintSeverities),
            shown.ToImmutableDictionary(p => p.Source, p => string.Concat(p.Panels.Select(panel => panel.Placement + "\n" + panel.Html + "\n")), StringComparer.Ordinal));
    }

    /// <summary>A context like the build's, with what the last build knew published on it; it writes nothing.</summary>
    private static Engine.ExecutionContext NewContext(LastBuild last, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var options = last.Options;
        var environment = new BuildEnvironment(options.InputRoot, options.ThemeRoot, options.OutputRoot, options.Clock, last.Settings)
        {
            MaxParallelism = options.MaxParallelism,
            WritesOutput = false,
        };
        var context = new Engine.ExecutionContext(environment, diagnostics, cancellationToken);
        context.Publish(last.Links);
        context.Publish(last.Navigation);
        if (last.Commits is { } commits)
        {
            context.Publish(commits);
        }
        return context;
    }

    /// <summary>What other pages show of a page that differs, or null.</summary>
    private static string? Changed(PageFacts before, PageFacts now) =>
        before.Destination != now.Destination ? "address"
        : before.Title != now.Title ? "title"
        : before.Kind != now.Kind ? "kind"
        : !before.Order.Equals(now.Order) ? "order"
        : before.Tasks != now.Tasks ? "checklist count"
        : null;

    /// <summary>
    /// The first warning or error in <paramref name="now"/> that <paramref name="before"/> does not have as often: same file,
    /// rule, severity and message; not the position, which an edit above it moves.
    /// </summary>
    private static Diagnostic? Added(IEnumerable<Diagnostic> now, IEnumerable<Diagnostic> before)
    {
        var left = before.Where(Counts).CountBy(Key).ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var diagnostic in now.Where(Counts))
        {
            var key = Key(diagnostic);
            if (left.GetValueOrDefault(key) == 0)
            {
                return diagnostic;
            }
            left[key]--;
        }
        return null;
    }

    /// <summary>A warning or error found so far that the last build did not report.</summary>
    private static Diagnostic? NewFinding(LastBuild last, DiagnosticBag diagnostics) =>
        Added(
            Rules.ApplySeverities(diagnostics.Sorted(), last.Settings.LintSeverities)
                .Where(d => d.File != "(theme)"), // the theme's own links are the same on every page, and the full build reports them
            last.Diagnostics);

    private static bool Counts(Diagnostic diagnostic) => diagnostic.Severity is Severity.Warning or Severity.Error;

    private static (string File, string Rule, Severity Severity, string Message) Key(Diagnostic d) => (d.File, d.RuleId, d.Severity, d.Message);

    private static PageRefreshResult Fail(string why) => new() { FallBack = why };
}
