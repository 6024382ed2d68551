using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Roadmap.Docs.Cli.Serve;

/// <summary>The Server-Sent Events stream to open pages: each page has its own small queue, and a publish goes to every queue.</summary>
internal sealed class ReloadHub
{
    // A comment line this often keeps idle streams open through proxies and notices tabs that were closed.
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<Channel<string>, byte> _pages = new();

    public void Publish(string eventName, string json)
    {
        var message = $"event: {eventName}\ndata: {json}\n\n";
        foreach (var queue in _pages.Keys)
        {
            queue.Writer.TryWrite(message);
        }
    }

    /// <summary>
    /// Streams events to one page until it goes away or the server stops; starts with a "hello" event carrying
    /// <paramref name="hello"/>, read once the page is registered, so no event published after it is missed.
    /// </summary>
    public async Task StreamAsync(HttpContext context, Func<string> hello, CancellationToken stopping)
    {
        context.Response.ContentType = "text/event-stream";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        // A slow page only ever needs the newest events: the last one decides whether to reload or show errors.
        var queue = Channel.CreateBounded<string>(new BoundedChannelOptions(16) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        _pages.TryAdd(queue, 0);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            // "retry" makes the browser reconnect within a second after the server restarts.
            var next = $"retry: 1000\nevent: hello\ndata: {hello()}\n\n";
            while (true)
            {
                await context.Response.WriteAsync(next, done.Token);
                await context.Response.Body.FlushAsync(done.Token);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(done.Token);
                wait.CancelAfter(PingEvery);
                try
                {
                    next = await queue.Reader.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!done.IsCancellationRequested)
                {
                    next = ": ping\n\n";
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page closed or the server is stopping.
        }
        catch (IOException)
        {
            // The connection broke mid-write.
        }
        finally
        {
            _pages.TryRemove(queue, out _);
        }
    }
}
