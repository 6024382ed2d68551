using System.Diagnostics;
using System.Text;
using Roadmap.Docs.Stages.Markdown.Highlighting;

namespace Roadmap.Docs.Tests.Highlighting;

/// <summary>
/// Pathological input (unterminated strings, endless nesting, one huge line) must neither throw nor take
/// more than linear time. A quadratic lexer needs seconds to minutes on these sizes; a linear one a fraction
/// of a second, even unoptimised in a Debug build on a small CI machine. One class per language, so that
/// the languages run in parallel.
/// </summary>
public abstract class LinearTimeTests(string language)
{
    // Each opens something that a careless lexer would search for the end of, again and again.
    private static readonly string[] PatternList =
    [
        "\"", "'", "`", "\"\"\"", "'''", "\\", "{", "}", "[", "(", ")", "$(", "$((", "${", "$\"{", "@\"", "$$\"\"\"{",
        "\"$(", "f\"{", "f'{x:{", "/*", "--", "#", "<<EOF\n", "- ", ": ", "a: ", "- [", "|\n ", "x", " ", "\n",
        "\\\n", "E'", "$a$", "{a=\"", "by (", "\\dt ", "RUN ", "if ", "case x in ", "new ", "[A", "@d\n", "$ a\n",
        "\"a\":", "0x", "1e",
    ];

    private const string Mixed = "a\"b'c`d\\e{f}g(h)i[j]k$l#m/n*o-p: q\n";

    public static TheoryData<string> Patterns() => [.. PatternList];

    [Theory]
    [MemberData(nameof(Patterns), MemberType = typeof(LinearTimeTests))]
    public void A_long_run_of_one_pattern_takes_linear_time(string pattern)
    {
        AssertFast(Repeat(pattern, 64 * 1024), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void A_megabyte_line_of_every_pattern_takes_linear_time()
    {
        var code = new StringBuilder();
        foreach (string pattern in PatternList.Append(Mixed))
        {
            code.Append(Repeat(pattern.Replace("\n", " ", StringComparison.Ordinal), (1024 * 1024) / (PatternList.Length + 1)));
        }
        AssertFast(code.ToString(), TimeSpan.FromSeconds(10));
    }

    private static string Repeat(string pattern, int length) =>
        new StringBuilder(length + pattern.Length).Insert(0, pattern, Math.Max(1, length / pattern.Length)).ToString();

    // The best of three runs, so that a pause of the machine (other tests run in parallel) is not a failure.
    private void AssertFast(string code, TimeSpan limit)
    {
        var best = TimeSpan.MaxValue;
        string html = "";
        for (int run = 0; run < 3 && best >= limit; run++)
        {
            var clock = Stopwatch.StartNew();
            html = SyntaxHighlighter.Highlight(code, language)!;
            best = TimeSpan.FromTicks(Math.Min(best.Ticks, clock.Elapsed.Ticks));
        }

        Assert.True(best < limit, $"{language} took {best} on {code.Length} characters");
        HighlightedHtml.AssertHoldsExactly(code, html);
    }
}

public sealed class BashLinearTimeTests() : LinearTimeTests("bash");

public sealed class ConsoleLinearTimeTests() : LinearTimeTests("console");

public sealed class YamlLinearTimeTests() : LinearTimeTests("yaml");

public sealed class JsonLinearTimeTests() : LinearTimeTests("json");

public sealed class SqlLinearTimeTests() : LinearTimeTests("sql");

public sealed class PythonLinearTimeTests() : LinearTimeTests("python");

public sealed class CSharpLinearTimeTests() : LinearTimeTests("csharp");

public sealed class PromQlLinearTimeTests() : LinearTimeTests("promql");

public sealed class DockerfileLinearTimeTests() : LinearTimeTests("dockerfile");
