using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Roadmap.Docs.Tests.Browser;

/// <summary>The search dialog on the built input/ site, from disk (engine on the page) and served under /pr-42/ (worker).</summary>
[Collection(BrowserTests.Name)]
public sealed class SearchBrowserTests(BrowserFixture browser) : IAsyncDisposable
{
    private readonly List<IBrowserContext> _contexts = [];

    private const string Results = ".search-dialog .search-result";

    private static async Task<string> FileUrlAsync(string page) => new Uri(Path.Combine(await KnowledgeBaseSite.OutputAsync(), page)).AbsoluteUri;

    [Fact]
    public async Task From_disk_slash_opens_the_dialog_and_a_result_opens_its_section_with_the_terms_marked()
    {
        var (page, errors) = await OpenAsync(await FileUrlAsync("index.html"), 1280, 800);

        await page.Keyboard.PressAsync("/");
        Assert.True(await page.Locator(".search-dialog").IsVisibleAsync());
        Assert.Equal("search-input", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await TypeAndWaitAsync(page, "rollback");

        // The emergency rollback procedure leads (the two rollback procedures match alike; sev1 outranks sev3); sections show marked terms.
        var groups = await GroupPagesAsync(page);
        Assert.Equal("rollback/emergency-rollback/index.html", groups[0]);
        Assert.Contains("rollback/phase-rollback/index.html", groups.Take(5));
        Assert.True(await page.Locator(".search-dialog .search-result-section").CountAsync() >= 5);
        var marks = await page.Locator(".search-results mark").AllInnerTextsAsync();
        Assert.NotEmpty(marks);
        Assert.All(marks, m => Assert.StartsWith("rollback", m, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("?q=rollback", page.Url, StringComparison.Ordinal);
        Assert.Equal("main", await page.EvaluateAsync<string>("() => window.roadmapDocsSearchMode"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/search-dialog.png" });

        // Another word narrows to pages with both: Emergency rollback's first step first.
        await TypeAndWaitAsync(page, " previous", "rollback previous");
        Assert.Equal("rollback/emergency-rollback/index.html", (await GroupPagesAsync(page))[0]);
        await page.Keyboard.PressAsync("ArrowDown");
        var href = await page.Locator(".search-result.active").GetAttributeAsync("href");
        Assert.Equal("rollback/emergency-rollback/index.html?hl=rollback+previous#step-1-switch-to-the-previous-version", href);

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/rollback/emergency-rollback/index.html#step-1-switch-to-the-previous-version");
        await page.WaitForSelectorAsync("mark.search-hit");
        Assert.DoesNotContain("hl=", page.Url, StringComparison.Ordinal);
        var hits = await page.Locator(".markdown mark.search-hit").AllInnerTextsAsync();
        Assert.Contains(hits, h => h.Equals("rollback", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(hits, h => h.Equals("previous", StringComparison.OrdinalIgnoreCase));
        Assert.True(await InViewAsync(page, "#step-1-switch-to-the-previous-version"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_q_parameter_opens_the_dialog_with_its_results()
    {
        var (page, errors) = await OpenAsync(await FileUrlAsync("architecture/index.html") + "?q=redis");

        await WaitForResultsAsync(page, "redis");

        Assert.True(await page.Locator(".search-dialog").IsVisibleAsync());
        Assert.Equal("redis", await page.InputValueAsync(".search-input"));
        Assert.Equal("runbooks/redis-cache-outage/index.html", (await GroupPagesAsync(page))[0]);
        // Links are relative to the page the dialog opened on.
        Assert.StartsWith("../runbooks/redis-cache-outage/index.html?hl=redis", await page.Locator(Results).First.GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_kind_filter_shows_only_runbooks_or_only_architecture()
    {
        var (page, errors) = await SearchAsync(await FileUrlAsync("roadmap/index.html"), "redis");
        var all = await KindsAsync(page);
        Assert.Contains("runbook", all);
        Assert.Contains("phase", all);
        Assert.Contains("architecture", all);

        await page.ClickAsync(".search-filter[data-filter=runbooks]");
        await WaitForResultsAsync(page, "redis", "runbooks");
        Assert.Equal("true", await page.GetAttributeAsync(".search-filter[data-filter=runbooks]", "aria-pressed"));
        Assert.Equal("false", await page.GetAttributeAsync(".search-filter[data-filter=all]", "aria-pressed"));
        var runbooks = await KindsAsync(page);
        Assert.NotEmpty(runbooks);
        Assert.All(runbooks, k => Assert.True(k is "runbook" or "rollback", k));

        await page.ClickAsync(".search-filter[data-filter=architecture]");
        await WaitForResultsAsync(page, "redis", "architecture");
        var architecture = await KindsAsync(page);
        Assert.NotEmpty(architecture);
        Assert.All(architecture, k => Assert.Equal("architecture", k));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("kubectl", "runbooks/kubernetes-failed-rollout/index.html")]
    [InlineData("--force", "runbooks/kubernetes-failed-rollout/index.html")]
    [InlineData("503", null)]
    [InlineData("pg_restore", "runbooks/postgres-restore-after-failed-migration/index.html")]
    [InlineData("application/json", null)]
    [InlineData("roll", null)]
    public async Task Commands_codes_and_word_beginnings_find_results(string text, string? first)
    {
        var (page, errors) = await SearchAsync(await FileUrlAsync("index.html"), text);

        Assert.True(await page.Locator(Results).CountAsync() > 0, $"no results for {text}");
        if (first is not null)
        {
            Assert.Equal(first, (await GroupPagesAsync(page))[0]);
        }
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_query_builder_splits_and_escapes_words_as_lunr_tokenizes_them()
    {
        var (page, errors) = await SearchAsync(await FileUrlAsync("index.html"), "redis");

        var built = await page.EvaluateAsync<JsonElement>("""
            () => {
              const fields = ["title", "headings", "tags", "service", "body", "kind"];
              const build = t => roadmapDocsSearchEngine.buildQuery(lunr, t, fields);
              const cases = ["Roll", "PROJ-123 --force", "application/json pg_restore", "cache:6379 x^2 a~1 c++ *wild*", "restore the", "title:redis -cache"];
              return cases.map(t => { const b = build(t); new lunr.QueryParser(b.query, new lunr.Query(fields)).parse(); return [b.query, b.raw, b.words.join(" ")]; });
            }
            """);

        string[][] expected =
        [
            ["roll^10 roll*", "False", "roll"],
            ["proj^10 proj* 123^10 123* force^10 force*", "False", "proj 123 force"],
            ["application/json^10 application/json* pg_restore^10 pg_restore*", "False", "application/json pg_restore"],
            [@"cache\:6379^10 cache\:6379* x\^2^10 x\^2* a\~1^10 a\~1* c^10 wild^10 wild*", "False", "cache:6379 x^2 a~1 c wild"],
            ["restore^10 restore* the*", "False", "restore the"],
            ["title:redis -cache", "True", "redis cache"],
        ];
        Assert.Equal(expected, built.EnumerateArray().Select(c => c.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetBoolean().ToString()).ToArray()).ToArray());
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_dialog_traps_focus_closes_on_escape_and_gives_focus_back()
    {
        var (page, errors) = await OpenAsync(await FileUrlAsync("runbooks/index.html"));
        await page.FocusAsync(".search-button");

        await page.Keyboard.PressAsync("Control+k");
        var dialog = page.Locator(".search-dialog");
        Assert.Equal("dialog", await dialog.GetAttributeAsync("role"));
        Assert.Equal("true", await dialog.GetAttributeAsync("aria-modal"));
        Assert.True(await dialog.IsVisibleAsync());
        for (var i = 0; i < 8; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('.search-dialog').contains(document.activeElement)"), $"focus left the dialog after {i + 1} tabs");
        }
        await page.Keyboard.PressAsync("Shift+Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('.search-dialog').contains(document.activeElement)"));

        await page.Keyboard.PressAsync("Escape");
        Assert.False(await dialog.IsVisibleAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement === document.querySelector('.search-button')"));

        // "/" typed into a field is text, not the shortcut.
        await page.ClickAsync(".search-button");
        await page.Keyboard.InsertTextAsync("a"); await page.Keyboard.PressAsync("/"); await page.Keyboard.InsertTextAsync("b");
        Assert.Equal("a/b", await page.InputValueAsync(".search-input"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_search_file_that_fails_to_load_is_reported_in_the_dialog()
    {
        using var copy = TestPaths.NewTempFolder();
        TestPaths.CopyFolder(await KnowledgeBaseSite.OutputAsync(), copy.Path);
        foreach (var shard in Directory.GetFiles(Path.Combine(copy.Path, "search"), "index-*.js"))
        {
            File.Delete(shard);
        }
        var page = await browser.NewPageAsync();
        _contexts.Add(page.Context);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(new Uri(Path.Combine(copy.Path, "index.html")).AbsoluteUri);

        await page.Keyboard.PressAsync("/");
        await page.Locator(".search-input").PressSequentiallyAsync("redis");
        await page.WaitForFunctionAsync("() => document.querySelector('.search-dialog').dataset.state === 'error'");

        Assert.Contains("could not load", await page.InnerTextAsync(".search-status"), StringComparison.Ordinal);
        Assert.Contains("index-0.js", await page.InnerTextAsync(".search-status"), StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Served_under_a_prefix_the_engine_runs_in_a_worker_and_stays_inside_the_prefix()
    {
        await using var server = new PrefixSiteServer(await KnowledgeBaseSite.OutputAsync());
        var (page, errors) = await OpenAsync(server.BaseUrl + "runbooks/index.html");

        await page.Keyboard.PressAsync("/");
        await TypeAndWaitAsync(page, "rollback");

        Assert.Equal("worker", await page.EvaluateAsync<string>("() => window.roadmapDocsSearchMode"));
        Assert.True(await page.EvaluateAsync<bool>("() => performance.getEntriesByType('resource').some(e => e.name.endsWith('/pr-42/assets/js/search/search-worker.js'))"));
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.lunr === 'undefined'"), "lunr was loaded on the page as well as in the worker");
        Assert.Equal("rollback/emergency-rollback/index.html", (await GroupPagesAsync(page))[0]);

        await TypeAndWaitAsync(page, " previous", "rollback previous");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(server.BaseUrl + "rollback/emergency-rollback/index.html#step-1-switch-to-the-previous-version");
        await page.WaitForSelectorAsync("mark.search-hit");
        Assert.True(await InViewAsync(page, "#step-1-switch-to-the-previous-version"));

        var requests = server.Requests.ToArray();
        Assert.Contains("/pr-42/search/index-0.js", requests);
        Assert.Contains("/pr-42/search/store-0.js", requests);
        Assert.All(requests, r => Assert.StartsWith("/pr-42/", r, StringComparison.Ordinal));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Results_follow_each_word_typed()
    {
        var (page, errors) = await SearchAsync(await FileUrlAsync("index.html"), "redis");
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine("from file:// (main thread), first query (loads lunr, the index, the store): " + await LastMsAsync(page));

        foreach (var word in new[] { "kubectl", "postgres", "rollback", "pg_restore", "latency" })
        {
            await page.FillAsync(".search-input", "");
            await TypeAndWaitAsync(page, word);
            // What is on screen answers the word typed last (not an earlier, slower query), and it found something.
            var last = await page.EvaluateAsync<JsonElement>("() => window.roadmapDocsSearchLast");
            Assert.Equal(word, last.GetProperty("text").GetString());
            Assert.True(last.GetProperty("total").GetInt32() > 0, $"no results for '{word}'");
            Assert.NotEmpty(await GroupPagesAsync(page));
            // Timings are reported, not asserted: speed is measured by the benchmark harness, not by a unit test.
            output?.WriteLine(word + ": " + await LastMsAsync(page));
        }
        Assert.Empty(errors);
    }

    private async Task<(IPage Page, List<string> Errors)> OpenAsync(string url, int width = 1280, int height = 900)
    {
        var page = await browser.NewPageAsync(width, height);
        _contexts.Add(page.Context);
        var errors = BrowserFixture.Errors(page);
        await page.GotoAsync(url);
        return (page, errors);
    }

    /// <summary>Opens the page, presses "/" and types the text: the page with its results.</summary>
    private async Task<(IPage Page, List<string> Errors)> SearchAsync(string url, string text)
    {
        var (page, errors) = await OpenAsync(url);
        await page.Keyboard.PressAsync("/");
        await TypeAndWaitAsync(page, text);
        return (page, errors);
    }

    private static async Task TypeAndWaitAsync(IPage page, string typed, string? whole = null)
    {
        await page.Locator(".search-input").PressSequentiallyAsync(typed);
        await WaitForResultsAsync(page, whole ?? typed);
    }

    private static async Task WaitForResultsAsync(IPage page, string query, string filter = "all") =>
        await page.WaitForFunctionAsync(
            "([q, f]) => { const d = document.querySelector('.search-dialog'); return d && d.dataset.state === 'results' && d.dataset.query === q && d.dataset.filter === f; }",
            new[] { query, filter });

    /// <summary>The page (root-relative, no query or hash) of each result group, in order.</summary>
    private static async Task<List<string>> GroupPagesAsync(IPage page)
    {
        var hrefs = await page.EvalOnSelectorAllAsync<string[]>(".search-group .search-result-page", "links => links.map(a => a.pathname)");
        var root = await page.EvaluateAsync<string>("() => new URL(document.querySelector('meta[name=\"roadmap-docs-root\"]').content || './', location.href).pathname");
        return hrefs.Select(h => h[root.Length..]).ToList();
    }

    private static async Task<string[]> KindsAsync(IPage page) =>
        (await page.EvalOnSelectorAllAsync<string[]>(Results, "links => links.map(a => a.dataset.kind)")).Distinct().ToArray();

    private static async Task<string> LastMsAsync(IPage page)
    {
        var last = await page.EvaluateAsync<JsonElement>("() => window.roadmapDocsSearchLast");
        return string.Create(CultureInfo.InvariantCulture, $"{last.GetProperty("ms").GetDouble():0.0} ms from the last input event to results on screen ({last.GetProperty("engineMs").GetDouble():0.0} ms after the debounce)");
    }

    private static Task<bool> InViewAsync(IPage page, string selector) =>
        page.EvalOnSelectorAsync<bool>(selector, "e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight / 2; }");

    /// <summary>Closes this test's browser contexts (pages, workers) so they do not slow the tests after it.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }
}
