using AngleSharp.Html.Parser;

namespace Roadmap.Docs.Tests.Build;

/// <summary>A small Hugo content tree, as Hugo users write it, built as it is.</summary>
public class HugoTreeTests
{
    [Fact]
    public async Task A_Hugo_tree_builds_with_TOML_and_JSON_front_matter_weights_refs_and_shortcodes()
    {
        using var input = TestPaths.NewTempFolder();
        using var output = TestPaths.NewTempFolder();
        // The figure's missing image is reported; as a warning here, so the site is written and can be looked at.
        input.Write("site.yml", "lint:\n  rules:\n    broken-link: warning\n");
        input.Write("_index.md", "+++\ntitle = \"Docs\"\n+++\n\nStart with [setup]({{< relref \"setup\" >}}).\n");
        input.Write("guide/_index.md", "+++\ntitle = \"Guide\"\nweight = 10\n+++\n\n[[_TOC_]]\n\n## Steps\n\n{{< ref \"/guide/second.md#part\" >}}\n");
        input.Write("guide/second.md", "+++\ntitle = \"Second\"\nweight = 2\ndate = 2024-05-01T10:00:00Z\ndraft = false\nlead = \"theme key\"\n+++\n\n## Part\n");
        input.Write("guide/first.md", "{\n  \"title\": \"First\",\n  \"weight\": 1,\n  \"aliases\": [\"/old/first\"]\n}\n\n{{% notice tip %}}\nSee [second]({{< ref \"second\" >}}).\n{{% /notice %}}\n");
        input.Write("setup.md", "---\ntitle: Setup\nweight: 5\nslug: setup\n---\n\n{{< figure src=\"missing.png\" >}}\n");

        var result = await TestBuild.RunAsync(input.Path, output.Path, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                ("guide/second.md", 6, 1, "RD0132"),
                ("setup.md", 7, 1, "RD0110"),
            ],
            result.Diagnostics.Select(d => (d.File, d.Line, d.Column, d.RuleId)));
        Assert.Contains("'lead'", result.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("missing.png", result.Diagnostics[1].Message, StringComparison.Ordinal);

        var parser = new HtmlParser();
        var guide = parser.ParseDocument(File.ReadAllText(output.Combine("guide", "index.html")));
        // Hugo's weight orders the navigation: first (1) before second (2).
        var nav = guide.QuerySelectorAll(".sidebar a").Select(a => a.TextContent.Trim()).ToList();
        Assert.True(nav.IndexOf("First") < nav.IndexOf("Second"), string.Join(", ", nav));
        Assert.Equal("#steps", guide.QuerySelector("nav.toc-inline a")!.GetAttribute("href"));
        Assert.Contains(guide.QuerySelectorAll(".markdown a"), a => a.GetAttribute("href") == "second/index.html#part");
        var first = parser.ParseDocument(File.ReadAllText(output.Combine("guide", "first", "index.html")));
        Assert.Equal("../second/index.html", first.QuerySelector(".markdown-alert-tip a")!.GetAttribute("href"));
        var home = parser.ParseDocument(File.ReadAllText(output.Combine("index.html")));
        Assert.Equal("setup/index.html", home.QuerySelector(".markdown a")!.GetAttribute("href"));
    }
}
