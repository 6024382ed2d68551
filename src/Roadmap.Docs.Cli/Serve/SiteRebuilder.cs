using System.Collections.Immutable;
using System.Diagnostics;
using System.Threading.Channels;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Incremental;

namespace Roadmap.Docs.Cli.Serve;

/// <summary>
/// Keeps the served site up to date, one step at a time: a build at start, then after each burst of changes either a
/// refresh of the edited pages alone with the whole site built again in the background, or the whole build at once;
/// and tells open pages how it went.
/// </summary>
/// <remarks>
/// A burst that only edits pages the last build had is refreshed (<see cref="PageRefresh"/>): the pages are written into
/// the served site, and the "reload" event names them, so only tabs showing them reload. The whole build then runs in
/// the background, as incremental as ever (a new burst cancels it first). Its "reload" names the pages it rendered anew
/// whose bytes differ from what the refresh wrote (every other page it reuses from the served site, byte for byte):
/// normally none, so the open page does not reload a second time. Any other burst, a refresh that falls back, or a
/// site whose last build failed is built whole at once, and every open page reloads, as before.
/// </remarks>
internal sealed class SiteRebuilder : IAsyncDisposable
{
    // Editors save in bursts (temp file, rename, touch); wait this long without news before building.
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(100);

    private readonly ServeOptions _options;
    private readonly BuildOptions _build;
    private readonly ReloadHub _hub;
    private readonly TextWriter _log;
    private readonly ConsoleReporter _console;
    private readonly Channel<string?> _changes = Channel.CreateUnbounded<string?>();
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private volatile BuildStatus _status = new(0, false, []);

    // The rest belongs to the first build and then to the loop, one step at a time.

    /// <summary>What the last published build knew, with the refreshes since; null when it kept nothing (an up-to-date start).</summary>
    private LastBuild? _last;

    /// <summary>The pages refreshes wrote since the last published build, with their HTML.</summary>
    private readonly Dictionary<string, string> _refreshed = new(StringComparer.Ordinal);

    /// <summary>The whole build running in the background, if any.</summary>
    private Background? _background;

    public SiteRebuilder(ServeOptions options, ReloadHub hub, TextWriter log)
    {
        _options = options;
        // Every build keeps what a refresh needs (a build that finds nothing to do keeps nothing: see BuildAsync).
        _build = options.Build with { KeepState = true };
        _hub = hub;
        _log = log;
        _console = new ConsoleReporter(log, "normal", options.InputDisplay);
    }

    public BuildStatus Status => _status;

    /// <summary>Notes a changed path (null: changes were lost); cheap and thread-safe (called from file watcher threads).</summary>
    public void Changed(string? path) => _changes.Writer.TryWrite(path);

    /// <summary>Starts rebuilding on changes, in the background.</summary>
    public void Start() => _loop = Task.Run(() => LoopAsync(_stop.Token));

    /// <summary>Builds the whole site now, publishes the new status ("reload" for every page, or "build-error") and returns it.</summary>
    public async Task<BuildStatus> BuildAsync(CancellationToken cancellationToken)
    {
        var (result, failure) = await RunAsync(_build, cancellationToken);
        var status = Publish(result, failure, changed: null);
        if (result is { Published: true, LastBuild: null })
        {
            // Nothing had changed since the last session, so nothing ran and nothing was kept: gather it in the background
            // (every page is reused, so no open page reloads).
            StartBackground(_build with { SkipUpToDateCheck = true });
        }
        return status;
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var change = _changes.Reader.WaitToReadAsync(cancellationToken).AsTask();
                if (_background is { } background && await Task.WhenAny(change, background.Build) == background.Build)
                {
                    await FinishBackgroundAsync();
                    continue;
                }
                if (!await change)
                {
                    return;
                }
                var paths = await BurstAsync(cancellationToken);
                if (_background is { Build.IsCompleted: true })
                {
                    await FinishBackgroundAsync();
                }
                var pages = _status.Ok && _last is { } last ? PageRefresh.PagesToRefresh(last, paths) : null;
                if (pages is { IsEmpty: true })
                {
                    // Only files the build never reads (an editor's swap and temporary files).
                    continue;
                }
                // The background build of the sources as they were is out of date: stop it. A refresh does not wait for it
                // to notice (a stage may take seconds to get there); the next whole build waits for it instead, since
                // only one build at a time may write the site.
                var superseded = _background;
                _background = null;
                superseded?.Cancel.Cancel();
                if (pages is { } sources && await RefreshAsync(sources, cancellationToken))
                {
                    StartBackground(_build, after: superseded);
                    continue;
                }
                if (superseded is not null)
                {
                    await superseded.EndAsync();
                }
                await BuildAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>The paths of one burst: what is queued, and what comes until the folder has been quiet for a moment.</summary>
    private async Task<List<string?>> BurstAsync(CancellationToken cancellationToken)
    {
        var paths = new List<string?>();
        do
        {
            while (_changes.Reader.TryRead(out var path))
            {
                paths.Add(path);
            }
        }
        while (await MoreWithinAsync(Quiet, cancellationToken));
        return paths;
    }

    /// <summary>Builds the edited pages alone and puts them in place; false when the whole site must be built instead.</summary>
    private async Task<bool> RefreshAsync(ImmutableArray<string> sources, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var refresh = await PageRefresh.RenderAsync(_last!, sources, cancellationToken);
        if (!refresh.Refreshed)
        {
            await _log.WriteLineAsync($"Building the whole site: {refresh.FallBack}");
            return false;
        }
        try
        {
            foreach (var page in refresh.Pages)
            {
                PageRefresh.Write(_build.OutputRoot, page);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await _log.WriteLineAsync($"Building the whole site: a refreshed page could not be written: {ex.Message}");
            return false;
        }
        _last = refresh.Next;
        foreach (var page in refresh.Pages)
        {
            _refreshed[page.Destination] = page.Html;
        }
        var status = _status with { Build = _status.Build + 1, Kind = "refresh", Changed = [.. refresh.Pages.Select(p => p.Destination)] };
        _status = status;
        _hub.Publish("reload", status.ToJson());
        var shown = string.Join(", ", sources.Select(s => _options.InputDisplay.Replace('\\', '/').TrimEnd('/') + "/" + s));
        await _log.WriteLineAsync($"Refreshed {shown} in {stopwatch.Elapsed.TotalMilliseconds:0} ms; building the whole site in the background");
        return true;
    }

    /// <summary>Starts the whole build in the background, once the build it replaces (cancelled, its result no longer wanted) has ended.</summary>
    private void StartBackground(BuildOptions options, Background? after = null)
    {
        var cancel = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        _background = new Background(Task.Run(async () =>
        {
            if (after is not null)
            {
                await after.EndAsync();
            }
            cancel.Token.ThrowIfCancellationRequested();
            return await RunAsync(options, cancel.Token);
        }), cancel);
    }

    /// <summary>Waits for the background build and publishes its result, naming only the pages open tabs must reload.</summary>
    private async Task FinishBackgroundAsync()
    {
        var (build, cancel) = _background!;
        _background = null;
        try
        {
            var (result, failure) = await build;
            Publish(result, failure, result is { Published: true } ? ChangedPages(result) : null);
        }
        catch (OperationCanceledException)
        {
            // Stopped before it published: the served site is as it was.
        }
        finally
        {
            cancel.Dispose();
        }
    }

    /// <summary>
    /// The pages a background build changed for open tabs: those it rendered anew, less those a refresh already wrote with
    /// the same bytes; null when the build cannot say (it has no cache to reuse pages from).
    /// </summary>
    private IReadOnlyList<string>? ChangedPages(BuildResult result)
    {
        if (result.Remade is not { } remade)
        {
            return null;
        }
        return [.. remade.Where(page => !(_refreshed.TryGetValue(page, out var html) && Holds(page, html)))];
    }

    /// <summary>Whether the served site's file for <paramref name="page"/> is <paramref name="html"/>.</summary>
    private bool Holds(string page, string html)
    {
        try
        {
            return File.ReadAllText(Path.Combine(_build.OutputRoot, page)) == html;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Runs a build; a failure of the build itself (not of the input) comes back as a diagnostic.</summary>
    private static async Task<(BuildResult? Result, Diagnostic? Failure)> RunAsync(BuildOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return (await SiteBuild.RunAsync(options, cancellationToken), null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Another build holds the output lock, a file vanished mid-read, or a stage has a bug: report it like a diagnostic and
            // keep serving the last good site, so one bad moment never ends the session.
            var message = ex is IOException or UnauthorizedAccessException ? ex.Message : $"the build failed unexpectedly: {ex.GetType().Name}: {ex.Message}";
            return (null, new Diagnostic("(serve)", 0, 0, Severity.Error, "serve", message));
        }
    }

    /// <summary>Reports a build, keeps its state when it was published, and tells open pages ("reload" or "build-error").</summary>
    private BuildStatus Publish(BuildResult? result, Diagnostic? failure, IReadOnlyList<string>? changed)
    {
        result ??= new BuildResult([failure!], 0, TimeSpan.Zero, Published: false);
        _console.Report(result);
        if (result.Published)
        {
            _last = result.LastBuild;
            _refreshed.Clear();
        }
        var diagnostics = result.Diagnostics.Select(d => StatusDiagnostic.From(d, _options.InputDisplay)).ToList();
        var status = new BuildStatus(_status.Build + 1, result.Published, diagnostics) { Changed = result.Published ? changed : null };
        _status = status;
        _hub.Publish(status.Ok ? "reload" : "build-error", status.ToJson());
        return status;
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
        if (_background is { } background)
        {
            // Cancelled with the rest; it ends at its next step and leaves the served site as it was.
            await background.EndAsync();
        }
        _stop.Dispose();
    }

    /// <summary>A whole build running in the background, and how to stop it.</summary>
    private sealed record Background(Task<(BuildResult? Result, Diagnostic? Failure)> Build, CancellationTokenSource Cancel)
    {
        /// <summary>Waits until the build has ended, however it ended, when its result is no longer wanted.</summary>
        public async Task EndAsync()
        {
            await Task.WhenAny(Build);
            Cancel.Dispose();
        }
    }
}
