using System.Collections.Immutable;
using System.Diagnostics;
using Roadmap.Docs.Configuration;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Incremental;
using Roadmap.Docs.Stages.Markdown.Highlighting;
using Roadmap.Docs.Roadmap;
using Roadmap.Docs.Search;
using Roadmap.Docs.Stages.FrontMatter;
using Roadmap.Docs.Stages.Html;
using Roadmap.Docs.Stages.Input;
using Roadmap.Docs.Stages.Lint;
using Roadmap.Docs.Stages.Markdown;
using Roadmap.Docs.Stages.Navigation;
using Roadmap.Docs.Stages.Output;
using Roadmap.Docs.Stages.Sanitize;
using Roadmap.Docs.Stages.Templates;

namespace Roadmap.Docs;

/// <summary>What a build is asked to do.</summary>
/// <param name="InputRoot">The knowledge base folder (with site.yml).</param>
/// <param name="OutputRoot">Where the finished site goes; replaced only when the build succeeds.</param>
/// <param name="ThemeRoot">The built-in theme folder.</param>
public sealed record BuildOptions(string InputRoot, string OutputRoot, string ThemeRoot)
{
    /// <summary>Overrides site.yml's base_url (for sitemap and canonical links only).</summary>
    public string? BaseUrl { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public SourceDates Dates { get; init; } = SourceDates.Git;

    /// <summary>Warnings fail the build too.</summary>
    public bool Strict { get; init; }

    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>The incremental build cache folder (see <see cref="BuildCache"/>); null builds from scratch and records nothing.</summary>
    public string? CacheRoot { get; init; }

    /// <summary>Overrides site.yml's raw_html (a preview of someone else's pull request builds with Sanitize).</summary>
    public RawHtmlMode? RawHtml { get; init; }

    /// <summary>Check only: run every stage and rule but write nothing (the <c>lint</c> command).</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Keep what a one-page refresh needs (<see cref="BuildResult.LastBuild"/>, see <see cref="PageRefresh"/>) when the
    /// build publishes. A build that finds nothing to do runs no stage and keeps nothing: see <see cref="SkipUpToDateCheck"/>.
    /// </summary>
    public bool KeepState { get; init; }

    /// <summary>
    /// Run every stage even when the cache says nothing changed (unchanged pages are still reused): how a server that
    /// restarted on an up-to-date site gets the state of a build it did not run.
    /// </summary>
    public bool SkipUpToDateCheck { get; init; }
}

/// <summary>How a build went.</summary>
public sealed record BuildResult(IReadOnlyList<Diagnostic> Diagnostics, int Pages, TimeSpan Elapsed, bool Published)
{
    /// <summary>
    /// What each pipeline made, by name. In a check-only run (<see cref="BuildOptions.DryRun"/>) pages keep their finished
    /// HTML; a build that writes lets it go once the page is on disk.
    /// </summary>
    public ImmutableDictionary<string, ImmutableArray<Document>> Outputs { get; init; } = ImmutableDictionary<string, ImmutableArray<Document>>.Empty;

    /// <summary>Output files copied from the previous site because what they are made from did not change (incremental builds).</summary>
    public int Reused { get; init; }

    /// <summary>Nothing changed since the last build, whose site is still in place: nothing was built or written.</summary>
    public bool UpToDate { get; init; }

    public IReadOnlyList<ModuleTiming> Timings { get; init; } = [];

    /// <summary>What a one-page refresh needs, when the build was asked to keep it (<see cref="BuildOptions.KeepState"/>) and published.</summary>
    public LastBuild? LastBuild { get; init; }

    /// <summary>The pages this build rendered anew instead of reusing the published ones, in path order (incremental builds; null without a cache).</summary>
    public IReadOnlyList<string>? Remade { get; init; }

    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);

    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

/// <summary>The composition root: the whole site build, top to bottom, one comment per step.</summary>
public static class SiteBuild
{
    /// <summary>The pipelines whose documents, besides the pages, are files of the site that links may point at.</summary>
    private static readonly string[] FilePipelines = ["Content", "RoadmapFiles", "Search", "Assets"];

    public static IReadOnlyList<Pipeline> Pipelines(Task<TemplateSet> templates, ThemeFiles theme, SourceDates dates) =>
    [
        new Pipeline("Content")
        {
            // Read every included file under input/: markdown becomes a page, anything else is copied.
            Input = [new ReadFiles()],
            Process =
            [
                // Split and read YAML front matter (errors point at the line and column in the .md file).
                ParseFrontMatter.Module,
                // Kind, order, tags and title from front matter.
                ResolvePageMetadata.Module,
                // "Last updated": one git log for the whole tree, else file times.
                new ReadSourceDates(dates),
                // Markdig with one shared pipeline: HTML, headings, task lists, links, excerpt.
                new RenderMarkdown(SyntaxHighlighter.Highlight),
                // Table column alignment as classes, not inline styles (the pages' CSP allows none).
                AlignmentClasses.Module,
                // raw_html sanitize or escape: raw HTML and dangerous link URLs cleaned out of the body, each removal reported.
                SanitizeHtml.Module,
                // ... and the files beside the pages that a browser would run (HTML, JS, SVG with scripts) are not copied.
                ActiveFiles.Module,
                // The markdown body is rendered: pages let it go (they keep their source text, which findings point into).
                new ForEachDocument((doc, _) => doc.IsPage ? doc with { Content = "" } : doc),
            ],
            // Copy the files that are not pages (images, downloads) as they are.
            Output = [new ForAllDocuments((docs, _) => [.. docs.Where(d => !d.IsPage)]), WriteFiles.Module],
        },
        new Pipeline("Roadmap")
        {
            DependsOn = ["Content"],
            // The roadmap model (phases, deliverables, dependencies, risks, KPIs) and its schedule.
            Process = [RoadmapStage.Build],
        },
        new Pipeline("RoadmapFiles")
        {
            DependsOn = ["Content", "Roadmap"],
            // timeline.svg and the progress badges, each written as soon as it is made (beside the layouts, not after them).
            Process = [RoadmapStage.Files, WriteFiles.Now],
            Output = [WriteFiles.Module],
        },
        new Pipeline("Navigation")
        {
            DependsOn = ["Content"],
            Process =
            [
                // Every page: the markdown pages plus the generated ones.
                new ForAllDocuments((_, ctx) => [.. ctx.Outputs("Content").Where(d => d.IsPage), NotFoundPage(), .. RulePages.Create(ctx.Environment.Settings.LintSeverities)]),
                // Two sources for one URL is an error: report both, keep the first.
                new ForAllDocuments(CheckDestinations),
                // The site tree (folders, order, titles), with listing pages for folders that have no index page; the whole tree once as assets/js/nav-tree.js.
                new ForAllDocuments(BuildNavigation),
            ],
        },
        new Pipeline("Pages")
        {
            DependsOn = ["Navigation", "Roadmap"],
            Process =
            [
                // Every page and the navigation's own files.
                new ForAllDocuments((_, ctx) => ctx.Outputs("Navigation")),
                // Timeline, phase table, risk register, KPI table and badges on the pages that show the roadmap.
                RoadmapStage.Panels,
                // Each page's ids and links, for the link check (its panels are let go once it is written).
                PageLinks.Scan,
                // Put each page into its layout, rendered straight into its file (a 10,000-page site is not held in memory).
                new RenderLayouts(templates, write: WriteFiles.WriteText),
                // sitemap.xml for the base URL.
                Sitemap.Module,
            ],
            Output = [WriteFiles.Module],
        },
        new Pipeline("Search")
        {
            // Not after Pages: the index is made from the markdown pages while the layouts render (breadcrumbs come from the navigation).
            DependsOn = ["Content", "Navigation"],
            // The lunr.js 2.3.9 index (built here in C#): an entry per page and per section, term shards, a chunked store.
            Process = [SearchStage.Module],
            Output = [WriteFiles.Module],
        },
        new Pipeline("Assets")
        {
            // The theme's CSS, JS and fonts (user overrides from input/_theme/ win), and lunr.js from npm.
            Input = [new ForAllDocuments((_, _) => ThemeAssets(theme))],
            Output = [WriteFiles.Module],
        },
        // The checks that need only the pages or the roadmap run while the layouts and the index are made; the link
        // check needs every file of the site, so it runs after every pipeline's Process phase.
        new Pipeline("PageChecks")
        {
            DependsOn = ["Content"],
            // Front matter against each kind's schema; runbook fields, review age and sections.
            Process = [new CheckPages("Content")],
        },
        new Pipeline("RoadmapChecks")
        {
            DependsOn = ["Content", "Roadmap"],
            // Dependencies that name nothing, schedule and status conflicts, hand-written timelines that drifted.
            Process = [new CheckRoadmap()],
        },
        new Pipeline("Lint")
        {
            DependsOn = ["Content", "Roadmap", "RoadmapFiles", "Navigation", "Pages", "Search", "Assets"],
            PostProcess =
            [
                // Links and anchors on the built HTML, against every file and id the site really has.
                new CheckLinks("Pages", FilePipelines),
            ],
        },
    ];

    /// <summary>Builds the site into a staging folder and swaps it in when nothing failed.</summary>
    public static async Task<BuildResult> RunAsync(BuildOptions options, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var settings = SiteSettings.Load(options.InputRoot, diagnostics);
        if (options.BaseUrl is { Length: > 0 } baseUrl)
        {
            settings = settings with { BaseUrl = baseUrl };
        }
        if (options.RawHtml is { } rawHtml)
        {
            settings = settings with { RawHtml = rawHtml };
        }
        // Incremental: stamp the sources before reading them; when nothing changed and the site is as it was left, stop here.
        var cache = options.CacheRoot is { } cacheRoot && !options.DryRun ? BuildCache.Open(options, cacheRoot) : null;
        if (!options.SkipUpToDateCheck && cache?.UpToDate() is { } previous)
        {
            return new BuildResult(previous.Diagnostics, previous.Pages, stopwatch.Elapsed, Published: true) { UpToDate = true, Remade = [] };
        }
        var theme = new ThemeFiles(options.ThemeRoot, Path.Combine(options.InputRoot, ReadFiles.ThemeOverrideFolder));
        // The layouts are parsed while the files are read and the pages made: only the layout stage waits for them.
        var templates = Task.Run(() => TemplateSet.Load(theme, diagnostics), cancellationToken);

        using var output = options.DryRun ? null : OutputFolder.Begin(options.OutputRoot);
        var environment = new BuildEnvironment(options.InputRoot, options.ThemeRoot, output?.Staging ?? options.OutputRoot, options.Clock, settings)
        {
            MaxParallelism = options.MaxParallelism,
            WritesOutput = !options.DryRun,
        };
        var context = new Engine.ExecutionContext(environment, diagnostics, cancellationToken);
        if (cache is not null)
        {
            context.Publish(cache);
        }
        var pipelines = Pipelines(templates, theme, options.Dates);
        var results = await new Engine.Engine(pipelines).RunAsync(context);
        // Loaded by now (the layout stage awaited it), or its failure already reported by that stage as an error.
        var loadedTemplates = await templates.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default);
        cancellationToken.ThrowIfCancellationRequested();

        var reported = Rules.ApplySeverities(diagnostics.Sorted(), settings.LintSeverities);
        var failed = reported.Any(d => d.Severity == Severity.Error) || (options.Strict && reported.Any(d => d.Severity == Severity.Warning));
        var pages = results["Pages"].Count(d => d.IsPage);
        var published = !failed && output is not null;
        if (!failed && output is not null)
        {
            output.Commit();
            cache?.Save(reported, pages);
        }
        return new BuildResult(reported, pages, stopwatch.Elapsed, published)
        {
            Timings = [.. context.Timings],
            Reused = cache?.Reused ?? 0,
            Outputs = results,
            Remade = cache?.Remade,
            LastBuild = published && options.KeepState && loadedTemplates is not null ? LastBuild.Capture(options, settings, loadedTemplates, theme, context, reported, FilePipelines) : null,
        };
    }

    private static Document NotFoundPage() => new()
    {
        Source = "",
        Destination = "404.html",
        Title = "Page not found",
        Kind = "404",
        IsPage = true,
        Html = "<p>There is no page at this address. It may have moved: try the search, or start from the home page.</p>",
    };

    private static ImmutableArray<Document> CheckDestinations(ImmutableArray<Document> docs, Engine.ExecutionContext context)
    {
        var seen = new Dictionary<string, Document>(StringComparer.OrdinalIgnoreCase);
        var kept = ImmutableArray.CreateBuilder<Document>(docs.Length);
        foreach (var doc in docs)
        {
            if (seen.TryGetValue(doc.Destination, out var first))
            {
                context.Diagnostics.Report(Rules.DuplicateUrl, doc.Source, 1, 1, $"'{doc.Source}' and '{first.Source}' both become {doc.Destination}; only '{first.Source}' is built", "rename one of the two files");
                continue;
            }
            seen[doc.Destination] = doc;
            kept.Add(doc);
        }
        return kept.ToImmutable();
    }

    private static ImmutableArray<Document> BuildNavigation(ImmutableArray<Document> docs, Engine.ExecutionContext context)
    {
        var (navigation, listings) = SiteNavigation.Build(docs.Where(d => d.Kind != "404"));
        context.Publish(navigation);
        return docs.AddRange(listings).Add(NavTree.Script(navigation));
    }

    private static ImmutableArray<Document> ThemeAssets(ThemeFiles theme)
    {
        var assets = theme.List("assets")
            .Select(relative => new Document { Source = "", Destination = relative, CopyFrom = theme.Resolve(relative) })
            .ToList();
        if (theme.Resolve("node_modules/lunr/lunr.min.js") is { } lunr)
        {
            assets.Add(new Document { Source = "", Destination = "assets/js/lunr.min.js", CopyFrom = lunr });
        }
        return [.. assets];
    }
}
