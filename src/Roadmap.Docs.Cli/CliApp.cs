using System.CommandLine;
using System.Globalization;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Configuration;
using Roadmap.Docs.Stages.Lint;
using Roadmap.Docs.Stages.Output;

namespace Roadmap.Docs.Cli;

/// <summary>The <c>roadmap-docs</c> command line: parses arguments and hands off to the library.</summary>
public static class CliApp
{
    public const int ExitOk = 0;
    public const int ExitFailed = 1;
    public const int ExitUsage = 2;

    /// <summary>Ctrl-C (SIGINT) or a termination signal stopped the build: 128 + SIGINT, as shells report it.</summary>
    public const int ExitInterrupted = 130;

    /// <summary>How long a cancelled build may take to clean up (delete its staging folder) before the process ends anyway.</summary>
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var input = new Option<string>("--input", "-i") { Description = "The knowledge base folder (with site.yml).", DefaultValueFactory = _ => "input" };
        var output = new Option<string>("--output", "-o") { Description = "Where the site is written; replaced only when the build succeeds.", DefaultValueFactory = _ => "_site" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Absolute URL the site is published at (sitemap and canonical links only; pages link relatively)." };
        var strict = new Option<bool>("--strict") { Description = "Warnings fail the build (exit code 1)." };
        var verbosity = new Option<string>("--verbosity", "-v") { Description = "quiet, normal or detailed.", DefaultValueFactory = _ => "normal" };
        verbosity.AcceptOnlyFromAmong("quiet", "normal", "detailed");
        var theme = new Option<string?>("--theme") { Description = "Use another built-in theme folder." };
        var rawHtml = RawHtmlOption();
        var cache = new Option<string>("--cache") { Description = "Incremental build cache folder.", DefaultValueFactory = _ => DefaultCache };
        var noCache = new Option<bool>("--no-cache") { Description = "Build everything from scratch and record nothing." };

        var build = new Command("build", "Build the site from the input folder.") { input, output, baseUrl, strict, verbosity, theme, rawHtml, cache, noCache };
        build.SetAction((result, cancellationToken) => BuildAsync(
            new BuildCommandOptions(
                result.GetValue(input)!, result.GetValue(output)!, result.GetValue(baseUrl), result.GetValue(strict),
                result.GetValue(verbosity)!, result.GetValue(theme), RawHtmlModes.Parse(result.GetValue(rawHtml)), result.GetValue(noCache) ? null : result.GetValue(cache)),
            stdout, stderr, cancellationToken));

        var format = new Option<string>("--format", "-f") { Description = "text, github (workflow annotations), sarif (2.1.0) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(DiagnosticFormats.Names);
        var lint = new Command("lint", "Check the input (dependencies, links, anchors, runbooks, front matter) without writing a site.") { input, format, strict, theme, rawHtml };
        lint.SetAction((result, cancellationToken) => LintAsync(
            new LintCommandOptions(result.GetValue(input)!, result.GetValue(format)!, result.GetValue(strict), result.GetValue(theme), RawHtmlModes.Parse(result.GetValue(rawHtml))),
            stdout, stderr, cancellationToken));

        var root = new RootCommand("Roadmap.Docs: builds a roadmap, runbook and architecture knowledge base into a fast, searchable static site.")
        {
            build,
            lint,
            Serve.ServeCommand.Create(stdout, stderr),
            Diff.DiffCommand.Create(stdout, stderr),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await stderr.WriteLineAsync($"error: {error.Message}");
            }
            await stderr.WriteLineAsync("Run 'roadmap-docs --help' for usage.");
            return ExitUsage;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, ProcessTerminationTimeout = CleanupTimeout });
    }

    /// <summary>Where <c>build</c> and <c>serve</c> keep what the next build can reuse (relative to the working folder).</summary>
    public static readonly string DefaultCache = Path.Combine(".roadmap-docs", "cache");

    /// <summary><c>--raw-html allow|sanitize|escape</c>: overrides site.yml's raw_html (build, lint and serve).</summary>
    internal static Option<string?> RawHtmlOption()
    {
        var option = new Option<string?>("--raw-html")
        {
            Description = "HTML inside markdown: allow (as written), sanitize (scripts, handlers, frames, forms removed) or escape (shown as text). Overrides site.yml's raw_html; use sanitize for content you did not write.",
        };
        option.AcceptOnlyFromAmong([.. RawHtmlModes.Names]);
        return option;
    }

    private sealed record BuildCommandOptions(string Input, string Output, string? BaseUrl, bool Strict, string Verbosity, string? Theme, RawHtmlMode? RawHtml, string? Cache);

    private sealed record LintCommandOptions(string Input, string Format, bool Strict, string? Theme, RawHtmlMode? RawHtml);

    private static async Task<int> BuildAsync(BuildCommandOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var inputRoot = Path.GetFullPath(options.Input);
        if (!Directory.Exists(inputRoot))
        {
            await stderr.WriteLineAsync($"error: the input folder '{options.Input}' does not exist");
            return ExitUsage;
        }
        if (OutputFolder.Refusal(options.Output, inputRoot) is { } refusal)
        {
            await stderr.WriteLineAsync($"error: {refusal}");
            return ExitUsage;
        }
        var themeRoot = options.Theme is not null ? Path.GetFullPath(options.Theme) : ThemeLocator.Find();
        if (themeRoot is null)
        {
            await stderr.WriteLineAsync("error: the built-in theme was not found next to the program; pass --theme");
            return ExitUsage;
        }
        var console = new ConsoleReporter(stdout, options.Verbosity, options.Input);
        console.Start(options.Input, options.Output);
        BuildResult result;
        try
        {
            result = await console.WhileRunningAsync(SiteBuild.RunAsync(
                new BuildOptions(inputRoot, Path.GetFullPath(options.Output), themeRoot) { BaseUrl = options.BaseUrl, Strict = options.Strict, RawHtml = options.RawHtml, CacheRoot = options.Cache is null ? null : Path.GetFullPath(options.Cache) },
                cancellationToken));
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("Build cancelled; the previous site was left as it was.");
            return ExitInterrupted;
        }
        catch (BuildStoppedException ex)
        {
            await stderr.WriteLineAsync($"error: cannot write the site to '{options.Output}': {ex.Message}; the previous site was left as it was.");
            return ExitFailed;
        }
        catch (IOException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}; the previous site was left as it was.");
            return ExitFailed;
        }
        catch (UnauthorizedAccessException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}; the previous site was left as it was.");
            return ExitFailed;
        }
        console.Report(result);
        var failed = result.Errors > 0 || (options.Strict && result.Warnings > 0);
        return failed ? ExitFailed : ExitOk;
    }

    private static async Task<int> LintAsync(LintCommandOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (input, format, strict, theme, _) = options;
        var inputRoot = Path.GetFullPath(input);
        if (!Directory.Exists(inputRoot))
        {
            await stderr.WriteLineAsync($"error: the input folder '{input}' does not exist");
            return ExitUsage;
        }
        var themeRoot = theme is not null ? Path.GetFullPath(theme) : ThemeLocator.Find();
        if (themeRoot is null)
        {
            await stderr.WriteLineAsync("error: the built-in theme was not found next to the program; pass --theme");
            return ExitUsage;
        }
        BuildResult result;
        try
        {
            result = await SiteBuild.RunAsync(
                new BuildOptions(inputRoot, Path.Combine(inputRoot, "..", "_site"), themeRoot) { Strict = strict, DryRun = true, RawHtml = options.RawHtml },
                cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync("Lint cancelled.");
            return ExitInterrupted;
        }
        var prefix = input.Replace('\\', '/').TrimEnd('/') + "/";
        var shown = result.Diagnostics.Select(d => d.File.StartsWith('(') || d.File.StartsWith("theme/", StringComparison.Ordinal) ? d : d with { File = prefix + d.File }).ToList();
        await stdout.WriteAsync(DiagnosticFormats.Format(format, shown));
        await stderr.WriteLineAsync($"{Plural(result.Pages, "page")} checked: {Plural(result.Errors, "error")}, {Plural(result.Warnings, "warning")}");
        var failed = result.Errors > 0 || (strict && result.Warnings > 0);
        return failed ? ExitFailed : ExitOk;
    }

    internal static string Plural(int n, string word) => n.ToString(CultureInfo.InvariantCulture) + " " + word + (n == 1 ? "" : "s");
}
