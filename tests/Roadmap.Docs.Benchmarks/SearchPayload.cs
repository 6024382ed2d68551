using System.IO.Compression;
using System.Text.Json;
using Roadmap.Docs.Search.Lunr;

namespace Roadmap.Docs.Benchmarks;

/// <summary>
/// What search costs a reader of a built site: every search file, and the bytes a browser downloads before the first
/// results of a one-word query appear (the scripts, the manifest, the query's shard and the first store chunk), gzip -6.
/// </summary>
internal sealed record SearchPayload(int Shards, long TotalBytes, long TotalGzipBytes, string Query, long FirstResultBytes, long FirstResultGzipBytes)
{
    private static readonly string[] Scripts =
        ["assets/js/lunr.min.js", "assets/js/search/lunr-shards.js", "assets/js/search/search-engine.js", "assets/js/search/search-worker.js", "assets/js/search/search.js"];

    public static SearchPayload Measure(string site, string query)
    {
        var search = Path.Combine(site, "search");
        var files = Directory.GetFiles(search);
        var manifestScript = File.ReadAllText(Path.Combine(search, "manifest.js"));
        var json = manifestScript[(manifestScript.IndexOf('{', StringComparison.Ordinal))..manifestScript.LastIndexOf('}')] + "}";
        using var manifest = JsonDocument.Parse(json);
        var shards = manifest.RootElement.GetProperty("shards").EnumerateArray().Select(s => (From: s.GetProperty("from").GetString()!, File: s.GetProperty("file").GetString()!)).ToList();
        var term = LunrText.QueryTerm(query);
        var shard = shards.Last(s => string.CompareOrdinal(s.From, term) <= 0).File;
        string[] first = [.. Scripts.Select(s => Path.Combine(site, s)), Path.Combine(search, "manifest.js"), Path.Combine(search, shard), Path.Combine(search, "store-0.js")];
        return new SearchPayload(
            shards.Count,
            files.Sum(f => new FileInfo(f).Length),
            files.Sum(Gzip),
            query,
            first.Where(File.Exists).Sum(f => new FileInfo(f).Length),
            first.Where(File.Exists).Sum(Gzip));
    }

    private static long Gzip(string file)
    {
        using var sink = new MemoryStream();
        using (var gzip = new GZipStream(sink, CompressionLevel.Optimal, leaveOpen: true))
        using (var source = File.OpenRead(file))
        {
            source.CopyTo(gzip);
        }
        return sink.Length;
    }
}
