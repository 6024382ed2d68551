using System.Collections.Immutable;

namespace Roadmap.Docs.Engine;

/// <summary>A step of a pipeline: documents in, documents out.</summary>
/// <remarks>
/// One method over whole arrays (not one document at a time) so a module can also add, drop, group or
/// look across documents; <see cref="ForEachDocument"/> is the adapter for the common per-document case.
/// </remarks>
public interface IModule
{
    Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, ExecutionContext context);
}

/// <summary>Runs a function on every document in parallel, keeping the input order; null drops the document.</summary>
public sealed class ForEachDocument(Func<Document, ExecutionContext, Document?> transform) : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, ExecutionContext context)
    {
        var results = new Document?[inputs.Length];
        Parallel.For(
            0,
            inputs.Length,
            new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxParallelism },
            i => results[i] = transform(inputs[i], context));
        context.CancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(results.OfType<Document>().ToImmutableArray());
    }
}

/// <summary>A module from a plain function over the whole array (for cross-document steps).</summary>
public sealed class ForAllDocuments(Func<ImmutableArray<Document>, ExecutionContext, ImmutableArray<Document>> transform) : IModule
{
    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, ExecutionContext context) =>
        Task.FromResult(transform(inputs, context));
}
