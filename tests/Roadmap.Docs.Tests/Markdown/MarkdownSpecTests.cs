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

public class ShortcodeSpecTests
{
    private const string Spec = "shortcodes.md";

    /// <summary>The site the spec's page lives in (the spec's introduction lists it).</summary>
    internal static LinkTargets Site { get; } = new(
        ((string[])["index.md", "docs/guide.md", "docs/install.md", "docs/help/_index.md", "docs/help/faq.md", "en/how-to-update.md", "nl/how-to-update.md"])
            .Select(s => new Document { Source = s, Destination = SitePaths.DestinationFor(s), IsPage = true })
            .Concat(((string[])["docs/img/arch.png", "assets/logo.png"]).Select(f => new Document { Source = f, Destination = f })));

    public static TheoryData<SpecExample> Examples() => [.. SpecExample.Read(Path.Combine(TestPaths.TestData, "Specs", Spec))];

    internal static Document Render(string body, DiagnosticBag? diagnostics = null)
    {
        var doc = new Document { Source = "docs/guide.md", Destination = "docs/guide/index.html", Content = body, IsPage = true };
        return new RenderMarkdown(static (_, _) => null).Render(doc, Site, diagnostics ?? new DiagnosticBag());
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Renders_as_the_spec_says(SpecExample example)
    {
        var actual = Render(example.Input).Html;
        if (actual != example.Expected && !TestPaths.OnCi)
        {
            SpecExample.WriteActual(example.File, e => Render(e.Input).Html);
        }
        Assert.Equal(example.Expected, actual);
    }
}
