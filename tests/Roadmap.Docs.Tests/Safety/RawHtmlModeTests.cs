using AngleSharp.Html.Parser;
using Roadmap.Docs.Cli;
using Roadmap.Docs.Configuration;

namespace Roadmap.Docs.Tests.Safety;

/// <summary>raw_html: how the mode is chosen, what each mode does to one small page, and what sanitize keeps.</summary>
public class RawHtmlModeTests
{
    private const string Page = """
        ---
        title: Mixed
        ---

        Press <kbd>Ctrl</kbd>.<span onclick="alert(1)">x</span>

        <script>alert(2)</script>

        [bad](javascript:alert(3)) and [good](https://example.com)

        """;

    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task Sanitize_keeps_ordinary_markup_drops_the_rest_and_says_where_each_removal_was_written()
    {
        using var temp = TestPaths.NewTempFolder();
        temp.Write("input/index.md", Page);

        var result = await BuildAsync(temp, RawHtmlMode.Sanitize);

        Assert.Equal("<p>Press <kbd>Ctrl</kbd>.<span>x</span></p>\n\n<p><a>bad</a> and <a href=\"https://example.com\">good</a></p>", Body(temp).Trim());
        Assert.Equal(
        [
            "index.md:5:29: warning RD0140: removed onclick attribute on <span>",
            "index.md:7:1: warning RD0140: removed <script> element",
            "index.md:9:1: warning RD0140: removed href=\"javascript:alert(3)\" on <a> (only relative, http, https and mailto URLs are kept)",
        ], result.Diagnostics.Select(d => $"{d.File}:{d.Line}:{d.Column}: {d.Severity.ToString().ToLowerInvariant()} {d.RuleId}: {d.Message}"));
    }

    [Fact]
    public async Task Escape_shows_raw_HTML_as_text_and_drops_the_script_URL_of_a_markdown_link()
    {
        using var temp = TestPaths.NewTempFolder();
        temp.Write("input/index.md", Page);

        var result = await BuildAsync(temp, RawHtmlMode.Escape);

        Assert.Equal(
            "<p>Press &lt;kbd&gt;Ctrl&lt;/kbd&gt;.&lt;span onclick=\"alert(1)\"&gt;x&lt;/span&gt;</p>\n<p>&lt;script&gt;alert(2)&lt;/script&gt;</p>\n<p><a>bad</a> and <a href=\"https://example.com\">good</a></p>",
            Body(temp).Trim());
        var removed = Assert.Single(result.Diagnostics);
        Assert.Equal(("RD0140", 9, 1), (removed.RuleId, removed.Line, removed.Column));
    }

    [Fact]
    public async Task Allow_writes_raw_HTML_as_it_is_and_reports_nothing()
    {
        using var temp = TestPaths.NewTempFolder();
        temp.Write("input/index.md", Page);

        var result = await BuildAsync(temp, RawHtmlMode.Allow);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("<span onclick=\"alert(1)\">x</span>", Body(temp), StringComparison.Ordinal);
        Assert.Contains("<script>alert(2)</script>", Body(temp), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ordinary_docs_HTML_comes_through_sanitize_as_it_does_through_allow()
    {
        const string ordinary = """
            ---
            title: Ordinary
            ---

            <details><summary>Why</summary>

            Because **markdown** works inside.

            </details>

            Press <kbd>Ctrl</kbd>+<kbd>K</kbd>; H<sub>2</sub>O and x<sup>2</sup>.<br>
            A <abbr title="service level objective">SLO</abbr>, <mark>marked</mark>, <del>gone</del>.

            <img src="diagram.png" alt="The diagram" width="300">

            <table><thead><tr><th colspan="2">Head</th></tr></thead><tbody><tr><td>a</td><td>b</td></tr></tbody></table>

            <a id="legacy-anchor"></a>
            <div class="note warning"><p>Careful.</p></div>

            | Left | Centre | Right |
            |:-----|:------:|------:|
            | 1 | 2 | 3 |

            - [x] done
            - [ ] open

            > [!NOTE]
            > An alert.

            Text[^1] and a [link](https://example.com "title") and [mail](mailto:team@example.com) and [anchor](#legacy-anchor).

            [^1]: A footnote.

            """;
        using var allow = TestPaths.NewTempFolder();
        using var sanitize = TestPaths.NewTempFolder();
        foreach (var temp in new[] { allow, sanitize })
        {
            temp.Write("input/index.md", ordinary);
            File.WriteAllBytes(temp.Combine("input", "diagram.png"), [0x89, 0x50, 0x4E, 0x47]);
        }

        var allowed = await BuildAsync(allow, RawHtmlMode.Allow);
        var sanitized = await BuildAsync(sanitize, RawHtmlMode.Sanitize);

        Assert.Empty(allowed.Diagnostics);
        Assert.Empty(sanitized.Diagnostics);
        // Compared as a parser reads them: the sanitizer writes the same elements and attributes in its own spelling.
        Assert.Equal(Parser.ParseDocument(Body(allow)).Body!.InnerHtml, Parser.ParseDocument(Body(sanitize)).Body!.InnerHtml);
        Assert.Contains("class=\"align-center\"", Body(sanitize), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_teams_own_knowledge_base_loses_nothing_under_sanitize()
    {
        using var temp = TestPaths.NewTempFolder();

        var result = await SiteBuild.RunAsync(TestBuild.Options(TestPaths.Input, temp.Combine("site")) with { RawHtml = RawHtmlMode.Sanitize }, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(result.Diagnostics, d => d.RuleId == "RD0140");
        Assert.Equal(
            (await KnowledgeBaseSite.ResultAsync()).Diagnostics.Select(d => d.ToString()),
            result.Diagnostics.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("raw_html: sanitize\n", null, RawHtmlMode.Sanitize)]
    [InlineData("raw_html: Escape\n", null, RawHtmlMode.Escape)]
    [InlineData("raw_html: allow\n", RawHtmlMode.Sanitize, RawHtmlMode.Sanitize)]
    [InlineData("title: no raw_html key\n", null, RawHtmlMode.Allow)]
    public async Task The_mode_comes_from_site_yml_and_the_command_line_wins(string siteYml, RawHtmlMode? option, RawHtmlMode expected)
    {
        using var temp = TestPaths.NewTempFolder();
        temp.Write("input/site.yml", siteYml);
        temp.Write("input/index.md", "<b onclick=\"x()\">bold</b>\n");

        var result = await SiteBuild.RunAsync(TestBuild.Options(temp.Combine("input"), temp.Combine("site")) with { RawHtml = option }, TestContext.Current.CancellationToken);

        var body = Body(temp);
        Assert.Equal(expected, body switch
        {
            _ when body.Contains("onclick", StringComparison.Ordinal) && !body.Contains("&lt;", StringComparison.Ordinal) => RawHtmlMode.Allow,
            _ when body.Contains("&lt;b onclick", StringComparison.Ordinal) => RawHtmlMode.Escape,
            _ => RawHtmlMode.Sanitize,
        });
        Assert.Equal(expected == RawHtmlMode.Sanitize ? 1 : 0, result.Diagnostics.Count(d => d.RuleId == "RD0140"));
    }

    [Fact]
    public async Task A_bad_raw_html_value_is_a_site_settings_error_and_the_build_sanitizes_meanwhile()
    {
        using var temp = TestPaths.NewTempFolder();
        temp.Write("input/site.yml", "title: T\nraw_html: trusted\n");
        temp.Write("input/index.md", "<script>alert(1)</script>\n");

        var result = await SiteBuild.RunAsync(TestBuild.Options(temp.Combine("input"), temp.Combine("site")) with { DryRun = true }, TestContext.Current.CancellationToken);

        var error = Assert.Single(result.Diagnostics, d => d.RuleId == "RD0002");
        Assert.Equal(("site.yml", 2, 1, "raw_html must be allow, sanitize or escape"), (error.File, error.Line, error.Column, error.Message));
        Assert.Single(result.Diagnostics, d => d.RuleId == "RD0140");
    }

    [Fact]
    public async Task The_command_line_takes_raw_html_on_build_lint_and_serve_and_refuses_an_unknown_mode()
    {
        using var temp = TestPaths.NewTempFolder();
        temp.Write("input/index.md", "<iframe src=\"https://example.com\"></iframe>\n");
        var stderr = new StringWriter();

        Assert.Equal(CliApp.ExitUsage, await CliApp.RunAsync(["build", "--input", temp.Combine("input"), "--raw-html", "trusted"], new StringWriter(), stderr));
        Assert.Contains("trusted", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(CliApp.ExitUsage, await CliApp.RunAsync(["serve", "--input", temp.Combine("input"), "--raw-html", "trusted"], new StringWriter(), new StringWriter()));

        var lint = new StringWriter();
        Assert.Equal(CliApp.ExitOk, await CliApp.RunAsync(["lint", "--input", temp.Combine("input"), "--raw-html", "sanitize"], lint, new StringWriter()));
        Assert.Contains("index.md:1:1: warning RD0140: removed <iframe> element", lint.ToString(), StringComparison.Ordinal);
        Assert.Equal(CliApp.ExitFailed, await CliApp.RunAsync(["lint", "--input", temp.Combine("input"), "--raw-html", "sanitize", "--strict"], new StringWriter(), new StringWriter()));

        Assert.Equal(CliApp.ExitOk, await CliApp.RunAsync(["build", "--input", temp.Combine("input"), "--output", temp.Combine("site"), "--raw-html", "sanitize", "-v", "quiet"], new StringWriter(), new StringWriter()));
        Assert.DoesNotContain("<iframe", Body(temp), StringComparison.Ordinal);
    }

    private static Task<BuildResult> BuildAsync(TempFolder temp, RawHtmlMode mode) =>
        SiteBuild.RunAsync(TestBuild.Options(temp.Combine("input"), temp.Combine("site")) with { RawHtml = mode }, TestContext.Current.CancellationToken);

    /// <summary>The rendered body of the home page (inside the layout's markdown div).</summary>
    private static string Body(TempFolder temp)
    {
        var page = File.ReadAllText(temp.Combine("site", "index.html"));
        var start = page.IndexOf("<div class=\"markdown\">", StringComparison.Ordinal) + "<div class=\"markdown\">".Length;
        return page[start..page.IndexOf("\n      </div>", start, StringComparison.Ordinal)];
    }
}
