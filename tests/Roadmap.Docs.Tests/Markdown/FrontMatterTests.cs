using Roadmap.Docs.Configuration;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.FrontMatter;
using ExecutionContext = Roadmap.Docs.Engine.ExecutionContext;

namespace Roadmap.Docs.Tests.Markdown;

public class FrontMatterTests
{
    private static (Document Doc, IReadOnlyList<Diagnostic> Diagnostics) Parse(string text)
    {
        var context = new ExecutionContext(
            new BuildEnvironment("/in", "/theme", "/out", TimeProvider.System, new SiteSettings()), new DiagnosticBag(), TestContext.Current.CancellationToken);
        var doc = ParseFrontMatter.Apply(new Document { Source = "runbooks/redis.md", Destination = "x", SourceText = text, IsPage = true }, context);
        return (doc, context.Diagnostics.Sorted());
    }

    [Fact]
    public void Values_keep_the_line_and_column_they_were_written_at_and_the_body_starts_after_the_fence()
    {
        var (doc, diagnostics) = Parse("---\ntitle: Redis outage\ntags:\n  - redis\n  - cache\nphase: 3\n---\n# Body\n");

        Assert.Empty(diagnostics);
        Assert.Equal("Redis outage", doc.FrontMatter.GetString("title"));
        Assert.Equal(3, doc.FrontMatter.GetInt("phase"));
        Assert.Equal(["redis", "cache"], doc.FrontMatter.GetList("tags"));
        var tag = doc.FrontMatter.GetItems("tags")[1];
        Assert.Equal((5, 5), (tag.Line, tag.Column));
        Assert.Equal(6, doc.FrontMatter.Get("phase")!.Line);
        Assert.Equal(8, doc.BodyLine);
        Assert.Equal("# Body\n", doc.Content);
    }

    [Theory]
    [InlineData("---\ntitle: ok\nowner: [unclosed\n---\nbody\n", 4, 1)]
    [InlineData("---\ntitle: ok\n  bad: indent\n---\n", 3, 6)]
    [InlineData("---\ntitle: \"unterminated\n---\n", 2, 8)]
    [InlineData("---\ntitle: [oops\nkind: runbook\nservice: redis\nseverity: sev2\n---\nbody\n", 2, 1)]
    public void Invalid_YAML_is_reported_at_its_line_and_column_in_the_markdown_file(string text, int line, int column)
    {
        var (_, diagnostics) = Parse(text);

        var error = Assert.Single(diagnostics);
        Assert.Equal(("runbooks/redis.md", line, column, Severity.Error, "RD0001"), (error.File, error.Line, error.Column, error.Severity, error.RuleId));
        Assert.StartsWith("front matter is not valid YAML: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_line_endings_give_the_same_values_and_lines()
    {
        var (doc, diagnostics) = Parse("---\r\ntitle: Redis\r\nphase: 3\r\n---\r\nBody\r\n");

        Assert.Empty(diagnostics);
        Assert.Equal("Redis", doc.FrontMatter.GetString("title"));
        Assert.Equal(3, doc.FrontMatter.Get("phase")!.Line);
        Assert.Equal(5, doc.BodyLine);
    }

    [Fact]
    public void An_unclosed_front_matter_block_is_an_error_and_the_text_stays_the_body()
    {
        var (doc, diagnostics) = Parse("---\ntitle: x\n\n# Heading\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal((1, "RD0001"), (error.Line, error.RuleId));
        Assert.Contains("never closed", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, doc.BodyLine);
    }

    [Fact]
    public void A_file_without_front_matter_is_all_body_and_a_list_is_not_a_mapping()
    {
        var (plain, none) = Parse("# Just markdown\n\n---\n\nafter a rule\n");
        Assert.Empty(none);
        Assert.Equal(1, plain.BodyLine);

        var (_, diagnostics) = Parse("---\n- a\n- b\n---\n");
        var error = Assert.Single(diagnostics);
        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Contains("must be a mapping", error.Message, StringComparison.Ordinal);
    }
}
