using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Roadmap.Docs.Stages.Markdown;

namespace Roadmap.Docs.Benchmarks.Runner;

/// <summary>One body edit while serve runs, timed from the file write.</summary>
/// <param name="ReloadMs">Until the "reload" event arrived.</param>
/// <param name="FetchedMs">Until the page, fetched after the event, was read with the edit in it.</param>
/// <param name="BackgroundMs">Until the whole build that follows a refresh was published (the reload itself after a whole build).</param>
/// <param name="Kind">What the reload said: "refresh" (the page alone) or "build" (the whole site at once).</param>
internal sealed record ServeEdit(double ReloadMs, double FetchedMs, double BackgroundMs, string Kind);

/// <summary>A serve session on the corpus: from process start to serving (the first build), each edit, and the server's peak memory.</summary>
/// <param name="FirstBuildSeconds">From process start to "Serving at".</param>
/// <param name="Edits">The edits made one at a time, each after the previous one's background build.</param>
/// <param name="RefreshMs">How long each refresh itself took, as the server printed it (the rest of the reload time is the wait for the burst to end).</param>
/// <param name="DuringBackground">One more edit made while the previous edit's background build was running (which it cancels).</param>
/// <param name="PeakBytes">The server's VmHWM after the edits.</param>
internal sealed record ServeResult(double FirstBuildSeconds, IReadOnlyList<ServeEdit> Edits, IReadOnlyList<double> RefreshMs, ServeEdit DuringBackground, long PeakBytes);

/// <summary>
/// <c>--serve</c>: starts <c>roadmap-docs serve</c> (this configuration's build of src/Roadmap.Docs.Cli, a child process) on the
/// corpus on a free loopback port, waits for the first build, subscribes to its events, then edits one runbook's body a few
/// times, one edit at a time, each after the previous edit's background build has finished; and once more while one runs.
/// </summary>
internal static partial class ServeBench
{
    public const int Edits = 5;

    // A whole build of a large corpus on a busy machine can take minutes; a wait this long means the server is stuck.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    public static async Task<ServeResult> MeasureAsync(string input, string work, string theme)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "roadmap-docs.dll"), "serve", "--input", input, "--output", Path.Combine(work, "serve-site"), "--port", "0", "--host", "127.0.0.1", "--theme", theme })
        {
            start.ArgumentList.Add(arg);
        }
        var started = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start roadmap-docs serve");
        using var patience = new CancellationTokenSource(Patience);
        var errors = process.StandardError.ReadToEndAsync(patience.Token);
        long peak = 0;
        try
        {
            var url = await ServingUrlAsync(process.StandardOutput, patience.Token) ?? throw new InvalidOperationException($"serve ended without serving:\n{await errors}");
            var firstBuild = started.Elapsed.TotalSeconds;
            // Keep reading what it prints (build summaries, warnings), so a full pipe never stalls the server.
            var rest = process.StandardOutput.ReadToEndAsync(patience.Token);
            using var http = new HttpClient { Timeout = Patience };
            using var events = await EventStream.OpenAsync(http, new Uri(url, "__roadmap-docs/events"), patience.Token);

            var page = Directory.EnumerateFiles(Path.Combine(input, "runbooks"), "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Skip(2).First();
            var pageUrl = new Uri(url, PageUrl(Path.GetRelativePath(input, page).Replace('\\', '/')));
            var original = await File.ReadAllTextAsync(page, patience.Token);
            async Task<(ServeEdit Edit, long Written)> EditAsync(int n, bool waitForBackground)
            {
                var marker = string.Create(CultureInfo.InvariantCulture, $"Edit {n} while serving: check the replica lag before failing over.");
                var written = Stopwatch.GetTimestamp();
                await File.WriteAllTextAsync(page, original + "\n" + marker + "\n", patience.Token);
                // Not a background build's event (it names the pages it changed): one that an earlier edit left running may end now.
                var reload = await events.NextAsync(["reload", "build-error"], patience.Token, e => e.GetProperty("kind").GetString() != "build" || !e.TryGetProperty("changed", out _));
                var reloaded = Stopwatch.GetElapsedTime(written).TotalMilliseconds;
                var html = await http.GetStringAsync(pageUrl, patience.Token);
                var fetched = Stopwatch.GetElapsedTime(written).TotalMilliseconds;
                if (reload.Name != "reload" || !html.Contains(marker, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"edit {n}: '{reload.Name}' event, and the page {(html.Contains(marker, StringComparison.Ordinal) ? "has" : "lacks")} the edit: {reload.Data}");
                }
                var kind = reload.Data.GetProperty("kind").GetString() ?? "";
                var background = kind == "refresh" && waitForBackground ? await BackgroundBuildAsync(n, written) : reloaded;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  serve edit {n}: {kind}, reload event {reloaded:F0} ms, page fetched {fetched:F0} ms, background build done {background / 1000:F2} s"));
                return (new ServeEdit(reloaded, fetched, background, kind), written);
            }

            async Task<double> BackgroundBuildAsync(int n, long written)
            {
                var build = await events.NextAsync(["reload", "build-error"], patience.Token);
                if (build.Name != "reload")
                {
                    throw new InvalidOperationException($"edit {n}: the background build failed: {build.Data}");
                }
                return Stopwatch.GetElapsedTime(written).TotalMilliseconds;
            }

            var edits = new List<ServeEdit>();
            for (var i = 1; i <= Edits; i++)
            {
                edits.Add((await EditAsync(i, waitForBackground: true)).Edit);
            }
            // Once more: an edit, then another as soon as its page has reloaded, while its background build runs.
            var (first, _) = await EditAsync(Edits + 1, waitForBackground: false);
            var (during, at) = first.Kind == "refresh" ? await EditAsync(Edits + 2, waitForBackground: false) : (first, 0L);
            during = during with { BackgroundMs = await BackgroundBuildAsync(Edits + 2, at) };
            peak = Measure.PeakBytes(process.Id);
            await File.WriteAllTextAsync(page, original, patience.Token);
            await StopAsync(process);
            var printed = await rest;
            var refreshes = Refreshed().Matches(printed).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            return new ServeResult(firstBuild, edits, refreshes, during, peak);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^Refreshed .* in (\d+) ms", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex Refreshed();

    /// <summary>The site URL of a page's source, as the build places it ("runbooks/x.md" → "runbooks/x/").</summary>
    private static string PageUrl(string source)
    {
        var destination = SitePaths.DestinationFor(source);
        return destination.EndsWith("index.html", StringComparison.Ordinal) ? destination[..^"index.html".Length] : destination;
    }

    /// <summary>Reads the command's output up to its "Serving at URL" line; null when it ends first.</summary>
    private static async Task<Uri?> ServingUrlAsync(StreamReader output, CancellationToken cancellationToken)
    {
        const string serving = "Serving at ";
        while (await output.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith(serving, StringComparison.Ordinal))
            {
                return new Uri(line[serving.Length..].Split(' ')[0]);
            }
        }
        return null;
    }

    /// <summary>SIGTERM, as Ctrl-C would; killed if it does not stop within ten seconds.</summary>
    private static async Task StopAsync(Process process)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The server's event stream, read one event at a time.</summary>
    private sealed class EventStream : IDisposable
    {
        private readonly HttpResponseMessage _response;
        private readonly StreamReader _reader;

        private EventStream(HttpResponseMessage response, StreamReader reader)
        {
            _response = response;
            _reader = reader;
        }

        /// <summary>Opens the stream and reads its "hello", so the server has registered it before anything is edited.</summary>
        public static async Task<EventStream> OpenAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
        {
            var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var stream = new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken)));
            await stream.NextAsync(["hello"], cancellationToken);
            return stream;
        }

        /// <summary>The next event with one of these names that <paramref name="match"/> accepts (others are skipped).</summary>
        public async Task<(string Name, JsonElement Data)> NextAsync(string[] names, CancellationToken cancellationToken, Func<JsonElement, bool>? match = null)
        {
            string name = "message", data = "";
            while (await _reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length == 0 && data.Length > 0)
                {
                    using var json = JsonDocument.Parse(data);
                    if (names.Contains(name) && (match is null || match(json.RootElement)))
                    {
                        return (name, json.RootElement.Clone());
                    }
                    (name, data) = ("message", "");
                }
                else if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    name = line["event: ".Length..];
                }
                else if (line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    data += line["data: ".Length..];
                }
            }
            throw new EndOfStreamException("the server closed the event stream");
        }

        public void Dispose()
        {
            _reader.Dispose();
            _response.Dispose();
        }
    }
}
