using Roadmap.Docs.Configuration;

namespace Roadmap.Docs.Tests.Safety;

/// <summary>Under sanitize, a file beside the pages that would run as a page of the site is not copied (RD0142).</summary>
public class ActiveFilesTests
{
    [Theory]
    [InlineData(RawHtmlMode.Sanitize)]
    [InlineData(RawHtmlMode.Allow)]
    public async Task Files_a_browser_would_run_are_left_out_unless_raw_HTML_is_allowed(RawHtmlMode mode)
    {
        using var temp = TestPaths.NewTempFolder();
        temp.Write("input/index.md", "# Home\n");
        temp.Write("input/files/evil.html", "<script>alert(1)</script>");
        temp.Write("input/files/evil.js", "alert(1);");
        temp.Write("input/files/feed.xml", "<rss/>");
        temp.Write("input/files/script.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        temp.Write("input/files/handler.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");
        temp.Write("input/files/link.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>");
        temp.Write("input/files/entity.svg", "<!DOCTYPE svg [<!ENTITY x \"y\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&x;</svg>");
        temp.Write("input/files/diagram.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><style>rect{fill:red}</style><a href=\"https://example.com\"><rect width=\"10\" height=\"10\"/></a></svg>");
        temp.Write("input/files/data.json", "{}");

        var result = await SiteBuild.RunAsync(TestBuild.Options(temp.Combine("input"), temp.Combine("site")) with { RawHtml = mode }, TestContext.Current.CancellationToken);

        var copied = Directory.EnumerateFiles(temp.Combine("site", "files")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var skipped = result.Diagnostics.Where(d => d.RuleId == "RD0142").Select(d => d.File + ": " + d.Message).Order(StringComparer.Ordinal);
        if (mode == RawHtmlMode.Allow)
        {
            Assert.Equal(9, copied.Count());
            Assert.Empty(skipped);
            return;
        }
        Assert.Equal(["data.json", "diagram.svg"], copied);
        Assert.Equal(
        [
            "files/entity.svg: not copied: the SVG is not well-formed XML without a DTD",
            "files/evil.html: not copied: a .html file opens as a document that can run script",
            "files/evil.js: not copied: a .js file opens as a document that can run script",
            "files/feed.xml: not copied: a .xml file opens as a document that can run script",
            "files/handler.svg: not copied: the SVG has an event handler (onload)",
            "files/link.svg: not copied: the SVG links to 'javascript:alert(1)'",
            "files/script.svg: not copied: the SVG has a <script> element",
        ], skipped);
    }
}
