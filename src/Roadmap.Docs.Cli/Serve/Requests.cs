using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Roadmap.Docs.Cli.Serve;

/// <summary>The dev server's one request handler: refuses unsafe targets, applies the path prefix, then serves the dev endpoints or the site.</summary>
internal sealed class Requests(ServeOptions options, SiteRebuilder rebuilder, ReloadHub hub, string liveReloadScript, CancellationToken stopping)
{
    /// <summary>Where the dev endpoints live under the prefix: a name no real site uses, so it hides nothing.</summary>
    public const string DevFolder = "__roadmap-docs/";

    private readonly SiteFiles _site = new(options.Build.OutputRoot, $"<script src=\"{options.PathPrefix}{DevFolder}live-reload.js\"></script>");

    public async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return;
        }
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? "";
        if (!RequestPaths.IsSafe(raw))
        {
            response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        if (!path.StartsWith(options.PathPrefix, StringComparison.Ordinal))
        {
            if (path == "/" || path + "/" == options.PathPrefix)
            {
                response.Redirect(options.PathPrefix);
                return;
            }
            await _site.NotFoundAsync(context);
            return;
        }
        var relative = path[options.PathPrefix.Length..];
        switch (relative)
        {
            case DevFolder + "events":
                await hub.StreamAsync(context, () => rebuilder.Status.ToJson(), stopping);
                return;
            case DevFolder + "status":
                await WriteAsync(context, "application/json; charset=utf-8", rebuilder.Status.ToJson());
                return;
            case DevFolder + "live-reload.js":
                // Read on every request, so editing the script takes effect on the next reload.
                await WriteAsync(context, ContentTypes.JavaScript, await File.ReadAllTextAsync(liveReloadScript, context.RequestAborted));
                return;
        }
        if (relative.StartsWith(DevFolder, StringComparison.Ordinal))
        {
            await _site.NotFoundAsync(context);
            return;
        }
        await _site.ServeAsync(context, relative);
    }

    private static async Task WriteAsync(HttpContext context, string contentType, string body)
    {
        context.Response.ContentType = contentType;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.WriteAsync(body, context.RequestAborted);
        }
    }
}
