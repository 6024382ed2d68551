using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Roadmap.Docs.Cli.Serve;

/// <summary>The <c>serve</c> dev server: builds once, serves the site on Kestrel, rebuilds on every change and tells open pages to reload.</summary>
public sealed class DevServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SiteRebuilder _rebuilder;
    private readonly ChangeWatcher _watcher;

    private DevServer(WebApplication app, SiteRebuilder rebuilder, ChangeWatcher watcher, Uri url)
    {
        _app = app;
        _rebuilder = rebuilder;
        _watcher = watcher;
        Url = url;
    }

    /// <summary>Where the site is, prefix included ("http://127.0.0.1:5080/pr-42/"), with the port the system picked when asked for port 0.</summary>
    public Uri Url { get; }

    /// <summary>The latest build (number, success, diagnostics).</summary>
    public BuildStatus Status => _rebuilder.Status;

    /// <summary>Runs the first build, starts watching and listening; a failed first build still serves (a 404 page that shows the errors).</summary>
    /// <param name="options">What to build and where to listen.</param>
    /// <param name="log">Build summaries and diagnostics go here (written from background threads, so it is synchronised).</param>
    /// <param name="cancellationToken">Cancels start-up only; stop with <see cref="DisposeAsync"/>.</param>
    /// <exception cref="IOException">The address is in use, or another build holds the output folder.</exception>
    public static async Task<DevServer> StartAsync(ServeOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var hub = new ReloadHub();
        var rebuilder = new SiteRebuilder(options, hub, TextWriter.Synchronized(log));
        await rebuilder.BuildAsync(cancellationToken);
        var watcher = new ChangeWatcher([options.Build.InputRoot, options.Build.ThemeRoot], rebuilder.Changed);
        var app = CreateApp(options, rebuilder, hub);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            watcher.Dispose();
            await app.DisposeAsync();
            // A build it started in the background (an up-to-date start gathers the refresh state) ends with it.
            await rebuilder.DisposeAsync();
            throw;
        }
        rebuilder.Start();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new DevServer(app, rebuilder, watcher, new Uri(new Uri(address), options.PathPrefix));
    }

    private static WebApplication CreateApp(ServeOptions options, SiteRebuilder rebuilder, ReloadHub hub)
    {
        // The empty builder reads no appsettings or ASPNETCORE_URLS and logs nothing: the command line alone decides.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<IHostLifetime, CommandLineLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(Address(options.Host), options.Port);
        });
        var app = builder.Build();
        var stopping = app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var requests = new Requests(options, rebuilder, hub, LiveReloadScript(options.Build.ThemeRoot), stopping);
        app.Run(requests.HandleAsync);
        return app;
    }

    /// <summary>"localhost" means the IPv4 loopback (Kestrel cannot pick a free port for the name); anything else must be an IP address.</summary>
    /// <exception cref="FormatException">Neither.</exception>
    public static IPAddress Address(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? ip
        : throw new FormatException($"--host '{host}' is not an IP address or 'localhost'");

    /// <summary>The theme's live-reload.js, else the built-in theme's (a custom --theme need not carry it).</summary>
    private static string LiveReloadScript(string themeRoot)
    {
        const string relative = "assets/js/live-reload.js";
        var own = Path.Combine(themeRoot, relative);
        return File.Exists(own) || ThemeLocator.Find() is not { } builtIn ? own : Path.Combine(builtIn, relative);
    }

    /// <summary>
    /// Leaves Ctrl-C and SIGTERM to the serve command. The host's default console lifetime registers its signal handlers last, so it
    /// would run first, mark the signal handled and stop only the host (and in tests it would take the test runner's Ctrl-C).
    /// </summary>
    private sealed class CommandLineLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _watcher.Dispose();
        // Open event streams end as soon as stopping is signalled, so this does not wait out Kestrel's shutdown timeout.
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        await _rebuilder.DisposeAsync();
    }
}
