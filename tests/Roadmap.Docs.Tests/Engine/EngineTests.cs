using System.Collections.Concurrent;
using System.Collections.Immutable;
using Roadmap.Docs.Configuration;
using Roadmap.Docs.Engine;
using ExecutionContext = Roadmap.Docs.Engine.ExecutionContext;

namespace Roadmap.Docs.Tests.Engine;

public class EngineTests
{
    private static ExecutionContext NewContext() => NewCancellableContext(TestContext.Current.CancellationToken);

    private static ExecutionContext NewCancellableContext(CancellationToken token) =>
        new(new BuildEnvironment("/in", "/theme", "/out", TimeProvider.System, new SiteSettings()), new DiagnosticBag(), token);

    private static Document Doc(string name) => new() { Source = name, Destination = name };

    /// <summary>A module that records when it ran and appends its tag to every document's content.</summary>
    private sealed class Recorder(string tag, ConcurrentQueue<string> log) : IModule
    {
        public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, ExecutionContext context)
        {
            log.Enqueue(tag);
            await Task.Yield();
            return [.. inputs.Select(d => d with { Content = d.Content + tag })];
        }
    }

    [Fact]
    public async Task Pipelines_run_after_the_pipelines_they_depend_on_whatever_the_declaration_order()
    {
        var log = new ConcurrentQueue<string>();
        var engine = new Docs.Engine.Engine(
        [
            new Pipeline("C") { DependsOn = ["B"], Process = [new Recorder("c", log)] },
            new Pipeline("B") { DependsOn = ["A"], Process = [new Recorder("b", log)] },
            new Pipeline("A") { Input = [new ForAllDocuments((_, _) => [Doc("a")])], Process = [new Recorder("a", log)] },
        ]);

        await engine.RunAsync(NewContext());

        Assert.Equal(["a", "b", "c"], log.ToArray());
    }

    [Fact]
    public async Task PostProcess_sees_every_pipelines_Process_output_and_runs_after_all_of_them()
    {
        var seen = new ConcurrentDictionary<string, int>();
        var processDone = 0;
        IModule Produce(string name, int count) => new ForAllDocuments((_, _) =>
        {
            Interlocked.Increment(ref processDone);
            return [.. Enumerable.Range(0, count).Select(i => Doc($"{name}{i}"))];
        });
        var inspect = new ForAllDocuments((docs, ctx) =>
        {
            Assert.Equal(3, Volatile.Read(ref processDone));
            seen["A"] = ctx.Outputs("A").Length;
            seen["B"] = ctx.Outputs("B").Length;
            seen["Late"] = ctx.Outputs("Late").Length;
            return docs;
        });
        var engine = new Docs.Engine.Engine(
        [
            new Pipeline("A") { Process = [Produce("a", 2)], PostProcess = [inspect] },
            new Pipeline("B") { Process = [Produce("b", 3)] },
            new Pipeline("Late") { DependsOn = ["B"], Process = [Produce("l", 5)] },
        ]);

        await engine.RunAsync(NewContext());

        Assert.Equal(2, seen["A"]);
        Assert.Equal(3, seen["B"]);
        Assert.Equal(5, seen["Late"]);
    }

    [Fact]
    public async Task Reading_a_pipeline_that_is_not_a_dependency_during_Process_fails_loudly()
    {
        var engine = new Docs.Engine.Engine(
        [
            new Pipeline("A") { Process = [new ForAllDocuments((docs, ctx) => ctx.Outputs("Nope"))] },
        ]);
        var context = NewContext();

        await engine.RunAsync(context);

        var error = Assert.Single(context.Diagnostics.Sorted());
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains("Nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForEachDocument_runs_in_parallel_and_keeps_input_order()
    {
        // The first document waits (bounded) until a second one runs at the same time: on a busy machine a spin loop
        // could finish on one thread before another joined, so concurrency is observed, not hoped for.
        using var twoRunning = new ManualResetEventSlim();
        var running = 0;
        var inputs = Enumerable.Range(0, 2000).Select(i => Doc(i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture))).ToImmutableArray();
        var module = new ForEachDocument((doc, _) =>
        {
            if (Interlocked.Increment(ref running) >= 2)
            {
                twoRunning.Set();
            }
            if (doc.Source == "0000")
            {
                twoRunning.Wait(TimeSpan.FromSeconds(10));
            }
            Interlocked.Decrement(ref running);
            return doc with { Content = doc.Source };
        });

        var result = await module.ExecuteAsync(inputs, NewContext());

        Assert.Equal(inputs.Select(d => d.Source), result.Select(d => d.Content));
        if (Environment.ProcessorCount > 1)
        {
            Assert.True(twoRunning.IsSet, "expected two documents to be processed at the same time");
        }
    }

    [Fact]
    public async Task A_failing_module_becomes_a_diagnostic_and_other_pipelines_still_finish()
    {
        var engine = new Docs.Engine.Engine(
        [
            new Pipeline("Broken") { Process = [new ForAllDocuments((_, _) => throw new InvalidDataException("bad page"))] },
            new Pipeline("Fine") { Input = [new ForAllDocuments((_, _) => [Doc("ok")])] },
        ]);
        var context = NewContext();

        var results = await engine.RunAsync(context);

        Assert.Equal(["ok"], results["Fine"].Select(d => d.Source));
        var error = Assert.Single(context.Diagnostics.Sorted());
        Assert.Equal("RD0000", error.RuleId);
        Assert.Contains("InvalidDataException: bad page", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_stops_the_run_with_OperationCanceledException()
    {
        using var cts = new CancellationTokenSource();
        var started = new TaskCompletionSource();
        var slow = new ForEachDocument((doc, ctx) =>
        {
            started.TrySetResult();
            cts.Cancel();
            ctx.CancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(5));
            return doc;
        });
        var after = new ForAllDocuments((_, _) => throw new InvalidOperationException("must not run after cancellation"));
        var engine = new Docs.Engine.Engine(
        [
            new Pipeline("A") { Input = [new ForAllDocuments((_, _) => [.. Enumerable.Range(0, 50).Select(i => Doc($"d{i}"))])], Process = [slow, after] },
        ]);
        var context = NewCancellableContext(cts.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.RunAsync(context));
        Assert.True(started.Task.IsCompleted);
        Assert.Empty(context.Diagnostics.Sorted());
    }

    [Fact]
    public void Cycles_and_unknown_dependencies_are_rejected_when_the_engine_is_made()
    {
        var cycle = Assert.Throws<ArgumentException>(() => new Docs.Engine.Engine(
        [
            new Pipeline("A") { DependsOn = ["B"] },
            new Pipeline("B") { DependsOn = ["A"] },
        ]));
        Assert.Contains("A -> B -> A", cycle.Message, StringComparison.Ordinal);

        var unknown = Assert.Throws<ArgumentException>(() => new Docs.Engine.Engine([new Pipeline("A") { DependsOn = ["Z"] }]));
        Assert.Contains("unknown pipeline 'Z'", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Published_results_are_visible_to_dependent_pipelines()
    {
        var engine = new Docs.Engine.Engine(
        [
            new Pipeline("Model") { Process = [new ForAllDocuments((docs, ctx) => { ctx.Publish(new List<string> { "phase-1" }); return docs; })] },
            new Pipeline("Pages")
            {
                DependsOn = ["Model"],
                Process = [new ForAllDocuments((_, ctx) => [.. ctx.Get<List<string>>().Select(Doc)])],
            },
        ]);

        var results = await engine.RunAsync(NewContext());

        Assert.Equal(["phase-1"], results["Pages"].Select(d => d.Source));
    }
}
