using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Markdown;

namespace Roadmap.Docs.Tests.Markdown;

/// <summary>What the renderer reports about a page, at the line and column of the page's source file.</summary>
public class MarkdownFindingsTests
{
    private static (Document Doc, IReadOnlyList<Diagnostic> Diagnostics) Render(string body, int bodyLine = 1)
    {
        var diagnostics = new DiagnosticBag();
        var doc = new Document { Source = "docs/guide.md", Destination = "docs/guide/index.html", Content = body, BodyLine = bodyLine, IsPage = true };
        var rendered = new RenderMarkdown(static (_, _) => null).Render(doc, ShortcodeSpecTests.Site, diagnostics);
        return (rendered, diagnostics.Sorted());
    }

    private static (int Line, int Column, string Rule) Where(Diagnostic d) => (d.Line, d.Column, d.RuleId);

    [Fact]
    public void Unknown_shortcodes_are_RD0133_at_their_line_and_column_once_each_and_known_or_escaped_ones_are_not()
    {
        const string body = "Intro\n\n{{< tabs >}}\nText {{< youtube abc >}} and {{< ref \"install.md\" >}}.\n{{< /tabs >}}\n\n{{</* escaped */>}}\n";
        var (_, diagnostics) = Render(body, bodyLine: 5);

        Assert.Equal([(7, 1, "RD0133"), (8, 6, "RD0133")], diagnostics.Select(Where));
        Assert.Contains("'tabs'", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("'youtube'", diagnostics[1].Message, StringComparison.Ordinal);
        Assert.All(diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
    }

    [Theory]
    [InlineData("Text\n\n```bash\nkubectl get pods\n", 3, 1, "code fence is never closed", "```")]
    [InlineData("Text\n\n~~~~\ncode\n", 3, 1, "code fence is never closed", "~~~~")]
    [InlineData("Text\n\n<!-- a note\n\nmore text\n", 3, 1, "no -->", "-->")]
    [InlineData("- item\n\n  <script>\n  let x = 1;\n", 3, 3, "no </script>", "</script>")]
    [InlineData("Text\n\n{{< highlight go >}}\nfunc main() {}\n", 3, 1, "highlight >}} shortcode is never closed", "{{< /highlight >}}")]
    [InlineData("Text\n\n{{% notice tip %}}\nInside\n", 3, 1, "notice >}} shortcode is never closed", "{{< /notice >}}")]
    public void A_block_that_is_never_closed_is_RD0134_where_it_opens(string body, int line, int column, string words, string fix)
    {
        var (_, diagnostics) = Render(body);

        var finding = Assert.Single(diagnostics);
        Assert.Equal((line, column, "RD0134"), Where(finding));
        Assert.Contains(words, finding.Message, StringComparison.Ordinal);
        Assert.Contains(fix, finding.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fence_closed_by_the_end_of_its_list_item_is_not_reported()
    {
        var (_, diagnostics) = Render("- step\n  ```\n  code\n- next step\n\nMore.\n");

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Unclosed_raw_HTML_is_shown_as_text_so_nothing_after_it_is_hidden()
    {
        var (doc, _) = Render("Before\n\n<!-- never closed\n\nvisible\n");
        Assert.Contains("&lt;!-- never closed", doc.Html, StringComparison.Ordinal);
        Assert.Contains("visible", doc.Html, StringComparison.Ordinal);

        var (script, _) = Render("<script>\nlet x = 1;\n");
        Assert.Contains("&lt;script>", script.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", script.Html, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, int> TooDeep() => new()
    {
        { "10,000 nested block quotes", "Intro\n\n" + new string('>', 10_000) + " deep\n", 3 },
        { "10,000 list markers on one line", "Intro\n\n" + string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n", 3 },
        { "a list indented 3,000 levels", "Intro\n\n" + string.Concat(Enumerable.Range(0, 3_000).Select(i => new string(' ', 2 * i) + "- x\n")), 131 },
        { "quotes and lists mixed", "Intro\n\n" + string.Concat(Enumerable.Repeat("> - ", 5_000)) + "x\n", 3 },
        { "100,000 open brackets", "Intro\n\n" + new string('[', 100_000) + "\n", 3 },
        { "emphasis 50,000 deep", "Intro\n\n" + string.Concat(Enumerable.Repeat("*a ", 50_000)) + "\n", 3 },
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(TooDeep))]
    public async Task A_page_nested_past_the_limit_is_RD0007_at_its_deepest_line_and_shown_as_its_text(string what, string body, int line)
    {
        await Task.Yield();
        var (doc, diagnostics) = Render(body, bodyLine: 4);

        var finding = Assert.Single(diagnostics);
        Assert.Equal((line + 3, 1, "RD0007"), Where(finding));
        Assert.StartsWith("<pre class=\"unrendered\">Intro\n", doc.Html, StringComparison.Ordinal);
        Assert.True(doc.Html.Length > body.Length, what);
    }

    [Fact]
    public void The_nesting_scan_counts_only_nesting_Markdig_would_see()
    {
        // 200 lines indented 2 more each, but as an indented code block (4+ spaces with no list to belong to): no nesting.
        var code = "Intro\n\n" + string.Concat(Enumerable.Range(2, 200).Select(i => new string(' ', 2 * i) + "- x\n"));
        Assert.Equal(0, NestingDepth.FirstLineBeyondLimit(code));
        // Inside a fenced block, list markers are text.
        var fenced = "```\n" + string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', 2 * i) + "- x\n")) + "```\n";
        Assert.Equal(0, NestingDepth.FirstLineBeyondLimit(fenced));
        // A thematic break made of spaced markers is one line, not nested items.
        Assert.Equal(0, NestingDepth.FirstLineBeyondLimit(string.Concat(Enumerable.Repeat("- ", 300)) + "\n"));
        // 127 real levels render; the page is not refused.
        var (doc, diagnostics) = Render(string.Concat(Enumerable.Range(0, 60).Select(i => new string(' ', 2 * i) + "- level\n")));
        Assert.Empty(diagnostics);
        Assert.Equal(60, doc.Html.Split("<li>").Length - 1);
    }
}
