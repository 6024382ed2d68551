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

    private static (int Line, int Column) At(FrontMatterValue? value) => (value!.Line, value.Column);

    [Fact]
    public void TOML_front_matter_gives_the_same_values_as_YAML_with_positions_in_the_markdown_file()
    {
        const string text = """
            +++
            title = "Redis outage"
            tags = ["redis", "cache"]
            weight = 30
            draft = false
            date = 2024-01-02
            [params]
              owner = "sre"
              links.runbook = "r.md"
            [[menu.main]]
              name = "Ops"
            +++
            # Body
            """;
        var (doc, diagnostics) = Parse(text.ReplaceLineEndings("\n") + "\n");

        Assert.Empty(diagnostics);
        var fm = doc.FrontMatter;
        Assert.Equal("Redis outage", fm.GetString("title"));
        Assert.Equal(["redis", "cache"], fm.GetList("tags"));
        Assert.Equal(30, fm.GetInt("weight"));
        Assert.False(fm.GetBool("draft"));
        Assert.Equal(new DateOnly(2024, 1, 2), fm.GetDate("date"));
        Assert.Equal((2, 1), At(fm.Get("title")));
        Assert.Equal((3, 18), At(fm.GetItems("tags")[1]));
        var parameters = Assert.IsType<IReadOnlyDictionary<string, FrontMatterValue>>(fm.Get("params")!.Value, exactMatch: false);
        Assert.Equal("sre", parameters["owner"].Value);
        Assert.Equal((8, 3), At(parameters["owner"]));
        var links = Assert.IsType<IReadOnlyDictionary<string, FrontMatterValue>>(parameters["links"].Value, exactMatch: false);
        Assert.Equal(("r.md", 9, 3), (links["runbook"].Value, links["runbook"].Line, links["runbook"].Column));
        var menu = Assert.IsType<IReadOnlyDictionary<string, FrontMatterValue>>(fm.Get("menu")!.Value, exactMatch: false);
        var entry = Assert.Single(Assert.IsType<IReadOnlyList<FrontMatterValue>>(menu["main"].Value, exactMatch: false));
        Assert.Equal("Ops", ((IReadOnlyDictionary<string, FrontMatterValue>)entry.Value!)["name"].Value);
        Assert.Equal(13, doc.BodyLine);
        Assert.Equal("# Body\n", doc.Content);
    }

    [Theory]
    [InlineData("+++\ntitle = \"ok\"\n  x = = 3\n+++\nbody\n", 3, 7, "Unexpected token `=`")]
    [InlineData("+++\ntitle = 'unterminated\n+++\n", 2, 22, "Invalid newline in a string")]
    [InlineData("+++\na = 1\na = 2\n+++\n", 3, 1, "already defined")]
    [InlineData("+++\r\ntitle = \"ok\"\r\nbad = [1,\r\n+++\r\n", 4, 1, "")]
    public void Invalid_TOML_is_RD0001_at_its_line_and_column_in_the_markdown_file(string text, int line, int column, string words)
    {
        var (doc, diagnostics) = Parse(text);

        var error = diagnostics[0];
        Assert.Equal(("runbooks/redis.md", line, column, "RD0001"), (error.File, error.Line, error.Column, error.RuleId));
        Assert.StartsWith("front matter is not valid TOML: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
        Assert.True(doc.FrontMatter.Values.IsEmpty);
    }

    [Fact]
    public void An_unclosed_TOML_block_says_how_to_close_it()
    {
        var (doc, diagnostics) = Parse("+++\ntitle = \"x\"\n\n# Heading\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal((1, "RD0001"), (error.Line, error.RuleId));
        Assert.Contains("opened with +++ but never closed", error.Message, StringComparison.Ordinal);
        Assert.Contains("+++", error.Hint, StringComparison.Ordinal);
        Assert.Equal(1, doc.BodyLine);
    }

    [Fact]
    public void JSON_front_matter_gives_values_with_positions_and_the_body_starts_after_the_object()
    {
        const string text = "{\n  \"title\": \"Ünïcode page\", \"order\": 2.5,\n  \"tags\": [\"a\", \"b\"],\n  \"params\": { \"owner\": null, \"on\": true }\n}\n\n## Body\n";
        var (doc, diagnostics) = Parse(text);

        Assert.Empty(diagnostics);
        var fm = doc.FrontMatter;
        Assert.Equal("Ünïcode page", fm.GetString("title"));
        Assert.Equal(2.5, fm.GetDouble("order"));
        Assert.Equal((2, 3), At(fm.Get("title")));
        Assert.Equal((2, 28), At(fm.Get("order")));
        Assert.Equal((3, 17), At(fm.GetItems("tags")[1]));
        var parameters = (IReadOnlyDictionary<string, FrontMatterValue>)fm.Get("params")!.Value!;
        Assert.Null(parameters["owner"].Value);
        Assert.Equal("true", parameters["on"].Value);
        Assert.Equal(6, doc.BodyLine);
        Assert.Equal("\n## Body\n", doc.Content);
    }

    [Theory]
    [InlineData("{\n  \"title\": \"x\",\n  \"tags\": [\"a\" \"b\"]\n}\nbody\n", 3, 16)]
    [InlineData("{\n  \"title\": \"é\", \"title\": \"y\"\n}\n", 2, 17)]
    [InlineData("{\n  \"title\": \"x\"\n", 3, 1)]
    public void Invalid_JSON_is_RD0001_at_its_line_and_column_and_the_text_stays_the_body(string text, int line, int column)
    {
        var (doc, diagnostics) = Parse(text);

        var error = Assert.Single(diagnostics);
        Assert.Equal((line, column, "RD0001"), (error.Line, error.Column, error.RuleId));
        Assert.Equal(text, doc.Content);
    }

    [Theory]
    [InlineData("{{< figure src=\"a.png\" >}}\n\ntext\n")]
    [InlineData("{#anchor}\n")]
    [InlineData("{% include x %}\n")]
    public void A_first_line_that_only_starts_with_a_brace_is_body_not_JSON(string text)
    {
        var (doc, diagnostics) = Parse(text);

        Assert.Empty(diagnostics);
        Assert.Equal((text, 1), (doc.Content, doc.BodyLine));
    }
}
