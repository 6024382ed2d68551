using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Markdown;

namespace Roadmap.Docs.Tests.Markdown;

public class MarkdownSpecTests
{
    private const string Spec = "markdown.md";

    public static TheoryData<SpecExample> Examples() => [.. SpecExample.Read(Path.Combine(TestPaths.TestData, "Specs", Spec))];

    internal static string Render(string body)
    {
        var doc = new Document { Source = "runbooks/redis.md", Destination = "runbooks/redis/index.html", Content = body, IsPage = true };
        return new RenderMarkdown(static (_, _) => null).Render(doc).Html;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Renders_as_the_spec_says(SpecExample example)
    {
        var actual = Render(example.Input);
        if (actual != example.Expected && !TestPaths.OnCi)
        {
            SpecExample.WriteActual(example.File, e => Render(e.Input));
        }
        Assert.Equal(example.Expected, actual);
    }
}
