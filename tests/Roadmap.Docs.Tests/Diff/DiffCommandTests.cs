using System.Text.Json;
using Roadmap.Docs.Cli;

namespace Roadmap.Docs.Tests.Diff;

/// <summary>
/// The <c>diff</c> command on two real builds of TestData/Diff/roadmap (base → head: a ticked checklist item, an edited home page,
/// a runbook gaining its Diagnosis section, a runbook and a note added, a note removed). The markdown is compared with
/// expected.md exactly; off CI a mismatch writes expected.actual.md beside it.
/// </summary>
public class DiffCommandTests
{
    private const string PreviewUrl = "https://example.github.io/kb/pr-preview/pr-7/";

    [Fact]
    public async Task The_markdown_comment_matches_its_golden_file()
    {
        using var fixture = await DiffFixture.BuildAsync("roadmap");

        var (exit, stdout, stderr) = await RunAsync("diff", fixture.BaseSite, fixture.HeadSite,
            "--base-lint", fixture.BaseLint, "--head-lint", fixture.HeadLint, "--preview-url", PreviewUrl);

        Assert.Equal((CliApp.ExitOk, ""), (exit, stderr));
        var goldenPath = Path.Combine(TestPaths.SourceTestData, "Diff", "roadmap", "expected.md");
        var expected = File.Exists(goldenPath) ? await File.ReadAllTextAsync(goldenPath, TestContext.Current.CancellationToken) : "(missing expected.md)";
        if (stdout != expected && !TestPaths.OnCi)
        {
            await File.WriteAllTextAsync(Path.ChangeExtension(goldenPath, ".actual.md"), stdout, TestContext.Current.CancellationToken);
        }
        Assert.Equal(expected, stdout);
    }

    [Fact]
    public async Task The_json_output_lists_the_same_changes()
    {
        using var fixture = await DiffFixture.BuildAsync("roadmap");

        var (exit, stdout, _) = await RunAsync("diff", fixture.BaseSite, fixture.HeadSite, "--format", "json",
            "--base-lint", fixture.BaseLint, "--head-lint", fixture.HeadLint);

        Assert.Equal(CliApp.ExitOk, exit);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(["notes/freeze/", "runbooks/kafka/"], Links(root.GetProperty("added")));
        Assert.Equal(["notes/meeting-2026-10/"], Links(root.GetProperty("removed")));
        var phase = Assert.Single(root.GetProperty("phases").EnumerateArray());
        Assert.Equal((2, 1, 2, 3), (phase.GetProperty("number").GetInt32(), phase.GetProperty("base").GetProperty("done").GetInt32(),
            phase.GetProperty("head").GetProperty("done").GetInt32(), phase.GetProperty("head").GetProperty("total").GetInt32()));
        Assert.True(root.GetProperty("lintCompared").GetBoolean());
    }

    [Fact]
    public async Task A_site_compared_with_itself_has_no_changes()
    {
        using var fixture = await DiffFixture.BuildAsync("roadmap");

        var (exit, stdout, _) = await RunAsync("diff", fixture.HeadSite, fixture.HeadSite, "--base-lint", fixture.HeadLint, "--head-lint", fixture.HeadLint);

        Assert.Equal(CliApp.ExitOk, exit);
        Assert.Equal("### Site changes\n\nNo page, checklist or lint changes.\n", stdout);
    }

    [Theory]
    [InlineData("missing-folder", "both", "does not exist")]
    [InlineData("", "base-only", "give both --base-lint and --head-lint")]
    public async Task Bad_arguments_are_usage_errors(string missing, string lint, string message)
    {
        using var temp = TestPaths.NewTempFolder();
        Directory.CreateDirectory(temp.Combine("site"));
        temp.Write("lint.json", "[]");
        string[] args = ["diff", temp.Combine("site"), missing.Length > 0 ? temp.Combine(missing) : temp.Combine("site"), "--base-lint", temp.Combine("lint.json")];
        if (lint == "both")
        {
            args = [.. args, "--head-lint", temp.Combine("lint.json")];
        }

        var (exit, _, stderr) = await RunAsync(args);

        Assert.Equal(CliApp.ExitUsage, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string[] Links(JsonElement pages) => [.. pages.EnumerateArray().Select(p => p.GetProperty("link").GetString()!)];
}
