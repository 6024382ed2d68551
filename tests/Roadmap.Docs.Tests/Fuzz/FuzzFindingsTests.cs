using AngleSharp.Html.Parser;
using Roadmap.Docs.Benchmarks.Fuzz;

namespace Roadmap.Docs.Tests.Fuzz;

/// <summary>What the fuzzing found, each as the smallest page that showed it; each failed before its fix.</summary>
public sealed class FuzzFindingsTests : IDisposable
{
    private static readonly FuzzSite Site = new(TestPaths.RepoRoot);

    private TempFolder Temp { get; } = TestPaths.NewTempFolder();

    /// <summary>Found by the property tests: an unclosed raw-text element or comment in a page took the rest of the page, footer and scripts included.</summary>
    [Theory]
    [InlineData("<textarea>")]
    [InlineData("<script>")]
    [InlineData("<style>")]
    [InlineData("<!-- a note never closed")]
    [InlineData("<plaintext>")]
    public async Task Unclosed_raw_html_is_shown_as_text_and_the_layout_stays_whole(string raw)
    {
        var (outcome, input) = await BuildAsync("notes/raw.md", $"---\ntitle: Raw\n---\nBefore.\n\n{raw}\n\nAfter.\n");

        Assert.Empty(FuzzSite.Violations(outcome, input));
        var page = new HtmlParser().ParseDocument(outcome.Files["notes/raw/index.html"]);
        Assert.Contains(raw, page.QuerySelector(".markdown")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("After.", page.QuerySelector(".markdown")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closed_raw_html_is_left_alone()
    {
        var (outcome, _) = await BuildAsync("notes/raw.md", "---\ntitle: Raw\n---\n<details><summary>More</summary>\n\n<!-- kept -->\n\n</details>\n\n<textarea>typed</textarea>\n");

        var html = outcome.Files["notes/raw/index.html"];
        Assert.Contains("<!-- kept -->", html, StringComparison.Ordinal);
        Assert.Contains("<textarea>typed</textarea>", html, StringComparison.Ordinal);
    }

    /// <summary>Found by the campaign: a page of kind roadmap in a site without phases linked a timeline and badge that were never made (reported against "(theme)", line 0).</summary>
    [Fact]
    public async Task A_roadmap_page_without_phases_links_nothing_that_is_missing()
    {
        var (outcome, input) = await BuildAsync("plan.md", "---\ntitle: Plan\nkind: roadmap\n---\nNo phases yet.\n");

        Assert.Empty(FuzzSite.Violations(outcome, input));
        Assert.DoesNotContain(outcome.Diagnostics, d => d.File == "(theme)");
    }

    /// <summary>Found by AFL: a lone carriage return in the front matter shifted every position in the body by a line (YAML and Markdig end a line there, the page splitter did not).</summary>
    [Fact]
    public async Task A_lone_carriage_return_counts_as_a_line_end_everywhere()
    {
        var (outcome, input) = await BuildAsync("notes/cr.md", "---\ntitle: CR\rowner: me\n---\nA [link](nowhere.md).\n");

        Assert.Empty(FuzzSite.Violations(outcome, input));
        var broken = Assert.Single(outcome.Diagnostics, d => d.RuleId == "RD0110" && d.File == "notes/cr.md");
        Assert.Equal(("notes/cr.md", 5, 3), (broken.File, broken.Line, broken.Column));
    }

    /// <summary>Found by the property tests: a link whose URL the renderer percent-encodes ('{', a space, non-ASCII) was not found in the markdown, so its broken-link error blamed the theme, at line 0.</summary>
    [Theory]
    [InlineData("[Guide](gui{de}.md)", 1)]
    [InlineData("See [the café](café.md).", 5)]
    [InlineData("[Spaced](<my page.md>)", 1)]
    public async Task A_broken_link_the_renderer_percent_encodes_is_reported_where_it_was_written(string line, int column)
    {
        var (outcome, input) = await BuildAsync("notes/links.md", $"---\ntitle: Links\n---\nIntro.\n\n{line}\n");

        Assert.Empty(FuzzSite.Violations(outcome, input));
        var broken = Assert.Single(outcome.Diagnostics, d => d.RuleId == "RD0110" && d.File == "notes/links.md");
        Assert.Equal((6, column), (broken.Line, broken.Column));
    }

    private async Task<(FuzzOutcome Outcome, string Input)> BuildAsync(string relativePath, string page)
    {
        var input = Temp.Combine(Guid.NewGuid().ToString("N"));
        Site.WriteSite(input, relativePath, page);
        return (await Site.BuildAsync(input, Environment.ProcessorCount, TestContext.Current.CancellationToken), input);
    }

    public void Dispose() => Temp.Dispose();
}
