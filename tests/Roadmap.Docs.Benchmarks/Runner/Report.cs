using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Roadmap.Docs.Benchmarks.Runner;

/// <summary>The markdown report: one table row per tool and size, the Hugo/ours ratio, and how it was measured.</summary>
internal static class Report
{
    private const double MiB = 1024 * 1024;

    public static string Markdown(IReadOnlyList<SizeResult> results, RunnerOptions options, string? hugo, (string Before, string After) load)
    {
        var md = new StringBuilder();
        md.AppendLine("## Roadmap.Docs build vs Hugo");
        md.AppendLine();
        md.AppendLine("| Pages | Tool | Wall (median) | Runs (s) | Pages/s | CPU (s) | Peak RSS (MiB) | Output (MiB) | Bytes/page |");
        md.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            var pages = I($"{result.Pages:N0}");
            var ours = Median(result.Ours, r => r.Wall.TotalSeconds);
            var build = Median(result.Ours, r => r.Child!.BuildMilliseconds / 1000);
            Row(md, pages, "roadmap-docs (process)", result.Pages, result.Ours, r => r.Wall.TotalSeconds);
            md.AppendLine(I($"| {pages} | roadmap-docs (build only, in-process) | {build:F2} s | {Runs(result.Ours, r => r.Child!.BuildMilliseconds / 1000)} | {result.Pages / build:N0} | | | | |"));
            if (result.Hugo.Count > 0)
            {
                var theirs = Median(result.Hugo, r => r.Wall.TotalSeconds);
                Row(md, pages, "hugo", result.Pages, result.Hugo, r => r.Wall.TotalSeconds);
                var cpu = result.Ours.Concat(result.Hugo).All(r => r.Cpu is not null)
                    ? I($"{Median(result.Hugo, r => r.Cpu!.Value.TotalSeconds) / Median(result.Ours, r => r.Cpu!.Value.TotalSeconds):F2}×")
                    : "";
                md.AppendLine(I($"| {pages} | **Hugo time / our time** | **{theirs / ours:F2}×** | build only: {theirs / build:F2}× | | {cpu} | | | |"));
            }
        }
        md.AppendLine();
        md.AppendLine("### Search payload (gzip -6)");
        md.AppendLine();
        md.AppendLine("| Pages | Shards | All search files | Before the first results of a one-word query | Index build (Search/Process) |");
        md.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var result in results.Where(r => r.Search is not null))
        {
            var build = result.Stages.FirstOrDefault(t => t.Pipeline == "Search" && t.Phase == "Process");
            md.AppendLine(I($"| {result.Pages:N0} | {result.Search!.Shards} | {result.Search.TotalGzipBytes / 1024.0:N0} KiB | {result.Search.FirstResultGzipBytes / 1024.0:N0} KiB ('{result.Search.Query}') | {(build is null ? "" : $"{build.Milliseconds / 1000:F2} s")} |"));
        }
        md.AppendLine();
        md.AppendLine("### Incremental builds (our process, wall time; build only in brackets)");
        md.AppendLine();
        md.AppendLine("| Pages | First build, empty cache | Nothing changed | One page's body edited | Files reused after the edit |");
        md.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var result in results.Where(r => r.Incremental is not null))
        {
            var (cold, none, edit) = result.Incremental!;
            md.AppendLine(I($"| {result.Pages:N0} | {Timed(cold)} | {Timed(none)}{(none.Child!.UpToDate ? "" : " (not up to date!)")} | {Timed(edit)} | {edit.Child!.Reused:N0} |"));
        }
        md.AppendLine();
        if (results.Any(r => r.Serve is not null))
        {
            Serve(md, results);
        }
        Method(md, results, options, hugo, load);
        foreach (var result in results.Where(r => r.Stages.Count > 0))
        {
            Stages(md, result);
        }
        return md.ToString();
    }

    private static void Row(StringBuilder md, string pages, string tool, int count, IReadOnlyList<ToolRun> runs, Func<ToolRun, double> seconds)
    {
        var wall = Median(runs, seconds);
        var peak = Median(runs, r => r.PeakBytes / MiB);
        var cpu = runs.All(r => r.Cpu is not null) ? Median(runs, r => r.Cpu!.Value.TotalSeconds).ToString("F2", CultureInfo.InvariantCulture) : "";
        var bytes = runs[^1].OutputBytes;
        md.AppendLine(I($"| {pages} | {tool} | {wall:F2} s | {Runs(runs, seconds)} | {count / wall:N0} | {cpu} | {peak:F0} | {bytes / MiB:F1} | {bytes / count:N0} |"));
    }

    private static void Method(StringBuilder md, IReadOnlyList<SizeResult> results, RunnerOptions options, string? hugo, (string Before, string After) load)
    {
        md.AppendLine("How it was measured:");
        md.AppendLine();
        md.AppendLine(I($"- Machine: {CpuModel()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}; hugo: {(hugo is null ? "not measured" : HugoVersion(hugo))}."));
        md.AppendLine(I($"- Corpus: CorpusGenerator seed {options.Seed}; {string.Join(", ", results.Select(r => I($"{r.Pages:N0} pages = {r.CorpusBytes / MiB:F1} MiB of markdown")))}. Each tool builds the same files into an empty folder, runs alternating, {options.Runs} run(s) each; wall = median."));
        md.AppendLine(I($"- HTML files written: {string.Join("; ", results.Select(r => I($"{r.Pages:N0} pages → ours {r.Ours[^1].HtmlFiles:N0}{(r.Hugo.Count > 0 ? I($", hugo {r.Hugo[^1].HtmlFiles:N0}") : "")}")))} (ours adds 404.html)."));
        md.AppendLine("- roadmap-docs (process): this program started again as a child (`--child-build`), Release build, `SiteBuild.RunAsync` with `Dates = SourceDates.None`; wall time from process start to exit (includes .NET start-up and JIT). Build only: a Stopwatch around `SiteBuild.RunAsync` inside the child.");
        md.AppendLine("- hugo: `hugo --quiet -d <out>` on the corpus copied to content/ (index.md → _index.md), layouts rendering title, `.Content` and a menu of the site's sections and the current section's pages; taxonomies and RSS off, fenced code highlighted with CSS classes (Chroma), as ours highlights it.");
        md.AppendLine(I($"- Load average (1/5/15 min) before: {load.Before}; after: {load.After}. Other processes on the same cores lengthen wall times; CPU (s) = user + system time of the process, from the same `/usr/bin/time` report, is less sensitive to them."));
        md.AppendLine(I($"- Memory: {Measure.MemoryMethod}. Output: every file written (ours includes theme CSS/JS and a richer page layout: sidebar, breadcrumbs, table of contents, pager); bytes/page = output bytes / pages."));
        var last = results.SelectMany(r => r.Ours.TakeLast(1).Select(o => (r.Pages, o.Child!))).ToList();
        if (last.Count > 0)
        {
            md.AppendLine("- Our build's GC, last run: " + string.Join("; ", last.Select(l => I(
                $"{l.Pages:N0} pages: {l.Item2.AllocatedBytes / MiB / 1024:F2} GiB allocated, collections gen0/1/2 = {l.Item2.Gen0}/{l.Item2.Gen1}/{l.Item2.Gen2}, GC pauses {l.Item2.GcPauseMilliseconds:F0} ms, child's own VmHWM {l.Item2.PeakBytes / MiB:F0} MiB"))) + ".");
        }
        md.AppendLine();
    }

    private static void Serve(StringBuilder md, IReadOnlyList<SizeResult> results)
    {
        md.AppendLine(I($"### serve: one page's body edited while serving (median of {ServeBench.Edits} edits, each timed from the file write)"));
        md.AppendLine();
        md.AppendLine("| Pages | First build (start to serving) | → reload event | of which the refresh | → new page fetched | → background build done | Edits (reload ms) | Path | Edit during a background build: → reload | Serve peak RSS (MiB) |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
        foreach (var result in results.Where(r => r.Serve is not null))
        {
            var serve = result.Serve!;
            var reload = Measure.Median(serve.Edits.Select(e => e.ReloadMs));
            var fetched = Measure.Median(serve.Edits.Select(e => e.FetchedMs));
            var background = Measure.Median(serve.Edits.Select(e => e.BackgroundMs));
            var path = string.Join(", ", serve.Edits.GroupBy(e => e.Kind).Select(g => I($"{g.Key} ×{g.Count()}")));
            var runs = string.Join(", ", serve.Edits.Select(e => e.ReloadMs.ToString("F0", CultureInfo.InvariantCulture)));
            var refresh = serve.RefreshMs.Count > 0 ? I($"{Measure.Median(serve.RefreshMs):F0} ms") : "";
            var during = I($"{serve.DuringBackground.ReloadMs:F0} ms ({serve.DuringBackground.Kind})");
            md.AppendLine(I($"| {result.Pages:N0} | {serve.FirstBuildSeconds:F2} s | {reload:F0} ms | {refresh} | {fetched:F0} ms | {background / 1000:F2} s | {runs} | {path} | {during} | {serve.PeakBytes / MiB:F0} |"));
        }
        md.AppendLine();
        md.AppendLine("`roadmap-docs serve` (this configuration's build, `--port 0` on loopback) runs as a child on the corpus; after its first build the runner subscribes to its event stream, appends a paragraph to one runbook, and times the \"reload\" event, the page fetched with the new paragraph in it, and the next event (the whole build in the background, after a refresh). Each edit waits for the previous one's background build. The reload time includes the server's 100 ms wait for the editor's burst of writes to end; \"of which the refresh\" is the refresh itself as the server printed it (median over every refresh). The last column is one more edit made as soon as the previous edit's page reloaded, while its background build ran.");
        md.AppendLine();
    }

    private static void Stages(StringBuilder md, SizeResult result)
    {
        md.AppendLine(I($"### Where our build spends its time, {result.Pages:N0} pages (one extra run with a stopwatch per module)"));
        md.AppendLine();
        md.AppendLine("| Pipeline | Phase | Module | ms | CPU ms | MiB allocated |");
        md.AppendLine("|---|---|---|---:|---:|---:|");
        foreach (var stage in result.Stages)
        {
            md.AppendLine(I($"| {stage.Pipeline} | {stage.Phase} | {stage.Module} | {stage.Milliseconds:F0} | {stage.CpuMilliseconds:F0} | {stage.AllocatedMiB:F0} |"));
        }
        md.AppendLine();
    }

    private static string Timed(ToolRun run) => I($"{run.Wall.TotalSeconds:F2} s ({run.Child!.BuildMilliseconds / 1000:F2} s)");

    private static double Median(IEnumerable<ToolRun> runs, Func<ToolRun, double> value) => Measure.Median(runs.Select(value));

    private static string Runs(IEnumerable<ToolRun> runs, Func<ToolRun, double> seconds) =>
        string.Join(", ", runs.Select(r => seconds(r).ToString("F2", CultureInfo.InvariantCulture)));

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    private static string HugoVersion(string hugo)
    {
        var run = Measure.Run(hugo, ["version"]);
        return run.Output.Trim().Split(' ').FirstOrDefault(w => w.StartsWith('v')) ?? run.Output.Trim();
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
