using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Roadmap.Docs.Benchmarks.Runner;

/// <summary>
/// Where a build's allocations go, by type: the runtime's allocation tick (about one event per 100 KB allocated, naming the
/// type that crossed the mark) summed per type. A sample, not a count, but large allocators stand out after thousands of ticks.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int AllocationTickEventId = 10;
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytes = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != AllocationTickEventId || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }
        var type = payload[names.IndexOf("TypeName")] as string ?? "?";
        var amount = names.IndexOf("AllocationAmount64") is >= 0 and var at ? Convert.ToInt64(payload[at], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        _bytes.AddOrUpdate(type, amount, (_, total) => total + amount);
    }

    /// <summary>The types that crossed the most allocation marks, biggest first, as "MiB  type" lines.</summary>
    public IEnumerable<string> Top(int count) =>
        _bytes.OrderByDescending(kv => kv.Value).Take(count).Select(kv => $"{kv.Value / 1048576.0,8:F0} MiB  {kv.Key}");
}
