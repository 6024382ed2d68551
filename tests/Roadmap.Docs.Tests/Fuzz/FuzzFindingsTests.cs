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
    [InlineData("<!--\n<!--")]
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

    /// <summary>Found by the in-process campaign: a block tag inside a link's text makes the HTML parser repeat the link, and the copy was blamed on the theme.</summary>
    [Fact]
    public async Task A_link_the_html_parser_repeats_is_still_reported_where_it_was_written()
    {
        var (outcome, input) = await BuildAsync("notes/split.md", "---\ntitle: Split\n---\nSee [Te<div>sting](missing.md) now.\n");

        Assert.Empty(FuzzSite.Violations(outcome, input));
        var broken = Assert.Single(outcome.Diagnostics, d => d.RuleId == "RD0110" && d.File != "index.md");
        Assert.Equal(("notes/split.md", 4, 5), (broken.File, broken.Line, broken.Column));
    }

    /// <summary>Found by the in-process campaign: a grid table's rule inside a pipe table row makes Markdig number that row's lines from the table, so its broken links pointed at the wrong line, past the end of it.</summary>
    [Fact]
    public async Task A_broken_link_in_a_table_row_split_by_a_grid_rule_points_at_its_line()
    {
        var (outcome, input) = await BuildAsync("notes/grid.md", "---\ntitle: Grid\n---\nIntro.\n\n| Risk | Phase | Procedure |\n|---|---|---|\n| Database | [Phase 5](p5.md) | x |\n| Pro+---+\n| a |\n+---+\nduction | [Phase 6](missing.md) | [emergency rollback](../rollback/missing.md) |\n");

        Assert.Empty(FuzzSite.Violations(outcome, input));
        var broken = outcome.Diagnostics.Where(d => d.RuleId == "RD0110" && d.File == "notes/grid.md" && d.Message.Contains("missing.md", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(broken);
        Assert.All(broken, d => Assert.Equal(12, d.Line));
    }

    private async Task<(FuzzOutcome Outcome, string Input)> BuildAsync(string relativePath, string page)
    {
        var input = Temp.Combine(Guid.NewGuid().ToString("N"));
        Site.WriteSite(input, relativePath, page);
        return (await Site.BuildAsync(input, Environment.ProcessorCount, TestContext.Current.CancellationToken), input);
    }

    public void Dispose() => Temp.Dispose();
}
