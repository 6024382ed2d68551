using System.Collections.Immutable;

namespace Roadmap.Docs.Engine;

/// <summary>The four phases every pipeline goes through, in this order.</summary>
public enum PipelinePhase
{
    Input,
    Process,
    PostProcess,
    Output,
}

/// <summary>
/// A named chain of modules, declared as data. Input and Process run in dependency order;
/// PostProcess runs only after every pipeline's Process phase and may read all their outputs;
/// Output runs last and writes files.
/// </summary>
public sealed record Pipeline(string Name)
{
    public ImmutableArray<string> DependsOn { get; init; } = [];

    public ImmutableArray<IModule> Input { get; init; } = [];

    public ImmutableArray<IModule> Process { get; init; } = [];

    public ImmutableArray<IModule> PostProcess { get; init; } = [];

    public ImmutableArray<IModule> Output { get; init; } = [];

    public ImmutableArray<IModule> Modules(PipelinePhase phase) => phase switch
    {
        PipelinePhase.Input => Input,
        PipelinePhase.Process => Process,
        PipelinePhase.PostProcess => PostProcess,
        _ => Output,
    };
}
