using System.Net.Sockets;
using System.Text;
using Roadmap.Docs.Cli.Serve;

namespace Roadmap.Docs.Tests.Serve;

/// <summary>A real dev server for one test: a small input in a temp folder, built with the fixed clock, on a free loopback port.</summary>
public sealed class ServeSession : IAsyncDisposable
{
    /// <summary>Every wait in these tests is bounded by this: generous, because other builds may share the machine.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly TempFolder _temp;
    private readonly ServeOptions _options;
    private bool _handedOver;

    private ServeSession(TempFolder temp, ServeOptions options, DevServer server, StringWriter log)
    {
        _temp = temp;
        _options = options;
        Server = server;
        Log = log;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = Timeout };
    }

    public DevServer Server { get; }

    public HttpClient Http { get; }

    /// <summary>What the server printed (build summaries and diagnostics).</summary>
    public StringWriter Log { get; }

    public string Input => _temp.Combine("input");

    public string Output => _temp.Combine("site");

    /// <summary>The temp folder that holds input/ and site/, where tests put files that must never be served.</summary>
    public TempFolder Folder => _temp;

    public static async Task<ServeSession> StartAsync(string pathPrefix = "/pr-42/")
    {
        var temp = TestPaths.NewTempFolder();
        temp.Write("input/site.yml", "title: Serve test site\nbase_url: https://docs.example.com/\n");
        temp.Write("input/index.md", "---\ntitle: Home\n---\nFirst version of the home page.\n");
        temp.Write("input/notes/page.md", "---\ntitle: A note\n---\nSee the [home page](../index.md).\n");
        temp.Write("input/files/data.bin", "\u0001\u0002");
        TestInputs.FillThemeGap(temp.Combine("input"));

        // With a build cache, as the serve command has: the whole build after a refresh reuses every other page.
        var build = TestBuild.Options(temp.Combine("input"), temp.Combine("site")) with { CacheRoot = temp.Combine("cache") };
        var options = new ServeOptions(build, "127.0.0.1", 0, pathPrefix);
        var log = new StringWriter();
        var server = await DevServer.StartAsync(options, log, TestContext.Current.CancellationToken);
        return new ServeSession(temp, options, server, log);
    }

    /// <summary>Stops this server and starts another on the same folders and cache, as a user restarting serve; the new session takes over the folders.</summary>
    public async Task<ServeSession> RestartAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        _handedOver = true;
        var log = new StringWriter();
        var server = await DevServer.StartAsync(_options, log, TestContext.Current.CancellationToken);
        return new ServeSession(_temp, _options, server, log);
    }

    public Uri At(string relative) => new(Server.Url, relative);

    public Task<HttpResponseMessage> GetAsync(string relative) => Http.GetAsync(At(relative), TestContext.Current.CancellationToken);

    public Task<string> GetStringAsync(string relative) => Http.GetStringAsync(At(relative), TestContext.Current.CancellationToken);

    public Task<ServerEvents> OpenEventsAsync() => ServerEvents.OpenAsync(Http, At("__roadmap-docs/events"), Timeout);

    public void WriteInput(string relative, string content) => _temp.Write(Path.Combine("input", relative), content);

    /// <summary>
    /// Sends <paramref name="target"/> exactly as written (HttpClient would normalise dot segments away) and returns the status and the
    /// whole response, headers included.
    /// </summary>
    public async Task<(int Status, string Response)> RawGetAsync(string target)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(Timeout);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Server.Url.Host, Server.Url.Port, cts.Token);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes($"GET {target} HTTP/1.1\r\nHost: {Server.Url.Authority}\r\nConnection: close\r\n\r\n"), cts.Token);
        var response = await new StreamReader(stream, Encoding.Latin1).ReadToEndAsync(cts.Token);
        var status = response.Split(' ', 3) is [_, var code, _] && int.TryParse(code, out var n) ? n : 0;
        return (status, response);
    }

    public async ValueTask DisposeAsync()
    {
        if (_handedOver)
        {
            return;
        }
        Http.Dispose();
        await Server.DisposeAsync();
        _temp.Dispose();
    }
}
