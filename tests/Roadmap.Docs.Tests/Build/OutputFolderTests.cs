using Roadmap.Docs.Cli;
using Roadmap.Docs.Stages.Output;

namespace Roadmap.Docs.Tests.Build;

public class OutputFolderTests
{
    private static string Page(string title, string body = "Text.") => $"---\ntitle: {title}\n---\n{body}\n";

    [Fact]
    public void Folders_that_must_never_be_replaced_are_refused_with_a_reason()
    {
        using var temp = TestPaths.NewTempFolder();
        var input = Directory.CreateDirectory(temp.Combine("docs", "input")).FullName;
        Directory.CreateDirectory(temp.Combine("repo", ".git"));
        temp.Write("mine/notes.txt", "the user's own file");

        Assert.Contains("is the input folder", OutputFolder.Refusal(input, input), StringComparison.Ordinal);
        Assert.Contains("contains the input folder", OutputFolder.Refusal(temp.Combine("docs"), input), StringComparison.Ordinal);
        Assert.Contains("inside the input folder", OutputFolder.Refusal(Path.Combine(input, "_site"), input), StringComparison.Ordinal);
        Assert.Contains("root of a git repository", OutputFolder.Refusal(temp.Combine("repo"), input), StringComparison.Ordinal);
        Assert.Contains("file-system root", OutputFolder.Refusal("/", input), StringComparison.Ordinal);
        Assert.Contains("home folder", OutputFolder.Refusal(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), input), StringComparison.Ordinal);
        Assert.Contains("did not write", OutputFolder.Refusal(temp.Combine("mine"), input), StringComparison.Ordinal);
        Assert.Null(OutputFolder.Refusal(temp.Combine("docs", "_site"), input));
    }

    [Fact]
    public async Task The_CLI_exits_2_on_a_refused_output_folder_and_leaves_it_untouched()
    {
        using var temp = TestPaths.NewTempFolder();
        temp.Write("input/index.md", Page("Home"));
        var userFile = temp.Write("mine/notes.txt", "the user's own file");
        var stderr = new StringWriter();

        var code = await CliApp.RunAsync(["build", "--input", temp.Combine("input"), "--output", temp.Combine("mine")], new StringWriter(), stderr);

        Assert.Equal(CliApp.ExitUsage, code);
        Assert.Contains("did not write", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("the user's own file", File.ReadAllText(userFile));
        Assert.Single(Directory.GetFileSystemEntries(temp.Combine("mine")));
    }

    [Fact]
    public async Task A_failing_build_leaves_the_previous_site_exactly_as_it_was_and_no_staging_folders()
    {
        using var temp = TestPaths.NewTempFolder();
        var input = temp.Combine("input");
        var output = temp.Combine("site");
        temp.Write("input/index.md", Page("Home", "Version one."));
        temp.Write("input/runbooks/redis.md", Page("Redis"));
        var first = await TestBuild.RunAsync(input, output, TestContext.Current.CancellationToken);
        Assert.True(first.Published);
        var before = Snapshot(output);

        temp.Write("input/index.md", Page("Home", "Version two."));
        temp.Write("input/runbooks/redis.md", "---\ntitle: [broken\n---\n");
        var second = await TestBuild.RunAsync(input, output, TestContext.Current.CancellationToken);

        Assert.False(second.Published);
        Assert.Contains(second.Diagnostics, d => d is { File: "runbooks/redis.md", Line: 3, RuleId: "RD0001" });
        Assert.Equal(before, Snapshot(output));
        Assert.Equal(["input", "site"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_successful_build_replaces_the_site_so_removed_pages_disappear()
    {
        using var temp = TestPaths.NewTempFolder();
        var input = temp.Combine("input");
        var output = temp.Combine("site");
        temp.Write("input/index.md", Page("Home"));
        var gone = temp.Write("input/old.md", Page("Old"));
        await TestBuild.RunAsync(input, output, TestContext.Current.CancellationToken);
        Assert.True(File.Exists(Path.Combine(output, "old", "index.html")));

        File.Delete(gone);
        var result = await TestBuild.RunAsync(input, output, TestContext.Current.CancellationToken);

        Assert.True(result.Published);
        Assert.False(File.Exists(Path.Combine(output, "old", "index.html")));
        Assert.True(File.Exists(Path.Combine(output, OutputFolder.MarkerFile)));
    }

    [Fact]
    public async Task A_cancelled_build_throws_and_keeps_the_previous_site()
    {
        using var temp = TestPaths.NewTempFolder();
        var input = temp.Combine("input");
        var output = temp.Combine("site");
        temp.Write("input/index.md", Page("Home"));
        await TestBuild.RunAsync(input, output, TestContext.Current.CancellationToken);
        var before = Snapshot(output);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TestBuild.RunAsync(input, output, cts.Token));

        Assert.Equal(before, Snapshot(output));
        Assert.Equal(["input", "site"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_second_build_on_the_same_output_fails_clearly_while_the_first_holds_the_lock()
    {
        using var temp = TestPaths.NewTempFolder();
        using var first = OutputFolder.Begin(temp.Combine("site"));

        var ex = Assert.Throws<IOException>(() => OutputFolder.Begin(temp.Combine("site")));

        Assert.Contains("another build is writing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_moved_aside_by_a_build_killed_mid_swap_is_put_back_and_only_our_leftovers_go()
    {
        using var temp = TestPaths.NewTempFolder();
        var input = temp.Combine("input");
        var output = temp.Combine("site");
        temp.Write("input/index.md", Page("Home"));
        await TestBuild.RunAsync(input, output, TestContext.Current.CancellationToken);
        var before = Snapshot(output);
        // As a kill between the two renames of Commit leaves it: the site aside, no site, an empty staging folder
        // (killed before its marker was written), and the user's own folders with look-alike names.
        Directory.Move(output, temp.Combine(".site.old-1-aside"));
        Directory.CreateDirectory(temp.Combine(".site.staging-2-empty"));
        temp.Write(".site.staging-3-users/notes.txt", "mine");

        using (OutputFolder.Begin(output))
        {
            Assert.Equal(before, Snapshot(output));
        }

        Assert.Equal(before, Snapshot(output));
        Assert.Equal([".site.staging-3-users", "input", "site"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_file_that_cannot_be_written_is_RD0005_on_its_source_and_nothing_is_published()
    {
        using var temp = TestPaths.NewTempFolder();
        var input = temp.Combine("input");
        var output = temp.Combine("site");
        temp.Write("input/index.md", Page("Home"));
        await TestBuild.RunAsync(input, output, TestContext.Current.CancellationToken);
        var before = Snapshot(output);
        // guide.md becomes the folder guide/ with its index.html; the file named guide must be written at the same path.
        temp.Write("input/guide.md", Page("Guide"));
        temp.Write("input/guide", "a download without an extension");

        var result = await TestBuild.RunAsync(input, output, TestContext.Current.CancellationToken);

        Assert.False(result.Published);
        var error = Assert.Single(result.Diagnostics, d => d.RuleId == "RD0005");
        Assert.True(error.File is "guide" or "guide.md", error.ToString());
        Assert.Contains("could not be written", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Diagnostics, d => d.RuleId == "RD0000");
        Assert.Equal(before, Snapshot(output));
    }

    internal static SortedDictionary<string, string> Snapshot(string folder) =>
        new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))),
            StringComparer.Ordinal);
}
