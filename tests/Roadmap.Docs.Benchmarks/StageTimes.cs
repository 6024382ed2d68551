namespace Roadmap.Docs.Benchmarks;

/// <summary>How long one module took (the engine times every module: <see cref="BuildResult.Timings"/>).</summary>
internal sealed record StageTime(string Pipeline, string Phase, string Module, double Milliseconds)
{
    /// <summary>MiB the process allocated while the module ran.</summary>
    public double AllocatedMiB { get; init; }

    /// <summary>CPU milliseconds the process used while the module ran (every thread).</summary>
    public double CpuMilliseconds { get; init; }
}
