using System.Collections.Concurrent;
using System.Collections.Immutable;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Html;
using Roadmap.Docs.Stages.Markdown;
using Roadmap.Docs.Stages.Templates;

namespace Roadmap.Docs.Stages.Lint;

/// <summary>
/// Broken links, broken anchors and duplicate ids, checked on the built HTML against the files and ids the site
/// really has, each link resolved relative to its page, and reported at the line of the markdown source that wrote it.
/// </summary>
/// <param name="pagesPipeline">The pipeline whose pages hold the finished HTML.</param>
/// <param name="otherPipelines">Pipelines whose documents are files of the site too (assets, copies, generated files).</param>
public sealed class CheckLinks(string pagesPipeline, params string[] otherPipelines) : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, Engine.ExecutionContext context)
    {
        var pages = context.Outputs(pagesPipeline).Where(d => d.IsPage).ToList();
        var all = otherPipelines.SelectMany(p => context.Outputs(p)).Where(d => !d.IsPage && d.Destination.Length > 0).Concat(pages).ToList();
        var files = all.Select(d => d.Destination).ToHashSet(StringComparer.Ordinal);
        var sources = all.Where(d => d.Source.Length > 0).Select(d => d.Source).Distinct(StringComparer.Ordinal).ToList();

        // The layout is the same on every page of a kind: one finished page per kind (kept by the layout stage) gives the
        // layout's ids and is checked whole, which covers the theme's own links; on every page only what varies is read:
        // the generated panels and the markdown body.
        var samples = context.TryGet<LayoutSamples>()?.ByKind ?? ImmutableDictionary<string, LayoutSample>.Empty;
        var layoutIds = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (kind, sample) in samples)
        {
            var counts = Ids(HtmlScan.Attributes(sample.Html)).CountBy(id => id, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal);
            if (pages.FirstOrDefault(p => p.Destination == sample.Destination) is { } page)
            {
                foreach (var id in Ids(Attributes(context, page)))
                {
                    counts[id] = counts.GetValueOrDefault(id) - 1;
                }
            }
            layoutIds[kind] = [.. counts.Where(kv => kv.Value > 0).Select(kv => kv.Key)];
        }
        var wholeSample = samples.Values.Select(s => s.Destination).ToHashSet(StringComparer.Ordinal);

        // Pass 1: read every page once; keep its ids and its links (in document order).
        var parsed = new ConcurrentDictionary<string, (HashSet<string> Ids, List<string> Links)>(StringComparer.Ordinal);
        Parallel.ForEach(pages, new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxParallelism }, page =>
        {
            var varying = Attributes(context, page);
            var layout = layoutIds.GetValueOrDefault(page.Kind) ?? [];
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var id in Ids(varying))
            {
                if ((!ids.Add(id) || layout.Contains(id)) && page.Source.Length > 0)
                {
                    var line = page.Headings.Where(h => h.Id == id).Skip(layout.Contains(id) ? 0 : 1).FirstOrDefault()?.Line ?? Math.Max(1, LineOf(page, id).Line);
                    var where = layout.Contains(id) ? "used by the page layout too" : "used twice on this page";
                    context.Diagnostics.Report(Rules.DuplicateId, page.Source, line, 1, $"the id '{id}' is {where}; links to #{id} reach only the first");
                }
            }
            ids.UnionWith(layout);
            var links = (wholeSample.Contains(page.Destination) ? HtmlScan.Attributes(samples[page.Kind].Html) : varying)
                .Where(a => a.Name != "id")
                .Select(a => a.Value)
                .ToList();
            parsed[page.Destination] = (ids, links);
        });

        // Pass 2: resolve each link against the files and ids that exist.
        var fromLayouts = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Parallel.ForEach(pages, new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxParallelism }, page =>
        {
            // By the unescaped URL: the renderer percent-encodes what it must ('{', spaces, non-ASCII), the markdown has it as written.
            var written = page.Links.ToLookup(l => Uri.UnescapeDataString(l.Href), StringComparer.Ordinal);
            var used = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var href in parsed[page.Destination].Links)
            {
                if (href.Length == 0 || SitePaths.IsExternal(href))
                {
                    continue;
                }
                var hash = href.IndexOf('#', StringComparison.Ordinal);
                var path = Uri.UnescapeDataString(StripQuery(hash < 0 ? href : href[..hash]));
                var fragment = hash < 0 ? "" : Uri.UnescapeDataString(href[(hash + 1)..]);
                // A root-relative link (/x) is checked from the site root, where it lands when the site is served at /.
                var target = path.Length == 0 ? page.Destination : SitePaths.Combine(path.StartsWith('/') ? "" : page.Destination, path);
                // Which occurrence of this href it is; where it was written is looked up only for a finding (a page with
                // 30,000 links would otherwise search its source 30,000 times).
                var occurrence = used.GetValueOrDefault(Uri.UnescapeDataString(href));
                used[Uri.UnescapeDataString(href)] = occurrence + 1;
                if (target is null || !files.Contains(target))
                {
                    if (target is not null && files.Contains(target.TrimEnd('/') + "/index.html"))
                    {
                        continue;
                    }
                    var (line, column, original) = Locate(page, written, occurrence, href);
                    if (line == 0)
                    {
                        // Not written in the page's markdown: the theme put it there. Report it once, not once per page.
                        fromLayouts.TryAdd(target ?? href, page.Destination);
                        continue;
                    }
                    var hint = target is not null && Similarity.Closest(Path.GetFileName(original.Split('#')[0]), sources.Select(Path.GetFileName).OfType<string>()) is { } close
                        ? $"did you mean {close}?" : null;
                    context.Diagnostics.Report(Rules.BrokenLink, page.Source, line, column,
                        $"broken link '{original}': the site has no {(target is null ? "path above its root" : target)}", hint);
                }
                else if (fragment.Length > 0 && parsed.TryGetValue(target, out var other) && !other.Ids.Contains(fragment))
                {
                    var (line, column, original) = Locate(page, written, occurrence, href);
                    var hint = Similarity.Closest(fragment, other.Ids) is { } close ? $"did you mean #{close}?" : null;
                    context.Diagnostics.Report(Rules.BrokenAnchor, page.Source, line, column,
                        $"broken anchor '{original}': {target} has no id '{fragment}'", hint);
                }
            }
        });
        foreach (var (target, page) in fromLayouts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            context.Diagnostics.Report(Rules.BrokenLink, "(theme)", 0, 0, $"the theme links to {target}, which the site does not have (first seen on {page})");
        }
        return Task.FromResult(inputs);
    }

    /// <summary>The page's ids and links from the scan made before the layout stage, or read now for a page it did not see.</summary>
    private static List<HtmlAttr> Attributes(Engine.ExecutionContext context, Document page) =>
        context.TryGet<PageLinks>()?.Of(page) ?? Varying(page);

    /// <summary>
    /// The ids and links of what differs from page to page of one layout: the generated panels, then the markdown body.
    /// Each is whole HTML, so each is read on its own (not joined into one more copy of the page).
    /// </summary>
    internal static List<HtmlAttr> Varying(Document page)
    {
        var found = new List<HtmlAttr>();
        foreach (var panel in page.Panels)
        {
            found.AddRange(HtmlScan.Attributes(panel.Html));
        }
        found.AddRange(HtmlScan.Attributes(page.Html));
        return found;
    }

    private static IEnumerable<string> Ids(IEnumerable<HtmlAttr> attributes) => attributes.Where(a => a.Name == "id").Select(a => a.Value);

    /// <summary>Finds where the markdown wrote this href (the n-th time it appears); line 0 when the markdown did not write it (the layout did).</summary>
    private static (int Line, int Column, string Original) Locate(Document page, ILookup<string, LinkReference> written, int n, string href)
    {
        var key = Uri.UnescapeDataString(href);
        var candidates = written[key].ToList();
        if (candidates.Count > 0)
        {
            // More links than the markdown wrote: the HTML parser copied one (a block such as <div> inside a link's text
            // makes it repeat the <a>), so it is the last one written.
            var link = candidates[Math.Min(n, candidates.Count - 1)];
            return WrittenAt(page, link) ? (link.Line, link.Column, link.Url) : LineOf(page, link.Url) is { Line: > 0 } found ? (found.Line, found.Column, link.Url) : (link.Line, link.Column, link.Url);
        }
        // Raw HTML in the markdown: find the text in the source.
        var (line, column) = LineOf(page, href);
        return (line, column, href);
    }

    /// <summary>
    /// Whether the link's URL really is on the line the renderer gave. Markdig numbers the lines of a cell of a grid
    /// table from the table, not the file; such a link is then found by its text instead.
    /// </summary>
    private static bool WrittenAt(Document page, LinkReference link)
    {
        var start = 0;
        for (var line = 1; line < link.Line && start >= 0; line++)
        {
            start = page.SourceText.IndexOf('\n', start) is var next and >= 0 ? next + 1 : -1;
        }
        if (start < 0 || link.Line < 1)
        {
            return false;
        }
        var end = page.SourceText.IndexOf('\n', start);
        var text = page.SourceText.AsSpan(start, (end < 0 ? page.SourceText.Length : end) - start);
        return link.Column <= text.Length + 1 && text.Contains(link.Url, StringComparison.Ordinal);
    }

    private static (int Line, int Column) LineOf(Document page, string text)
    {
        var index = page.SourceText.Length == 0 ? -1 : page.SourceText.IndexOf(text, page.BodyLine > 1 ? BodyStart(page) : 0, StringComparison.Ordinal);
        if (index < 0)
        {
            return (0, 0);
        }
        var line = 1 + page.SourceText.AsSpan(0, index).Count('\n');
        var column = index - page.SourceText.LastIndexOf('\n', Math.Max(0, index - 1));
        return (line, column);
    }

    private static int BodyStart(Document page)
    {
        var index = 0;
        for (var line = 1; line < page.BodyLine && index >= 0; line++)
        {
            index = page.SourceText.IndexOf('\n', index) + 1;
        }
        return Math.Max(0, index);
    }

    private static string StripQuery(string path)
    {
        var q = path.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? path : path[..q];
    }
}

/// <summary>
/// Every page's ids and links, read from its panels and body before the layout stage writes the page and lets its panels
/// go (a phase page's timeline is tens of KB: held until the link check, they were a large part of a big site's memory).
/// </summary>
public sealed class PageLinks
{
    private readonly ConcurrentDictionary<string, List<HtmlAttr>> _byPage = new(StringComparer.Ordinal);

    /// <summary>Reads every page (in parallel) and publishes what it found for <see cref="CheckLinks"/>.</summary>
    public static IModule Scan { get; } = new ForAllDocuments((docs, context) =>
    {
        var links = new PageLinks();
        Parallel.ForEach(docs.Where(d => d.IsPage), new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxParallelism }, page =>
            links._byPage[page.Destination] = CheckLinks.Varying(page));
        context.Publish(links);
        return docs;
    });

    /// <summary>The page's ids and links in document order, or null when it was not scanned (made after the scan).</summary>
    public List<HtmlAttr>? Of(Document page) => _byPage.GetValueOrDefault(page.Destination);
}
