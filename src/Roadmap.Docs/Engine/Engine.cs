using System.Collections.Immutable;

namespace Roadmap.Docs.Engine;

/// <summary>Runs pipelines as a dependency graph through the four phases and collects what they report.</summary>
public sealed class Engine
{
    private readonly ImmutableArray<Pipeline> _pipelines;

    public Engine(IEnumerable<Pipeline> pipelines)
    {
        _pipelines = [.. pipelines];
        Validate(_pipelines);
    }

    public ImmutableArray<Pipeline> Pipelines => _pipelines;

    /// <summary>
    /// Runs every pipeline. Input+Process run as soon as a pipeline's dependencies have finished Process
    /// (independent pipelines run at the same time); PostProcess starts after every Process phase is done;
    /// Output runs last. A module that throws becomes an error diagnostic and ends only its own pipeline,
    /// except a <see cref="BuildStoppedException"/>, which ends the build.
    /// </summary>
    /// <returns>The final documents of every pipeline, by name.</returns>
    public async Task<ImmutableDictionary<string, ImmutableArray<Document>>> RunAsync(ExecutionContext context)
    {
        var processed = new Dictionary<string, Task<ImmutableArray<Document>>>(StringComparer.Ordinal);
        foreach (var pipeline in TopologicalOrder(_pipelines))
        {
            var dependencies = pipeline.DependsOn.Select(d => processed[d]).ToArray();
            processed[pipeline.Name] = RunProcessAsync(pipeline, dependencies, context);
        }
        await Task.WhenAll(processed.Values);

        var post = new Dictionary<string, Task<ImmutableArray<Document>>>(StringComparer.Ordinal);
        foreach (var pipeline in TopologicalOrder(_pipelines))
        {
            var dependencies = pipeline.DependsOn.Select(d => post[d]).ToArray();
            post[pipeline.Name] = RunAfterAsync(pipeline, PipelinePhase.PostProcess, processed[pipeline.Name].Result, dependencies, context);
        }
        await Task.WhenAll(post.Values);

        var output = _pipelines.ToDictionary(
            p => p.Name,
            p => RunAfterAsync(p, PipelinePhase.Output, post[p.Name].Result, [], context),
            StringComparer.Ordinal);
        await Task.WhenAll(output.Values);
        return output.ToImmutableDictionary(kv => kv.Key, kv => kv.Value.Result, StringComparer.Ordinal);
    }

    private static async Task<ImmutableArray<Document>> RunProcessAsync(
        Pipeline pipeline, Task<ImmutableArray<Document>>[] dependencies, ExecutionContext context)
    {
        await Task.WhenAll(dependencies);
        await Task.Yield();
        var docs = await RunModulesAsync(pipeline, PipelinePhase.Input, [], context);
        docs = await RunModulesAsync(pipeline, PipelinePhase.Process, docs, context);
        context.SetOutputs(pipeline.Name, docs);
        return docs;
    }

    private static async Task<ImmutableArray<Document>> RunAfterAsync(
        Pipeline pipeline, PipelinePhase phase, ImmutableArray<Document> docs, Task<ImmutableArray<Document>>[] dependencies, ExecutionContext context)
    {
        await Task.WhenAll(dependencies);
        await Task.Yield();
        return await RunModulesAsync(pipeline, phase, docs, context);
    }

    private static async Task<ImmutableArray<Document>> RunModulesAsync(
        Pipeline pipeline, PipelinePhase phase, ImmutableArray<Document> docs, ExecutionContext context)
    {
        foreach (var module in pipeline.Modules(phase))
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var allocated = GC.GetTotalAllocatedBytes();
            var cpu = Environment.CpuUsage.TotalTime;
            try
            {
                docs = await module.ExecuteAsync(docs, context);
                context.Timings.Enqueue(new ModuleTiming(pipeline.Name, phase, module.GetType().Name, System.Diagnostics.Stopwatch.GetElapsedTime(started))
                {
                    AllocatedBytes = GC.GetTotalAllocatedBytes() - allocated,
                    Cpu = Environment.CpuUsage.TotalTime - cpu,
                    Start = System.Diagnostics.Stopwatch.GetElapsedTime(context.Created, started),
                });
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (Stopping(ex) is { } stop)
            {
                // Parallel loops wrap it (several threads may hit a full disk at once): let the first one through as it is.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(stop);
            }
#pragma warning disable CA1031 // A failing module is reported, not thrown: one bad stage must not hide the others' findings.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var inner = ex is AggregateException { InnerExceptions.Count: 1 } agg ? agg.InnerExceptions[0] : ex;
                context.Diagnostics.Error(
                    "(build)", 0, 0, "RD0000",
                    $"pipeline {pipeline.Name}, {phase} phase, module {module.GetType().Name} failed: {inner.GetType().Name}: {inner.Message}");
                return [];
            }
        }
        return docs;
    }

    private static BuildStoppedException? Stopping(Exception ex) => ex switch
    {
        BuildStoppedException stop => stop,
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.OfType<BuildStoppedException>().FirstOrDefault(),
        _ => null,
    };

    private static void Validate(ImmutableArray<Pipeline> pipelines)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in pipelines)
        {
            if (!names.Add(p.Name))
            {
                throw new ArgumentException($"Two pipelines are named '{p.Name}'.", nameof(pipelines));
            }
        }
        foreach (var p in pipelines)
        {
            foreach (var d in p.DependsOn.Where(d => !names.Contains(d)))
            {
                throw new ArgumentException($"Pipeline '{p.Name}' depends on unknown pipeline '{d}'.", nameof(pipelines));
            }
        }
        _ = TopologicalOrder(pipelines);
    }

    /// <summary>Pipelines ordered so each comes after its dependencies (declaration order among equals).</summary>
    internal static IReadOnlyList<Pipeline> TopologicalOrder(ImmutableArray<Pipeline> pipelines)
    {
        var byName = pipelines.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 = visiting, 2 = done
        var order = new List<Pipeline>();
        void Visit(Pipeline p, Stack<string> path)
        {
            if (state.GetValueOrDefault(p.Name) == 2)
            {
                return;
            }
            if (state.GetValueOrDefault(p.Name) == 1)
            {
                throw new ArgumentException($"Pipelines depend on each other in a cycle: {string.Join(" -> ", path.Reverse())} -> {p.Name}.", nameof(pipelines));
            }
            state[p.Name] = 1;
            path.Push(p.Name);
            foreach (var d in p.DependsOn)
            {
                Visit(byName[d], path);
            }
            path.Pop();
            state[p.Name] = 2;
            order.Add(p);
        }
        foreach (var p in pipelines)
        {
            Visit(p, new Stack<string>());
        }
        return order;
    }
}
