namespace Roadmap.Docs.Cli.Serve;

/// <summary>The Content-Type for each kind of file a built site holds; anything else is served as bytes.</summary>
internal static class ContentTypes
{
    public const string Html = "text/html; charset=utf-8";

    public const string JavaScript = "text/javascript; charset=utf-8";

    public const string Unknown = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = Html,
        [".htm"] = Html,
        [".css"] = "text/css; charset=utf-8",
        [".js"] = JavaScript,
        [".mjs"] = JavaScript,
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".ico"] = "image/x-icon",
        [".woff2"] = "font/woff2",
        [".woff"] = "font/woff",
        [".xml"] = "application/xml; charset=utf-8",
        [".txt"] = "text/plain; charset=utf-8",
        [".pdf"] = "application/pdf",
    };

    public static string For(string path) => ByExtension.GetValueOrDefault(Path.GetExtension(path), Unknown);
}
