using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using Roadmap.Docs.Configuration;
using Roadmap.Docs.Stages.Output;

namespace Roadmap.Docs.Cli.Serve;

/// <summary>The <c>serve</c> command: parses its options and runs a <see cref="DevServer"/> until Ctrl-C.</summary>
public static class ServeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new Option<string>("--input", "-i") { Description = "The knowledge base folder (with site.yml).", DefaultValueFactory = _ => "input" };
        var output = new Option<string>("--output", "-o") { Description = "Where the served site is built.", DefaultValueFactory = _ => Path.Combine(".roadmap-docs", "serve-site") };
        var port = new Option<int>("--port", "-p") { Description = "TCP port; 0 picks a free one.", DefaultValueFactory = _ => 5080 };
        var host = new Option<string>("--host") { Description = "Address to listen on; loopback unless you mean to share the site.", DefaultValueFactory = _ => "127.0.0.1" };
        var prefix = new Option<string>("--path-prefix") { Description = "Serve the site under this path, as a preview host would (for example /pr-42/).", DefaultValueFactory = _ => "/" };
        var theme = new Option<string?>("--theme") { Description = "Use another built-in theme folder." };

        var rawHtml = CliApp.RawHtmlOption();

        var command = new Command("serve", "Build the site, serve it locally, and rebuild and reload open pages on every change.") { input, output, port, host, prefix, theme, rawHtml };
        command.SetAction((result, cancellationToken) => RunAsync(
            new ServeRequest(result.GetValue(input)!, result.GetValue(output)!, result.GetValue(port), result.GetValue(host)!, result.GetValue(prefix)!, result.GetValue(theme))
            {
                RawHtml = RawHtmlModes.Parse(result.GetValue(rawHtml)),
            },
            stdout, stderr, cancellationToken));
        return command;
    }

    private sealed record ServeRequest(string Input, string Output, int Port, string Host, string PathPrefix, string? Theme)
    {
        public RawHtmlMode? RawHtml { get; init; }
    }

    private static async Task<int> RunAsync(ServeRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (options, problem) = Options(request);
        if (options is null)
        {
            await stderr.WriteLineAsync($"error: {problem}");
            return CliApp.ExitUsage;
        }
        if (!IPAddress.IsLoopback(DevServer.Address(request.Host)))
        {
            await stderr.WriteLineAsync($"warning: listening on {request.Host}: other machines on the network can read the site");
        }
        // Ctrl-C and SIGTERM stop the server cleanly, handled here so the exit is a normal one whatever the invocation settings.
        // The handler only records the request: it runs on the runtime's signal thread, possibly after this method has ended
        // (a registration's Dispose does not wait for a handler already called), so it touches nothing disposable and runs
        // no shutdown work itself.
        var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopRequested.TrySetResult();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        await stdout.WriteLineAsync($"Building {request.Input} → {request.Output}");
        DevServer server;
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var starting = DevServer.StartAsync(options, stdout, stop.Token);
            if (await Task.WhenAny(starting, stopRequested.Task) != starting)
            {
                await stop.CancelAsync();
            }
            try
            {
                server = await starting;
            }
            catch (OperationCanceledException)
            {
                return CliApp.ExitOk;
            }
            catch (IOException ex)
            {
                await stderr.WriteLineAsync($"error: {ex.Message}");
                return CliApp.ExitFailed;
            }
        }
        await using (server)
        {
            await stdout.WriteLineAsync($"Serving at {server.Url} (Ctrl-C to stop); watching {request.Input} and the theme");
            try
            {
                await stopRequested.Task.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The invocation was cancelled some other way: stop all the same.
            }
            await stdout.WriteLineAsync("Stopping.");
        }
        return CliApp.ExitOk;
    }

    private static (ServeOptions? Options, string? Problem) Options(ServeRequest request)
    {
        var inputRoot = Path.GetFullPath(request.Input);
        if (!Directory.Exists(inputRoot))
        {
            return (null, $"the input folder '{request.Input}' does not exist");
        }
        if (OutputFolder.Refusal(request.Output, inputRoot) is { } refusal)
        {
            return (null, refusal);
        }
        var themeRoot = request.Theme is not null ? Path.GetFullPath(request.Theme) : ThemeLocator.Find();
        if (themeRoot is null)
        {
            return (null, "the built-in theme was not found next to the program; pass --theme");
        }
        if (ServeOptions.NormalizePrefix(request.PathPrefix) is not { } prefix)
        {
            return (null, $"--path-prefix '{request.PathPrefix}' must be '/' or '/name/…/' with letters, digits, '-', '_', '.' or '~'");
        }
        if (request.Port is < 0 or > 65535)
        {
            return (null, $"--port {request.Port} is not a TCP port (0 to 65535)");
        }
        try
        {
            DevServer.Address(request.Host);
        }
        catch (FormatException ex)
        {
            return (null, ex.Message);
        }
        var build = new BuildOptions(inputRoot, Path.GetFullPath(request.Output), themeRoot) { RawHtml = request.RawHtml, CacheRoot = Path.GetFullPath(CliApp.DefaultCache) };
        return (new ServeOptions(build, request.Host, request.Port, prefix) { InputDisplay = request.Input }, null);
    }
}
