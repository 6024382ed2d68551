using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Incremental;
using Roadmap.Docs.Search.Lunr;
using Roadmap.Docs.Stages.Navigation;
using Roadmap.Docs.Stages.Output;

namespace Roadmap.Docs.Search;

/// <summary>One searchable entry: a page, or one of its H2/H3 sections (so a result opens the right step of a runbook).</summary>
public sealed record SearchEntry(string Title, string Section, string Url, string Text, string Headings, string Tags, string Kind, string Service, string Breadcrumb)
{
    /// <summary>A runbook's severity (sev1–sev4), or "".</summary>
    public string Severity { get; init; } = "";
}

/// <summary>
/// Builds the lunr.js 2.3.9 index at build time: entries per page and section, numeric refs, term-sharded so the browser
/// loads only the shards a query needs, and display data in a separate chunked store. Every file is a script
/// (<c>roadmapDocsSearch(…)</c>), so the same files load in a worker, in a page, and from file:// without fetch.
/// </summary>
public static partial class SearchStage
{
    /// <summary>Field boosts: title > headings > tags > service > body, kind.</summary>
    public static readonly (string Name, double Boost)[] Fields =
        [("title", 10), ("headings", 5), ("tags", 3), ("service", 2), ("body", 1), ("kind", 1)];

    /// <summary>Store entries per chunk file; a result list needs only the chunks of the refs it shows.</summary>
    public const int StoreChunk = 500;

    /// <summary>Roughly how many entries go in one index shard (a shard of this many ~100-word sections is ~100 kB raw).</summary>
    public const int EntriesPerShard = 200;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IModule Module { get; } = new ForAllDocuments((_, context) =>
    {
        var nav = context.Get<SiteNavigation>();
        var pages = context.Outputs("Content").Where(d => d.IsPage && d.Source.Length > 0).OrderBy(d => d.Destination, StringComparer.Ordinal);
        var entries = pages.AsParallel().AsOrdered().WithDegreeOfParallelism(context.MaxParallelism).WithCancellation(context.CancellationToken)
            .SelectMany(p => Entries(p, nav).ToList())
            .ToList();
        // The index is a function of the entries: when none changed, the published search files are reused as they are.
        var cache = context.TryGet<BuildCache>();
        var key = cache is null ? "" : EntriesKey(entries);
        if (cache?.TryReuseFolder("search/", key, context.Environment.OutputRoot) is { } reused)
        {
            return [.. reused.Select(d => new Document { Source = "", Destination = d, Written = true })];
        }
        // Each file is written as soon as it is made and its text let go: at 50,000 pages the index is hundreds of MB.
        var files = Files(entries, context.MaxParallelism, make: (destination, write) => WriteFiles.WriteStreamed(destination, write, context));
        foreach (var file in files)
        {
            cache?.Record(file.Destination, key);
        }
        return files;
    });

    /// <summary>The page entry (title, all headings, intro text) and one entry per H2/H3 section.</summary>
    public static IEnumerable<SearchEntry> Entries(Document page, SiteNavigation? nav)
    {
        var breadcrumb = nav is null ? "" : string.Join(" › ", nav.Breadcrumbs(page.Destination).Skip(1).Select(n => n.Title));
        var tags = string.Join(' ', page.Tags);
        var service = page.FrontMatter.GetString("service") ?? "";
        var severity = page.FrontMatter.GetString("severity")?.Trim().ToLowerInvariant() ?? "";
        var html = page.Html;
        var headings = string.Join(" · ", page.Headings.Where(h => h.Level is 2 or 3).Select(h => h.Text));
        // The intro runs to the first H2/H3; each section from the end of its heading to the next one (read in place, not split into copies).
        var match = SectionSplit().Match(html);
        yield return new SearchEntry(page.Title, "", page.Destination, Text(html.AsSpan(0, match.Success ? match.Index : html.Length)), headings, tags, page.Kind, service, breadcrumb) { Severity = severity };
        while (match.Success)
        {
            var next = match.NextMatch();
            var id = match.Groups[2].Value;
            var heading = Text(match.Groups[3].ValueSpan);
            var from = match.Index + match.Length;
            var body = Text(html.AsSpan(from, (next.Success ? next.Index : html.Length) - from));
            yield return new SearchEntry(page.Title, heading, page.Destination + "#" + id, body, heading, tags, page.Kind, service, breadcrumb) { Severity = severity };
            match = next;
        }
    }

    /// <summary>The index shards, manifest and store chunks for the entries (refs are their positions).</summary>
    /// <param name="entries">What to index.</param>
    /// <param name="parallelism">How many files to make at once.</param>
    /// <param name="make">
    /// Makes the document of one file from its destination and what writes its bytes: the build writes them straight to
    /// disk (<see cref="WriteFiles.WriteStreamed"/>); by default the text is kept as the document's content.
    /// </param>
    public static ImmutableArray<Document> Files(IReadOnlyList<SearchEntry> entries, int parallelism = 1, Func<string, Action<Stream>, Document>? make = null)
    {
        make ??= (destination, write) => new Document { Source = "", Destination = destination, Content = JsJsonWriter.ToText(write) };
        var builder = new LunrIndexBuilder();
        foreach (var (name, boost) in Fields)
        {
            builder.Field(name, boost);
        }
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            // In the order of Fields: title, headings, tags, service, body, kind.
            builder.Add(i.ToString(CultureInfo.InvariantCulture), [e.Section.Length == 0 ? e.Title : "", e.Headings, e.Tags, e.Service, e.Text, e.Kind], SeverityBoost(e.Severity));
        }
        var index = builder.Build();
        var shards = LunrShards.Create(index, Math.Max(1, entries.Count / EntriesPerShard), "index");
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        var shardFiles = new Document[shards.Count];
        Parallel.For(0, shards.Count, parallel, s =>
            shardFiles[s] = make($"search/{shards.FileName(s)[..^".json".Length]}.js", Script("shard", s, stream => shards.WriteShardJson(s, stream))));
        // One store chunk even when there is nothing to search, so the page's script finds what it expects.
        var storeFiles = Enumerable.Range(0, Math.Max(1, (entries.Count + StoreChunk - 1) / StoreChunk)).Select(c => $"store-{c}.js").ToList();
        var chunkFiles = new Document[storeFiles.Count];
        Parallel.For(0, storeFiles.Count, parallel, c =>
        {
            var chunk = new List<string[]>(StoreChunk);
            for (var i = c * StoreChunk; i < Math.Min(entries.Count, (c + 1) * StoreChunk); i++)
            {
                chunk.Add(StoreEntry(entries[i], chunk.Count == 0 ? null : entries[i - 1]));
            }
            chunkFiles[c] = make("search/" + storeFiles[c], Script("store", c, stream => JsonSerializer.Serialize(stream, chunk, Json)));
        });
        var files = ImmutableArray.CreateBuilder<Document>();
        files.AddRange(shardFiles);
        files.AddRange(chunkFiles);
        var manifest = new Dictionary<string, object>
        {
            ["version"] = LunrIndex.LunrVersion,
            ["fields"] = Fields.Select(f => f.Name).ToArray(),
            ["pipeline"] = new[] { "stemmer" },
            ["refCount"] = entries.Count,
            ["storeChunk"] = StoreChunk,
            ["store"] = storeFiles,
            ["shards"] = Enumerable.Range(0, shards.Count).Select(s => new Dictionary<string, string>
            {
                ["from"] = shards.From[s],
                ["file"] = shards.FileName(s)[..^".json".Length] + ".js",
            }).ToList(),
        };
        files.Add(make("search/manifest.js", Script("manifest", 0, stream => JsonSerializer.Serialize(stream, manifest, Json))));
        return files.ToImmutable();
    }

    /// <summary>
    /// An entry of a store chunk: <c>[title, section, url, excerpt, kind, breadcrumb]</c>, or, for a section that follows an
    /// entry of its own page in the same chunk, just <c>[section, "#id", excerpt]</c> (the page's title, URL, kind and
    /// breadcrumb come from that entry: search-engine.js fills them in as the chunk arrives). A third fewer bytes at 10k pages.
    /// </summary>
    private static string[] StoreEntry(SearchEntry entry, SearchEntry? previous)
    {
        if (previous is not null && entry.Title == previous.Title && entry.Kind == previous.Kind && entry.Breadcrumb == previous.Breadcrumb)
        {
            var page = previous.Url.IndexOf('#') is var hash and >= 0 ? hash : previous.Url.Length;
            if (entry.Url.Length > page && entry.Url[page] == '#' && entry.Url.AsSpan(0, page).SequenceEqual(previous.Url.AsSpan(0, page)))
            {
                return [entry.Section, entry.Url[page..], Excerpt(entry.Text)];
            }
        }
        return [entry.Title, entry.Section, entry.Url, Excerpt(entry.Text), entry.Kind, entry.Breadcrumb];
    }

    private static string EntriesKey(List<SearchEntry> entries)
    {
        using var key = new ContentKey();
        key.Add(LunrIndex.LunrVersion);
        key.Add(Fields.Select(f => $"{f.Name}^{f.Boost}").ToList());
        foreach (var e in entries)
        {
            key.Add(new[] { e.Title, e.Section, e.Url, e.Text, e.Headings, e.Tags, e.Kind, e.Service, e.Breadcrumb, e.Severity });
        }
        return key.Finish();
    }

    /// <summary>
    /// On call, the procedure for the worse outage should come first when two match alike: a sev1 runbook's entries
    /// weigh 1.6, sev2 1.4, sev3 1.2, sev4 1.1, everything else 1 (a lunr document boost).
    /// </summary>
    public static double SeverityBoost(string severity) => severity switch
    {
        "sev1" => 1.6,
        "sev2" => 1.4,
        "sev3" => 1.2,
        "sev4" => 1.1,
        _ => 1,
    };

    /// <summary>Writes <c>roadmapDocsSearch("kind",number,JSON);</c> and a newline: the JSON from <paramref name="json"/>.</summary>
    private static Action<Stream> Script(string kind, int number, Action<Stream> json) => stream =>
    {
        stream.Write(System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"roadmapDocsSearch(\"{kind}\",{number},")));
        json(stream);
        stream.Write(");\n"u8);
    };

    /// <summary>Visible text of an HTML fragment: tags dropped, entities decoded, whitespace folded.</summary>
    internal static string Text(string html) => Text(html.AsSpan());

    /// <inheritdoc cref="Text(string)"/>
    internal static string Text(ReadOnlySpan<char> html)
    {
        // Each tag becomes a space (a '<' with no '>' after it is text, as is everything after it), entities are decoded,
        // then every run of white space is one space: in one pooled buffer, the text made once at the end.
        var buffer = ArrayPool<char>.Shared.Rent(html.Length + 1);
        try
        {
            var length = 0;
            for (var at = 0; at < html.Length;)
            {
                var open = html[at..].IndexOf('<');
                var close = open < 0 ? -1 : html[(at + open)..].IndexOf('>');
                if (close < 0)
                {
                    html[at..].CopyTo(buffer.AsSpan(length));
                    length += html.Length - at;
                    break;
                }
                html.Slice(at, open).CopyTo(buffer.AsSpan(length));
                length += open;
                buffer[length++] = ' ';
                at += open + close + 1;
            }
            // Decoding never makes text longer, so the folded text fits the same buffer.
            return buffer.AsSpan(0, length).Contains('&')
                ? Fold(WebUtility.HtmlDecode(new string(buffer, 0, length)), buffer)
                : Fold(buffer.AsSpan(0, length), buffer);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The text with each run of white space as one space, none at the ends, folded into <paramref name="into"/> (which may hold the text itself).</summary>
    private static string Fold(ReadOnlySpan<char> text, char[] into)
    {
        var length = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                into[length++] = c;
            }
            else if (length > 0 && into[length - 1] != ' ')
            {
                into[length++] = ' ';
            }
        }
        if (length > 0 && into[length - 1] == ' ')
        {
            length--;
        }
        return new string(into, 0, length);
    }

    /// <summary>
    /// At most 240 characters of a section's text for the result list: cut at the last space before that, else (a text
    /// without spaces, such as Chinese or a long URL) after 239 characters, never inside a surrogate pair.
    /// </summary>
    internal static string Excerpt(string text)
    {
        const int Max = 240;
        if (text.Length <= Max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', Max - 1);
        if (cut <= 0)
        {
            cut = char.IsHighSurrogate(text[Max - 2]) ? Max - 2 : Max - 1;
        }
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    // Markdig writes headings as <h2 id="…">…</h2>; the split keeps level, id and the heading's inner HTML.
    [GeneratedRegex("<h([23]) id=\"([^\"]*)\"[^>]*>(.*?)</h\\1>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex SectionSplit();
}
