using System.Text.RegularExpressions;
using Roadmap.Docs.Benchmarks;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Tests.Navigation;

/// <summary>
/// The sidebar's share of a page does not grow with the site: built from generated knowledge bases of 200 and 2,000
/// pages whose sections are single folders (50 to 700 pages each), the biggest sidebar lists as many items and
/// is about as long. Before the window, a runbook's sidebar listed all 700 runbooks at 2,000 pages.
/// </summary>
public partial class SidebarSizeTests
{
    [Fact]
    public async Task The_biggest_sidebar_is_as_big_at_2000_pages_as_at_200()
    {
        var small = await SidebarsAsync(200);
        var big = await SidebarsAsync(2_000);

        // Top level: Home, 4 sections, lint rules; the open section: 3 first items, a gap, 25 around the page, Show all.
        Assert.Equal(6 + 3 + 1 + 25 + 1, small.MaxItems);
        Assert.Equal(small.MaxItems, big.MaxItems);
        Assert.True(big.MaxBytes <= small.MaxBytes * 1.15, $"biggest sidebar: {small.MaxBytes:N0} bytes at 200 pages, {big.MaxBytes:N0} at 2,000");
        TestContext.Current.TestOutputHelper?.WriteLine($"biggest sidebar: {small.MaxBytes:N0} bytes at 200 pages ({small.AveragePageBytes:N0} per page), {big.MaxBytes:N0} at 2,000 ({big.AveragePageBytes:N0} per page)");
    }

    private sealed record Sidebars(int MaxItems, int MaxBytes, long AveragePageBytes);

    private static async Task<Sidebars> SidebarsAsync(int pages)
    {
        using var temp = TestPaths.NewTempFolder();
        // Short pages keep the build quick; the sidebar depends on the tree only. No splitting into areas, so both
        // sizes have the same depth and only the number of pages differs.
        var corpus = CorpusGenerator.Generate(temp.Combine("input"), pages, seed: 11, new CorpusOptions { WordsPerPage = 20, LinksPerPage = 0, MaxPagesPerFolder = 10_000 });
        var result = await TestBuild.RunAsync(corpus.Root, temp.Combine("site"), TestContext.Current.CancellationToken);
        Assert.True(result.Published, string.Join('\n', result.Diagnostics.Where(d => d.Severity == Severity.Error).Take(5)));

        int maxItems = 0, maxBytes = 0;
        long total = 0;
        var files = Directory.GetFiles(temp.Combine("site"), "index.html", SearchOption.AllDirectories);
        foreach (var file in files)
        {
            var html = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
            total += System.Text.Encoding.UTF8.GetByteCount(html);
            var start = html.IndexOf("<nav id=\"sidebar\"", StringComparison.Ordinal);
            var sidebar = html[start..(html.IndexOf("</nav>", start, StringComparison.Ordinal) + "</nav>".Length)];
            maxItems = Math.Max(maxItems, ListItem().Count(sidebar));
            maxBytes = Math.Max(maxBytes, System.Text.Encoding.UTF8.GetByteCount(sidebar));
        }
        return new Sidebars(maxItems, maxBytes, total / files.Length);
    }

    [GeneratedRegex("<li[ >]")]
    private static partial Regex ListItem();
}
