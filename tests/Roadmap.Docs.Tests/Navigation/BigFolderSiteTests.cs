using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Roadmap.Docs.Tests.Navigation;

/// <summary>The sidebar of a site with folders too big to list whole: a window, a "Show all" link that works without scripts, and the tree script.</summary>
public class BigFolderSiteTests
{
    private static readonly HtmlParser Parser = new();

    private static async Task<IDocument> LoadAsync(string page) =>
        Parser.ParseDocument(await File.ReadAllTextAsync(Path.Combine(await BigFolderSite.OutputAsync(), page), TestContext.Current.CancellationToken));

    private static List<string> Titles(IElement list) =>
        [.. list.Children.Select(li => li.ClassName == "nav-gap" ? "…" : li.QuerySelector("a > .nav-title")?.TextContent ?? li.TextContent)];

    [Fact]
    public async Task The_build_is_clean()
    {
        var result = await BigFolderSite.ResultAsync();

        Assert.Empty(result.Diagnostics);
        Assert.True(result.Published);
    }

    [Fact]
    public async Task A_page_in_a_big_folder_lists_the_first_runbooks_and_its_neighbours_then_a_show_all_link()
    {
        var html = await LoadAsync(BigFolderSite.RunbookPage(60));

        var runbooks = html.QuerySelector("#sidebar li.nav-folder.open > ul")!;
        List<string> expected =
        [
            BigFolderSite.RunbookTitle(1), BigFolderSite.RunbookTitle(2), BigFolderSite.RunbookTitle(3), "…",
            .. Enumerable.Range(48, 25).Select(BigFolderSite.RunbookTitle),
            "Show all 120",
        ];
        Assert.Equal(expected, Titles(runbooks));
        var current = runbooks.QuerySelector("a[aria-current=page]")!;
        Assert.Equal("Runbook 060", current.TextContent);
        Assert.Equal("current", current.ClassName);
        Assert.Equal("1/2", runbooks.QuerySelector("a[href='../runbook-002/index.html'] .nav-badge")!.TextContent);
        var all = runbooks.QuerySelector("a.nav-all")!;
        Assert.Equal("../index.html", all.GetAttribute("href"));
        Assert.Equal("runbooks/index.html", all.GetAttribute("data-folder"));
    }

    [Fact]
    public async Task The_top_level_is_windowed_too_and_the_open_path_stays_expanded()
    {
        var html = await LoadAsync("runbooks/runbook-050/step-2/index.html");

        var top = html.QuerySelector("#sidebar > ul.nav-list")!;
        var titles = Titles(top);
        Assert.Equal("Home", titles[0]);
        Assert.Equal("Runbooks", titles[1]);
        Assert.Equal("Show all 47", titles[^1]);
        Assert.Equal(1 + 25 + 1, titles.Count);
        var step = html.QuerySelector("#sidebar li.nav-folder.open li.nav-folder.open a[aria-current=page]")!;
        Assert.Equal("Step 2", step.TextContent);
        Assert.Equal("../../../index.html", top.QuerySelector(":scope > li.nav-more > a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Without_scripts_show_all_leads_to_the_folders_page_which_lists_every_item()
    {
        var runbooks = await LoadAsync("runbooks/index.html");
        var listed = runbooks.QuerySelectorAll("article ul.listing > li > a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(Enumerable.Range(1, BigFolderSite.Runbooks).Select(n => BigFolderSite.RunbookPage(n)["runbooks/".Length..]), listed);
        Assert.Contains("What to do when things break.", runbooks.QuerySelector("article .markdown")!.TextContent, StringComparison.Ordinal);

        var home = await LoadAsync("index.html");
        Assert.Equal(BigFolderSite.Topics + 2, home.QuerySelectorAll("article ul.listing > li").Length);
    }

    [Fact]
    public async Task The_tree_script_holds_every_page_once_with_urls_that_exist()
    {
        var output = await BigFolderSite.OutputAsync();
        var script = await File.ReadAllTextAsync(Path.Combine(output, "assets/js/nav-tree.js"), TestContext.Current.CancellationToken);
        Assert.StartsWith("roadmapDocsNav({", script, StringComparison.Ordinal);
        Assert.EndsWith("});\n", script, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(script["roadmapDocsNav(".Length..^");\n".Length]);
        Assert.Equal(1, json.RootElement.GetProperty("v").GetInt32());
        var urls = new List<string>();
        void Walk(JsonElement node, string folder)
        {
            urls.Add(folder + "index.html");
            if (node.TryGetProperty("c", out var children))
            {
                foreach (var child in children.EnumerateArray())
                {
                    Walk(child, folder + child.GetProperty("s").GetString() + "/");
                }
            }
        }
        Walk(json.RootElement.GetProperty("r"), "");

        var pages = Directory.EnumerateFiles(output, "index.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(pages, urls.Order(StringComparer.Ordinal));
        Assert.Contains("\"t\":\"Runbook 003 <&> \\\"quoted\\\"\"", script, StringComparison.Ordinal);
    }
}
