using Roadmap.Docs.Stages.Lint;
using Roadmap.Docs.Tests.Serve;

namespace Roadmap.Docs.Tests.Diff;

/// <summary>
/// A fixture pair under TestData/Diff/NAME/: base/ and head/ inputs, each built with the fixed clock and linted to JSON
/// the way the lint command writes it (paths as "input/…"), as the pull request workflow does.
/// </summary>
public sealed class DiffFixture : IDisposable
{
    private readonly TempFolder _temp = TestPaths.NewTempFolder();

    private DiffFixture(string name) => Name = name;

    public string Name { get; }

    public string BaseSite => _temp.Combine("base-site");

    public string HeadSite => _temp.Combine("head-site");

    public string BaseLint => _temp.Combine("base-lint.json");

    public string HeadLint => _temp.Combine("head-lint.json");

    public static async Task<DiffFixture> BuildAsync(string name)
    {
        var fixture = new DiffFixture(name);
        await fixture.BuildSideAsync("base", fixture.BaseSite, fixture.BaseLint);
        await fixture.BuildSideAsync("head", fixture.HeadSite, fixture.HeadLint);
        return fixture;
    }

    private async Task BuildSideAsync(string side, string site, string lintFile)
    {
        var input = TestInputs.Copy(Path.Combine(TestPaths.TestData, "Diff", Name, side), _temp.Combine(side));
        var result = await TestBuild.RunAsync(input, site, TestContext.Current.CancellationToken);
        Assert.True(result.Published, $"{side} did not build: " + string.Join("\n", result.Diagnostics));
        var shown = result.Diagnostics.Select(d => d.File.StartsWith('(') ? d : d with { File = "input/" + d.File }).ToList();
        await File.WriteAllTextAsync(lintFile, DiagnosticFormats.JsonList(shown), TestContext.Current.CancellationToken);
    }

    public void Dispose() => _temp.Dispose();
}
