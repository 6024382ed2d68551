using System.Text.Json;
using AngleSharp.Html.Parser;
using Roadmap.Docs.Configuration;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Tests.Safety;

/// <summary>The XSS corpus built with each raw_html mode, checked on the HTML as a parser sees it (no browser).</summary>
public class XssCorpusTests
{
    private static readonly HtmlParser Parser = new();

    [Theory]
    [InlineData(RawHtmlMode.Sanitize)]
    [InlineData(RawHtmlMode.Escape)]
    public async Task No_page_keeps_a_script_an_event_handler_a_script_URL_a_frame_or_a_form(RawHtmlMode mode)
    {
        var (output, result) = await XssCorpus.BuildAsync(mode);
        Assert.True(result.Published, string.Join("\n", result.Diagnostics.Where(d => d.Severity == Severity.Error)));
        var pages = XssCorpus.Pages(output);

        var found = pages.SelectMany(page => ActiveContent.Find(File.ReadAllText(Path.Combine(output, page))).Select(f => $"{page}: {f}")).ToList();

        Assert.True(pages.Count >= 30, $"only {pages.Count} pages");
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public async Task Under_allow_the_same_check_finds_the_vectors()
    {
        // The control: the check above can fail. Allow keeps raw HTML as written.
        var (output, result) = await XssCorpus.BuildAsync(RawHtmlMode.Allow);
        Assert.True(result.Published, string.Join("\n", result.Diagnostics.Where(d => d.Severity == Severity.Error)));

        var found = XssCorpus.Pages(output).SelectMany(page => ActiveContent.Find(File.ReadAllText(Path.Combine(output, page)))).ToList();

        Assert.Contains(found, f => f.StartsWith("event handler onerror", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith("<script> that is not one of the theme's files", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith("javascript: URL in href", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith("<iframe>", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith("<form>", StringComparison.Ordinal));
        Assert.Contains(found, f => f.StartsWith("meta http-equiv", StringComparison.Ordinal));
        Assert.DoesNotContain(RawHtmlRemoved(result), d => true);
    }

    [Fact]
    public async Task Sanitize_reports_each_removal_on_the_line_and_column_of_the_vector()
    {
        var (output, result) = await XssCorpus.BuildAsync(RawHtmlMode.Sanitize);
        var removed = RawHtmlRemoved(result).Where(d => d.File.StartsWith("html-blocks-", StringComparison.Ordinal)).ToList();
        var input = XssCorpus.InputOf(output);

        // Some vectors are not HTML to a CommonMark parser (<IMG SRC=javascript:alert('XSS')> is text): nothing to remove there.
        Assert.True(removed.Select(d => (d.File, d.Line)).Distinct().Count() >= XssCorpus.Html.Count / 2, $"{removed.Count} removals reported for {XssCorpus.Html.Count} vectors");
        var misplaced = new List<string>();
        foreach (var d in removed)
        {
            var line = File.ReadAllLines(Path.Combine(input, d.File))[d.Line - 1];
            // Each vector is alone on its line: the diagnostic's line is a vector, and its column is inside it.
            if (!XssCorpus.Html.Contains(line) || d.Column < 1 || d.Column > line.Length)
            {
                misplaced.Add($"{d.File}:{d.Line}:{d.Column} {d.Message} → '{line}'");
            }
        }
        Assert.True(misplaced.Count == 0, string.Join("\n", misplaced));

        // Exactly where the author wrote it, for a few that are easy to see.
        AssertAt(result, input, "<script>alert(1)</script>", "removed <script> element", 0);
        AssertAt(result, input, "<img src=x onerror=\"xss('img-onerror')\">", "removed onerror attribute on <img>", "<img src=x ".Length);
        AssertAt(result, input, "<iframe srcdoc=\"<script>parent.xss('iframe-srcdoc')</script>\"></iframe>", "removed <iframe> element", 0);
        AssertAt(result, input, "<a href=\"javascript:alert(1)\">click</a>", "removed href=\"javascript:alert(1)\" on <a>", "<a href=\"".Length);
    }

    [Fact]
    public async Task Escape_shows_raw_HTML_as_text_and_still_strips_dangerous_link_URLs()
    {
        var (output, result) = await XssCorpus.BuildAsync(RawHtmlMode.Escape);

        var blocks = Parser.ParseDocument(File.ReadAllText(Path.Combine(output, "html-blocks-1", "index.html")));
        Assert.Contains("<script>alert(1)</script>", blocks.QuerySelector(".markdown")!.TextContent, StringComparison.Ordinal);
        var links = Parser.ParseDocument(File.ReadAllText(Path.Combine(output, "links", "index.html")));
        Assert.Equal("link 0", links.QuerySelector(".markdown a")!.TextContent);
        Assert.False(links.QuerySelector(".markdown a")!.HasAttribute("href"));
        // Only links and images are reported: raw HTML is not removed, it is shown.
        Assert.All(RawHtmlRemoved(result), d => Assert.Equal("links.md", d.File));
        Assert.Contains(RawHtmlRemoved(result), d => d.Message.StartsWith("removed href=\"javascript:alert(1)\" on <a>", StringComparison.Ordinal));
        Assert.Contains(RawHtmlRemoved(result), d => d.Message.StartsWith("removed src=\"javascript:alert(1)\" on <img>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hostile_front_matter_comes_out_as_the_same_text_in_titles_tags_meta_navigation_and_the_phase_table()
    {
        var (output, _) = await XssCorpus.BuildAsync(RawHtmlMode.Sanitize);
        for (var i = 0; i < XssCorpus.Text.Count; i++)
        {
            var text = XssCorpus.Text[i];
            var page = Parser.ParseDocument(File.ReadAllText(Path.Combine(output, "runbooks", $"text-{i}", "index.html")));

            Assert.Equal(text + " · XSS corpus", page.Title);
            Assert.Equal(text, page.QuerySelector("h1")!.TextContent);
            Assert.Equal(text, page.QuerySelector(".meta-owner dd")!.TextContent);
            Assert.Equal(text, page.QuerySelector(".meta-service dd")!.TextContent);
            Assert.Contains(text, page.QuerySelectorAll(".page-tags li").Select(li => li.TextContent));
            Assert.Contains(text, page.QuerySelectorAll("#sidebar .nav-title").Select(t => t.TextContent));
            Assert.Equal(text.ReplaceLineEndings(" "), page.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        }
        var roadmap = Parser.ParseDocument(File.ReadAllText(Path.Combine(output, "roadmap", "index.html")));
        Assert.Equal("1. " + XssCorpus.Text[0], roadmap.QuerySelector(".phase-table tbody th a")!.TextContent);
        Assert.Contains(XssCorpus.Text[0], roadmap.QuerySelector("figure.timeline svg")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_store_scripts_hold_hostile_titles_as_JSON_strings()
    {
        var (output, _) = await XssCorpus.BuildAsync(RawHtmlMode.Sanitize);
        var titles = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(output, "search"), "store-*.js"))
        {
            var script = File.ReadAllText(file);
            // A store file is one call, roadmapDocsSearch("store",N,<JSON>); nothing else can run in it.
            var open = script.IndexOf(',', "roadmapDocsSearch(\"store\",".Length);
            Assert.StartsWith("roadmapDocsSearch(\"store\",", script, StringComparison.Ordinal);
            Assert.EndsWith(");\n", script, StringComparison.Ordinal);
            Assert.DoesNotContain('\u2028', script);
            Assert.DoesNotContain('\u2029', script);
            using var json = JsonDocument.Parse(script[(open + 1)..^3]);
            titles.AddRange(Strings(json.RootElement));
        }
        Assert.All(XssCorpus.Text, text => Assert.Contains(text, titles));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    private static List<Diagnostic> RawHtmlRemoved(BuildResult result) => [.. result.Diagnostics.Where(d => d.RuleId == "RD0140")];

    private static void AssertAt(BuildResult result, string input, string vector, string message, int offset)
    {
        var (file, line) = Directory.EnumerateFiles(input, "html-blocks-*.md")
            .SelectMany(f => File.ReadAllLines(f).Select((text, i) => (File: Path.GetFileName(f), Text: text, Line: i + 1)))
            .Where(l => l.Text == vector)
            .Select(l => (l.File, l.Line))
            .First();
        Assert.Contains(RawHtmlRemoved(result), d => d.File == file && d.Line == line && d.Column == offset + 1 && d.Message.StartsWith(message, StringComparison.Ordinal));
    }
}
