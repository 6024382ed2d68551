namespace Roadmap.Docs.Tests.Safety;

/// <summary>
/// Theme templates (including overrides under input/_theme/, which arrive with the content) run sandboxed: they see
/// only plain values, cannot reach .NET objects or files, and a runaway loop or recursion stops with an error that names
/// the template and line. The build ends either way, and the site is not replaced.
/// </summary>
public class TemplateSandboxTests
{
    [Fact]
    public async Task A_template_sees_plain_values_and_no_dotnet_object_behind_them()
    {
        var (result, home) = await BuildWithLayoutAsync("""
            [{{ page.title.GetType }}|{{ page.GetType }}|{{ site.GetType }}|{{ page.title | object.typeof }}|{{ site.root.Length }}|{{ environment }}|{{ system }}]
            """);

        Assert.True(result.Published, string.Join("\n", result.Diagnostics));
        Assert.Equal("[|||string|||]", home!.Trim());
    }

    [Fact]
    public async Task A_runaway_loop_stops_at_the_loop_limit_with_the_template_and_line()
    {
        var (result, home) = await BuildWithLayoutAsync("<p>\n{{ for i in 1..100000000 }}x{{ end }}\n</p>");

        Assert.False(result.Published);
        Assert.Null(home);
        var error = Assert.Single(result.Diagnostics, d => d.RuleId == "RD0004");
        Assert.Equal(("_theme/layouts/page.html", 2), (error.File, error.Line));
        Assert.Contains("limit", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_partial_that_includes_itself_stops_at_the_recursion_limit_with_the_template_and_line()
    {
        var (result, _) = await BuildWithLayoutAsync("{{ include \"partials/loop.html\" }}", ("partials/loop.html", "a\n{{ include \"partials/loop.html\" }}"));

        Assert.False(result.Published);
        var error = Assert.Single(result.Diagnostics, d => d.RuleId == "RD0004");
        Assert.Equal(("_theme/partials/loop.html", 2), (error.File, error.Line));
        Assert.Contains("recursi", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_built_in_functions_are_read_only_so_no_page_changes_what_the_next_one_sees()
    {
        var (result, _) = await BuildWithLayoutAsync("ok {{ string.upcase \"x\" }}\n{{ date.format = \"%Y\" }}");

        Assert.False(result.Published);
        var error = Assert.Single(result.Diagnostics, d => d.RuleId == "RD0004");
        Assert.Equal(("_theme/layouts/page.html", 2), (error.File, error.Line));
    }

    [Fact]
    public async Task An_include_can_name_only_the_themes_own_templates_not_a_file()
    {
        var (result, _) = await BuildWithLayoutAsync("ok\n{{ include \"/etc/passwd\" }}");

        Assert.False(result.Published);
        var error = Assert.Single(result.Diagnostics, d => d.RuleId == "RD0004");
        Assert.Equal(("_theme/layouts/page.html", 2), (error.File, error.Line));
        Assert.Contains("no template named '/etc/passwd'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_that_looks_like_a_template_is_printed_not_run()
    {
        using var temp = TestPaths.NewTempFolder();
        temp.Write("input/index.md", "---\ntitle: \"{{ for i in 1..10 }}x{{ end }} {{ site.title }}\"\n---\nBody.\n");

        var result = await TestBuild.RunAsync(temp.Combine("input"), temp.Combine("site"), TestContext.Current.CancellationToken);

        Assert.True(result.Published, string.Join("\n", result.Diagnostics));
        Assert.Contains("<h1>{{ for i in 1..10 }}x{{ end }} {{ site.title }}</h1>", File.ReadAllText(temp.Combine("site", "index.html")), StringComparison.Ordinal);
    }

    private static async Task<(BuildResult Result, string? Home)> BuildWithLayoutAsync(string layout, params (string Path, string Text)[] more)
    {
        using var temp = TestPaths.NewTempFolder();
        temp.Write("input/index.md", "---\ntitle: Home\n---\nHello.\n");
        temp.Write("input/_theme/layouts/page.html", layout);
        foreach (var (path, text) in more)
        {
            temp.Write("input/_theme/" + path, text);
        }
        var result = await TestBuild.RunAsync(temp.Combine("input"), temp.Combine("site"), TestContext.Current.CancellationToken);
        var home = temp.Combine("site", "index.html");
        return (result, File.Exists(home) ? File.ReadAllText(home) : null);
    }
}
