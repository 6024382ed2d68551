using System.Globalization;
using Roadmap.Docs.Engine;
using Spectre.Console;

namespace Roadmap.Docs.Cli;

/// <summary>Prints progress, diagnostics and the summary: colours and a spinner on a terminal, plain lines elsewhere or on CI.</summary>
internal sealed class ConsoleReporter
{
    private readonly TextWriter _stdout;
    private readonly string _verbosity;
    private readonly string _inputPrefix;
    private readonly bool _interactive;

    public ConsoleReporter(TextWriter stdout, string verbosity, string input)
    {
        _stdout = stdout;
        _verbosity = verbosity;
        _inputPrefix = input.Replace('\\', '/').TrimEnd('/') + "/";
        _interactive = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
    }

    public void Start(string input, string output)
    {
        if (_verbosity != "quiet" && !_interactive)
        {
            _stdout.WriteLine($"Building {input} → {output}");
        }
    }

    public async Task<T> WhileRunningAsync<T>(Task<T> work)
    {
        if (!_interactive || _verbosity == "quiet")
        {
            return await work;
        }
        return await AnsiConsole.Status().Spinner(Spinner.Known.Dots).StartAsync("Building the site…", _ => work);
    }

    public void Report(BuildResult result)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Severity == Severity.Info && _verbosity != "detailed")
            {
                continue;
            }
            var line = Format(diagnostic);
            if (_interactive)
            {
                var colour = diagnostic.Severity switch { Severity.Error => "red", Severity.Warning => "yellow", _ => "grey" };
                AnsiConsole.MarkupLine($"[{colour}]{Markup.Escape(line)}[/]");
            }
            else
            {
                _stdout.WriteLine(line);
            }
        }
        if (_verbosity == "quiet")
        {
            return;
        }
        if (_verbosity == "detailed")
        {
            // In the order they started, with the start: which stages ran side by side, and which one the build waited for.
            foreach (var t in result.Timings.OrderBy(t => t.Start))
            {
                _stdout.WriteLine($"  {t.Start.TotalMilliseconds,8:0} +{t.Elapsed.TotalMilliseconds,8:0.0} ms  {t.Pipeline}/{t.Phase}/{t.Module}");
            }
            // What the runtime spent on memory: when a build is slow, often the answer.
            _stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  memory: {GC.GetTotalAllocatedBytes() / 1048576.0:0} MiB allocated, {Environment.WorkingSet / 1048576.0:0} MiB working set, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)} (gen 0/1/2), paused {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms"));
        }
        var summary = $"{CliApp.Plural(result.Pages, "page")}, {CliApp.Plural(result.Warnings, "warning")}, {CliApp.Plural(result.Errors, "error")} in {result.Elapsed.TotalSeconds:0.00} s"
            + (result.UpToDate ? " — up to date, nothing changed since the last build" : result.Published ? "" : " — site not written, the previous one was kept");
        if (_interactive)
        {
            AnsiConsole.MarkupLine(result.Published ? $"[green]✓[/] {Markup.Escape(summary)}" : $"[red]✗[/] {Markup.Escape(summary)}");
        }
        else
        {
            _stdout.WriteLine(summary);
        }
    }

    /// <summary>file:line:col: severity ID: message — with the path as the user typed the input folder, so editors can jump to it.</summary>
    private string Format(Diagnostic d)
    {
        var file = d.File.StartsWith('(') || d.File.StartsWith("theme/", StringComparison.Ordinal) ? d.File : _inputPrefix + d.File;
        return (d with { File = file }).ToString();
    }
}
