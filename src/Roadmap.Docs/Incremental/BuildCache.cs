using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Incremental;

/// <summary>A file as the last build saw it: its path (prefixed "input/", "theme/" or output-relative), length and modification time.</summary>
public sealed record FileStamp(string Path, long Length, long Ticks);

/// <summary>What a successful build leaves in the cache for the next one.</summary>
/// <param name="Key">Tool build, options and day: any difference and nothing is reused.</param>
/// <param name="Sources">Every file under the input and theme folders, before the build read them.</param>
/// <param name="Output">Every file of the published site, as written.</param>
/// <param name="Keys">For each output file made from a content key (a page's layout model, the search entries), that key.</param>
/// <param name="Diagnostics">What the build reported, shown again when nothing changed.</param>
/// <param name="Pages">How many pages the site has.</param>
public sealed record BuildState(
    string Key,
    ImmutableArray<FileStamp> Sources,
    ImmutableArray<FileStamp> Output,
    ImmutableDictionary<string, string> Keys,
    ImmutableArray<Diagnostic> Diagnostics,
    int Pages);

/// <summary>
/// What the no-change check reads: the last build's key, a hash of its source and output stamps, and what it reported.
/// Kept apart from <see cref="BuildState"/> so that a build with nothing to do reads a few hashes, not every stamp and key.
/// </summary>
public sealed record BuildSummary(string Key, string Sources, string Output, ImmutableArray<Diagnostic> Diagnostics, int Pages);

internal static partial class Native
{
    /// <summary>POSIX link(2): 0 on success.</summary>
    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "link", StringMarshalling = System.Runtime.InteropServices.StringMarshalling.Utf8)]
    internal static partial int Link(string existing, string created);
}

[JsonSerializable(typeof(BuildState))]
[JsonSerializable(typeof(BuildSummary))]
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
internal sealed partial class BuildStateJson : JsonSerializerContext;

/// <summary>
/// The incremental build. Output is a function of the sources, the tool and the options; the cache records all three
/// after each successful build, so the next build can (1) do nothing at all when none of them changed and the published
/// site is as it was left, and (2) otherwise copy every output file whose content key (everything it was made from) is
/// the same as last time from the published site instead of making it again. Keys are content hashes, never times, so
/// an incremental build writes exactly the bytes a clean build writes. Anything unexpected (a damaged cache file, a
/// changed or missing output file, a symlinked folder whose contents cannot be stamped cheaply) means a full build.
/// </summary>
public sealed class BuildCache
{
    private readonly string _stateFile;
    private readonly string _outputRoot;
    private readonly Lazy<BuildState?> _previousState;
    private readonly Lazy<Dictionary<string, FileStamp>> _previousOutputs;
    private readonly ConcurrentDictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _remade = new();

    private BuildCache(string stateFile, string outputRoot, string key, ImmutableArray<FileStamp>? sources)
    {
        _stateFile = stateFile;
        _outputRoot = outputRoot;
        Key = key;
        Sources = sources;
        // The whole state (every stamp and key) is read only when the build runs and may reuse files.
        // Reuse only from a build of the same tool, options, day, settings and theme (the content keys cover the rest).
        _previousState = new(() => Load(stateFile, BuildStateJson.Default.BuildState) is { } previous && previous.Key == key
            && sources is { } now && Shared(previous.Sources).SequenceEqual(Shared(now)) ? previous : null);
        _previousOutputs = new(() => Previous?.Output.ToDictionary(s => s.Path, StringComparer.Ordinal) ?? []);
    }

    private BuildState? Previous => _previousState.Value;

    private Dictionary<string, FileStamp> PreviousOutput => _previousOutputs.Value;

    private string SummaryFile => Path.ChangeExtension(_stateFile, ".summary.json");

    private int _reused;

    /// <summary>How many output files this build copied from the published site instead of making them.</summary>
    public int Reused => _reused;

    /// <summary>The files offered for reuse (the pages) that this build made anew, in path order; every other page is the published one.</summary>
    public IReadOnlyList<string> Remade => [.. _remade.Order(StringComparer.Ordinal)];

    /// <summary>Tool build, options and day, hashed.</summary>
    public string Key { get; }

    /// <summary>The input and theme files as they were before this build read them; null when they cannot be stamped (no reuse then).</summary>
    public ImmutableArray<FileStamp>? Sources { get; }

    /// <summary>Opens the cache for a build of <paramref name="options"/> (the state file is per output folder).</summary>
    public static BuildCache Open(BuildOptions options, string cacheRoot)
    {
        var outputRoot = Path.GetFullPath(options.OutputRoot);
        var stateFile = Path.Combine(cacheRoot, "state-" + Hash(outputRoot)[..16] + ".json");
        var today = DateOnly.FromDateTime(options.Clock.GetUtcNow().UtcDateTime);
        var key = Hash(string.Join('\n',
            typeof(BuildCache).Assembly.ManifestModule.ModuleVersionId.ToString(),
            // What to keep for the caller, and whether to look for an up-to-date site, change nothing the build writes.
            (options with { Clock = TimeProvider.System, KeepState = false, SkipUpToDateCheck = false }).ToString(),
            today.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            options.Dates == Stages.Input.SourceDates.Git ? GitHead(options.InputRoot) : ""));
        var sources = StampSources(options.InputRoot, options.ThemeRoot);
        return new BuildCache(stateFile, outputRoot, key, sources);
    }

    /// <summary>The last build's result when nothing it depended on changed and its site is untouched; null means build.</summary>
    public BuildSummary? UpToDate()
    {
        if (Sources is not { } sources || Load(SummaryFile, BuildStateJson.Default.BuildSummary) is not { } summary
            || summary.Key != Key || summary.Sources != HashOf(sources))
        {
            return null;
        }
        return StampFolder(_outputRoot, "") is { } output && HashOf(output) == summary.Output ? summary : null;
    }

    /// <summary>One hash for a list of stamps (path, length and time of each file).</summary>
    private static string HashOf(ImmutableArray<FileStamp> stamps)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var stamp in stamps)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{stamp.Path}\t{stamp.Length}\t{stamp.Ticks}\n")));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// Puts the published file for <paramref name="destination"/> into <paramref name="stagingRoot"/> when it was made
    /// from the same <paramref name="key"/> and is unchanged since; false means make it. Either way the key is recorded.
    /// </summary>
    public bool TryReuse(string destination, string key, string stagingRoot)
    {
        _keys[destination] = key;
        if (Previous is null || Sources is null
            || !Previous.Keys.TryGetValue(destination, out var previousKey) || previousKey != key
            || !Unchanged(destination))
        {
            _remade.Enqueue(destination);
            return false;
        }
        Copy(destination, stagingRoot);
        return true;
    }

    private bool Unchanged(string destination)
    {
        var info = new FileInfo(Path.Combine(_outputRoot, destination));
        return PreviousOutput.TryGetValue(destination, out var stamp) && info.Exists && info.Length == stamp.Length && info.LastWriteTimeUtc.Ticks == stamp.Ticks;
    }

    /// <summary>
    /// A hard link where the file system has them (one system call, no bytes copied; the old site's folder is deleted after
    /// the swap, which leaves the new one's file in place), else a copy. Nothing ever writes into a reused file.
    /// </summary>
    private void Copy(string destination, string stagingRoot)
    {
        Interlocked.Increment(ref _reused);
        var source = Path.Combine(_outputRoot, destination);
        var target = Path.Combine(stagingRoot, destination);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) || Native.Link(source, target) != 0)
        {
            File.Copy(source, target, overwrite: true);
        }
    }

    /// <summary>What every output file depends on beyond its own content key: site.yml and the theme (with input/_theme overrides).</summary>
    private static IEnumerable<FileStamp> Shared(ImmutableArray<FileStamp> sources) =>
        sources.Where(s => s.Path.StartsWith("theme/", StringComparison.Ordinal) || s.Path == "input/site.yml" || s.Path.StartsWith("input/_theme/", StringComparison.Ordinal));

    /// <summary>
    /// Puts every published file under <paramref name="folder"/> into <paramref name="stagingRoot"/> when all of them were
    /// made from the same <paramref name="key"/> and are unchanged; returns their destinations, or null (nothing copied).
    /// </summary>
    public IReadOnlyList<string>? TryReuseFolder(string folder, string key, string stagingRoot)
    {
        var files = PreviousOutput.Keys.Where(p => p.StartsWith(folder, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (Previous is null || files.Count == 0 || !files.All(f => Previous.Keys.GetValueOrDefault(f) == key && Unchanged(f)))
        {
            return null;
        }
        foreach (var file in files)
        {
            Copy(file, stagingRoot);
            _keys[file] = key;
        }
        return files;
    }

    /// <summary>Notes the content key a file was made from, for the next build.</summary>
    public void Record(string destination, string key) => _keys[destination] = key;

    /// <summary>Records a successful, published build (call after the swap).</summary>
    public void Save(IReadOnlyList<Diagnostic> diagnostics, int pages)
    {
        if (Sources is not { } sources || StampFolder(_outputRoot, "") is not { } output)
        {
            return;
        }
        var state = new BuildState(Key, sources, output, _keys.ToImmutableDictionary(StringComparer.Ordinal), [.. diagnostics], pages);
        Directory.CreateDirectory(Path.GetDirectoryName(_stateFile)!);
        // The summary last: it is what says "up to date", so it never describes a state that is not fully written.
        WriteAtomically(_stateFile, JsonSerializer.SerializeToUtf8Bytes(state, BuildStateJson.Default.BuildState));
        var summary = new BuildSummary(Key, HashOf(sources), HashOf(output), [.. diagnostics], pages);
        WriteAtomically(SummaryFile, JsonSerializer.SerializeToUtf8Bytes(summary, BuildStateJson.Default.BuildSummary));
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>SHA-256 of text, lower-case hex.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static T? Load<T>(string file, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize(File.ReadAllBytes(file), type) : null;
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // A damaged or foreign cache file only costs a full build.
            return null;
        }
    }

    private static ImmutableArray<FileStamp>? StampSources(string inputRoot, string themeRoot)
    {
        var input = StampFolder(inputRoot, "input/");
        var theme = StampFolder(themeRoot, "theme/", skip: "node_modules");
        var lunr = new FileInfo(Path.Combine(themeRoot, "node_modules", "lunr", "lunr.min.js"));
        return input is null || theme is null
            ? null
            : [.. input, .. theme, new FileStamp("theme/node_modules/lunr/lunr.min.js", lunr.Exists ? lunr.Length : -1, lunr.Exists ? lunr.LastWriteTimeUtc.Ticks : 0)];
    }

    /// <summary>Every file under <paramref name="root"/>, sorted; null when a folder is a symlink (its contents would need following).</summary>
    private static ImmutableArray<FileStamp>? StampFolder(string root, string prefix, string? skip = null)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }
        // One pass with the enumerator's own stat of each entry (no FileInfo, no readlink per file: a 10,000-page site is
        // stamped twice on every no-change build).
        var linkedFolder = false;
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = 0 };
        var entries = new FileSystemEnumerable<FileStamp>(root, Stamp, options)
        {
            ShouldIncludePredicate = (ref entry) =>
            {
                var isLink = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
                if (entry.IsDirectory && isLink)
                {
                    linkedFolder = true;
                }
                return !entry.IsDirectory;
            },
            ShouldRecursePredicate = (ref entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0 && !entry.FileName.SequenceEqual(skip),
        };
        var stamps = entries.ToList();
        if (linkedFolder)
        {
            return null;
        }
        stamps.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return [.. stamps];

        FileStamp Stamp(ref FileSystemEntry entry)
        {
            var relative = prefix + Path.Join(entry.Directory[entry.RootDirectory.Length..].TrimStart(Path.DirectorySeparatorChar), entry.FileName).Replace(Path.DirectorySeparatorChar, '/');
            if ((entry.Attributes & FileAttributes.ReparsePoint) == 0)
            {
                return new FileStamp(relative, entry.Length, entry.LastWriteTimeUtc.UtcTicks);
            }
            // A symlinked file: the file it leads to (a dangling link is stamped as missing).
            var target = new FileInfo(entry.ToFullPath()).ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
            return target is { Exists: true } ? new FileStamp(relative, target.Length, target.LastWriteTimeUtc.Ticks) : new FileStamp(relative, -1, 0);
        }
    }

    /// <summary>The commit HEAD points at (dates come from git history, so a new commit can change pages without changing files).</summary>
    internal static string GitHead(string inputRoot)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(inputRoot)); folder is not null; folder = folder.Parent)
        {
            var git = Path.Combine(folder.FullName, ".git");
            var head = Path.Combine(git, "HEAD");
            if (!File.Exists(head))
            {
                continue;
            }
            var text = File.ReadAllText(head).Trim();
            if (text.StartsWith("ref: ", StringComparison.Ordinal))
            {
                var reference = Path.Combine(git, text[5..]);
                var packed = Path.Combine(git, "packed-refs");
                return text + " " + (File.Exists(reference) ? File.ReadAllText(reference).Trim() : File.Exists(packed) ? Hash(File.ReadAllText(packed)) : "");
            }
            return text;
        }
        return "";
    }
}
