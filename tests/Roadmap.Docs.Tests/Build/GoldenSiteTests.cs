namespace Roadmap.Docs.Tests.Build;

/// <summary>
/// Builds a small fixture site with a fixed clock and compares every page with its golden file byte for byte.
/// A mismatch off CI writes <c>*.actual.html</c> beside the golden file for review.
/// </summary>
public class GoldenSiteTests
{
    private static readonly string[] GoldenPages =
    [
        "index.html",
        "runbooks/index.html",
        "runbooks/redis/index.html",
        "notes/index.html",
        "notes/deep/index.html",
        "notes/deep/page/index.html",
        "404.html",
        "sitemap.xml",
        "lint-rules/index.html",
        "lint-rules/rd0110/index.html",
    ];

    [Fact]
    public async Task Built_pages_match_their_golden_files()
    {
        using var temp = TestPaths.NewTempFolder();
        var result = await TestBuild.RunAsync(Path.Combine(TestPaths.TestData, "Sites", "basic"), temp.Combine("site"), TestContext.Current.CancellationToken);
        Assert.Empty(result.Diagnostics);

        var built = Directory.EnumerateFiles(temp.Combine("site"), "*.*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(temp.Combine("site"), f).Replace('\\', '/'))
            .Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal))
            // One rule page stands for all of them.
            .Where(f => !f.StartsWith("lint-rules/rd", StringComparison.Ordinal) || f == "lint-rules/rd0110/index.html")
            .Order(StringComparer.Ordinal);
        Assert.Equal(GoldenPages.Order(StringComparer.Ordinal), built);

        var mismatches = new List<string>();
        foreach (var page in GoldenPages)
        {
            var actual = File.ReadAllText(temp.Combine("site", page));
            var goldenPath = Path.Combine(TestPaths.SourceTestData, "Golden", "basic", page);
            var expected = File.Exists(goldenPath) ? File.ReadAllText(goldenPath) : null;
            if (actual == expected)
            {
                continue;
            }
            mismatches.Add(page);
            if (!TestPaths.OnCi)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(goldenPath)!);
                File.WriteAllText(Path.ChangeExtension(goldenPath, ".actual" + Path.GetExtension(goldenPath)), actual);
            }
        }
        Assert.True(mismatches.Count == 0, "pages differ from their golden files (see *.actual.* beside them): " + string.Join(", ", mismatches));
    }
}
