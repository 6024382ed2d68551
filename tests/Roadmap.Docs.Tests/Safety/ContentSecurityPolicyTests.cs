using System.Collections.Concurrent;
using Microsoft.Playwright;
using Roadmap.Docs.Stages.Templates;
using Roadmap.Docs.Tests.Browser;
using Roadmap.Docs.Visuals;

namespace Roadmap.Docs.Tests.Safety;

/// <summary>The team's own knowledge base (input/) under its Content-Security-Policy: nothing inline it would block, and no violation in Chromium.</summary>
[Collection(BrowserTests.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    [Fact]
    public void The_policy_allows_scripts_only_from_the_site_and_the_one_inline_stylesheet_by_hash()
    {
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self' " + ContentSecurityPolicy.Hash(TimelineSvg.StyleSheet)
            + "; img-src 'self' https: data:; object-src 'none'; base-uri 'none'; form-action 'none'",
            ContentSecurityPolicy.Value);
        Assert.DoesNotContain("unsafe", ContentSecurityPolicy.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_built_page_has_the_policy_first_and_nothing_inline_that_it_would_block()
    {
        var output = await KnowledgeBaseSite.OutputAsync();
        var pages = XssCorpus.Pages(output);

        var found = pages.SelectMany(page => ActiveContent.Find(File.ReadAllText(Path.Combine(output, page))).Select(f => $"{page}: {f}")).ToList();

        Assert.True(pages.Count > 40);
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    [Fact]
    public async Task Opened_from_disk_no_page_reports_a_policy_violation_and_the_theme_scripts_run()
    {
        var output = await KnowledgeBaseSite.OutputAsync();
        var violations = new ConcurrentBag<string>();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions());
        await context.ExposeFunctionAsync("cspViolation", (string v) => violations.Add(v));
        await context.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => window.cspViolation(location.pathname + ': ' + e.effectiveDirective + ' ' + e.blockedURI))");
        var page = await context.NewPageAsync();
        var pages = XssCorpus.Pages(output);

        foreach (var relative in pages)
        {
            await page.GotoAsync(new Uri(Path.Combine(output, relative)).AbsoluteUri);
            // site.js ran: it wires the theme toggle (a click switches the theme).
            var before = await page.EvaluateAsync<string>("() => document.documentElement.getAttribute('data-theme') || ''");
            await page.ClickAsync(".theme-toggle");
            Assert.NotEqual(before, await page.EvaluateAsync<string>("() => document.documentElement.getAttribute('data-theme') || ''"));
        }
        // The timeline's colours come from its hashed stylesheet.
        await page.GotoAsync(new Uri(Path.Combine(output, "roadmap", "index.html")).AbsoluteUri);
        Assert.NotEqual("rgb(0, 0, 0)", await page.EvalOnSelectorAsync<string>("figure.timeline svg .rd-bg", "e => getComputedStyle(e).fill"));
        await context.CloseAsync();

        Assert.True(violations.IsEmpty, string.Join("\n", violations));
    }
}
