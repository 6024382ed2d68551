using System.Diagnostics;
using System.Text.Json;
using Roadmap.Docs.Cli;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Lint;

namespace Roadmap.Docs.Tests.Lint;

public class DiagnosticFormatTests
{
    private static readonly Diagnostic[] Sample =
    [
        new("input/roadmap/phase-2.md", 7, 23, Severity.Error, "RD0100", "phase-2 depends on 'phase-9', which does not exist", "did you mean 'phase-1'?"),
        new("input/runbooks/redis.md", 6, 1, Severity.Warning, "RD0121", "last reviewed 140 days ago: 100% stale, see a,b"),
        new("(theme)", 0, 0, Severity.Error, "RD0110", "the theme links to assets/x.css"),
    ];

    [Fact]
    public void GitHub_format_writes_escaped_workflow_commands_with_file_line_and_column()
    {
        var text = DiagnosticFormats.GitHub(Sample);

        Assert.Equal(
            "::error file=input/roadmap/phase-2.md,line=7,col=23,title=RD0100 broken-dependency::phase-2 depends on 'phase-9', which does not exist (did you mean 'phase-1'?)\n" +
            "::warning file=input/runbooks/redis.md,line=6,col=1,title=RD0121 runbook-stale::last reviewed 140 days ago: 100%25 stale, see a,b\n" +
            "::error title=RD0110 broken-link::the theme links to assets/x.css\n",
            text);
    }

    [Fact]
    public void Json_format_lists_every_field()
    {
        using var json = JsonDocument.Parse(DiagnosticFormats.JsonList(Sample));

        var first = json.RootElement[0];
        Assert.Equal(3, json.RootElement.GetArrayLength());
        Assert.Equal("input/roadmap/phase-2.md", first.GetProperty("file").GetString());
        Assert.Equal(7, first.GetProperty("line").GetInt32());
        Assert.Equal(23, first.GetProperty("column").GetInt32());
        Assert.Equal("error", first.GetProperty("severity").GetString());
        Assert.Equal("broken-dependency", first.GetProperty("name").GetString());
        Assert.Equal("did you mean 'phase-1'?", first.GetProperty("hint").GetString());
    }

    [Fact]
    public async Task Sarif_output_of_a_real_lint_validates_against_the_SARIF_2_1_0_schema()
    {
        var sarif = Path.Combine(Path.GetTempPath(), $"roadmap-docs-{Guid.NewGuid():N}.sarif");
        var stdout = new StringWriter();
        var code = await CliApp.RunAsync(
            ["lint", "--input", Path.Combine(TestPaths.TestData, "Lint", "07-broken-link", "input"), "--format", "sarif"], stdout, new StringWriter());
        await File.WriteAllTextAsync(sarif, stdout.ToString(), TestContext.Current.CancellationToken);

        Assert.Equal(CliApp.ExitFailed, code);
        using (var log = JsonDocument.Parse(stdout.ToString()))
        {
            var results = log.RootElement.GetProperty("runs")[0].GetProperty("results");
            Assert.Equal(5, results.GetArrayLength());
            var location = results[0].GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.EndsWith("07-broken-link/input/index.md", location.GetProperty("artifactLocation").GetProperty("uri").GetString(), StringComparison.Ordinal);
            Assert.Equal(6, location.GetProperty("region").GetProperty("startLine").GetInt32());
        }
        var (exit, output) = await NodeAsync(Path.Combine(TestPaths.RepoRoot, "tests", "Roadmap.Docs.Tests", "js", "validate-sarif.js"), sarif);
        Assert.True(exit == 0, output);
        Assert.StartsWith("valid ", output, StringComparison.Ordinal);
        File.Delete(sarif);
    }

    [Fact]
    public void The_README_documents_every_rule()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));

        foreach (var rule in Rules.All.Where(r => r.Id != "RD0000"))
        {
            Assert.Contains($"| {rule.Id} | {rule.Name} | {rule.DefaultSeverity.ToString().ToLowerInvariant()} |", readme, StringComparison.Ordinal);
        }
    }

    internal static async Task<(int Exit, string Output)> NodeAsync(params string[] args)
    {
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
