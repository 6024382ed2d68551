using System.Text;
using Roadmap.Docs.Stages.Markdown.Highlighting;

namespace Roadmap.Docs.Tests.Highlighting;

/// <summary>Properties every language must have, whatever the input: names and aliases, exact escaping, text kept exactly.</summary>
public sealed class SyntaxHighlighterTests
{
    /// <summary>The documented language names and aliases.</summary>
    private static readonly string[] Aliases =
    [
        "bash", "sh", "shell", "console", "zsh",
        "yaml", "yml",
        "json",
        "sql", "postgresql", "psql",
        "python", "py",
        "csharp", "cs", "c#",
        "promql",
        "dockerfile",
    ];

    public static TheoryData<string> AllAliases() => [.. Aliases];

    [Theory]
    [MemberData(nameof(AllAliases))]
    public void Every_alias_maps_to_a_lexer(string alias)
    {
        Assert.Equal("", SyntaxHighlighter.Highlight("", alias));
        Assert.NotNull(SyntaxHighlighter.Highlight("x", alias.ToUpperInvariant()));
        Assert.NotNull(SyntaxHighlighter.Highlight("x", $" {alias} "));
    }

    [Fact]
    public void Only_the_documented_aliases_are_known()
    {
        Assert.Equal(Aliases.Order(StringComparer.Ordinal), SyntaxHighlighter.Languages.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("text")]
    [InlineData("plaintext")]
    [InlineData("")]
    [InlineData("brainfuck")]
    [InlineData("bash {.numbered}")]
    public void Plain_text_and_unknown_languages_give_null(string language)
    {
        Assert.Null(SyntaxHighlighter.Highlight("echo <b>", language));
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        Assert.Throws<ArgumentNullException>(() => SyntaxHighlighter.Highlight(null!, "bash"));
        Assert.Throws<ArgumentNullException>(() => SyntaxHighlighter.Highlight("x", null!));
    }

    [Theory]
    [MemberData(nameof(AllAliases))]
    public void Markup_in_the_code_is_escaped_exactly(string alias)
    {
        const string code = "<script>alert(\"x\" + 'y' & 1)</script> # <b>\n// </span>&amp;";
        string html = SyntaxHighlighter.Highlight(code, alias)!;
        HighlightedHtml.AssertHoldsExactly(code, html);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
    }

    // Pieces that open and close the constructs the lexers know, so random joins reach the corner cases.
    private static readonly string[] Fragments =
    [
        "\"", "'", "`", "\"\"\"", "'''", "$\"", "@\"", "$@\"", "$$\"\"\"", "f\"", "rb'", "E'", "$$", "$tag$",
        "{", "}", "{{", "}}", "(", ")", "[", "]", "$(", "$((", "${", "))", "<<EOF\n", "<<-'END'\n", "EOF\n", "END",
        "#", "//", "/*", "*/", "--", "-- ", "\\", "\\\n", "\n", "\r\n", "\t", " ", "  ", ":", ": ", "- ", "---\n",
        "=", "==", "=~", "!~", "->", "=>", ";", ";;", "|", "||", "&&", "&", "<", ">", ",", ".", "@", "!", "?", "*",
        "|\n", ">-\n", "&anchor", "*alias", "!!str", "%YAML", "\\dt", "postgres=# ", "$ ", "\n$ ",
        "if", "then", "fi", "case", "in", "esac", "for", "do", "done", "function", "export", "local",
        "def", "class", "new", "var", "get", "from", "select", "SELECT", "by", "sum", "rate", "FROM", "RUN", "ENV",
        "true", "null", "None", "0x1F", "1.5e-3", "10m", "42", "x", "name", "é", "中", "\U0001F600", "\uD800", "\0",
    ];

    [Theory]
    [MemberData(nameof(AllAliases))]
    public void Random_input_is_held_exactly(string alias)
    {
        var random = new Random(alias.GetHashCode(StringComparison.Ordinal) ^ 20240901);
        for (int round = 0; round < 400; round++)
        {
            var code = new StringBuilder();
            int pieces = random.Next(1, 60);
            for (int i = 0; i < pieces; i++)
            {
                if (random.Next(4) == 0)
                {
                    code.Append((char)random.Next(0, 0x80));
                }
                else
                {
                    code.Append(Fragments[random.Next(Fragments.Length)]);
                }
            }
            string input = code.ToString();
            string html = SyntaxHighlighter.Highlight(input, alias)!;
            HighlightedHtml.AssertHoldsExactly(input, html);
        }
    }
}
