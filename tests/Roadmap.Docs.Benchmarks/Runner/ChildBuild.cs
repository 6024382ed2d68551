using System.Diagnostics;
using System.Text.Json;
using Roadmap.Docs.Stages.Input;

namespace Roadmap.Docs.Benchmarks.Runner;

/// <summary>
/// What the child process tells the runner, as one JSON line on stdout. <see cref="BuildMilliseconds"/> times <see cref="SiteBuild.RunAsync"/>
/// alone (no process start-up); <see cref="PeakBytes"/> is the child's own VmHWM just before it exits, a cross-check for the runner's measurement.
/// </summary>
internal sealed record ChildReport(
    double BuildMilliseconds,
    int Pages,
    int Errors,
    int Warnings,
    long PeakBytes,
    long AllocatedBytes,
    int Gen0,
    int Gen1,
    int Gen2,
    double GcPauseMilliseconds,
    IReadOnlyList<string> Diagnostics,
    IReadOnlyList<StageTime> Stages)
{
    /// <summary>The incremental build found nothing changed and did nothing.</summary>
    public bool UpToDate { get; init; }

    /// <summary>Output files the incremental build copied from the previous site.</summary>
    public int Reused { get; init; }
}

/// <summary>
/// <c>--child-build &lt;input&gt; &lt;output&gt; [--theme &lt;dir&gt;] [--stages] [--cache &lt;dir&gt;] [--allocations]</c>: one build of our site in its own process,
/// so its peak memory is its own and nothing of the runner's (corpus generation, earlier runs) is counted.
/// </summary>
internal static class ChildBuild
{
    public const string Flag = "--child-build";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 2)
        {
            await Console.Error.WriteLineAsync($"usage: {Flag} <input> <output> [--theme <dir>] [--stages] [--cache <dir>] [--allocations]");
            return 2;
        }
        var themeAt = Array.IndexOf(args, "--theme");
        var theme = themeAt >= 0 && themeAt + 1 < args.Length ? args[themeAt + 1] : ThemeFolder.Find();
        if (theme is null)
        {
            await Console.Error.WriteLineAsync("error: theme folder not found; pass --theme");
            return 2;
        }
        var cacheAt = Array.IndexOf(args, "--cache");
        var options = new BuildOptions(Path.GetFullPath(args[0]), Path.GetFullPath(args[1]), Path.GetFullPath(theme))
        {
            Dates = SourceDates.None,
            CacheRoot = cacheAt >= 0 && cacheAt + 1 < args.Length ? Path.GetFullPath(args[cacheAt + 1]) : null,
        };

        using var sampler = args.Contains("--allocations") ? new AllocationSampler() : null;
        var stopwatch = Stopwatch.StartNew();
        var result = await SiteBuild.RunAsync(options);
        stopwatch.Stop();
        if (sampler is not null)
        {
            await Console.Error.WriteLineAsync("allocated, sampled by type:\n" + string.Join('\n', sampler.Top(40)));
        }
        IReadOnlyList<StageTime> stages = args.Contains("--stages")
            ? [.. result.Timings.Select(t => new StageTime(t.Pipeline, t.Phase.ToString(), t.Module, t.Elapsed.TotalMilliseconds) { AllocatedMiB = t.AllocatedBytes / 1048576.0, CpuMilliseconds = t.Cpu.TotalMilliseconds })]
            : [];

        var report = new ChildReport(
            stopwatch.Elapsed.TotalMilliseconds,
            result.Pages,
            result.Errors,
            result.Warnings,
            Measure.PeakBytes("self"),
            GC.GetTotalAllocatedBytes(),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalPauseDuration().TotalMilliseconds,
            [.. result.Diagnostics.Take(20).Select(d => d.ToString())],
            stages) { UpToDate = result.UpToDate, Reused = result.Reused };
        Console.WriteLine(JsonSerializer.Serialize(report));
        return result.Errors > 0 ? 1 : 0;
    }

    /// <summary>The report from the child's last stdout line, or null when it printed none.</summary>
    public static ChildReport? Parse(string stdout) =>
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith('{')) is { } json
            ? JsonSerializer.Deserialize<ChildReport>(json)
            : null;
}

/// <summary>Finds the repository's theme/ folder from the program's own location (bin/… inside the clone).</summary>
internal static class ThemeFolder
{
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var theme = Path.Combine(dir.FullName, "theme");
            if (File.Exists(Path.Combine(theme, "layouts", "page.html")) && File.Exists(Path.Combine(dir.FullName, "Roadmap.Docs.sln")))
            {
                return theme;
            }
        }
        return null;
    }
}
