using System.Text;
using Microsoft.AspNetCore.Http;

namespace Roadmap.Docs.Cli.Serve;

/// <summary>Serves the built site from disk: a folder URL gets its index.html, HTML gets the live-reload script, anything missing gets the site's 404 page.</summary>
/// <param name="root">The output folder (swapped wholesale by each successful build, so nothing here is cached).</param>
/// <param name="scriptTag">The &lt;script&gt; element injected before &lt;/body&gt; of every HTML response.</param>
internal sealed class SiteFiles(string root, string scriptTag)
{
    private const string FallbackNotFound = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>\n<body><h1>Not found</h1><p>There is no page here (yet).</p></body></html>\n";

    /// <param name="context">The request, its raw target already checked by <see cref="RequestPaths.IsSafe"/>.</param>
    /// <param name="relative">The path below the prefix, '/'-separated ("runbooks/redis/").</param>
    public async Task ServeAsync(HttpContext context, string relative)
    {
        var entry = RequestPaths.Resolve(root, relative);
        if (entry is DirectoryInfo)
        {
            if (relative.Length > 0 && !relative.EndsWith('/'))
            {
                // Pages link relatively ("../index.html"), so a folder must be addressed with its slash.
                context.Response.Redirect(context.Request.PathBase + context.Request.Path + "/" + context.Request.QueryString);
                return;
            }
            entry = RequestPaths.Resolve(root, relative + "index.html");
        }
        if (entry is not FileInfo file)
        {
            await NotFoundAsync(context);
            return;
        }
        var type = ContentTypes.For(file.Name);
        if (type == ContentTypes.Html)
        {
            await WriteHtmlAsync(context, StatusCodes.Status200OK, await File.ReadAllTextAsync(file.FullName, context.RequestAborted));
            return;
        }
        context.Response.ContentType = type;
        context.Response.ContentLength = file.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.SendFileAsync(file.FullName, context.RequestAborted);
        }
    }

    /// <summary>404 with the site's own 404.html (plus the script, so a build error still shows), or a plain page before the first good build.</summary>
    public async Task NotFoundAsync(HttpContext context)
    {
        var page = RequestPaths.Resolve(root, "404.html") as FileInfo;
        var html = page is null ? FallbackNotFound : await File.ReadAllTextAsync(page.FullName, context.RequestAborted);
        await WriteHtmlAsync(context, StatusCodes.Status404NotFound, html);
    }

    private async Task WriteHtmlAsync(HttpContext context, int status, string html)
    {
        var body = Encoding.UTF8.GetBytes(InjectScript(html, scriptTag));
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentTypes.Html;
        context.Response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>Puts <paramref name="tag"/> just before the last &lt;/body&gt;, or at the end when the page has none.</summary>
    public static string InjectScript(string html, string tag)
    {
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return end < 0 ? html + tag + "\n" : string.Concat(html.AsSpan(0, end), tag, "\n", html.AsSpan(end));
    }
}
