using System.Runtime.Versioning;
using Roadmap.Docs.Cli;
using Roadmap.Docs.Stages.Output;
using Roadmap.Docs.Tests.Build;
using Roadmap.Docs.Tests.Serve;

namespace Roadmap.Docs.Tests.Faults;

/// <summary>
/// The build as a real process meeting the faults users meet: killed mid-write, Ctrl-C, a folder it may not write,
/// a full disk, a second build on the same folder. Each time the previous site must stay byte for byte as it was.
/// </summary>
[Collection(CliFaultsGroup.Name)]
public sealed class BuildFaultTests(BigCorpus corpus) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    private readonly TempFolder _temp = TestPaths.NewTempFolder();
    private readonly CancellationTokenSource _cts = Cancel();

    private string Output => _temp.Combine("site");

    private CancellationToken Token => _cts.Token;

    [Fact]
    public async Task A_build_killed_mid_write_leaves_the_previous_site_and_the_next_build_removes_only_its_leftovers()
    {
        SkipOnWindows();
        var before = await PreviousSiteAsync();
        // Folders with the tool's names but without its marker are the user's: never touched.
        var userStaging = _temp.Write(".site.staging-not-ours/keep.txt", "mine");
        var userOld = _temp.Write(".site.old-not-ours/keep.txt", "mine too");

        using (var build = CliProcess.Build(corpus.Input, Output))
        {
            var staging = await build.MidWriteAsync(Output, files: 50, Token);
            build.Process.Kill();
            await build.Process.WaitForExitAsync(Token);

            Assert.True(File.Exists(Path.Combine(staging, OutputFolder.MarkerFile)), "the kill should have left the half-written staging folder behind");
        }
        Assert.Equal(before, OutputFolderTests.Snapshot(Output));

        using var next = CliProcess.Build(corpus.Small, Output);
        Assert.Equal(CliApp.ExitOk, await next.ExitCodeAsync(Token));

        // .roadmap-docs is the incremental build cache in the working folder: the tool's own, and kept.
        Assert.Equal([".roadmap-docs", ".site.old-not-ours", ".site.staging-not-ours", "site"], Entries(_temp.Path));
        Assert.Equal("mine", await File.ReadAllTextAsync(userStaging, Token));
        Assert.Equal("mine too", await File.ReadAllTextAsync(userOld, Token));
    }

    [Fact]
    public async Task Ctrl_C_mid_write_exits_130_keeps_the_previous_site_and_removes_the_staging_folder()
    {
        SkipOnWindows();
        var before = await PreviousSiteAsync();

        // A shell that starts the test runner in the background makes its children ignore SIGINT; a terminal does not.
        using var build = CliProcess.Build(corpus.Input, Output, wrapper: ["env", "--default-signal=INT"]);
        await build.MidWriteAsync(Output, files: 50, Token);
        await build.SignalAsync("INT", Token);

        Assert.Equal(CliApp.ExitInterrupted, await build.ExitCodeAsync(Token));
        Assert.Contains("Build cancelled; the previous site was left as it was.", await build.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, OutputFolderTests.Snapshot(Output));
        Assert.Equal(["site"], Entries(_temp.Path));
    }

    [Fact]
    public async Task A_second_build_on_the_same_output_fails_clearly_and_never_mixes_its_files_into_the_first()
    {
        SkipOnWindows();
        await PreviousSiteAsync();
        var other = _temp.Combine("other");
        _temp.Write("other/index.md", "---\ntitle: Other\n---\nONLY-IN-THE-SECOND-BUILD\n");
        _temp.Write("other/only-second.md", "---\ntitle: Only second\n---\nONLY-IN-THE-SECOND-BUILD\n");
        TestInputs.FillThemeGap(other);

        using var first = CliProcess.Build(corpus.Input, Output);
        await first.HoldsLockAsync(Output, Token);
        using var second = CliProcess.Build(other, Output);
        var secondExit = await second.ExitCodeAsync(Token);
        Assert.False(first.Process.HasExited, "the first build finished before the second started; the corpus is too small to overlap them");
        var firstExit = await first.ExitCodeAsync(Token);

        Assert.Equal(CliApp.ExitFailed, secondExit);
        Assert.Equal(
            $"error: another build is writing to '{Output}' (lock file .site.lock is held); wait for it to finish; the previous site was left as it was.",
            (await second.Stderr).Trim());
        Assert.Equal(CliApp.ExitOk, firstExit);
        var files = Directory.GetFiles(Output, "*", SearchOption.AllDirectories);
        Assert.DoesNotContain(files, f => File.ReadAllText(f).Contains("ONLY-IN-THE-SECOND-BUILD", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(Output, "only-second", "index.html")));
        Assert.True(files.Count(f => f.EndsWith(".html", StringComparison.Ordinal)) >= BigCorpus.Pages);
        Assert.Equal([".roadmap-docs", "other", "site"], Entries(_temp.Path));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task An_output_folder_it_may_not_write_beside_is_one_clear_error_and_exit_1()
    {
        SkipOnWindows();
        // Root may write anywhere whatever the mode says: the build then runs as nobody (setpriv), which the mode does stop.
        IReadOnlyList<string> wrapper = [];
        if (Environment.IsPrivilegedProcess)
        {
            if (!File.Exists("/usr/bin/setpriv"))
            {
                Assert.Skip("running as root and setpriv (util-linux) is missing, so nothing can be made unwritable for the build");
            }
            wrapper = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"];
        }
        var parent = _temp.Combine("locked");
        var output = Path.Combine(parent, "site");
        Directory.CreateDirectory(parent);
        await TestBuild.RunAsync(corpus.Small, output, Token);
        var before = OutputFolderTests.Snapshot(output);
        File.SetUnixFileMode(parent, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        try
        {
            using var build = CliProcess.Build(corpus.Small, output, wrapper);

            Assert.Equal(CliApp.ExitFailed, await build.ExitCodeAsync(Token));
            Assert.Equal(
                $"error: cannot write the site to '{output}': permission denied in '{parent}'; the previous site was left as it was.",
                (await build.Stderr).Trim());
            Assert.Equal(before, OutputFolderTests.Snapshot(output));
            Assert.Equal(["site"], Entries(parent));
        }
        finally
        {
            File.SetUnixFileMode(parent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task A_disk_that_fills_up_mid_write_is_one_clear_error_exit_1_and_the_previous_site_stays()
    {
        SkipOnWindows();
        if (!Environment.IsPrivilegedProcess || !File.Exists("/usr/bin/unshare"))
        {
            Assert.Skip("needs root and unshare(1) to mount a small tmpfs as a full disk");
        }
        var previous = _temp.Combine("previous");
        await TestBuild.RunAsync(corpus.Small, previous, Token);
        var before = OutputFolderTests.Snapshot(previous);
        var siteBytes = Directory.EnumerateFiles(previous, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        // Room for the previous site and a little more: the big build runs out part way through writing.
        var sizeKiB = (siteBytes * 2 / 1024) + 1024;
        var disk = _temp.Combine("disk");
        var after = _temp.Combine("after");
        Directory.CreateDirectory(disk);
        var script = _temp.Write("full-disk.sh", """
            set -u
            mount -t tmpfs -o "size=$SIZE_KIB"k tmpfs "$DISK" || exit 97
            cp -a "$PREVIOUS" "$DISK/site"
            "$@"
            code=$?
            cp -a "$DISK/." "$AFTER/"
            exit $code
            """);
        Directory.CreateDirectory(after);
        var wrapper = new[] { "env", $"SIZE_KIB={sizeKiB}", $"DISK={disk}", $"PREVIOUS={previous}", $"AFTER={after}", "unshare", "--mount", "--propagation", "private", "bash", script };
        var output = Path.Combine(disk, "site");

        using var build = CliProcess.Build(corpus.Input, output, wrapper);
        var exit = await build.ExitCodeAsync(Token);

        if (exit == 97)
        {
            Assert.Skip($"could not mount a tmpfs here: {await build.Stderr}");
        }
        Assert.Equal(CliApp.ExitFailed, exit);
        var error = (await build.Stderr).Trim();
        Assert.DoesNotContain('\n', error);
        Assert.StartsWith($"error: cannot write the site to '{output}': No space left on device (while writing ", error, StringComparison.Ordinal);
        Assert.EndsWith("); the previous site was left as it was.", error, StringComparison.Ordinal);
        Assert.Equal(before, OutputFolderTests.Snapshot(Path.Combine(after, "site")));
        Assert.Equal(["site"], Entries(after));
    }

    public void Dispose()
    {
        _cts.Dispose();
        _temp.Dispose();
    }

    private static CancellationTokenSource Cancel()
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(Timeout);
        return cts;
    }

    private static void SkipOnWindows()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("sends POSIX signals and uses POSIX file modes");
        }
    }

    /// <summary>Builds the small knowledge base into the output: the site a failed build must not touch.</summary>
    private async Task<SortedDictionary<string, string>> PreviousSiteAsync()
    {
        var result = await TestBuild.RunAsync(corpus.Small, Output, Token);
        Assert.True(result.Published, string.Join('\n', result.Diagnostics));
        return OutputFolderTests.Snapshot(Output);
    }

    private static string[] Entries(string folder) =>
        [.. Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).OfType<string>().Where(n => n != "full-disk.sh").Order(StringComparer.Ordinal)];
}
