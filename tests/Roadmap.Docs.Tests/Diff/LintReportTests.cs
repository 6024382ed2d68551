using Roadmap.Docs.Stages.Diff;

namespace Roadmap.Docs.Tests.Diff;

/// <summary>Lint diagnostics are matched by rule, file and message: an edit that moves a problem down the page neither fixes nor introduces it.</summary>
public class LintReportTests
{
    [Fact]
    public void A_moved_diagnostic_is_the_same_and_repeats_are_counted()
    {
        var moved = Entry(3, "broken link 'a.md'");
        var twice = Entry(9, "broken link 'b.md'");
        IReadOnlyList<LintEntry> @base = [moved, twice, twice with { Line = 12 }, Entry(1, "fixed one")];
        IReadOnlyList<LintEntry> head = [moved with { Line = 30 }, twice, Entry(5, "new one")];

        var (introduced, fixedOnes) = LintReport.Compare(@base, head);

        Assert.Equal(["new one"], introduced.Select(e => e.Message));
        Assert.Equal(["broken link 'b.md'", "fixed one"], fixedOnes.Select(e => e.Message));
    }

    [Fact]
    public void The_lint_commands_json_is_read()
    {
        using var temp = TestPaths.NewTempFolder();
        var file = temp.Write("lint.json", """
            [
              { "file": "input/a.md", "line": 3, "column": 1, "severity": "error", "rule": "RD0110", "name": "broken-link", "message": "broken link", "hint": null }
            ]
            """);

        Assert.Equal([Entry(3, "broken link")], LintReport.Read(file));
    }

    private static LintEntry Entry(int line, string message) => new("input/a.md", line, 1, "error", "RD0110", "broken-link", message, null);
}
