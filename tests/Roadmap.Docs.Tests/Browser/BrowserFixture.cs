using Microsoft.Playwright;

namespace Roadmap.Docs.Tests.Browser;

/// <summary>
/// One headless Debian Chromium (driven by Playwright) shared by the browser tests. Where /usr/bin/chromium is missing
/// the tests are skipped with the reason, except on CI (CI=true), where a missing browser is a failure.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser? Browser { get; private set; }

    public string? Problem { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Problem = $"Chromium not found at {ChromiumPath} (bash .ci/run installs it with apt-get install chromium)";
            return;
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The machine has no network beyond package registries: keep Chromium from trying to phone home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh context and page (own storage), or a skipped test when there is no browser.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, ColorScheme scheme = ColorScheme.Light)
    {
        var context = await NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = scheme,
        });
        return await context.NewPageAsync();
    }

    /// <summary>A fresh context with these options, or a skipped test when there is no browser.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        if (Browser is null)
        {
            if (TestPaths.OnCi)
            {
                Assert.Fail(Problem ?? "no browser");
            }
            Assert.Skip(Problem ?? "no browser");
        }
        return await Browser.NewContextAsync(options);
    }

    /// <summary>What the page reports from now on as going wrong: console errors and uncaught exceptions.</summary>
    public static List<string> Errors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        return errors;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
