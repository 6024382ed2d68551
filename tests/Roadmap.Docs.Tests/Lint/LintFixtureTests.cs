using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Tests.Lint;

/// <summary>
/// One fixture per rule under TestData/Lint/NN-name/: an input folder and expected.txt with the exact diagnostics
/// (file:line:col: severity ID: message (hint)), in order. Each fixture also holds pages that must produce nothing.
/// Off CI a mismatch writes expected.actual.txt beside it for review.
/// </summary>
public class LintFixtureTests
{
    public static TheoryData<string> Fixtures() =>
        [.. Directory.GetDirectories(Path.Combine(TestPaths.TestData, "Lint")).Select(Path.GetFileName).Order(StringComparer.Ordinal).OfType<string>()];

    internal static async Task<BuildResult> LintAsync(string input) =>
        await SiteBuild.RunAsync(TestBuild.Options(input, Path.Combine(Path.GetTempPath(), "unused-output")) with { DryRun = true }, TestContext.Current.CancellationToken);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Reports_exactly_the_expected_diagnostics(string fixture)
    {
        var folder = Path.Combine(TestPaths.TestData, "Lint", fixture);
        var result = await LintAsync(Path.Combine(folder, "input"));

        var actual = string.Concat(result.Diagnostics.Select(d => d + "\n"));
        var expectedPath = Path.Combine(folder, "expected.txt");
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : "(missing expected.txt)";
        if (actual != expected && !TestPaths.OnCi)
        {
            File.WriteAllText(Path.Combine(TestPaths.SourceTestData, "Lint", fixture, "expected.actual.txt"), actual);
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task The_projects_own_knowledge_base_is_clean_under_strict()
    {
        var result = await SiteBuild.RunAsync(TestBuild.Options(TestPaths.Input, Path.Combine(Path.GetTempPath(), "unused-output")) with { DryRun = true, Strict = true }, TestContext.Current.CancellationToken);

        Assert.DoesNotContain(result.Diagnostics, d => d.Severity != Severity.Info);
    }
}
