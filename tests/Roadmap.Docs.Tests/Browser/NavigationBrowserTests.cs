using System.Text.Json;
using Microsoft.Playwright;
using Roadmap.Docs.Tests.Navigation;

namespace Roadmap.Docs.Tests.Browser;

/// <summary>
/// "Show all N" in the sidebar of a big folder (<see cref="BigFolderSite"/>), opened from disk and served under /pr-42/:
/// the whole folder appears in place, with the build's markup and links that lead to the pages.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class NavigationBrowserTests(BrowserFixture browser) : IAsyncDisposable
{
    private const string RunbookList = "#sidebar > ul > li.nav-folder.open > ul";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly List<IBrowserContext> _contexts = [];

    /// <summary>One sidebar item as the page shows it.</summary>
    private sealed record Item(string Title, string Href, string? Badge, string ClassName, bool Current, bool Nested);

    [Fact]
    public async Task From_disk_show_all_lists_every_runbook_in_place_with_links_to_their_pages()
    {
        var output = await BigFolderSite.OutputAsync();
        var (page, errors) = await OpenAsync(new Uri(Path.Combine(output, BigFolderSite.RunbookPage(60))).AbsoluteUri);
        Assert.Equal(30, await page.Locator(RunbookList + " > li").CountAsync());

        await page.ClickAsync(RunbookList + " > li.nav-more > a");
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('{RunbookList} > li').length === {BigFolderSite.Runbooks}");

        var items = await ItemsAsync(page, RunbookList);
        Assert.Equal(Enumerable.Range(1, BigFolderSite.Runbooks).Select(BigFolderSite.RunbookTitle), items.Select(i => i.Title));
        Assert.Equal(
            Enumerable.Range(1, BigFolderSite.Runbooks).Select(n => new Uri(Path.Combine(output, BigFolderSite.RunbookPage(n))).AbsoluteUri),
            items.Select(i => i.Href));
        Assert.All(items, i => Assert.True(File.Exists(new Uri(i.Href).LocalPath), i.Href));
        Assert.Equal("Runbook 060", Assert.Single(items, i => i.Current).Title);
        Assert.Equal("1/2 nav-badge", items[1].Badge);
        Assert.Equal("2/2 nav-badge complete", items[29].Badge);
        Assert.Equal("nav-folder", items[49].ClassName);
        Assert.Equal("Runbook 060", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));

        await page.ClickAsync($"{RunbookList} > li:nth-child(30) > a");
        await page.WaitForURLAsync("**/runbooks/runbook-030/index.html");
        Assert.Equal("Runbook 030", await page.InnerTextAsync("h1"));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Under_a_prefix_show_all_at_the_top_and_in_a_folder_keeps_the_open_path_and_stays_inside_the_prefix()
    {
        var output = await BigFolderSite.OutputAsync();
        await using var server = new PrefixSiteServer(output);
        var (page, errors) = await OpenAsync(server.BaseUrl + "runbooks/runbook-050/step-2/index.html");

        await page.ClickAsync("#sidebar > ul > li.nav-more > a");
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('#sidebar > ul > li').length === {1 + BigFolderSite.Topics + 2}");
        var top = await ItemsAsync(page, "#sidebar > ul");
        Assert.Equal(["Home", "Runbooks", "Lint rules", .. Enumerable.Range(1, BigFolderSite.Topics).Select(n => $"Topic {n:D2}")], top.Select(i => i.Title));
        Assert.True(top[1].Nested, "the open Runbooks folder lost its list");

        await page.ClickAsync(RunbookList + " > li.nav-more > a");
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('{RunbookList} > li').length === {BigFolderSite.Runbooks}");
        var runbooks = await ItemsAsync(page, RunbookList);
        Assert.Equal("nav-folder open", runbooks[49].ClassName);
        Assert.True(runbooks[49].Nested);
        Assert.Equal("Step 2", await page.InnerTextAsync("#sidebar a[aria-current=page]"));
        foreach (var item in top.Concat(runbooks))
        {
            Assert.StartsWith(server.BaseUrl, item.Href, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(output, item.Href[server.BaseUrl.Length..])), item.Href);
        }

        await page.ClickAsync("#sidebar > ul > li:last-child > a");
        await page.WaitForURLAsync(server.BaseUrl + "topic-45/index.html");
        Assert.Equal($"Topic {BigFolderSite.Topics}", await page.InnerTextAsync("h1"));

        var requests = server.Requests.ToArray();
        Assert.Single(requests, r => r == "/pr-42/assets/js/nav-tree.js");
        Assert.All(requests, r => Assert.StartsWith("/pr-42/", r, StringComparison.Ordinal));
        Assert.Empty(errors);
    }

    /// <summary>The items of a sidebar list (its direct children): title, absolute href, badge text and classes, li classes, current or not, and whether it holds a nested list.</summary>
    private static async Task<List<Item>> ItemsAsync(IPage page, string list)
    {
        var json = await page.EvaluateAsync<string>(
            """
            list => JSON.stringify(Array.from(document.querySelector(list).children, li => {
              const a = li.querySelector(':scope > a'), badge = a.querySelector('.nav-badge')
              return { title: a.querySelector('.nav-title').textContent, href: a.href, badge: badge ? badge.textContent + ' ' + badge.className : null,
                className: li.className, current: a.getAttribute('aria-current') === 'page', nested: !!li.querySelector(':scope > ul') }
            }))
            """,
            list);
        return JsonSerializer.Deserialize<List<Item>>(json, Json)!;
    }

    private async Task<(IPage Page, List<string> Errors)> OpenAsync(string url)
    {
        var page = await browser.NewPageAsync();
        _contexts.Add(page.Context);
        var errors = BrowserFixture.Errors(page);
        page.RequestFailed += (_, request) => errors.Add("failed: " + request.Url);
        await page.GotoAsync(url);
        return (page, errors);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
    }
}
