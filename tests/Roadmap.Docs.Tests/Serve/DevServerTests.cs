using System.Net;

namespace Roadmap.Docs.Tests.Serve;

/// <summary>
/// The real dev server over HTTP: started in-process on a free loopback port against a temp input, under the path prefix /pr-42/.
/// Every wait is bounded (<see cref="ServeSession.Timeout"/>): the tests await the server's events, never a sleep.
/// </summary>
public class DevServerTests
{
    private const string Script = "<script src=\"/pr-42/__roadmap-docs/live-reload.js\"></script>";

    [Fact]
    public async Task Pages_are_served_under_the_prefix_with_their_types_and_the_reload_script()
    {
        await using var session = await ServeSession.StartAsync();
        Assert.Equal(("127.0.0.1", "/pr-42/"), (session.Server.Url.Host, session.Server.Url.AbsolutePath));

        using var home = await session.GetAsync("");
        var html = await home.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html; charset=utf-8", home.Content.Headers.ContentType?.ToString());
        Assert.Equal("no-cache", home.Headers.CacheControl?.ToString());
        Assert.Contains("First version of the home page.", html, StringComparison.Ordinal);
        Assert.EndsWith(Script + "\n</body>\n</html>\n", html, StringComparison.Ordinal);

        using var script = await session.GetAsync("__roadmap-docs/live-reload.js");
        Assert.Equal("text/javascript; charset=utf-8", script.Content.Headers.ContentType?.ToString());
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(TestPaths.Theme, "assets", "js", "live-reload.js"), TestContext.Current.CancellationToken),
            await script.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal("image/svg+xml", await ContentTypeAsync(session, "assets/favicon.svg"));
        Assert.Equal("text/css; charset=utf-8", await ContentTypeAsync(session, "assets/css/site.css"));
        Assert.Equal("application/xml; charset=utf-8", await ContentTypeAsync(session, "sitemap.xml"));
        Assert.Equal("application/octet-stream", await ContentTypeAsync(session, "files/data.bin"));
        Assert.Equal("""{"build":1,"ok":true,"diagnostics":[],"kind":"build"}""", await session.GetStringAsync("__roadmap-docs/status"));
    }

    [Fact]
    public async Task The_root_and_folders_without_a_slash_redirect_and_folders_without_an_index_are_404()
    {
        await using var session = await ServeSession.StartAsync();

        using var root = await session.Http.GetAsync(new Uri(session.Server.Url, "/"), TestContext.Current.CancellationToken);
        using var notes = await session.GetAsync("notes");
        using var assets = await session.GetAsync("assets/js/");
        using var marker = await session.GetAsync(".roadmap-docs-output");

        Assert.Equal((HttpStatusCode.Found, "/pr-42/"), (root.StatusCode, root.Headers.Location?.ToString()));
        Assert.Equal((HttpStatusCode.Found, "/pr-42/notes/"), (notes.StatusCode, notes.Headers.Location?.ToString()));
        Assert.Equal(HttpStatusCode.NotFound, assets.StatusCode);
        var notFound = await assets.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Page not found", notFound, StringComparison.Ordinal);
        Assert.Contains(Script, notFound, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, marker.StatusCode);
    }

    [Fact]
    public async Task Editing_a_page_rebuilds_and_tells_open_pages_to_reload()
    {
        await using var session = await ServeSession.StartAsync();
        using var events = await session.OpenEventsAsync();

        session.WriteInput("index.md", "---\ntitle: Home\n---\nSecond version of the home page.\n");
        var reload = await events.WaitForAsync("reload", ServeSession.Timeout);

        Assert.True(reload.GetProperty("ok").GetBoolean());
        Assert.Contains("Second version of the home page.", await session.GetStringAsync(""), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_edit_refreshes_that_page_alone_and_the_whole_build_after_it_changes_nothing_more()
    {
        await using var session = await ServeSession.StartAsync();
        using var events = await session.OpenEventsAsync();

        session.WriteInput("notes/page.md", "---\ntitle: A note\n---\nSee the [home page](../index.md), and a second sentence.\n");
        var refresh = await events.WaitForAsync("reload", ServeSession.Timeout);
        var refreshed = await session.GetStringAsync("notes/page/");

        Assert.Equal("refresh", refresh.GetProperty("kind").GetString());
        Assert.Equal(["notes/page/index.html"], refresh.GetProperty("changed").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("and a second sentence.", refreshed, StringComparison.Ordinal);

        // The whole build follows in the background. It renders the page again (the same bytes), reuses every other page,
        // and so names no page: no open page reloads a second time.
        var build = await events.WaitForAsync("reload", ServeSession.Timeout);

        Assert.Equal("build", build.GetProperty("kind").GetString());
        Assert.Equal(refresh.GetProperty("build").GetInt32() + 1, build.GetProperty("build").GetInt32());
        Assert.Empty(build.GetProperty("changed").EnumerateArray());
        Assert.Equal(refreshed, await session.GetStringAsync("notes/page/"));
        Assert.Contains("Refreshed input/notes/page.md in ", session.Log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restart_on_an_up_to_date_site_serves_at_once_and_refreshes_edits_once_the_state_is_gathered()
    {
        var first = await ServeSession.StartAsync();
        await using var session = await first.RestartAsync();
        using var events = await session.OpenEventsAsync();

        Assert.Contains("up to date", session.Log.ToString(), StringComparison.Ordinal);
        if (events.Hello.GetProperty("build").GetInt32() == 1)
        {
            // The build that gathers what a refresh needs reuses every page, so it names none.
            var gathered = await events.WaitForAsync("reload", ServeSession.Timeout);
            Assert.Empty(gathered.GetProperty("changed").EnumerateArray());
        }
        session.WriteInput("index.md", "---\ntitle: Home\n---\nThe home page, edited after a restart.\n");
        var refresh = await events.WaitForAsync("reload", e => e.GetProperty("kind").GetString() != "build" || !e.TryGetProperty("changed", out var c) || c.GetArrayLength() > 0, ServeSession.Timeout);

        Assert.Equal("refresh", refresh.GetProperty("kind").GetString());
        Assert.Contains("edited after a restart", await session.GetStringAsync(""), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes/page.md", "---\ntitle: A retitled note\n---\nSee the [home page](../index.md).\n", "Building the whole site: the title of notes/page.md changed")]
    [InlineData("notes/new.md", "---\ntitle: A new note\n---\nNew.\n", null)]
    public async Task An_edit_that_other_pages_show_or_a_new_page_builds_the_whole_site_and_reloads_every_page(string file, string content, string? logged)
    {
        await using var session = await ServeSession.StartAsync();
        using var events = await session.OpenEventsAsync();

        session.WriteInput(file, content);
        var reload = await events.WaitForAsync("reload", ServeSession.Timeout);

        Assert.Equal("build", reload.GetProperty("kind").GetString());
        Assert.False(reload.TryGetProperty("changed", out _), "a whole build names no pages: every open page reloads");
        Assert.DoesNotContain("Refreshed", session.Log.ToString(), StringComparison.Ordinal);
        if (logged is not null)
        {
            Assert.Contains(logged, session.Log.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_broken_build_keeps_the_last_good_site_and_reports_until_fixed()
    {
        await using var session = await ServeSession.StartAsync();
        using var events = await session.OpenEventsAsync();

        session.WriteInput("index.md", "---\ntitle: [unclosed\n---\nBroken version.\n");
        var error = await events.WaitForAsync("build-error", ServeSession.Timeout);

        var diagnostic = Assert.Single(error.GetProperty("diagnostics").EnumerateArray());
        Assert.StartsWith("input/index.md:3:1: error RD0001: front matter is not valid YAML", diagnostic.GetProperty("text").GetString(), StringComparison.Ordinal);
        using var page = await session.GetAsync("");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("First version of the home page.", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("\"ok\":false", await session.GetStringAsync("__roadmap-docs/status"), StringComparison.Ordinal);

        session.WriteInput("index.md", "---\ntitle: Home\n---\nFixed version of the home page.\n");
        await events.WaitForAsync("reload", ServeSession.Timeout);

        Assert.Contains("Fixed version of the home page.", await session.GetStringAsync(""), StringComparison.Ordinal);
        Assert.Contains("\"ok\":true", await session.GetStringAsync("__roadmap-docs/status"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/../../../../etc/passwd")]
    [InlineData("/pr-42/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/../secret.txt")]
    [InlineData("/pr-42/../secret.txt")]
    [InlineData("/pr-42/%2e%2e/secret.txt")]
    [InlineData("/pr-42/%2E%2E/%2e%2e/secret.txt")]
    [InlineData("/pr-42/..%2fsecret.txt")]
    [InlineData("/pr-42/%5c..%5csecret.txt")]
    [InlineData("/pr-42/..\\secret.txt")]
    [InlineData("/pr-42/index.html%00.txt")]
    [InlineData("/pr-42/link-to-secret.txt")]
    [InlineData("/pr-42/link-to-parent/secret.txt")]
    public async Task Traversal_and_links_out_of_the_site_never_serve_outside_files(string target)
    {
        await using var session = await ServeSession.StartAsync();
        session.Folder.Write("secret.txt", "TOP-SECRET-7f3a");
        File.CreateSymbolicLink(Path.Combine(session.Output, "link-to-secret.txt"), session.Folder.Combine("secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(session.Output, "link-to-parent"), session.Folder.Path);

        var (status, response) = await session.RawGetAsync(target);

        Assert.True(status is 400 or 404, $"status {status} for {target}");
        Assert.DoesNotContain("TOP-SECRET", response, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_get_and_head_are_allowed()
    {
        await using var session = await ServeSession.StartAsync();

        using var post = await session.Http.PostAsync(session.At(""), new StringContent(""), TestContext.Current.CancellationToken);
        using var head = await session.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, session.At("")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.True(head.Content.Headers.ContentLength > 0);
    }

    [Fact]
    public async Task Stopping_the_server_ends_open_event_streams_promptly()
    {
        var session = await ServeSession.StartAsync();
        using var events = await session.OpenEventsAsync();

        var stopping = session.DisposeAsync().AsTask();

        Assert.True(await events.EndsWithinAsync(TimeSpan.FromSeconds(5)), "the event stream was still open 5 s after the server was told to stop");
        await stopping.WaitAsync(ServeSession.Timeout, TestContext.Current.CancellationToken);
    }

    private static async Task<string?> ContentTypeAsync(ServeSession session, string relative)
    {
        using var response = await session.GetAsync(relative);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Content.Headers.ContentType?.ToString();
    }
}
