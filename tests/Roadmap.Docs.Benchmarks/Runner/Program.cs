using System.Diagnostics;
using System.Globalization;

namespace Roadmap.Docs.Benchmarks.Runner;

/// <summary>What the runner was asked to do.</summary>
internal sealed record RunnerOptions(IReadOnlyList<int> Pages, int Runs, bool Hugo, string? Out, int Seed, string? Theme, bool Keep, bool Stages, bool Incremental = true)
{
    /// <summary>Also measure <c>roadmap-docs serve</c>: a page's body edited while it runs (see <see cref="ServeBench"/>).</summary>
    public bool Serve { get; init; }

    public const string Usage = """
        usage: dotnet run -c Release --project tests/Roadmap.Docs.Benchmarks -- [options]
          --pages 1000,10000   corpus sizes to measure (default 1000,10000)
          --runs 3             timed runs per size and tool; the table shows the median (default 3)
          --no-hugo            measure our build only
          --out report.md      also write the report to this file
          --seed 42            corpus seed (default 42)
          --theme <dir>        theme folder (default: the repository's theme/)
          --stages             one extra build per size with a stopwatch around every module
          --keep               keep the generated corpus and sites (the folder is printed)
          --no-incremental     skip the incremental-build runs (first cached build, no change, one edit)
          --serve              also run `roadmap-docs serve` on the corpus and time one page's body edited
                               (write → reload event → new page fetched → background build done; 5 edits)
        """;

    /// <summary>The options, or null after printing what is wrong.</summary>
    public static RunnerOptions? Parse(string[] args)
    {
        var options = new RunnerOptions([1_000, 10_000], 3, Hugo: true, Out: null, Seed: 42, Theme: null, Keep: false, Stages: false);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            try
            {
                options = args[i] switch
                {
                    "--pages" => options with { Pages = [.. Value().Split(',').Select(p => int.Parse(p.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture))] },
                    "--runs" => options with { Runs = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--no-hugo" => options with { Hugo = false },
                    "--out" => options with { Out = Value() },
                    "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                    "--theme" => options with { Theme = Value() },
                    "--stages" => options with { Stages = true },
                    "--keep" => options with { Keep = true },
                    "--no-incremental" => options with { Incremental = false },
                    "--serve" => options with { Serve = true },
                    "--help" or "-h" => throw new FormatException(""),
                    _ => throw new FormatException($"unknown option {args[i]}"),
                };
            }
            catch (FormatException ex)
            {
                Console.Error.WriteLine(ex.Message.Length > 0 ? $"error: {ex.Message}\n{Usage}" : Usage);
                return null;
            }
        }
        if (options.Runs < 1 || options.Pages.Any(p => p < 10))
        {
            Console.Error.WriteLine($"error: --runs must be at least 1 and every --pages size at least 10\n{Usage}");
            return null;
        }
        return options;
    }
}

/// <summary>One timed run of one tool on one corpus.</summary>
/// <summary>A first build with an empty cache, one with nothing changed, one after a single page's body was edited.</summary>
internal sealed record IncrementalResult(ToolRun Cold, ToolRun NoChange, ToolRun OneEdit);

internal sealed record ToolRun(TimeSpan Wall, TimeSpan? Cpu, long PeakBytes, long OutputBytes, int HtmlFiles, ChildReport? Child);

/// <summary>All runs of both tools on one corpus size.</summary>
internal sealed record SizeResult(int Pages, long CorpusBytes, IReadOnlyList<ToolRun> Ours, IReadOnlyList<ToolRun> Hugo, IReadOnlyList<StageTime> Stages)
{
    public SearchPayload? Search { get; init; }

    public IncrementalResult? Incremental { get; init; }

    public ServeResult? Serve { get; init; }
}

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == ChildBuild.Flag)
        {
            return await ChildBuild.RunAsync(args[1..]);
        }
        if (args.Length > 0 && args[0] == "fuzz")
        {
            return await Fuzz.FuzzCommand.RunAsync(args[1..]);
        }
        if (RunnerOptions.Parse(args) is not { } options)
        {
            return 2;
        }
        var theme = options.Theme ?? ThemeFolder.Find();
        if (theme is null)
        {
            Console.Error.WriteLine("error: the repository's theme/ folder was not found; pass --theme");
            return 2;
        }
        var hugo = options.Hugo ? Measure.FindOnPath("hugo") : null;
        if (options.Hugo && hugo is null)
        {
            Console.Error.WriteLine("hugo not installed: measuring our build only");
        }

        var loadBefore = Measure.LoadAverage();
        var results = new List<SizeResult>();
        var works = new List<string>();
        try
        {
            foreach (var pages in options.Pages)
            {
                results.Add(await MeasureSizeAsync(pages, options, Path.GetFullPath(theme), hugo, works));
            }
        }
        finally
        {
            // Only now: on ext4 without a journal, creating a file scans past every inode freed in the last minutes, so a
            // deletion just before a timed build (ours or Hugo's) slows that build down (see MeasureSizeAsync).
            if (!options.Keep)
            {
                works.ForEach(work => Directory.Delete(work, recursive: true));
            }
        }
        var report = Report.Markdown(results, options, hugo, (loadBefore, Measure.LoadAverage()));
        Console.WriteLine(report);
        if (options.Out is not null)
        {
            await File.WriteAllTextAsync(options.Out, report);
            Console.Error.WriteLine($"report written to {options.Out}");
        }
        return 0;
    }

    /// <summary>
    /// Generates one corpus, then alternates our build and Hugo's for each run so both see the same machine state. Every
    /// timed build writes into a folder of its own that did not exist before, and nothing is deleted until the end: ext4
    /// (without a journal, as here) skips inodes freed in the last minute or more when it makes a file, so a build right
    /// after a deletion of 20,000 files spent a quarter of its CPU in the kernel's inode search.
    /// </summary>
    private static async Task<SizeResult> MeasureSizeAsync(int pages, RunnerOptions options, string theme, string? hugo, List<string> works)
    {
        var work = Directory.CreateTempSubdirectory($"roadmap-docs-bench-{pages}-").FullName;
        works.Add(work);
        var input = Path.Combine(work, "input");
        var stopwatch = Stopwatch.StartNew();
        CorpusGenerator.Generate(input, pages, options.Seed);
        Log($"{pages:N0} pages: corpus generated in {stopwatch.Elapsed.TotalSeconds:F1} s ({Measure.DirectoryBytes(input) / 1048576.0:F1} MiB) at {work}");
        var hugoSite = Path.Combine(work, "hugo");
        if (hugo is not null)
        {
            HugoSite.Create(input, hugoSite);
        }

        var ours = new List<ToolRun>();
        var theirs = new List<ToolRun>();
        for (var run = 1; run <= options.Runs; run++)
        {
            ours.Add(RunOurs(input, Path.Combine(work, $"site-{run}"), theme, stages: false));
            var child = ours[^1].Child!;
            Log($"  run {run}: ours {ours[^1].Wall.TotalSeconds:F2} s (build {child.BuildMilliseconds / 1000:F2} s), {ours[^1].PeakBytes / 1048576.0:F0} MiB, {child.Pages:N0} pages, {child.Warnings} warnings");
            if (hugo is not null)
            {
                theirs.Add(RunHugo(hugo, hugoSite, Path.Combine(work, $"hugo-public-{run}")));
                Log($"  run {run}: hugo {theirs[^1].Wall.TotalSeconds:F2} s, {theirs[^1].PeakBytes / 1048576.0:F0} MiB");
            }
        }
        var search = SearchPayload.Measure(Path.Combine(work, "site-1"), "rollback");
        Log($"  search: {search.Shards} shards, {search.TotalGzipBytes / 1024.0:F0} KiB gzip in all; before the first results of '{search.Query}': {search.FirstResultGzipBytes / 1024.0:F0} KiB gzip");
        var stages = options.Stages ? RunOurs(input, Path.Combine(work, "site-stages"), theme, stages: true).Child!.Stages : [];
        var incremental = options.Incremental ? MeasureIncremental(input, work, theme) : null;
        var serve = options.Serve ? await ServeBench.MeasureAsync(input, work, theme) : null;
        return new SizeResult(pages, Measure.DirectoryBytes(input), ours, theirs, stages) { Search = search, Incremental = incremental, Serve = serve };
    }

    /// <summary>
    /// Incremental builds in the user's order: a first build with an empty cache, a build with nothing changed, then one
    /// page's body edited (a paragraph added to a runbook) and built again.
    /// </summary>
    private static IncrementalResult MeasureIncremental(string input, string work, string theme)
    {
        var site = Path.Combine(work, "site-incremental");
        var cache = Path.Combine(work, "cache");
        DeleteIfExists(site);
        DeleteIfExists(cache);
        var cold = RunOurs(input, site, theme, stages: false, cache, clean: false);
        var noChange = RunOurs(input, site, theme, stages: false, cache, clean: false);
        var page = Directory.EnumerateFiles(Path.Combine(input, "runbooks"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Skip(1).First();
        File.AppendAllText(page, "\nAfter the incident review: check the replica lag before failing over.\n");
        var oneEdit = RunOurs(input, site, theme, stages: false, cache, clean: false);
        Log($"  incremental: cold {cold.Wall.TotalSeconds:F2} s, no change {noChange.Wall.TotalSeconds:F2} s (up to date: {noChange.Child!.UpToDate}), one page edited {oneEdit.Wall.TotalSeconds:F2} s ({oneEdit.Child!.Reused:N0} files reused)");
        return new IncrementalResult(cold, noChange, oneEdit);
    }

    private static ToolRun RunOurs(string input, string output, string theme, bool stages, string? cache = null, bool clean = true)
    {
        if (clean)
        {
            DeleteIfExists(output);
        }
        var (program, prefix) = Self();
        string[] args = [.. prefix, ChildBuild.Flag, input, output, "--theme", theme, .. stages ? new[] { "--stages" } : [], .. cache is null ? [] : new[] { "--cache", cache }];
        var run = Measure.Run(program, args);
        var child = ChildBuild.Parse(run.Output);
        if (run.ExitCode != 0 || child is null)
        {
            var diagnostics = child is null ? "" : string.Join('\n', child.Diagnostics);
            throw new InvalidOperationException($"our build failed (exit {run.ExitCode}):\n{diagnostics}\n{run.Error}");
        }
        return new ToolRun(run.Wall, run.Cpu, run.PeakBytes, Measure.DirectoryBytes(output), Measure.FileCount(output, "*.html"), child);
    }

    private static ToolRun RunHugo(string hugo, string site, string output)
    {
        DeleteIfExists(output);
        var run = Measure.Run(hugo, ["--quiet", "-d", output], site);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"hugo failed (exit {run.ExitCode}):\n{run.Output}\n{run.Error}");
        }
        return new ToolRun(run.Wall, run.Cpu, run.PeakBytes, Measure.DirectoryBytes(output), Measure.FileCount(output, "*.html"), null);
    }

    /// <summary>This program, to start as the child: the apphost directly, or <c>dotnet app.dll</c> when started through the muxer.</summary>
    private static (string Program, string[] Prefix) Self()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the program's own path is unknown");
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? (process, [typeof(Program).Assembly.Location])
            : (process, []);
    }

    private static void DeleteIfExists(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Log(string message) => Console.Error.WriteLine(message);
}
