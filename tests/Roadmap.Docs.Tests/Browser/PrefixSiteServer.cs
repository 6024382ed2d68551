using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Roadmap.Docs.Tests.Browser;

/// <summary>
/// Serves a built site folder over http on a free loopback port under a path prefix (<c>/pr-42/</c>, as a pull-request
/// preview would), and records every path asked for, so a test can check the site never leaves its prefix.
/// </summary>
public sealed class PrefixSiteServer : IAsyncDisposable
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".json"] = "application/json",
        [".xml"] = "application/xml",
        [".png"] = "image/png",
    };

    private readonly HttpListener _listener = new();
    private readonly string _folder;
    private readonly Task _loop;

    public PrefixSiteServer(string folder, string prefix = "/pr-42/")
    {
        _folder = Path.GetFullPath(folder);
        Prefix = prefix;
        var port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{port}{prefix}";
        _loop = Task.Run(LoopAsync);
    }

    public string Prefix { get; }

    /// <summary>The site's root URL, ending in the prefix.</summary>
    public string BaseUrl { get; }

    /// <summary>Every request path, in the order they came.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            await ServeAsync(context);
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        var path = context.Request.Url?.AbsolutePath ?? "/";
        Requests.Enqueue(path);
        var response = context.Response;
        try
        {
            var file = Resolve(path);
            if (file is null)
            {
                response.StatusCode = 404;
                return;
            }
            response.ContentType = ContentTypes.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
            var bytes = await File.ReadAllBytesAsync(file);
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }
        catch (HttpListenerException)
        {
            // The browser went away mid-response.
        }
        finally
        {
            response.Close();
        }
    }

    /// <summary>The file for a request path under the prefix (a folder means its index.html), or null.</summary>
    private string? Resolve(string path)
    {
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var relative = Uri.UnescapeDataString(path[Prefix.Length..]);
        var full = Path.GetFullPath(Path.Combine(_folder, relative));
        if (Path.GetRelativePath(_folder, full).StartsWith("..", StringComparison.Ordinal))
        {
            return null;
        }
        if (Directory.Exists(full))
        {
            full = Path.Combine(full, "index.html");
        }
        return File.Exists(full) ? full : null;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
