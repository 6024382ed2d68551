using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Roadmap.Docs.Engine;

/// <summary>What a module may see: settings, folders, clock, diagnostics, other pipelines' outputs and shared results.</summary>
public sealed class ExecutionContext
{
    private readonly ConcurrentDictionary<string, ImmutableArray<Document>> _outputs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, object> _artifacts = new();

    public ExecutionContext(BuildEnvironment environment, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        Environment = environment;
        Diagnostics = diagnostics;
        CancellationToken = cancellationToken;
    }

    public BuildEnvironment Environment { get; }

    public DiagnosticBag Diagnostics { get; }

    public CancellationToken CancellationToken { get; }

    public int MaxParallelism => Environment.MaxParallelism;

    /// <summary>When this context was made (a <see cref="System.Diagnostics.Stopwatch"/> timestamp): timings start from here.</summary>
    public long Created { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>How long each module took, for <c>--verbosity detailed</c> and profiling.</summary>
    public ConcurrentQueue<ModuleTiming> Timings { get; } = new();

    /// <summary>The documents a pipeline's Process phase produced. Available once that pipeline has run Process.</summary>
    public ImmutableArray<Document> Outputs(string pipeline) =>
        _outputs.TryGetValue(pipeline, out var docs)
            ? docs
            : throw new InvalidOperationException($"Pipeline '{pipeline}' has not produced output yet: declare it in DependsOn, or read it in PostProcess.");

    internal void SetOutputs(string pipeline, ImmutableArray<Document> documents) => _outputs[pipeline] = documents;

    /// <summary>Publishes a typed result (for example the roadmap model) for pipelines that depend on this one.</summary>
    public void Publish<T>(T value)
        where T : class => _artifacts[typeof(T)] = value;

    /// <summary>Reads a typed result published by a pipeline this one depends on.</summary>
    public T Get<T>()
        where T : class =>
        _artifacts.TryGetValue(typeof(T), out var value)
            ? (T)value
            : throw new InvalidOperationException($"No {typeof(T).Name} was published: is the pipeline that makes it a dependency?");

    public T? TryGet<T>()
        where T : class => _artifacts.TryGetValue(typeof(T), out var value) ? (T)value : null;
}

/// <summary>One module's run time within a pipeline phase.</summary>
public sealed record ModuleTiming(string Pipeline, PipelinePhase Phase, string Module, TimeSpan Elapsed)
{
    /// <summary>Bytes the whole process allocated while the module ran (pipelines that run at the same time are counted in both).</summary>
    public long AllocatedBytes { get; init; }

    /// <summary>CPU time the whole process used while the module ran (user + system, every thread; shared like <see cref="AllocatedBytes"/>).</summary>
    public TimeSpan Cpu { get; init; }

    /// <summary>When the module started, from the start of the engine's run: with <see cref="Elapsed"/>, which stages overlapped.</summary>
    public TimeSpan Start { get; init; }
}

/// <summary>The fixed facts of one build: folders, clock and parallelism.</summary>
/// <param name="InputRoot">Absolute path of the input folder.</param>
/// <param name="ThemeRoot">Absolute path of the built-in theme folder.</param>
/// <param name="OutputRoot">Absolute path the Output phase writes to (a staging folder during a build).</param>
/// <param name="Clock">Time source; tests fix it so output is reproducible.</param>
/// <param name="Settings">What site.yml says.</param>
public sealed record BuildEnvironment(string InputRoot, string ThemeRoot, string OutputRoot, TimeProvider Clock, Configuration.SiteSettings Settings)
{
    public int MaxParallelism { get; init; } = System.Environment.ProcessorCount;

    /// <summary>False for a check-only run (<c>lint</c>): every stage runs, nothing is written.</summary>
    public bool WritesOutput { get; init; } = true;
}
