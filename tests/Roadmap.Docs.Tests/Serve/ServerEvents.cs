using System.Text.Json;

namespace Roadmap.Docs.Tests.Serve;

/// <summary>A test's view of the server's Server-Sent Events: read events one by one, or wait (with a timeout) for a named one.</summary>
public sealed class ServerEvents : IDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;
    private readonly List<string> _seen = [];

    private ServerEvents(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reader = new StreamReader(body);
    }

    /// <summary>Opens the stream and waits for its "hello", so the server has registered this page before the test changes anything.</summary>
    public static async Task<ServerEvents> OpenAsync(HttpClient http, Uri events, TimeSpan timeout)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        var response = await http.GetAsync(events, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = new ServerEvents(response, await response.Content.ReadAsStreamAsync(cts.Token));
        stream.Hello = await stream.WaitForAsync("hello", timeout);
        return stream;
    }

    /// <summary>The status the server said hello with (read after it registered this stream, so every later event arrives).</summary>
    public JsonElement Hello { get; private set; }

    /// <summary>Skips other events until <paramref name="name"/> arrives; fails with the events seen when it does not arrive in time.</summary>
    public Task<JsonElement> WaitForAsync(string name, TimeSpan timeout) => WaitForAsync(name, _ => true, timeout);

    /// <summary>Skips other events, and <paramref name="name"/> events that do not <paramref name="match"/>, until one that does arrives.</summary>
    public async Task<JsonElement> WaitForAsync(string name, Func<JsonElement, bool> match, TimeSpan timeout)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var (eventName, data) = await NextAsync(cts.Token);
                _seen.Add(eventName);
                if (eventName == name && JsonDocument.Parse(data).RootElement.Clone() is var element && match(element))
                {
                    return element;
                }
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no '{name}' event within {timeout.TotalSeconds} s; events seen: {string.Join(", ", _seen)}");
        }
    }

    /// <summary>True when the server closed the stream (read to its end) within the timeout.</summary>
    public async Task<bool> EndsWithinAsync(TimeSpan timeout)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            while (await _reader.ReadLineAsync(cts.Token) is not null)
            {
            }
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException)
        {
            // A reset connection has ended too.
            return true;
        }
    }

    private async Task<(string Event, string Data)> NextAsync(CancellationToken cancellationToken)
    {
        string eventName = "message", data = "";
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("the server closed the event stream");
            if (line.Length == 0 && data.Length > 0)
            {
                return (eventName, data);
            }
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data += line["data: ".Length..];
            }
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _response.Dispose();
    }
}
