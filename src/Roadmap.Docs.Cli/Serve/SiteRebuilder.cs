using System.Threading.Channels;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Cli.Serve;

/// <summary>Runs one build at a time: once at start, then after each burst of changes, and tells open pages how it went.</summary>
internal sealed class SiteRebuilder : IAsyncDisposable
{
    // Editors save in bursts (temp file, rename, touch); wait this long without news before building.
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(150);

    private readonly ServeOptions _options;
    private readonly ReloadHub _hub;
    private readonly ConsoleReporter _console;
    private readonly Channel<bool> _changes = Channel.CreateUnbounded<bool>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private volatile BuildStatus _status = new(0, false, []);

    public SiteRebuilder(ServeOptions options, ReloadHub hub, TextWriter log)
    {
        _options = options;
        _hub = hub;
        _console = new ConsoleReporter(log, "normal", options.InputDisplay);
    }

    public BuildStatus Status => _status;

    /// <summary>Notes a change; cheap and thread-safe (called from file watcher threads).</summary>
    public void Changed() => _changes.Writer.TryWrite(true);

    /// <summary>Starts rebuilding on changes, in the background.</summary>
    public void Start() => _loop = Task.Run(() => LoopAsync(_stop.Token));

    /// <summary>Builds now, publishes the new status ("reload" or "build-error") and returns it.</summary>
    public async Task<BuildStatus> BuildAsync(CancellationToken cancellationToken)
    {
        var number = _status.Build + 1;
        BuildStatus status;
        try
        {
            var result = await SiteBuild.RunAsync(_options.Build, cancellationToken);
            _console.Report(result);
            status = new BuildStatus(number, result.Published, [.. result.Diagnostics.Select(d => StatusDiagnostic.From(d, _options.InputDisplay))]);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Another build holds the output lock, a file vanished mid-read, or a stage has a bug: report it like a diagnostic and
            // keep serving the last good site, so one bad moment never ends the session.
            var message = ex is IOException or UnauthorizedAccessException ? ex.Message : $"the build failed unexpectedly: {ex.GetType().Name}: {ex.Message}";
            var diagnostic = new Diagnostic("(serve)", 0, 0, Severity.Error, "serve", message);
            status = new BuildStatus(number, false, [StatusDiagnostic.From(diagnostic, _options.InputDisplay)]);
            _console.Report(new BuildResult([diagnostic], 0, TimeSpan.Zero, Published: false));
        }
        _status = status;
        _hub.Publish(status.Ok ? "reload" : "build-error", status.ToJson());
        return status;
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await _changes.Reader.WaitToReadAsync(cancellationToken))
            {
                // Coalesce: drain what is queued, then wait until the folder has been quiet for a moment.
                do
                {
                    while (_changes.Reader.TryRead(out _))
                    {
                    }
                }
                while (await MoreWithinAsync(Quiet, cancellationToken));
                await BuildAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task<bool> MoreWithinAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(window);
        try
        {
            return await _changes.Reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _changes.Writer.TryComplete();
        await _loop;
        _stop.Dispose();
    }
}
