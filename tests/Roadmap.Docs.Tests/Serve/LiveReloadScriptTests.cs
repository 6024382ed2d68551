using System.Text.Json;
using Roadmap.Docs.Tests.Lint;

namespace Roadmap.Docs.Tests.Serve;

/// <summary>
/// live-reload.js's choice of whether to reload, under node with a fake event stream (js/live-reload-events.js): a page
/// reloads on a "reload" that names it or names no pages, and stays as it is on one that names other pages only — the
/// refresh of another page, or the whole build after a refresh that changed nothing more.
/// </summary>
public class LiveReloadScriptTests
{
    private static readonly object[][] Events =
    [
        ["hello", new { build = 1, ok = true, diagnostics = Array.Empty<object>(), kind = "build" }],
        ["reload", new { build = 2, ok = true, diagnostics = Array.Empty<object>(), kind = "refresh", changed = new[] { "notes/page/index.html" } }],
        ["reload", new { build = 3, ok = true, diagnostics = Array.Empty<object>(), kind = "build", changed = Array.Empty<string>() }],
        ["reload", new { build = 4, ok = true, diagnostics = Array.Empty<object>(), kind = "refresh", changed = new[] { "index.html", "notes/other/index.html" } }],
        ["reload", new { build = 5, ok = true, diagnostics = Array.Empty<object>(), kind = "build" }],
    ];

    [Theory]
    [InlineData("/pr-42/notes/page/", "[0,1,0,0,1]")]
    [InlineData("/pr-42/notes/page/index.html", "[0,1,0,0,1]")]
    [InlineData("/pr-42/", "[0,0,0,1,1]")]
    [InlineData("/pr-42/index.html", "[0,0,0,1,1]")]
    [InlineData("/pr-42/notes/missing/", "[0,0,0,0,1]")]
    public async Task A_page_reloads_only_for_changes_that_name_it_or_name_no_pages(string pathname, string reloads)
    {
        using var temp = TestPaths.NewTempFolder();
        var events = temp.Write("events.json", JsonSerializer.Serialize(Events));

        var (exit, output) = await DiagnosticFormatTests.NodeAsync(
            Path.Combine(TestPaths.RepoRoot, "tests", "Roadmap.Docs.Tests", "js", "live-reload-events.js"),
            Path.Combine(TestPaths.Theme, "assets", "js", "live-reload.js"),
            pathname,
            events);

        Assert.True(exit == 0, output);
        Assert.Equal(reloads, output.Trim());
    }
}
