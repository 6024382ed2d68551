using Roadmap.Docs.Stages.Markdown.Highlighting;

namespace Roadmap.Docs.Tests.Highlighting;

/// <summary>Runs every example of the spec files in TestData/Highlighting (one file per language).</summary>
public sealed class HighlightSpecTests
{
    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var example in SpecFile.All.SelectMany(f => f.Examples))
        {
            data.Add(example.Spec, example.Number);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_highlights_as_written(string spec, int number)
    {
        var example = SpecFile.Get(spec, number);
        TestContext.Current.TestOutputHelper?.WriteLine(example.ToString());

        string? actual = SyntaxHighlighter.Highlight(example.Input, example.Language);

        Assert.NotNull(actual);
        if (actual != example.Expected)
        {
            SpecFile.All.Single(f => f.Name == spec).WriteActual(e => SyntaxHighlighter.Highlight(e.Input, e.Language) ?? "");
        }
        Assert.Equal(example.Expected, actual);
        HighlightedHtml.AssertHoldsExactly(example.Input, actual);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_highlights_the_same_with_windows_line_breaks(string spec, int number)
    {
        var example = SpecFile.Get(spec, number);
        string input = example.Input.ReplaceLineEndings("\r\n");

        string? actual = SyntaxHighlighter.Highlight(input, example.Language);

        Assert.Equal(example.Expected.ReplaceLineEndings("\r\n"), actual);
    }

    [Fact]
    public void Every_spec_file_has_examples_in_a_known_language()
    {
        Assert.NotEmpty(SpecFile.All);
        foreach (var file in SpecFile.All)
        {
            Assert.NotEmpty(file.Examples);
            Assert.All(file.Examples, e => Assert.NotNull(SyntaxHighlighter.Highlight("", e.Language)));
        }
    }
}
