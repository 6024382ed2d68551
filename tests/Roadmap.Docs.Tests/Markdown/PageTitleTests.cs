using Roadmap.Docs.Engine;
using Roadmap.Docs.Stages.Input;
using Roadmap.Docs.Stages.Markdown;

namespace Roadmap.Docs.Tests.Markdown;

/// <summary>Pages without front matter are named by their first heading, else by their file name.</summary>
public class PageTitleTests
{
    [Theory]
    [InlineData("runbooks/redis-cache-outage.md", "# Redis outage\n\nText\n", "Redis outage")]
    [InlineData("runbooks/redis-cache-outage.md", "[![build](badge.svg)](ci)\n\n# Redis outage\n\nText\n", "Redis outage")]
    [InlineData("runbooks/redis-cache-outage.md", "Intro\n\n### Detail\n\n## Overview\n", "Overview")]
    [InlineData("runbooks/redis-cache-outage.md", "Just text, no heading.\n", "Redis cache outage")]
    [InlineData("runbooks/README.md", "No heading.\n", "Runbooks")]
    [InlineData("ops/_index.md", "", "Ops")]
    public void The_title_is_the_first_heading_else_the_file_name(string source, string body, string title)
    {
        var doc = new Document { Source = source, Destination = SitePaths.DestinationFor(source), Content = body, IsPage = true, Title = ReadFiles.TitleFromFileName(source) };

        Assert.Equal(title, new RenderMarkdown(static (_, _) => null).Render(doc).Title);
    }

    [Theory]
    [InlineData("index.md", "Home")]
    [InlineData("README.md", "Home")]
    [InlineData("runbooks/index.md", "Runbooks")]
    [InlineData("a/b/c/readme.markdown", "C")]
    [InlineData("on_call--rota.md", "On call  rota")]
    [InlineData("__.md", "__")]
    [InlineData("-x-.md", "X")]
    [InlineData("ärger.md", "Ärger")]
    public void The_file_name_title(string source, string title) => Assert.Equal(title, ReadFiles.TitleFromFileName(source));

    [Fact]
    public void Only_a_leading_H1_leaves_the_body_and_front_matter_wins()
    {
        var renderer = new RenderMarkdown(static (_, _) => null);
        var badge = new Document { Source = "a.md", Destination = "a/index.html", Content = "Badges\n\n# Name\n", IsPage = true };
        Assert.Contains("<h1 id=\"name\">Name</h1>", renderer.Render(badge).Html, StringComparison.Ordinal);

        var titled = badge with { FrontMatter = new(System.Collections.Immutable.ImmutableDictionary<string, FrontMatterValue>.Empty.Add("title", new FrontMatterValue("Set", 2, 1))) };
        Assert.Equal("Set", renderer.Render(titled).Title);
    }
}
