using Microsoft.Playwright;

namespace Roadmap.Docs.Tests.Browser;

[Collection(BrowserTests.Name)]
public class ThemeBrowserTests(BrowserFixture browser)
{
    private static async Task<string> FileUrlAsync(string page) => new Uri(Path.Combine(await KnowledgeBaseSite.OutputAsync(), page)).AbsoluteUri;

    [Fact]
    public async Task Opened_from_disk_the_home_page_renders_with_its_stylesheet_and_scripts()
    {
        var page = await browser.NewPageAsync();
        var failed = new List<string>();
        page.RequestFailed += (_, request) => failed.Add(request.Url);

        await page.GotoAsync(await FileUrlAsync("index.html"));

        Assert.Empty(failed);
        Assert.Equal("sticky", await page.EvalOnSelectorAsync<string>(".site-header", "e => getComputedStyle(e).position"));
        Assert.Equal("grid", await page.EvalOnSelectorAsync<string>(".layout", "e => getComputedStyle(e).display"));
        Assert.Equal("rgb(255, 255, 255)", await page.EvalOnSelectorAsync<string>("body", "e => getComputedStyle(e).backgroundColor"));
        Assert.True(await page.Locator("#sidebar").IsVisibleAsync());
    }

    [Fact]
    public async Task The_theme_follows_the_system_and_the_toggle_choice_is_remembered()
    {
        var page = await browser.NewPageAsync(scheme: ColorScheme.Dark);
        await page.GotoAsync(await FileUrlAsync("runbooks/index.html"));
        Assert.Equal("rgb(13, 17, 23)", await page.EvalOnSelectorAsync<string>("body", "e => getComputedStyle(e).backgroundColor"));

        await page.ClickAsync(".theme-toggle");
        Assert.Equal("light", await page.EvalOnSelectorAsync<string>("html", "e => e.getAttribute('data-theme')"));
        Assert.Equal("rgb(255, 255, 255)", await page.EvalOnSelectorAsync<string>("body", "e => getComputedStyle(e).backgroundColor"));

        await page.GotoAsync(await FileUrlAsync("architecture/index.html"));
        Assert.Equal("light", await page.EvalOnSelectorAsync<string>("html", "e => e.getAttribute('data-theme')"));
    }

    [Fact]
    public async Task A_code_blocks_copy_button_puts_the_code_on_the_clipboard()
    {
        var page = await browser.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GotoAsync(await FileUrlAsync("runbooks/redis-cache-outage/index.html"));
        var block = page.Locator(".code-block").First;
        var code = await block.Locator("code").InnerTextAsync();

        await block.Locator(".copy-button").ClickAsync();

        Assert.Equal("Copied", await block.Locator(".copy-button").InnerTextAsync());
        Assert.Equal(code.TrimEnd('\n'), await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }

    [Fact]
    public async Task On_a_phone_the_navigation_is_a_drawer_opened_by_the_menu_button()
    {
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync(await FileUrlAsync("runbooks/redis-cache-outage/index.html"));
        var sidebar = page.Locator("#sidebar");
        Assert.False(await InViewAsync(sidebar));

        await page.ClickAsync(".nav-toggle");
        await Assertions.Expect(sidebar).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("open"));
        await page.WaitForFunctionAsync("() => document.getElementById('sidebar').getBoundingClientRect().left >= 0");

        Assert.True(await InViewAsync(sidebar));
        Assert.Equal("true", await page.GetAttributeAsync(".nav-toggle", "aria-expanded"));
    }

    private static async Task<bool> InViewAsync(ILocator locator) =>
        await locator.EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.right > 0 && r.left >= 0; }");
}
