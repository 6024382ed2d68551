using System.Text;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Tests.Build;

/// <summary>
/// Inputs real trees contain (or that break parsers), generated here rather than committed: each page builds or is
/// reported with file, line and column; the build never crashes or hangs; every page keeps its layout.
/// </summary>
public class PathologicalInputTests
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static void Write(TempFolder folder, string relative, string text) => File.WriteAllText(folder.Combine(relative), text, Utf8);

    [Fact(Timeout = 300_000)]
    public async Task Every_pathological_page_builds_or_is_reported_at_a_place_and_every_page_keeps_its_layout()
    {
        using var input = TestPaths.NewTempFolder();
        using var output = TestPaths.NewTempFolder();
        Write(input, "index.md", "# Home\n\nPages that break parsers.\n");
        Write(input, "quotes.md", "# Quotes\n\n" + new string('>', 10_000) + " deep\n");
        Write(input, "markers.md", "# Markers\n\n" + string.Concat(Enumerable.Repeat("- ", 10_000)) + "x\n");
        Write(input, "indented.md", "# Indented\n\n" + string.Concat(Enumerable.Range(0, 1_500).Select(i => new string(' ', 2 * i) + "- x\n")));
        Write(input, "brackets.md", "# Brackets\n\n" + new string('[', 100_000) + "\n");
        Write(input, "divs.md", "# Divs\n\n" + string.Concat(Enumerable.Repeat("<div>", 10_000)) + "deep" + string.Concat(Enumerable.Repeat("</div>", 10_000)) + "\n");
        Write(input, "long-line.md", "# Long line\n\n" + string.Concat(Enumerable.Repeat("word ", 1_000_000)) + "\n");
        var big = new StringBuilder("# Big\n\n");
        for (var i = 0; big.Length < 2_000_000; i++)
        {
            big.Append(System.Globalization.CultureInfo.InvariantCulture, $"## Section {i}\n\nA paragraph with a [link](index.md) and `code` {i}.\n\n```bash\necho {i}\n```\n\n");
        }
        Write(input, "big.md", big.ToString());
        Write(input, "crlf.md", "---\r\ntitle: Windows file\r\n---\r\n# Ignored\r\n\r\n```\r\ncode\r\n```\r\n\r\n- [x] done\r\n");
        File.WriteAllBytes(input.Combine("bom.md"), [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("+++\ntitle = \"BOM and TOML\"\n+++\nText\n")]);
        File.WriteAllBytes(input.Combine("bad-utf8.md"), [.. Encoding.UTF8.GetBytes("# Bad bytes\n\nbefore "), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(" after\n")]);
        Write(input, "fence.md", "# Fence\n\nText\n\n```python\nprint('never closed')\n");
        Write(input, "comment.md", "# Comment\n\nText\n\n<!-- never closed\n\nhidden\n");
        Write(input, "script.md", "# Script\n\n<script>\nlet x = 1;\n");
        // No space to cut a search excerpt at: Chinese prose, a long URL.
        Write(input, "chinese.md", "# 恢复\n\n" + string.Concat(Enumerable.Repeat("数据库恢复步骤", 60)) + "\n\n<https://example.com/" + new string('a', 400) + ">\n");

        var result = await TestBuild.RunAsync(input.Path, output.Path, TestContext.Current.CancellationToken);

        SiteChecks.AssertEveryDiagnosticHasAPlace(result.Diagnostics);
        var found = result.Diagnostics.Select(d => (d.File, d.Line, d.RuleId)).ToHashSet();
        (string, int, string)[] expected =
        [
            ("quotes.md", 3, "RD0007"), ("markers.md", 3, "RD0007"), ("indented.md", 131, "RD0007"), ("brackets.md", 3, "RD0007"),
            ("bad-utf8.md", 3, "RD0003"), ("fence.md", 5, "RD0134"), ("comment.md", 5, "RD0134"), ("script.md", 3, "RD0134"),
        ];
        Assert.All(expected, e => Assert.Contains(e, found));
        Assert.Equal(expected.Length, result.Diagnostics.Count);
        Assert.Equal((8, "invalid UTF-8 at byte offset 20; replaced with U+FFFD"), result.Diagnostics.Where(d => d.RuleId == "RD0003").Select(d => (d.Column, d.Message)).Single());
        Assert.True(result.Published, string.Join('\n', result.Diagnostics));

        var pages = SiteChecks.AssertEveryPageIsWhole(output.Path);
        Assert.True(pages > 15, $"{pages} pages");
        Assert.Contains("BOM and TOML", File.ReadAllText(output.Combine("bom", "index.html")), StringComparison.Ordinal);
        Assert.Contains("Windows file", File.ReadAllText(output.Combine("crlf", "index.html")), StringComparison.Ordinal);
        Assert.Contains("before \uFFFD\uFFFD after", File.ReadAllText(output.Combine("bad-utf8", "index.html")), StringComparison.Ordinal);
        Assert.Contains(new string('[', 1000), File.ReadAllText(output.Combine("brackets", "index.html")), StringComparison.Ordinal);
        Assert.True(new FileInfo(output.Combine("long-line", "index.html")).Length > 5_000_000);
    }

    [Fact]
    public async Task Two_sources_for_one_URL_are_both_built_and_links_to_each_reach_its_own_page()
    {
        using var input = TestPaths.NewTempFolder();
        using var output = TestPaths.NewTempFolder();
        input.Write("index.md", "# Home\n\n[ops](ops.md), [ops index](ops/index.md), [upper](Guide.md), [lower](guide.md)\n");
        input.Write("ops.md", "# Ops page\n");
        input.Write("ops/index.md", "# Ops folder index\n");
        input.Write("ops/runbook.md", "# Runbook\n\n[up](index.md)\n");
        input.Write("Guide.md", "# Upper guide\n");
        input.Write("guide.md", "# Lower guide\n");
        input.Write("files.md", "# Page beside a file\n");
        input.Write("files/index.html", "<!doctype html><title>A file the user wrote</title>");

        var result = await TestBuild.RunAsync(input.Path, output.Path, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                ("files.md", "'files.md' and 'files/index.html' both become files/index.html; 'files/index.html' keeps it and 'files.md' is built at files-2/index.html"),
                ("guide.md", "'guide.md' and 'Guide.md' both become guide/index.html; 'Guide.md' keeps it and 'guide.md' is built at guide-2/index.html"),
                ("ops/index.md", "'ops/index.md' and 'ops.md' both become ops/index.html; 'ops.md' keeps it and 'ops/index.md' is built at ops/index/index.html"),
            ],
            result.Diagnostics.Select(d => (d.File, d.Message)));
        Assert.All(result.Diagnostics, d => Assert.Equal(("RD0006", Severity.Warning, 1, 1), (d.RuleId, d.Severity, d.Line, d.Column)));
        Assert.True(result.Published);

        string Title(params string[] path) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(output.Combine(path))).QuerySelector("h1")!.TextContent;
        Assert.Equal("Ops page", Title("ops", "index.html"));
        Assert.Equal("Ops folder index", Title("ops", "index", "index.html"));
        Assert.Equal("Upper guide", Title("Guide", "index.html"));
        Assert.Equal("Lower guide", Title("guide-2", "index.html"));
        Assert.Equal("Page beside a file", Title("files-2", "index.html"));
        Assert.Contains("A file the user wrote", File.ReadAllText(output.Combine("files", "index.html")), StringComparison.Ordinal);
        var home = File.ReadAllText(output.Combine("index.html"));
        Assert.Contains("href=\"ops/index.html\">ops</a>", home, StringComparison.Ordinal);
        Assert.Contains("href=\"ops/index/index.html\">ops index</a>", home, StringComparison.Ordinal);
        Assert.Contains("href=\"guide-2/index.html\">lower</a>", home, StringComparison.Ordinal);
        Assert.Contains("href=\"../index/index.html\">up</a>", File.ReadAllText(output.Combine("ops", "runbook", "index.html")), StringComparison.Ordinal);
    }
}
