using System.Collections.Concurrent;
using System.Collections.Immutable;
using AngleSharp.Html.Parser;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Markdown;

namespace Roadmap.Docs.Stages.Lint;

/// <summary>
/// Broken links, broken anchors and duplicate ids, checked on the built HTML (AngleSharp) against the files and ids the site
/// really has, each link resolved relative to its page, and reported at the line of the markdown source that wrote it.
/// </summary>
/// <param name="pagesPipeline">The pipeline whose pages hold the finished HTML.</param>
/// <param name="otherPipelines">Pipelines whose documents are files of the site too (assets, copies, generated files).</param>
public sealed class CheckLinks(string pagesPipeline, params string[] otherPipelines) : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, Engine.ExecutionContext context)
    {
        var pages = context.Outputs(pagesPipeline).Where(d => d.IsPage && d.Content.Length > 0).ToList();
        var all = otherPipelines.SelectMany(p => context.Outputs(p)).Where(d => !d.IsPage && d.Destination.Length > 0).Concat(pages).ToList();
        var files = all.Select(d => d.Destination).ToHashSet(StringComparer.Ordinal);
        var sources = all.Where(d => d.Source.Length > 0).Select(d => d.Source).Distinct(StringComparer.Ordinal).ToList();

        // The layout is the same on every page of a kind, so it is parsed whole once per kind (that checks the theme's own
        // links and gives the layout's ids); on the other pages only what varies is parsed: the body and the generated panels.
        var layoutIds = new ConcurrentDictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var whole = pages.GroupBy(p => p.Kind).Select(g => g.First().Destination).ToHashSet(StringComparer.Ordinal);
        foreach (var destination in whole)
        {
            var page = pages.First(p => p.Destination == destination);
            layoutIds[page.Kind] = [.. new HtmlParser().ParseDocument(page.Content).QuerySelectorAll("[id]").Select(e => e.Id!)];
        }

        // Pass 1: parse every page once; keep its ids and its links (in document order).
        var parsed = new ConcurrentDictionary<string, (HashSet<string> Ids, List<string> Links)>(StringComparer.Ordinal);
        Parallel.ForEach(pages, new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxParallelism }, page =>
        {
            var html = whole.Contains(page.Destination)
                ? new HtmlParser().ParseDocument(page.Content)
                : new HtmlParser().ParseDocument(string.Concat(page.Panels.Select(p => p.Html)) + page.Html);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var element in html.QuerySelectorAll("[id]"))
            {
                if (!ids.Add(element.Id!) && page.Source.Length > 0)
                {
                    var line = page.Headings.Where(h => h.Id == element.Id).Skip(1).FirstOrDefault()?.Line ?? Math.Max(1, LineOf(page, element.Id!).Line);
                    context.Diagnostics.Report(Rules.DuplicateId, page.Source, line, 1, $"the id '{element.Id}' is used twice on this page; links to #{element.Id} reach only the first");
                }
            }
            var links = html.QuerySelectorAll("a[href], img[src], link[href], script[src], source[src]")
                .Select(e => e.GetAttribute(e.HasAttribute("href") ? "href" : "src")!)
                .ToList();
            if (!whole.Contains(page.Destination))
            {
                ids.UnionWith(layoutIds[page.Kind]);
            }
            parsed[page.Destination] = (ids, links);
        });

        // Pass 2: resolve each link against the files and ids that exist.
        var fromLayouts = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Parallel.ForEach(pages, new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxParallelism }, page =>
        {
            var written = page.Links.ToLookup(l => l.Href, StringComparer.Ordinal);
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
                var occurrence = used.GetValueOrDefault(href);
                used[href] = occurrence + 1;
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

    /// <summary>Finds where the markdown wrote this href (the n-th time it appears); line 0 when the markdown did not write it (the layout did).</summary>
    private static (int Line, int Column, string Original) Locate(Document page, ILookup<string, LinkReference> written, int n, string href)
    {
        var candidates = written[href].ToList();
        if (n < candidates.Count)
        {
            return (candidates[n].Line, candidates[n].Column, candidates[n].Url);
        }
        // Raw HTML in the markdown: find the text in the source.
        var (line, column) = LineOf(page, href);
        return (line, column, href);
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
