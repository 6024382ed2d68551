using System.Collections.Concurrent;
using Microsoft.Playwright;
using Roadmap.Docs.Configuration;
using Roadmap.Docs.Tests.Browser;

namespace Roadmap.Docs.Tests.Safety;

/// <summary>
/// Every page of the XSS corpus site opened in Chromium from disk. A vector that runs calls alert/confirm/prompt (a
/// dialog) or xss('name') (a function exposed to the page); after the load event each element of the page also gets
/// mouseover, focus and animation events, so handlers that wait for the pointer fire too. Sanitize is checked with the
/// Content-Security-Policy bypassed, so the sanitizer alone must hold; allow is the control that runs vectors.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class XssBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Built_with_sanitize_no_vector_runs_on_any_page_even_without_the_policy()
    {
        var (output, _) = await XssCorpus.BuildAsync(RawHtmlMode.Sanitize);
        var pages = XssCorpus.Pages(output);

        var run = await OpenEveryPageAsync(output, pages, bypassPolicy: true, tolerateNavigation: false);

        Assert.True(run.Loaded == pages.Count, $"{run.Loaded} of {pages.Count} pages loaded");
        Assert.True(run.Ran.IsEmpty, "scripts ran: " + string.Join("\n", run.Ran));
    }

    [Fact]
    public async Task Built_with_sanitize_the_search_lists_hostile_titles_as_text()
    {
        var (output, _) = await XssCorpus.BuildAsync(RawHtmlMode.Sanitize);
        var (page, ran) = await NewPageAsync(bypassPolicy: true);
        await page.GotoAsync(new Uri(Path.Combine(output, "index.html")).AbsoluteUri + "?q=" + XssCorpus.SearchWord);

        await page.WaitForFunctionAsync("() => document.querySelector('.search-dialog')?.dataset.state === 'results'");

        var titles = await page.Locator(".search-dialog .search-result-page").AllInnerTextsAsync();
        Assert.Contains(titles, t => t.Contains("</script><script>xss('script-end')</script>", StringComparison.Ordinal));
        Assert.Empty(ran);
    }

    [Fact]
    public async Task Built_with_allow_and_without_the_policy_vectors_do_run()
    {
        // The control: the detection above can see a script run.
        var (output, _) = await XssCorpus.BuildAsync(RawHtmlMode.Allow);
        var pages = XssCorpus.Pages(output).Where(p => p.StartsWith("html-", StringComparison.Ordinal)).ToList();

        var run = await OpenEveryPageAsync(output, pages, bypassPolicy: true, tolerateNavigation: true);

        Assert.Contains("xss:inline-script", run.Ran);
        Assert.Contains("xss:img-onerror", run.Ran);
        Assert.Contains("xss:payload-file", run.Ran);
        Assert.Contains(run.Ran, r => r.StartsWith("alert:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Built_with_allow_the_policy_still_stops_every_inline_vector()
    {
        // Defence in depth: with raw HTML allowed, only a script file the site itself holds can run.
        var (output, _) = await XssCorpus.BuildAsync(RawHtmlMode.Allow);
        var pages = XssCorpus.Pages(output).Where(p => p.StartsWith("html-", StringComparison.Ordinal)).ToList();

        var run = await OpenEveryPageAsync(output, pages, bypassPolicy: false, tolerateNavigation: true);

        Assert.Equal(["xss:payload-file"], run.Ran.Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(run.Violations, v => v.StartsWith("script-src-elem inline", StringComparison.Ordinal));
        Assert.Contains(run.Violations, v => v.StartsWith("script-src-attr inline", StringComparison.Ordinal));
    }

    private sealed record Run(ConcurrentBag<string> Ran, ConcurrentBag<string> Violations, int Loaded);

    private async Task<Run> OpenEveryPageAsync(string output, IReadOnlyList<string> pages, bool bypassPolicy, bool tolerateNavigation)
    {
        var (page, ran) = await NewPageAsync(bypassPolicy);
        var violations = new ConcurrentBag<string>();
        await page.Context.ExposeFunctionAsync("cspViolation", (string v) => violations.Add(v));
        await page.Context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => window.cspViolation(e.effectiveDirective + ' ' + e.blockedURI))");
        var loaded = 0;
        foreach (var relative in pages)
        {
            try
            {
                await page.GotoAsync(new Uri(Path.Combine(output, relative)).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                await page.EvaluateAsync(Provoke);
                loaded++;
            }
            catch (PlaywrightException) when (tolerateNavigation)
            {
                // A vector that runs may navigate the page away; the control only needs some to run.
                page = (await NewPageAsync(bypassPolicy, page.Context)).Page;
            }
        }
        await page.Context.CloseAsync();
        return new Run(ran, violations, loaded);
    }

    /// <summary>Fires the events that handler vectors wait for, on every element, then lets queued tasks run once.</summary>
    private const string Provoke = """
        async () => {
          for (const e of document.querySelectorAll('body *')) {
            for (const type of ['mouseover', 'mouseenter', 'focus', 'focusin', 'animationstart', 'toggle']) e.dispatchEvent(new Event(type));
          }
          await new Promise(resolve => setTimeout(resolve, 0));
        }
        """;

    private readonly ConcurrentBag<string> _ran = [];

    private async Task<(IPage Page, ConcurrentBag<string> Ran)> NewPageAsync(bool bypassPolicy, IBrowserContext? reuse = null)
    {
        var context = reuse;
        if (context is null)
        {
            context = await browser.NewContextAsync(new BrowserNewContextOptions { BypassCSP = bypassPolicy });
            await context.ExposeFunctionAsync("xss", (string name) => _ran.Add("xss:" + name));
        }
        var page = await context.NewPageAsync();
        page.Dialog += async (_, dialog) =>
        {
            _ran.Add($"{dialog.Type}:{dialog.Message}");
            await dialog.DismissAsync();
        };
        return (page, _ran);
    }
}
