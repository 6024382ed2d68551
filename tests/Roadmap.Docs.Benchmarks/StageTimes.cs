using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Roadmap.Docs.Configuration;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.FrontMatter;
using Roadmap.Docs.Stages.Input;
using Roadmap.Docs.Stages.Output;
using Roadmap.Docs.Stages.Templates;
using BuildContext = Roadmap.Docs.Engine.ExecutionContext;

namespace Roadmap.Docs.Benchmarks;

/// <summary>How long one module (or the set-up and commit around the engine) took, and how many documents it returned.</summary>
internal sealed record StageTime(string Pipeline, string Phase, string Module, double Milliseconds, int Documents);

/// <summary>Our build with a stopwatch around every module, to find hot spots without changing the library.</summary>
internal static class StageTimes
{
    /// <summary>
    /// Does what <see cref="SiteBuild.RunAsync"/> does, step for step, but with each module of <see cref="SiteBuild.Pipelines"/> wrapped in a timer.
    /// Pipelines run concurrently (Assets beside Content), so the times of different pipelines may overlap.
    /// </summary>
    public static async Task<(BuildResult Result, IReadOnlyList<StageTime> Times)> RunAsync(BuildOptions options)
    {
        var times = new ConcurrentQueue<StageTime>();
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = new DiagnosticBag();
        var settings = SiteSettings.Load(options.InputRoot, diagnostics);
        var theme = new ThemeFiles(options.ThemeRoot, Path.Combine(options.InputRoot, ReadFiles.ThemeOverrideFolder));
        var templates = TemplateSet.Load(theme, diagnostics);
        using var output = OutputFolder.Begin(options.OutputRoot);
        var environment = new BuildEnvironment(options.InputRoot, options.ThemeRoot, output.Staging, options.Clock, settings)
        {
            MaxParallelism = options.MaxParallelism,
        };
        times.Enqueue(new StageTime("(build)", "", "settings, templates, staging folder", stopwatch.Elapsed.TotalMilliseconds, 0));

        var pipelines = SiteBuild.Pipelines(templates, theme, options.Dates).Select(p => p with
        {
            Input = Wrap(p.Name, Phase.Input, p.Input, times),
            Process = Wrap(p.Name, Phase.Process, p.Process, times),
            PostProcess = Wrap(p.Name, Phase.PostProcess, p.PostProcess, times),
            Output = Wrap(p.Name, Phase.Output, p.Output, times),
        });
        var results = await new Engine.Engine(pipelines).RunAsync(new BuildContext(environment, diagnostics, CancellationToken.None));

        var commit = Stopwatch.StartNew();
        if (!diagnostics.HasErrors)
        {
            output.Commit();
        }
        times.Enqueue(new StageTime("(build)", "", "commit (swap staging folder in)", commit.Elapsed.TotalMilliseconds, 0));
        var pages = results["Pages"].Count(d => d.IsPage);
        return (new BuildResult(diagnostics.Sorted(), pages, stopwatch.Elapsed, Published: !diagnostics.HasErrors), [.. times]);
    }

    private static ImmutableArray<IModule> Wrap(string pipeline, Phase phase, ImmutableArray<IModule> modules, ConcurrentQueue<StageTime> times) =>
        [.. modules.Select((module, i) => (IModule)new Timed(module, pipeline, phase, Label(module, i), times))];

    /// <summary>The shared module instances by name; the anonymous ForAllDocuments steps by position (see the comments in SiteBuild.Pipelines).</summary>
    private static string Label(IModule module, int position) => module switch
    {
        _ when module == ParseFrontMatter.Module => "ParseFrontMatter",
        _ when module == ResolvePageMetadata.Module => "ResolvePageMetadata",
        _ when module == WriteFiles.Module => "WriteFiles",
        _ when module == Sitemap.Module => "Sitemap",
        ForAllDocuments or ForEachDocument => $"{module.GetType().Name} (step {position + 1})",
        _ => module.GetType().Name,
    };

    private sealed class Timed(IModule inner, string pipeline, Phase phase, string label, ConcurrentQueue<StageTime> times) : IModule
    {
        public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, BuildContext context)
        {
            var stopwatch = Stopwatch.StartNew();
            var result = await inner.ExecuteAsync(inputs, context);
            times.Enqueue(new StageTime(pipeline, phase.ToString(), label, stopwatch.Elapsed.TotalMilliseconds, result.Length));
            return result;
        }
    }
}
