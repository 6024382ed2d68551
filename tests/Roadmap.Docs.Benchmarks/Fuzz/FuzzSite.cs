using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Parser;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Input;
using Roadmap.Docs.Stages.Lint;

namespace Roadmap.Docs.Benchmarks.Fuzz;

/// <summary>A real page to start from: where it sits in its knowledge base, and its text.</summary>
public sealed record SeedPage(string RelativePath, string Text)
{
    public override string ToString() => RelativePath;
}

/// <summary>What one build made, in memory: every file it would write (by destination) and what it reported.</summary>
public sealed record FuzzOutcome(ImmutableSortedDictionary<string, string> Files, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<string> Pages)
{
    /// <summary>A hash of every file and every diagnostic, to compare two builds of the same input.</summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var (destination, content) in Files)
        {
            text.Append(destination).Append('\0').Append(content).Append('\0');
        }
        foreach (var diagnostic in Diagnostics)
        {
            text.Append(diagnostic).Append('\n');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}

/// <summary>
/// The fuzzing rig shared by the property tests and the campaign: real pages from input/ and the test fixtures, a
/// small knowledge base around a damaged page, the whole build run in memory (every stage, nothing written), and the
/// properties every build must keep whatever its input.
/// </summary>
public sealed class FuzzSite
{
    private static readonly HtmlParser Html = new();
    private readonly string _repoRoot;

    public FuzzSite(string repoRoot)
    {
        _repoRoot = repoRoot;
        Seeds = LoadSeeds(repoRoot);
    }

    public string ThemeRoot => Path.Combine(_repoRoot, "theme");

    /// <summary>Every markdown page of input/ and the test fixtures, in path order.</summary>
    public IReadOnlyList<SeedPage> Seeds { get; }

    public static readonly DateTimeOffset FixedNow = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The repository above the running program, or null.</summary>
    public static string? FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Roadmap.Docs.sln")) && Directory.Exists(Path.Combine(dir.FullName, "input")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    /// <summary>Writes a knowledge base into <paramref name="folder"/> (empty or new): input/'s site.yml and home page, and <paramref name="page"/> at <paramref name="relativePath"/>.</summary>
    public void WriteSite(string folder, string relativePath, string page)
    {
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(_repoRoot, "input", "site.yml"), Path.Combine(folder, "site.yml"), overwrite: true);
        if (relativePath != "index.md")
        {
            File.Copy(Path.Combine(_repoRoot, "input", "index.md"), Path.Combine(folder, "index.md"), overwrite: true);
        }
        var path = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, page);
    }

    /// <summary>Runs the whole build on <paramref name="inputRoot"/> as the <c>lint</c> command does (nothing written) and keeps what would be written.</summary>
    public async Task<FuzzOutcome> BuildAsync(string inputRoot, int maxParallelism, CancellationToken cancellationToken)
    {
        var options = new BuildOptions(inputRoot, Path.Combine(inputRoot, "..", "unwritten"), ThemeRoot)
        {
            Clock = new FixedClock(FixedNow),
            Dates = SourceDates.None,
            MaxParallelism = maxParallelism,
            DryRun = true,
        };
        var result = await SiteBuild.RunAsync(options, cancellationToken);
        var results = result.Outputs;

        // What the Output phases would write: the laid-out pages, the other pipelines' files, the files copied as they are.
        var written = results["Pages"]
            .Concat(results["RoadmapFiles"]).Concat(results["Search"]).Concat(results["Assets"])
            .Concat(results["Content"].Where(d => !d.IsPage))
            .Where(d => d.Destination.Length > 0);
        var files = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var doc in written)
        {
            files[doc.Destination] = doc.CopyFrom is { } from ? "copy of " + Path.GetRelativePath(_repoRoot, from) : doc.Content;
        }
        var pages = results["Pages"].Where(d => d.IsPage && d.Destination.EndsWith(".html", StringComparison.Ordinal)).Select(d => d.Destination).ToList();
        return new FuzzOutcome(files.ToImmutable(), result.Diagnostics, pages);
    }

    /// <summary>
    /// What must hold for any input: no stage failed (no RD0000); every diagnostic names a file of the input with a line
    /// and column inside it; every page parses as HTML and still has the layout around the content (the page's text did
    /// not swallow the footer). Returns what is broken, or nothing.
    /// </summary>
    public static IReadOnlyList<string> Violations(FuzzOutcome outcome, string inputRoot)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var found = new List<string>();
        foreach (var d in outcome.Diagnostics)
        {
            if (d.RuleId == Rules.InternalError.Id)
            {
                found.Add($"internal error: {d}");
                continue;
            }
            var path = Path.Combine(inputRoot, d.File);
            if (d.File.Length == 0 || !File.Exists(path))
            {
                found.Add($"diagnostic names no input file: {d}");
                continue;
            }
            var lines = SplitLines(File.ReadAllText(path));
            if (d.Line < 1 || d.Line > lines.Count)
            {
                found.Add($"line {d.Line} is outside {d.File} ({lines.Count} lines): {d}");
            }
            else if (d.Column < 1 || d.Column > lines[d.Line - 1].Length + 1)
            {
                found.Add($"column {d.Column} is outside line {d.Line} of {d.File} ({lines[d.Line - 1].Length} characters): {d}");
            }
        }
        foreach (var page in outcome.Pages)
        {
            var document = Html.ParseDocument(outcome.Files[page]);
            if (document.QuerySelector("main") is null || document.QuerySelector("footer.site-footer") is null)
            {
                found.Add($"{page}: the page's content broke the layout (no <main> or site footer after parsing)");
            }
        }
        return found;
    }

    /// <summary>Lines as editors count them: \r\n, \n and a lone \r each end one.</summary>
    public static IReadOnlyList<string> SplitLines(string text) => text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);

    private static List<SeedPage> LoadSeeds(string repoRoot)
    {
        var roots = new[] { Path.Combine(repoRoot, "input"), Path.Combine(repoRoot, "tests", "Roadmap.Docs.Tests", "TestData") };
        return [.. roots
            .SelectMany(root => Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories).Select(file => new SeedPage(SiteRelative(root, file), File.ReadAllText(file))))
            .OrderBy(s => s.RelativePath, StringComparer.Ordinal)
            .ThenBy(s => s.Text, StringComparer.Ordinal)];
    }

    /// <summary>The page's path inside its own knowledge base: below the nearest folder named input or holding a site.yml; loose fixtures go under notes/.</summary>
    private static string SiteRelative(string root, string file)
    {
        for (var dir = Path.GetDirectoryName(file); dir is not null && dir.Length >= root.Length; dir = Path.GetDirectoryName(dir))
        {
            if (Path.GetFileName(dir) == "input" || File.Exists(Path.Combine(dir, "site.yml")))
            {
                return Path.GetRelativePath(dir, file).Replace('\\', '/');
            }
        }
        return "notes/" + Path.GetFileName(file);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
