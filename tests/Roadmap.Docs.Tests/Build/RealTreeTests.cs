using System.Diagnostics;
using Roadmap.Docs.Cli;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Lint;

namespace Roadmap.Docs.Tests.Build;

/// <summary>
/// Real docs trees, as their owners wrote them, built with the CLI: npm's documentation, the whole npm package (its
/// READMEs and docs beside code), and the Doks Hugo theme's content. The build installs them from npm
/// (trees/package.json, pinned by its lockfile, scripts off). Whatever a tree holds, the build ends with exit code 0 or
/// 1, never a crash; every finding names file, line and column; every page it built parses and keeps its layout.
/// </summary>
public class RealTreeTests
{
    private static readonly string Trees = Path.Combine(TestPaths.RepoRoot, "tests", "Roadmap.Docs.Tests", "trees", "node_modules");

    public static TheoryData<string, string> RealTrees() => new()
    {
        { "npm docs", "npm/docs/content" },
        { "npm package", "npm" },
        { "Doks (Hugo) content", "@hyas/doks/content" },
    };

    [Theory(Timeout = 300_000)]
    [MemberData(nameof(RealTrees))]
    public async Task A_real_tree_builds_with_findings_at_places_and_whole_pages(string name, string tree)
    {
        var source = Path.Combine(Trees, tree);
        if (!Directory.Exists(source))
        {
            Assert.False(TestPaths.OnCi, $"{source} is missing: the test project's build installs it (npm ci in trees/)");
            Assert.Skip($"{source} is not installed (the test project's build runs npm ci in trees/)");
        }
        using var output = TestPaths.NewTempFolder();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var stopwatch = Stopwatch.StartNew();

        var exit = await CliApp.RunAsync(["build", "--input", source, "--output", output.Combine("site"), "--theme", TestPaths.Theme], stdout, stderr);

        stopwatch.Stop();
        Assert.True(exit is CliApp.ExitOk or CliApp.ExitFailed, $"exit code {exit}\n{stderr}");
        Assert.Equal("", stderr.ToString());
        var findings = SiteChecks.ParseDiagnosticLines(stdout.ToString());
        var sources = Directory.EnumerateFiles(source, "*.md", SearchOption.AllDirectories).Count();
        var summary = $"{name}: {sources} markdown files, exit {exit}, {stopwatch.Elapsed.TotalSeconds:F1} s, "
            + string.Join(", ", findings.GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ×{g.Count()}"));
        TestContext.Current.TestOutputHelper?.WriteLine(summary);

        // A failed build writes nothing, so look at the pages through a build that reports the same findings as warnings.
        var (pages, written) = await BuildWithFindingsAsWarnings(source, output.Combine("inspect"));
        Assert.Equal(findings.Count, written.Count);
        Assert.True(pages >= sources, $"{pages} pages checked for {sources} markdown files");
    }

    /// <summary>The same tree with site.yml lowering every error rule but internal-error to a warning, so the site is written.</summary>
    private static async Task<(int Pages, IReadOnlyList<Diagnostic> Findings)> BuildWithFindingsAsWarnings(string source, string site)
    {
        using var copy = TestPaths.NewTempFolder();
        CopyTree(source, copy.Path);
        var lowered = Rules.All.Where(r => r.DefaultSeverity == Severity.Error && r != Rules.InternalError);
        copy.Write("site.yml", "lint:\n  rules:\n" + string.Concat(lowered.Select(r => $"    {r.Id}: warning\n")));

        var result = await TestBuild.RunAsync(copy.Path, site, TestContext.Current.CancellationToken);

        Assert.True(result.Published, string.Join('\n', result.Diagnostics.Where(d => d.Severity == Severity.Error)));
        SiteChecks.AssertEveryDiagnosticHasAPlace(result.Diagnostics);
        // Only the pages the build made: HTML files the tree ships are copied as they are.
        var pages = 0;
        foreach (var file in Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(site, file);
            if (!File.Exists(Path.Combine(copy.Path, relative)))
            {
                SiteChecks.AssertPageIsWhole(site, relative);
                pages++;
            }
        }
        return (pages, result.Diagnostics);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
