using System.Collections.Frozen;
using System.Collections.Immutable;
using Roadmap.Docs.Configuration;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Roadmap;
using Roadmap.Docs.Stages.Input;
using Roadmap.Docs.Stages.Markdown;
using Roadmap.Docs.Stages.Navigation;
using Roadmap.Docs.Stages.Templates;

namespace Roadmap.Docs.Incremental;

/// <summary>What other pages see of a page: where it is, and what the navigation shows of it (sidebar, breadcrumbs, previous/next, listings, nav-tree.js).</summary>
internal sealed record PageFacts(string Destination, string Title, string Kind, double Order, TaskCount Tasks)
{
    public static PageFacts Of(Document page) => new(page.Destination, page.Title, page.Kind, page.Order, page.TaskCount);
}

/// <summary>What the roadmap pages show of the roadmap: the roadmap, the files made from it, its findings, and each such page's panels.</summary>
internal sealed record RoadmapView(RoadmapData Data, ImmutableArray<string> Files, IReadOnlyList<Diagnostic> Findings, ImmutableDictionary<string, string> Panels);

/// <summary>
/// What a published build knew that one page needs to be built again on its own (see <see cref="PageRefresh"/>): the
/// options and settings, the parsed theme, the navigation, the roadmap, what links can point at, the site's files and
/// the build's findings. Of each page it keeps only what other pages see (<see cref="PageFacts"/>), except the pages the
/// roadmap is read from or shown on, which are kept as the Content pipeline left them (without their HTML).
/// </summary>
public sealed record LastBuild
{
    /// <summary>The options the build ran with (its input, output and theme folders, clock, dates and overrides).</summary>
    public required BuildOptions Options { get; init; }

    /// <summary>What the build reported, with site.yml's severities applied.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    internal SiteSettings Settings { get; init; } = new();

    internal TemplateSet Templates { get; init; } = null!;

    internal ThemeFiles Theme { get; init; } = null!;

    internal SiteNavigation Navigation { get; init; } = null!;

    internal RoadmapData? Roadmap { get; init; }

    /// <summary>What <see cref="RoadmapPages"/> show of the roadmap, once a refresh had to read it again from them (null before).</summary>
    internal RoadmapView? RoadmapView { get; init; }

    internal LinkTargets Links { get; init; } = LinkTargets.Empty;

    internal CommitDates? Commits { get; init; }

    /// <summary>The commit the input was at ("" when dates do not come from git).</summary>
    internal string GitHead { get; init; } = "";

    /// <summary>The build's today (runbook review ages, the roadmap's today line, the layout's generated date).</summary>
    internal DateOnly Day { get; init; }

    /// <summary>Every markdown page by source path.</summary>
    internal ImmutableDictionary<string, PageFacts> Pages { get; init; } = ImmutableDictionary<string, PageFacts>.Empty;

    /// <summary>The pages the roadmap is read from or shown on, by source path, as the Content pipeline left them (no HTML).</summary>
    internal ImmutableDictionary<string, Document> RoadmapPages { get; init; } = ImmutableDictionary<string, Document>.Empty;

    /// <summary>Every file of the site a link may point at, pages included, each as its source and destination only.</summary>
    internal ImmutableArray<Document> Files { get; init; } = [];

    /// <summary>Every input folder that holds a file the build read.</summary>
    internal FrozenSet<string> Folders { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Whether the build made a page from this input-relative source path.</summary>
    public bool HasPage(string source) => Pages.ContainsKey(source);

    /// <summary>Whether the build read this input-relative path: a page, a file copied as it is, or a folder holding one.</summary>
    public bool HasInput(string source) => Pages.ContainsKey(source) || Links.HasFile(source) || Folders.Contains(source);

    /// <summary>The site path of the page made from <paramref name="source"/> ("runbooks/redis/index.html"), or null.</summary>
    public string? DestinationOf(string source) => Pages.TryGetValue(source, out var page) ? page.Destination : null;

    internal static LastBuild Capture(
        BuildOptions options, SiteSettings settings, TemplateSet templates, ThemeFiles theme, Engine.ExecutionContext context,
        IReadOnlyList<Diagnostic> diagnostics, IEnumerable<string> filePipelines)
    {
        var content = context.Outputs("Content");
        var pages = content.Where(d => d.IsPage && d.Source.Length > 0).ToList();
        var files = filePipelines.SelectMany(p => context.Outputs(p)).Where(d => !d.IsPage && d.Destination.Length > 0)
            .Concat(context.Outputs("Pages").Where(d => d.IsPage))
            .Select(d => new Document { Source = d.Source, Destination = d.Destination });
        var folders = content.SelectMany(d => FoldersOf(d.Source)).ToFrozenSet(StringComparer.Ordinal);
        return new LastBuild
        {
            Options = options,
            Diagnostics = diagnostics,
            Folders = folders,
            Settings = settings,
            Templates = templates,
            Theme = theme,
            Navigation = context.Get<SiteNavigation>(),
            Roadmap = context.TryGet<RoadmapData>(),
            Links = context.TryGet<LinkTargets>() ?? new LinkTargets(content),
            Commits = context.TryGet<CommitDates>(),
            GitHead = options.Dates == SourceDates.Git ? BuildCache.GitHead(options.InputRoot) : "",
            Day = Today(options),
            Pages = pages.ToImmutableDictionary(p => p.Source, PageFacts.Of, StringComparer.Ordinal),
            RoadmapPages = pages.Where(PageRefresh.ShowsRoadmap).ToImmutableDictionary(p => p.Source, Kept, StringComparer.Ordinal),
            Files = [.. files],
        };
    }

    /// <summary>This state with refreshed pages in it (the next refresh compares with them), and the roadmap they gave.</summary>
    internal LastBuild With(IEnumerable<Document> refreshed, RoadmapData? roadmap, RoadmapView? view)
    {
        var pages = Pages;
        var roadmapPages = RoadmapPages;
        foreach (var page in refreshed)
        {
            pages = pages.SetItem(page.Source, PageFacts.Of(page));
            roadmapPages = PageRefresh.ShowsRoadmap(page) ? roadmapPages.SetItem(page.Source, Kept(page)) : roadmapPages.Remove(page.Source);
        }
        return this with { Pages = pages, RoadmapPages = roadmapPages, Roadmap = roadmap, RoadmapView = view };
    }

    internal static DateOnly Today(BuildOptions options) => DateOnly.FromDateTime(options.Clock.GetUtcNow().UtcDateTime);

    /// <summary>A roadmap page as the roadmap readers and panels need it: everything but its HTML and markdown body (they read the source text).</summary>
    private static Document Kept(Document page) => page with { Html = "", Content = "" };

    private static IEnumerable<string> FoldersOf(string source)
    {
        for (var slash = source.LastIndexOf('/'); slash > 0; slash = source.LastIndexOf('/', slash - 1))
        {
            yield return source[..slash];
        }
    }
}
