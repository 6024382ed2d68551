using Microsoft.Playwright;
using Roadmap.Docs.Tests.Browser;

namespace Roadmap.Docs.Tests.Serve;

/// <summary>
/// live-reload.js in headless Chromium against the real server, with a strict Content-Security-Policy added to every page
/// (no inline script or style): a broken build shows the overlay, a fresh page shows it too, and the fix reloads the page.
/// </summary>
[Collection(BrowserTests.Name)]
public class LiveReloadBrowserTests(BrowserFixture browser)
{
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'";

    private const string InlineScriptRuns = "() => { const s = document.createElement('script'); s.textContent = 'window.inlineRan = true'; document.head.appendChild(s); return window.inlineRan === true; }";

    private static readonly float Timeout = (float)ServeSession.Timeout.TotalMilliseconds;

    [Fact]
    public async Task A_broken_build_shows_the_overlay_and_the_fix_reloads_the_page()
    {
        await using var session = await ServeSession.StartAsync();
        var page = await OpenAsync(session);
        Assert.False(await page.EvaluateAsync<bool>(InlineScriptRuns), "the policy is not in force, so the test would prove nothing");

        session.WriteInput("index.md", "---\ntitle: [unclosed\n---\nBroken version.\n");
        var overlay = page.Locator(".roadmap-docs-build-error");
        await Assertions.Expect(overlay).ToContainTextAsync("input/index.md:3:1: error RD0001: front matter is not valid YAML", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("First version of the home page.");

        // A page opened while the build is broken learns it from the status endpoint.
        var fresh = await OpenAsync(session);
        await Assertions.Expect(fresh.Locator(".roadmap-docs-build-error")).ToContainTextAsync("error RD0001", new() { Timeout = Timeout });

        session.WriteInput("index.md", "---\ntitle: Home\n---\nFixed version of the home page.\n");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Fixed version of the home page.", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator(".roadmap-docs-build-error")).ToHaveCountAsync(0);
    }

    /// <summary>Opens the home page with the policy added, and returns once its event stream is connected (the server has registered it).</summary>
    private async Task<IPage> OpenAsync(ServeSession session)
    {
        var page = await browser.NewPageAsync();
        // The event stream never ends, so it cannot be fetched and fulfilled: it passes through untouched.
        await page.RouteAsync(url => !url.Contains("__roadmap-docs/events", StringComparison.Ordinal), async route =>
        {
            var response = await route.FetchAsync();
            var headers = new Dictionary<string, string>(response.Headers) { ["content-security-policy"] = Policy };
            await route.FulfillAsync(new() { Response = response, Headers = headers });
        });
        await page.RunAndWaitForResponseAsync(
            () => page.GotoAsync(session.Server.Url.AbsoluteUri),
            response => response.Url.Contains("__roadmap-docs/events", StringComparison.Ordinal),
            new() { Timeout = Timeout });
        return page;
    }
}
