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
}
