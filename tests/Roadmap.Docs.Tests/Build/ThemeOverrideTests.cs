using AngleSharp;

namespace Roadmap.Docs.Tests.Build;

public class ThemeOverrideTests
{
    [Fact]
    public async Task A_file_under_input_theme_replaces_the_built_in_one_at_the_same_path()
    {
        using var temp = TestPaths.NewTempFolder();
        temp.Write("input/index.md", "---\ntitle: Home\n---\nHello.\n");
        temp.Write("input/_theme/partials/footer.html", "<footer class=\"site-footer\">Custom footer for {{ site.title }}</footer>\n");
        temp.Write("input/_theme/assets/css/site.css", "body { color: rebeccapurple; }\n");

        var result = await TestBuild.RunAsync(temp.Combine("input"), temp.Combine("site"), TestContext.Current.CancellationToken);

        Assert.True(result.Published, string.Join("\n", result.Diagnostics));
        var home = File.ReadAllText(temp.Combine("site", "index.html"));
        Assert.Contains("Custom footer for Documentation", home, StringComparison.Ordinal);
        Assert.Equal("body { color: rebeccapurple; }\n", File.ReadAllText(temp.Combine("site", "assets", "css", "site.css")));
        // Not overridden: still the built-in file. And the overrides are not published as content.
        Assert.Equal(File.ReadAllText(Path.Combine(TestPaths.Theme, "assets", "js", "site.js")), File.ReadAllText(temp.Combine("site", "assets", "js", "site.js")));
        Assert.False(Directory.Exists(temp.Combine("site", "_theme")));
    }

    /// <summary>The built-in sidebar writes <c>nav.html</c> straight into the page; a theme may use it as any string value.</summary>
    [Fact]
    public async Task The_sidebar_html_is_the_same_string_wherever_a_template_uses_it()
    {
        using var temp = TestPaths.NewTempFolder();
        temp.Write("input/index.md", "---\ntitle: Home\n---\nHello.\n");
        temp.Write("input/runbooks/redis.md", "---\ntitle: Redis & cache\n---\nSteps.\n");
        var built = await TestBuild.RunAsync(temp.Combine("input"), temp.Combine("plain"), TestContext.Current.CancellationToken);
        temp.Write("input/_theme/partials/sidebar.html",
            "<nav id=\"sidebar\" class=\"sidebar\" aria-label=\"Site\">\n{{ nav.html }}</nav>" +
            "{{ kept = nav.html }}<template id=\"kept\">{{ kept }}</template>" +
            "<template id=\"piped\">{{ nav.html | string.replace \"nav-list\" \"piped-list\" }}</template>" +
            "<meta name=\"nav-size\" content=\"{{ nav.html | string.size }}\">\n");

        var result = await TestBuild.RunAsync(temp.Combine("input"), temp.Combine("site"), TestContext.Current.CancellationToken);

        Assert.True(built.Published && result.Published, string.Join("\n", result.Diagnostics));
        var plain = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(temp.Combine("plain", "runbooks", "redis", "index.html")));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(File.ReadAllText(temp.Combine("site", "runbooks", "redis", "index.html")));
        var sidebar = plain.QuerySelector("#sidebar")!.InnerHtml.Trim();
        Assert.Contains("aria-current=\"page\"", sidebar, StringComparison.Ordinal);
        Assert.Equal(sidebar, page.QuerySelector("#sidebar")!.InnerHtml.Trim());
        Assert.Equal(sidebar, ((AngleSharp.Html.Dom.IHtmlTemplateElement)page.QuerySelector("#kept")!).Content.ToHtml().Trim());
        Assert.Equal(sidebar.Replace("nav-list", "piped-list", StringComparison.Ordinal), ((AngleSharp.Html.Dom.IHtmlTemplateElement)page.QuerySelector("#piped")!).Content.ToHtml().Trim());
        var size = int.Parse(page.QuerySelector("meta[name=nav-size]")!.GetAttribute("content")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(size, sidebar.Length - 2, sidebar.Length + 2);
    }

    [Fact]
    public async Task A_broken_override_template_is_reported_with_its_name_and_line_and_the_site_is_not_replaced()
    {
        using var temp = TestPaths.NewTempFolder();
        temp.Write("input/index.md", "---\ntitle: Home\n---\nHello.\n");
        temp.Write("input/_theme/partials/footer.html", "<footer>\n{{ if site.title }}\n</footer>\n");

        var result = await TestBuild.RunAsync(temp.Combine("input"), temp.Combine("site"), TestContext.Current.CancellationToken);

        Assert.False(result.Published);
        var errors = result.Diagnostics.Where(d => d.RuleId == "RD0004").ToList();
        var syntax = Assert.Single(errors, d => d.File == "_theme/partials/footer.html");
        Assert.True(syntax.Line > 0);
        Assert.True(errors.Count <= 2, "a template error is reported once, not once per page: " + string.Join("\n", errors));
        Assert.False(Directory.Exists(temp.Combine("site")));
    }

    [Fact]
    public async Task A_page_whose_layout_fails_half_way_is_not_left_half_written()
    {
        using var temp = TestPaths.NewTempFolder();
        // Template errors lowered to warnings, so the site is published without the page that failed (and the links to it are broken).
        temp.Write("input/site.yml", "lint:\n  rules:\n    template: warning\n    broken-link: warning\n");
        temp.Write("input/index.md", "---\ntitle: Home\n---\nHello.\n");
        // Not the first page of its kind by URL (that one is rendered whole and kept for the link check).
        temp.Write("input/zz-broken.md", "---\ntitle: Broken\n---\nThis page's footer runs past the loop limit.\n");
        // The footer comes last: by then the page's head, navigation and body have been written to its file.
        temp.Write("input/_theme/partials/footer.html", "<footer>{{ if page.title == \"Broken\" }}{{ for i in 1..200000 }}{{ end }}{{ end }}</footer>\n");

        var result = await TestBuild.RunAsync(temp.Combine("input"), temp.Combine("site"), TestContext.Current.CancellationToken);

        Assert.True(result.Published, string.Join("\n", result.Diagnostics));
        var failure = Assert.Single(result.Diagnostics, d => d.RuleId == "RD0004");
        Assert.Contains("zz-broken/index.html", failure.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(temp.Combine("site", "index.html")));
        Assert.False(File.Exists(temp.Combine("site", "zz-broken", "index.html")), "the page that failed is not left half-written");
    }
}
