using Roadmap.Docs.Tests.Roadmap;

namespace Roadmap.Docs.Tests.Visuals;

/// <summary>
/// Compares output with TestData/Roadmap/golden/&lt;name&gt;.svg. On a mismatch (or a missing file) outside CI it writes
/// &lt;name&gt;.actual.svg next to it for review — rename it over the golden file to accept the change; on CI it only fails.
/// </summary>
internal static class GoldenFile
{
    public static string Directory => Path.Combine(RoadmapFixtures.TestDataDirectory(), "golden");

    public static void AssertMatches(string name, string actual)
    {
        var expectedPath = Path.Combine(Directory, name + ".svg");
        var actualPath = Path.Combine(Directory, name + ".actual.svg");
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).ReplaceLineEndings("\n") : null;
        if (string.Equals(expected, actual, StringComparison.Ordinal))
        {
            File.Delete(actualPath);
            return;
        }
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!onCi)
        {
            File.WriteAllText(actualPath, actual);
        }
        var review = onCi ? "" : $"; review {actualPath} and rename it to {name}.svg if it is right";
        Assert.Fail(expected is null ? $"golden file {name}.svg is missing{review}" : $"output differs from {name}.svg{review}");
    }
}
