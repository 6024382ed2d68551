using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Roadmap.Docs.Stages.Markdown;

namespace Roadmap.Docs.Tests.Build;

/// <summary>The README's build of input/ as a user gets it: every page there, every phase with its checklist, no dead internal link.</summary>
public class KnowledgeBaseTests
{
    private static readonly HtmlParser Parser = new();

    private static IHtmlDocument Load(string output, string page) => Parser.ParseDocument(File.ReadAllText(Path.Combine(output, page)));

    [Fact]
    public async Task The_build_is_clean_and_writes_one_page_per_input_page()
    {
        var result = await KnowledgeBaseSite.ResultAsync();
        var output = await KnowledgeBaseSite.OutputAsync();

        Assert.Empty(result.Diagnostics);
        Assert.True(result.Published);
        Assert.True(File.Exists(Path.Combine(output, "index.html")));
        var sources = Directory.EnumerateFiles(TestPaths.Input, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(TestPaths.Input, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("_theme/", StringComparison.Ordinal))
            .ToList();
        Assert.True(sources.Count >= 25, $"expected a real knowledge base, found {sources.Count} pages");
        foreach (var source in sources)
        {
            Assert.True(File.Exists(Path.Combine(output, SitePaths.DestinationFor(source))), $"no page built for {source}");
        }
    }

    [Fact]
    public async Task Each_of_the_eight_phases_has_a_page_with_its_deliverables_as_checkboxes()
    {
        var output = await KnowledgeBaseSite.OutputAsync();
        var phases = Directory.GetFiles(Path.Combine(TestPaths.Input, "roadmap"), "phase-*.md").Order(StringComparer.Ordinal).ToList();

        Assert.Equal(8, phases.Count);
        foreach (var phase in phases)
        {
            var source = File.ReadAllText(phase);
            var checkedInSource = source.Split('\n').Count(l => l.TrimStart().StartsWith("- [x]", StringComparison.OrdinalIgnoreCase));
            var html = Load(output, SitePaths.DestinationFor("roadmap/" + Path.GetFileName(phase)));
            var deliverables = html.QuerySelector("h2#deliverables")!.NextElementSibling!;
            var boxes = deliverables.QuerySelectorAll("li.task-list-item input[type=checkbox]").ToList();
            Assert.Equal(8, boxes.Count);
            Assert.Equal(checkedInSource, boxes.Count(b => b.HasAttribute("checked")));
        }
    }

    [Fact]
    public async Task Every_internal_href_and_src_resolves_to_a_file_and_every_anchor_to_an_id()
    {
        var output = await KnowledgeBaseSite.OutputAsync();
        var problems = new List<string>();
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> IdsOf(string file)
        {
            if (!ids.TryGetValue(file, out var set))
            {
                set = [.. Parser.ParseDocument(File.ReadAllText(file)).QuerySelectorAll("[id]").Select(e => e.Id!)];
                ids[file] = set;
            }
            return set;
        }

        var pages = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories).ToList();
        foreach (var page in pages)
        {
            var doc = Parser.ParseDocument(File.ReadAllText(page));
            var urls = doc.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!)
                .Concat(doc.QuerySelectorAll("[src]").Select(e => e.GetAttribute("src")!))
                .Concat(doc.QuerySelectorAll("link[href]").Select(e => e.GetAttribute("href")!));
            foreach (var url in urls.Where(u => !SitePaths.IsExternal(u)))
            {
                var hash = url.IndexOf('#', StringComparison.Ordinal);
                var path = hash < 0 ? url : url[..hash];
                var fragment = hash < 0 ? "" : Uri.UnescapeDataString(url[(hash + 1)..]);
                var target = path.Length == 0 ? page : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(page)!, Uri.UnescapeDataString(path)));
                var where = Path.GetRelativePath(output, page) + " → " + url;
                if (!target.StartsWith(output, StringComparison.Ordinal))
                {
                    problems.Add(where + " (leaves the site)");
                }
                else if (Directory.Exists(target))
                {
                    problems.Add(where + " (links a folder, not a file: breaks when opened from disk)");
                }
                else if (!File.Exists(target))
                {
                    problems.Add(where + " (no such file)");
                }
                else if (fragment.Length > 0 && !IdsOf(target).Contains(fragment))
                {
                    problems.Add(where + " (no such anchor)");
                }
            }
        }
        Assert.True(pages.Count > 25);
        Assert.Empty(problems);
    }
}
