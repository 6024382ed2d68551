using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using Roadmap.Docs.Configuration;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Markdown;
using Roadmap.Docs.Stages.Lint;

namespace Roadmap.Docs.Stages.Input;

/// <summary>Reads the input folder: markdown files become pages, everything else is copied as it is.</summary>
public sealed class ReadFiles : IModule
{
    /// <summary>The folder under input/ whose files override the built-in theme.</summary>
    public const string ThemeOverrideFolder = "_theme";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, Engine.ExecutionContext context)
    {
        var root = context.Environment.InputRoot;
        var settings = context.Environment.Settings;
        var include = settings.Include.Select(p => new Glob(p)).ToArray();
        var exclude = settings.Exclude.Select(p => new Glob(p)).ToArray();
        var files = new List<(string Relative, string Full)>();
        Walk(root, root, "", files, new HashSet<string>(StringComparer.Ordinal), context.Diagnostics);
        files.RemoveAll(f => !include.Any(g => g.IsMatch(f.Relative)) || exclude.Any(g => g.IsMatch(f.Relative)));
        files.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));

        var docs = new Document[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { CancellationToken = context.CancellationToken, MaxDegreeOfParallelism = context.MaxParallelism }, i =>
        {
            var (relative, full) = files[i];
            docs[i] = IsMarkdown(relative)
                ? ReadPage(relative, full, context.Diagnostics)
                : new Document { Source = relative, Destination = relative, CopyFrom = full };
        });
        GiveEachPageItsOwnUrl(docs, context.Diagnostics);
        // What links in the markdown can point at: every page and file read (the markdown stage resolves links against it).
        context.Publish(new LinkTargets(docs));
        return Task.FromResult(docs.ToImmutableArray());
    }

    /// <summary>A markdown file as a page, before any stage has read it: its text, its URL from its path, a title from its name.</summary>
    internal static Document ReadPage(string relative, string full, DiagnosticBag diagnostics) => new()
    {
        Source = relative,
        Destination = SitePaths.DestinationFor(relative),
        SourceText = ReadText(full, relative, diagnostics),
        IsPage = true,
        Title = TitleFromFileName(relative),
    };

    /// <summary>
    /// Two sources that would become one URL ("ops.md" and "ops/index.md"; "A.md" and "a.md", which clash on a
    /// case-insensitive file system or server) both stay: the first in path order keeps the URL, the other is built at
    /// one named after its file ("ops/index/index.html", "a-2/index.html"), and the diagnostic says where. Copied files
    /// keep their paths: a page that clashes with one moves instead.
    /// </summary>
    internal static void GiveEachPageItsOwnUrl(Document[] docs, DiagnosticBag diagnostics)
    {
        var taken = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in docs.Where(d => !d.IsPage))
        {
            taken.TryAdd(file.Destination, file.Source);
        }
        for (var i = 0; i < docs.Length; i++)
        {
            var page = docs[i];
            if (!page.IsPage || taken.TryAdd(page.Destination, page.Source))
            {
                continue;
            }
            var folder = page.Source.LastIndexOf('/') is var slash and >= 0 ? page.Source[..(slash + 1)] : "";
            var name = Path.GetFileNameWithoutExtension(page.Source);
            // "index.md" tries "index/index.html" first; "a.md" (whose own URL is taken) goes on to "a-2/index.html".
            string destination;
            var n = 1;
            do
            {
                destination = folder + name + (n == 1 ? "" : "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture)) + "/index.html";
                n++;
            }
            while (!taken.TryAdd(destination, page.Source));
            var owner = taken[page.Destination];
            diagnostics.Report(Rules.DuplicateUrl, page.Source, 1, 1,
                $"'{page.Source}' and '{owner}' both become {page.Destination}; '{owner}' keeps it and '{page.Source}' is built at {destination}",
                "rename one of the two files so each has the URL you mean");
            docs[i] = page with { Destination = destination };
        }
    }

    public static bool IsMarkdown(string path) => SitePaths.IsMarkdown(path);

    /// <summary>"runbooks/redis-cache-outage.md" → "Redis cache outage"; a folder's index page takes the folder's name.</summary>
    public static string TitleFromFileName(string relative)
    {
        var slash = relative.LastIndexOf('/');
        var name = Path.GetFileNameWithoutExtension(relative.AsSpan(slash + 1));
        if (name is "index" or "_index" || name.Equals("README", StringComparison.OrdinalIgnoreCase))
        {
            var folder = relative.AsSpan(0, Math.Max(slash, 0));
            name = slash < 0 ? "Home" : folder[(folder.LastIndexOf('/') + 1)..];
        }
        // Made in place: every page gets this title until its front matter or first heading gives another.
        Span<char> words = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        name.CopyTo(words);
        words.Replace('-', ' ');
        words.Replace('_', ' ');
        words = words.Trim();
        if (words.IsEmpty)
        {
            return name.ToString();
        }
        words[0] = char.ToUpperInvariant(words[0]);
        return words.ToString();
    }

    /// <summary>
    /// Decodes UTF-8 (a BOM is dropped); invalid bytes are reported with their offset and replaced, never fatal.
    /// Line endings become \n: CommonMark and YAML both end a line at \r\n, \n or a lone \r, so every stage then counts lines alike.
    /// </summary>
    internal static string ReadText(string full, string relative, DiagnosticBag diagnostics)
    {
        // The bytes go through a pooled buffer: only the text is kept.
        var (buffer, length) = ReadAllPooled(full);
        try
        {
            return Decode(buffer.AsSpan(0, length), relative, diagnostics);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The whole file in a rented buffer (return it to the shared pool); a file that grows while read is read to its end.</summary>
    private static (byte[] Buffer, int Length) ReadAllPooled(string path)
    {
        using var handle = File.OpenHandle(path);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, RandomAccess.GetLength(handle) + 1));
        var length = 0;
        try
        {
            for (int read; (read = RandomAccess.Read(handle, buffer.AsSpan(length), length)) > 0;)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static string Decode(ReadOnlySpan<byte> bytes, string relative, DiagnosticBag diagnostics)
    {
        var start = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        try
        {
            return OneLineEnding(StrictUtf8.GetString(bytes[start..]));
        }
        catch (DecoderFallbackException ex)
        {
            var offset = Math.Max(0, start + ex.Index);
            var before = bytes[..offset];
            // Lines as the rest of the build counts them (a lone carriage return ends a line too).
            var line = 1 + OneLineEnding(Encoding.Latin1.GetString(before)).Count('\n');
            var lineStart = Math.Max(start, Math.Max(before.LastIndexOf((byte)'\n'), before.LastIndexOf((byte)'\r')) + 1);
            var column = 1 + Encoding.UTF8.GetCharCount(bytes[lineStart..offset]);
            diagnostics.Report(Rules.InputFile, relative, line, column, $"invalid UTF-8 at byte offset {offset}; replaced with U+FFFD", "save the file as UTF-8");
            return OneLineEnding(Encoding.UTF8.GetString(bytes[start..]));
        }
    }

    private static string OneLineEnding(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    private static void Walk(string root, string folder, string prefix, List<(string, string)> files, HashSet<string> visited, DiagnosticBag diagnostics)
    {
        var real = Path.GetFullPath(new DirectoryInfo(folder).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? folder);
        if (!visited.Add(real))
        {
            diagnostics.Report(Rules.InputFile, prefix.TrimEnd('/'), 1, 1, "symbolic link loop: this folder was already read through another path; skipped");
            return;
        }
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var relative = prefix + entry.Name;
            if (entry.Name.StartsWith('.') || (prefix.Length == 0 && (entry.Name == ThemeOverrideFolder || entry.Name == SiteSettings.FileName)))
            {
                continue;
            }
            if (UnsafeNameCharacter(entry.Name) is { } unsafeChar)
            {
                diagnostics.Report(Rules.UnsafeFileName, relative, 1, 1,
                    $"the name has {unsafeChar}, which cannot be part of a page's URL as written; skipped",
                    "rename it with letters, digits, spaces, '-', '_' and '.'");
                continue;
            }
            if (entry.LinkTarget is not null && !InsideRoot(root, entry))
            {
                diagnostics.Report(Rules.InputFile, relative, 1, 1, "symbolic link points outside the input folder; not followed");
                continue;
            }
            if (entry is DirectoryInfo)
            {
                Walk(root, entry.FullName, relative + "/", files, visited, diagnostics);
            }
            else if (entry.Exists)
            {
                files.Add((relative, entry.FullName));
            }
        }
    }

    /// <summary>
    /// A character that would let a file name change the markup or the meaning of the URLs built from it: quotes and
    /// angle brackets end an attribute, a colon makes <c>javascript:x/index.html</c> a scheme, ?, # and % change what the
    /// URL points at. Null when the name is safe.
    /// </summary>
    internal static string? UnsafeNameCharacter(string name)
    {
        foreach (var c in name)
        {
            if (c is '"' or '\'' or '<' or '>' or '`' or ':' or '?' or '#' or '%' or '\\')
            {
                return $"'{c}'";
            }
            if (char.IsControl(c))
            {
                return $"a control character (U+{(int)c:X4})";
            }
        }
        return null;
    }

    private static bool InsideRoot(string root, FileSystemInfo entry)
    {
        var target = entry.ResolveLinkTarget(returnFinalTarget: true);
        if (target is null)
        {
            return false;
        }
        var full = Path.GetFullPath(target.FullName);
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(rootFull, StringComparison.Ordinal);
    }
}
