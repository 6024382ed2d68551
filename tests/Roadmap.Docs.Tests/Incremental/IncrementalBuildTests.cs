namespace Roadmap.Docs.Tests.Incremental;

/// <summary>
/// Incremental builds write exactly what clean builds write. A scripted sequence of edits runs against a copy of the
/// knowledge base; after each one the cached build's site is compared, file by file and byte by byte, with a build
/// from scratch of the same input.
/// </summary>
public sealed class IncrementalBuildTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Input => _temp.Combine("input");

    private string Cache => _temp.Combine("cache");

    public IncrementalBuildTests() => TestPaths.CopyFolder(TestPaths.Input, Input);

    [Fact]
    public async Task A_build_with_nothing_changed_does_nothing_and_says_so()
    {
        var site = _temp.Combine("site");
        var first = await BuildAsync(site);
        Assert.False(first.UpToDate);
        var before = TreeFiles.Snapshot(site, withTimes: true);

        var second = await BuildAsync(site);

        Assert.True(second.UpToDate);
        Assert.True(second.Published);
        Assert.Equal(first.Diagnostics, second.Diagnostics);
        Assert.Equal(first.Pages, second.Pages);
        Assert.Equal(before, TreeFiles.Snapshot(site, withTimes: true));
    }

    [Theory]
    [InlineData("a page of the site was deleted")]
    [InlineData("a page of the site was edited")]
    [InlineData("the build options differ")]
    [InlineData("the day changed")]
    [InlineData("the cache file is damaged")]
    public async Task A_build_is_redone_when(string what)
    {
        var site = _temp.Combine("site");
        await BuildAsync(site);
        var page = Path.Combine(site, "runbooks", "redis-cache-outage", "index.html");
        var original = File.ReadAllBytes(page);
        var options = TestBuild.Options(Input, site) with { CacheRoot = Cache };
        switch (what)
        {
            case "a page of the site was deleted":
                File.Delete(page);
                break;
            case "a page of the site was edited":
                File.AppendAllText(page, "<!-- edited by hand -->");
                break;
            case "the build options differ":
                options = options with { BaseUrl = "https://docs.example.com/" };
                break;
            case "the day changed":
                options = options with { Clock = new TestBuild.FixedClock(TestBuild.FixedNow.AddDays(1)) };
                break;
            case "the cache file is damaged":
                foreach (var file in Directory.GetFiles(Cache))
                {
                    File.WriteAllText(file, "{ not json");
                }
                break;
        }

        var again = await SiteBuild.RunAsync(options, TestContext.Current.CancellationToken);

        Assert.False(again.UpToDate);
        Assert.True(again.Published);
        if (what.StartsWith("a page", StringComparison.Ordinal))
        {
            Assert.Equal(original, File.ReadAllBytes(page));
        }
    }

    [Fact]
    public async Task Incremental_builds_equal_clean_builds_over_a_sequence_of_edits()
    {
        var incremental = _temp.Combine("incremental");
        await BuildAsync(incremental);
        var steps = new (string Name, Action Edit)[]
        {
            ("edit a runbook's body", () => Edit("runbooks/redis-cache-outage.md", s => s.Replace("## Diagnosis", "## Diagnosis\n\nCheck the Sentinel quorum first.\n", StringComparison.Ordinal))),
            ("retitle a page (navigation on every page)", () => Edit("architecture/environments.md", s => ReplaceTitle(s, "Environments and promotion"))),
            ("tick a deliverable (roadmap, badges, timeline)", () => Edit("roadmap/phase-8-documentation.md", s => TreeFiles.ReplaceFirst(s, "- [ ]", "- [x]"))),
            ("add a page", () => File.WriteAllText(Path.Combine(Input, "runbooks", "dns-failure.md"), "---\ntitle: DNS failure\nkind: page\n---\n## Check\n\nRun `dig`.\n")),
            ("rename a page and the links to it", () => Rename("runbooks/redis-cache-outage.md", "runbooks/redis-outage.md")),
            ("delete a page", () => File.Delete(Path.Combine(Input, "runbooks", "dns-failure.md"))),
            ("change site.yml", () => Edit("site.yml", s => s.Replace("title:", "title: New", StringComparison.Ordinal))),
            ("override a theme partial", () => File.WriteAllText(Directory.CreateDirectory(Path.Combine(Input, "_theme", "partials")).FullName + "/footer.html", "<footer class=\"site-footer\">Team docs</footer>\n")),
            ("nothing", () => { }),
        };
        var reusedSomething = false;
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i].Edit();
            var result = await BuildAsync(incremental);
            var clean = _temp.Combine("clean-" + i);
            var cleanResult = await TestBuild.RunAsync(Input, clean, TestContext.Current.CancellationToken);

            Assert.True(cleanResult.Published, $"{steps[i].Name}: the clean build failed: {string.Join('\n', cleanResult.Diagnostics)}");
            Assert.True(result.Published, $"{steps[i].Name}: the incremental build failed");
            Assert.Equal(TreeFiles.Snapshot(clean), TreeFiles.Snapshot(incremental));
            Assert.Equal(cleanResult.Diagnostics, result.Diagnostics);
            reusedSomething |= result.Reused > 0 && !result.UpToDate;
            Assert.True(steps[i].Name != "nothing" || result.UpToDate, "a build after no change should be up to date");
        }
        Assert.True(reusedSomething, "no incremental build reused anything: the cache is not working");
    }

    [Fact]
    public async Task A_body_edit_reuses_the_other_pages()
    {
        var site = _temp.Combine("site");
        var first = await BuildAsync(site);
        Edit("runbooks/redis-cache-outage.md", s => s + "\nOne more line.\n");

        var second = await BuildAsync(site);

        // Every other page keeps its model (the sidebar, the pager and the title are unchanged); the search index changes.
        Assert.True(second.Reused >= first.Pages - 1, $"reused {second.Reused} of {first.Pages} pages");
        Assert.Contains("One more line.", File.ReadAllText(Path.Combine(site, "runbooks", "redis-cache-outage", "index.html")), StringComparison.Ordinal);
    }

    private void Edit(string relative, Func<string, string> change) => TreeFiles.Edit(Input, relative, change);

    private Task<BuildResult> BuildAsync(string site) =>
        SiteBuild.RunAsync(TestBuild.Options(Input, site) with { CacheRoot = Cache }, TestContext.Current.CancellationToken);

    private void Rename(string from, string to)
    {
        File.Move(Path.Combine(Input, from), Path.Combine(Input, to));
        foreach (var file in Directory.EnumerateFiles(Input, "*.md", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            var renamed = text.Replace(Path.GetFileName(from), Path.GetFileName(to), StringComparison.Ordinal);
            if (renamed != text)
            {
                File.WriteAllText(file, renamed);
            }
        }
    }

    private static string ReplaceTitle(string text, string title)
    {
        var start = text.IndexOf("\ntitle:", StringComparison.Ordinal) + 1;
        var end = text.IndexOf('\n', start);
        return text[..start] + "title: " + title + text[end..];
    }

    public void Dispose() => _temp.Dispose();
}
