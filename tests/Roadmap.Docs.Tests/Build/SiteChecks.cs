using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Tests.Build;

/// <summary>Checks any built site must pass, whatever its input: whole pages, and findings that point at a place.</summary>
public static partial class SiteChecks
{
    /// <summary>
    /// Every HTML file parses, and every page built with the layout still has the layout's end (the footer after the
    /// body): nothing in a page's markdown (an unclosed comment, script or tag) swallowed the rest. Returns the page count.
    /// </summary>
    public static int AssertEveryPageIsWhole(string site)
    {
        var pages = 0;
        foreach (var file in Directory.EnumerateFiles(site, "*.html", SearchOption.AllDirectories))
        {
            AssertPageIsWhole(site, Path.GetRelativePath(site, file));
            pages++;
        }
        return pages;
    }

    public static void AssertPageIsWhole(string site, string relative)
    {
        var document = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, relative)));
        Assert.True(document.QuerySelector("main") is not null, $"{relative} has no <main>");
        Assert.True(document.QuerySelector("footer.site-footer") is not null, $"{relative} lost its footer: something in the page swallowed the layout");
    }

    /// <summary>Every finding names a file, a line and a column (1-based), and none is an internal error.</summary>
    public static void AssertEveryDiagnosticHasAPlace(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            Assert.True(d.RuleId != "RD0000", $"internal error: {d}");
            Assert.True(d.File.Length > 0 && !d.File.StartsWith('(') && d.Line >= 1 && d.Column >= 1, $"no file:line:col: {d}");
        }
    }

    /// <summary>The same, on the CLI's text output: each diagnostic line reads <c>file:line:col: severity ID: message</c>.</summary>
    public static IReadOnlyList<(string File, int Line, int Column, string Rule)> ParseDiagnosticLines(string output)
    {
        var found = new List<(string, int, int, string)>();
        foreach (var line in output.Split('\n'))
        {
            if (AnyDiagnostic().IsMatch(line))
            {
                var match = DiagnosticLine().Match(line);
                Assert.True(match.Success, $"a diagnostic without file:line:col: {line}");
                found.Add((match.Groups[1].Value, int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[4].Value));
            }
        }
        Assert.DoesNotContain(found, f => f.Item4 == "RD0000" || f.Item2 < 1 || f.Item3 < 1);
        return found;
    }

    [GeneratedRegex(@"\b(error|warning|info) RD\d{4}:")]
    private static partial Regex AnyDiagnostic();

    [GeneratedRegex(@"^(\S.*?):(\d+):(\d+): (?:error|warning|info) (RD\d{4}): ")]
    private static partial Regex DiagnosticLine();
}
