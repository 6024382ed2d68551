using System.Diagnostics;
using Roadmap.Docs.Incremental;
using Roadmap.Docs.Stages.Input;

namespace Roadmap.Docs.Tests.Incremental;

/// <summary>
/// One-page refreshes (what <c>serve</c> does on a body edit) against builds from scratch: the knowledge base is built
/// and kept, a page is edited and refreshed alone, and the refreshed page is compared byte for byte with the page a clean
/// build of the edited tree writes — and every other file of the refreshed site with the clean site, except the search
/// index, which the full build that follows brings up to date. Edits that other pages would show fall back.
/// </summary>
public sealed class PageRefreshTests : IDisposable
{
    private const string Added = "A sentence the refresh test adds, with a [link home](../index.md).";

    private readonly TempFolder _temp = new();

    public PageRefreshTests() => TestPaths.CopyFolder(TestPaths.Input, Input);

    private string Input => _temp.Combine("input");

    private string Site => _temp.Combine("site");

    private BuildOptions Options => TestBuild.Options(Input, Site) with { CacheRoot = _temp.Combine("cache"), KeepState = true };

    [Theory]
    [InlineData("architecture/system-overview.md")]
    [InlineData("runbooks/redis-cache-outage.md")]
    [InlineData("roadmap/phase-3-python-modernization.md")]
    public async Task A_body_edit_is_refreshed_alone_byte_for_byte_as_a_clean_build_writes_it(string source)
    {
        var last = await BuildAsync();
        Edit(source, text => InsertBeforeFirstSection(text, Added));

        var page = Assert.Single(await RefreshAsync(last, source));
        PageRefresh.Write(Site, page);
        var clean = await CleanBuildAsync();

        Assert.Equal(last.DestinationOf(source), page.Destination);
        Assert.Contains("A sentence the refresh test adds", page.Html, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(clean, page.Destination)), File.ReadAllBytes(Path.Combine(Site, page.Destination)));
        Assert.Equal(TreeFiles.Snapshot(clean, leaveOut: "search/"), TreeFiles.Snapshot(Site, leaveOut: "search/"));
    }

    [Fact]
    public async Task The_full_build_after_a_refresh_remakes_only_that_page_and_writes_the_same_bytes()
    {
        var last = await BuildAsync();
        Edit("runbooks/redis-cache-outage.md", text => InsertBeforeFirstSection(text, Added));
        var page = Assert.Single(await RefreshAsync(last, "runbooks/redis-cache-outage.md"));
        PageRefresh.Write(Site, page);

        var full = await SiteBuild.RunAsync(Options, TestContext.Current.CancellationToken);

        Assert.True(full.Published);
        Assert.Equal([page.Destination], full.Remade);
        Assert.Equal(page.Html, File.ReadAllText(Path.Combine(Site, page.Destination)));
        Assert.Equal(TreeFiles.Snapshot(await CleanBuildAsync()), TreeFiles.Snapshot(Site));
    }

    [Fact]
    public async Task Several_pages_edited_at_once_are_refreshed_together()
    {
        var last = await BuildAsync();
        string[] sources = ["architecture/environments.md", "roadmap/phase-5-database-optimization.md", "runbooks/api-latency-regression.md"];
        foreach (var source in sources)
        {
            Edit(source, text => InsertBeforeFirstSection(text, Added));
        }

        var pages = await RefreshAsync(last, sources);
        foreach (var page in pages)
        {
            PageRefresh.Write(Site, page);
        }

        Assert.Equal(sources.Order(StringComparer.Ordinal), pages.Select(p => p.Source));
        Assert.Equal(TreeFiles.Snapshot(await CleanBuildAsync(), leaveOut: "search/"), TreeFiles.Snapshot(Site, leaveOut: "search/"));
    }

    [Fact]
    public async Task A_second_refresh_starts_from_the_first()
    {
        var last = await BuildAsync();
        var source = "roadmap/phase-3-python-modernization.md";
        Edit(source, text => InsertBeforeFirstSection(text, Added));
        var first = await PageRefresh.RenderAsync(last, [source], TestContext.Current.CancellationToken);
        Edit(source, text => text.Replace(Added, "The sentence, edited again.", StringComparison.Ordinal));

        var second = await PageRefresh.RenderAsync(first.Next!, [source], TestContext.Current.CancellationToken);
        PageRefresh.Write(Site, Assert.Single(second.Pages));

        Assert.True(second.Refreshed, second.FallBack);
        Assert.Equal(TreeFiles.Snapshot(await CleanBuildAsync(), leaveOut: "search/"), TreeFiles.Snapshot(Site, leaveOut: "search/"));
    }

    [Fact]
    public async Task A_phase_page_whose_roadmap_part_changed_unseen_is_refreshed_as_a_clean_build_writes_it_twice_in_a_row()
    {
        var last = await BuildAsync();
        var source = "roadmap/phase-3-python-modernization.md";
        foreach (var version in (string[])["3.12", "3.13"])
        {
            Edit(source, text => System.Text.RegularExpressions.Regex.Replace(text, @"- Upgrade to Python 3\.[0-9]+\+?\.", $"- Upgrade to Python {version}."));
            var refresh = await PageRefresh.RenderAsync(last, [source], TestContext.Current.CancellationToken);
            PageRefresh.Write(Site, Assert.Single(refresh.Pages));

            Assert.NotNull(refresh.Next?.RoadmapView);
            Assert.Equal(TreeFiles.Snapshot(await CleanBuildAsync(), leaveOut: "search/"), TreeFiles.Snapshot(Site, leaveOut: "search/"));
            last = refresh.Next!;
        }
    }

    [Theory]
    [InlineData("an introduction sentence", "at once")]
    [InlineData("a blank line above the deliverables", "at once")]
    [InlineData("an objective reworded", "after reading the roadmap again")]
    [InlineData("a deliverable no other phase depends on renamed", "after reading the roadmap again")]
    [InlineData("a dependency added in the body", "not at all")]
    public async Task A_phase_page_is_refreshed_at_once_when_it_gives_the_roadmap_the_same_wherever_its_lines_moved(string edit, string refreshed)
    {
        var last = await BuildAsync();
        var source = "roadmap/phase-3-python-modernization.md";
        var before = RoadmapContribution.Of(last.RoadmapPages[source]);
        Edit(source, text => edit switch
        {
            "an introduction sentence" => InsertBeforeFirstSection(text, Added),
            "a blank line above the deliverables" => text.Replace("## Deliverables\n", "\n## Deliverables\n", StringComparison.Ordinal),
            "an objective reworded" => text.Replace("- Upgrade to Python 3.10+.", "- Upgrade to Python 3.12.", StringComparison.Ordinal),
            "a deliverable no other phase depends on renamed" => text.Replace("Update all validation schemas", "Update every validation schema", StringComparison.Ordinal),
            _ => text.Replace("## Dependencies\n", "## Dependencies\n\n- Completion of phase-1.\n", StringComparison.Ordinal),
        });

        var refresh = await PageRefresh.RenderAsync(last, [source], TestContext.Current.CancellationToken);
        var after = RoadmapContribution.Of((await BuildAsync()).RoadmapPages[source]);

        Assert.Contains("\"Title\":\"Python Modernization\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Line\"", before, StringComparison.Ordinal);
        Assert.Equal(refreshed == "at once", before == after);
        // Read again, the roadmap is kept for the next refresh; at once, it was not read.
        var how = !refresh.Refreshed ? "not at all" : refresh.Next!.RoadmapView is null ? "at once" : "after reading the roadmap again";
        Assert.Equal(refreshed, how);
    }

    [Theory]
    [InlineData("retitle a page", "the title of architecture/environments.md changed")]
    [InlineData("change the leading heading that names a page", "the title of architecture/system-overview.md changed")]
    [InlineData("tick a deliverable on a phase page", "the checklist count of roadmap/phase-8-documentation.md changed")]
    [InlineData("reorder a page", "the order of runbooks/api-latency-regression.md changed")]
    [InlineData("rename a deliverable another phase depends on", "roadmap")]
    [InlineData("move a phase in the schedule", "roadmap")]
    [InlineData("break the front matter", "error RD0001")]
    [InlineData("link to a page that does not exist", "a new finding: runbooks/redis-cache-outage.md:")]
    [InlineData("drop a section a runbook needs", "a new finding: runbooks/kubernetes-failed-rollout.md:")]
    public async Task Edits_that_other_pages_show_or_that_bring_a_new_finding_fall_back_to_the_full_build(string edit, string why)
    {
        var last = await BuildAsync();
        var source = edit switch
        {
            "retitle a page" => Edit("architecture/environments.md", text => text.Replace("title: Environments", "title: Environments and promotion", StringComparison.Ordinal)),
            "change the leading heading that names a page" => Edit("architecture/system-overview.md", text => TreeFiles.ReplaceFirst(text.Replace("title: System overview\n", "", StringComparison.Ordinal), "\n---\n", "\n---\n# System overview, by its heading\n\n")),
            "tick a deliverable on a phase page" => Edit("roadmap/phase-8-documentation.md", text => TreeFiles.ReplaceFirst(text, "- [ ]", "- [x]")),
            "reorder a page" => Edit("runbooks/api-latency-regression.md", text => TreeFiles.ReplaceFirst(text, "\n---\n", "\norder: 1\n---\n")),
            "rename a deliverable another phase depends on" => Edit("roadmap/phase-3-python-modernization.md", text => text.Replace("Complete Pydantic V1 to V2 migration", "Finish the Pydantic migration", StringComparison.Ordinal)),
            "move a phase in the schedule" => Edit("roadmap/phase-3-python-modernization.md", text => text.Replace("weeks: 5-7", "weeks: 5-8", StringComparison.Ordinal)),
            "break the front matter" => Edit("index.md", text => "---\ntitle: [unclosed\n" + text),
            "link to a page that does not exist" => Edit("runbooks/redis-cache-outage.md", text => InsertBeforeFirstSection(text, "See [the missing page](missing-page.md).")),
            "drop a section a runbook needs" => Edit("runbooks/kubernetes-failed-rollout.md", text => text.Replace("## Diagnosis", "## Looking around", StringComparison.Ordinal)),
            _ => throw new ArgumentException(edit, nameof(edit)),
        };

        Assert.Equal(new[] { source }, PageRefresh.PagesToRefresh(last, [Path.Combine(Input, source)])?.ToArray());
        var refresh = await PageRefresh.RenderAsync(last, [source], TestContext.Current.CancellationToken);

        Assert.False(refresh.Refreshed, $"{edit}: refreshed alone");
        Assert.Contains(why, refresh.FallBack, StringComparison.Ordinal);
        Assert.Empty(refresh.Pages);
    }

    [Theory]
    [InlineData("a new page", "runbooks/dns-failure.md")]
    [InlineData("a deleted page", "runbooks/redis-cache-outage.md")]
    [InlineData("a renamed page", "runbooks/redis-outage.md")]
    [InlineData("site.yml", "site.yml")]
    [InlineData("a theme override", "_theme/partials/footer.html")]
    [InlineData("a file copied as it is", "runbooks/notes.txt")]
    [InlineData("a new folder", "runbooks/new")]
    [InlineData("the theme", "../theme/layouts/page.html")]
    [InlineData("lost events", null)]
    public async Task Changes_that_are_not_edits_of_existing_pages_need_the_full_build(string what, string? path)
    {
        var last = await BuildAsync();
        switch (what)
        {
            case "a new page":
                _temp.Write("input/runbooks/dns-failure.md", "---\ntitle: DNS failure\n---\nRun dig.\n");
                break;
            case "a deleted page":
                File.Delete(Path.Combine(Input, path!));
                break;
            case "a renamed page":
                File.Move(Path.Combine(Input, "runbooks/redis-cache-outage.md"), Path.Combine(Input, path!));
                break;
            case "a file copied as it is":
                _temp.Write("input/runbooks/notes.txt", "notes");
                break;
            case "a new folder":
                Directory.CreateDirectory(Path.Combine(Input, path!));
                break;
        }
        string?[] changed = what == "a renamed page"
            ? [Path.Combine(Input, "runbooks/redis-cache-outage.md"), Path.Combine(Input, path!)]
            : [path is null ? null : Path.Combine(Input, path)];

        Assert.Null(PageRefresh.PagesToRefresh(last, changed));
    }

    [Fact]
    public async Task An_editors_temporary_and_dot_files_change_nothing_the_build_reads()
    {
        var last = await BuildAsync();
        var page = Path.Combine(Input, "runbooks", "redis-cache-outage.md");
        _temp.Write("input/runbooks/.redis-cache-outage.md.swp", "swap");

        var pages = PageRefresh.PagesToRefresh(last, [page + ".tmp-4913", _temp.Combine("input/runbooks/.redis-cache-outage.md.swp"), page, page]);

        Assert.Equal("runbooks/redis-cache-outage.md", Assert.Single(pages!.Value));
        Assert.Equal(Array.Empty<string>(), PageRefresh.PagesToRefresh(last, [page + "~"])?.ToArray());
    }

    [Fact]
    public async Task Page_dates_come_from_the_last_builds_git_log_and_a_new_commit_falls_back()
    {
        Git("init", "-q");
        Git("add", ".");
        Git("commit", "-q", "-m", "The knowledge base");
        var last = await BuildAsync(Options with { Dates = SourceDates.Git });
        Edit("runbooks/redis-cache-outage.md", text => InsertBeforeFirstSection(text, Added));

        var page = Assert.Single(await RefreshAsync(last, "runbooks/redis-cache-outage.md"));
        var clean = await CleanBuildAsync(SourceDates.Git);

        Assert.Contains("1 October 2026", page.Html, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(clean, page.Destination)), page.Html);

        Git("commit", "-q", "-a", "-m", "The runbook, edited");
        var refresh = await PageRefresh.RenderAsync(last, ["runbooks/redis-cache-outage.md"], TestContext.Current.CancellationToken);

        Assert.Contains("another commit", refresh.FallBack, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refresh_falls_back_when_the_day_changed()
    {
        var last = await BuildAsync();
        Edit("index.md", text => text + "\nOne more line.\n");
        var tomorrow = last with { Options = last.Options with { Clock = new TestBuild.FixedClock(TestBuild.FixedNow.AddDays(1)) } };

        var refresh = await PageRefresh.RenderAsync(tomorrow, ["index.md"], TestContext.Current.CancellationToken);

        Assert.Contains("the day changed", refresh.FallBack, StringComparison.Ordinal);
    }

    private async Task<LastBuild> BuildAsync(BuildOptions? options = null)
    {
        var result = await SiteBuild.RunAsync(options ?? Options, TestContext.Current.CancellationToken);
        Assert.True(result.Published, string.Join('\n', result.Diagnostics));
        return result.LastBuild ?? throw new InvalidOperationException("a build that keeps its state returned none");
    }

    private async Task<List<RefreshedPage>> RefreshAsync(LastBuild last, params string[] sources)
    {
        var found = PageRefresh.PagesToRefresh(last, [.. sources.Select(s => Path.Combine(Input, s))]);
        Assert.Equal(sources.Order(StringComparer.Ordinal).ToArray(), found?.ToArray());
        var refresh = await PageRefresh.RenderAsync(last, found!.Value, TestContext.Current.CancellationToken);
        Assert.True(refresh.Refreshed, refresh.FallBack);
        Assert.NotNull(refresh.Next);
        return [.. refresh.Pages];
    }

    private async Task<string> CleanBuildAsync(SourceDates dates = SourceDates.None)
    {
        var clean = _temp.Combine("clean-" + Guid.NewGuid().ToString("N")[..8]);
        var result = await SiteBuild.RunAsync(TestBuild.Options(Input, clean) with { Dates = dates }, TestContext.Current.CancellationToken);
        Assert.True(result.Published, string.Join('\n', result.Diagnostics));
        return clean;
    }

    private string Edit(string relative, Func<string, string> change) => TreeFiles.Edit(Input, relative, change);

    /// <summary>Runs git in the input folder, as a fixed author at a fixed time (1 October 2026), so page dates are known.</summary>
    private void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Input, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["-c", "user.name=Refresh Test", "-c", "user.email=refresh@example.com", "-c", "commit.gpgsign=false", .. args])
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["GIT_AUTHOR_DATE"] = start.Environment["GIT_COMMITTER_DATE"] = "2026-10-01T12:00:00Z";
        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEnd();
        git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
    }

    /// <summary>A paragraph before the first "## " heading (in the introduction: not a deliverable, not a required section).</summary>
    private static string InsertBeforeFirstSection(string text, string paragraph) => TreeFiles.ReplaceFirst(text, "\n## ", "\n" + paragraph + "\n\n## ");

    public void Dispose() => _temp.Dispose();
}
