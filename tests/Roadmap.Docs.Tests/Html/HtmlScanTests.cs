using Roadmap.Docs.Stages.Html;

namespace Roadmap.Docs.Tests.Html;

/// <summary>The link checker's scanner against what an HTML parser would see (AngleSharp is the oracle).</summary>
public sealed class HtmlScanTests
{
    [Theory]
    [InlineData("<a href=\"a.html\">x</a>", "a href a.html")]
    [InlineData("<A HREF='b.html' ID=top>x</A>", "a href b.html|a id top")]
    [InlineData("<img src=pic.png alt=\"a > b\">", "img src pic.png")]
    [InlineData("<a href=\"x.html?a=1&amp;b=2#s&eacute;\">", "a href x.html?a=1&b=2#sé")]
    [InlineData("<!-- <a href=\"gone.html\"> --><h2 id=\"kept\">", "h2 id kept")]
    [InlineData("<script>var s = '<a href=\"no.html\">';</script><p id=after>", "p id after")]
    [InlineData("<style>a[href=\"no.html\"]{}</style><link href=site.css>", "link href site.css")]
    [InlineData("<div data-href=\"no.html\" title='<a href=no.html>'><span id=\"in\"></span></div>", "span id in")]
    [InlineData("<svg><a href=\"phase.html\"><rect id=\"bar\"/></a></svg>", "a href phase.html|rect id bar")]
    [InlineData("a < b and <3 <a\nhref\n=\n\"spaced.html\">", "a href spaced.html")]
    [InlineData("<p>unclosed <a href=\"end.html", "a href end.html")]
    [InlineData("<!doctype html><?xml x?></p><source src=v.webm>", "source src v.webm")]
    public void Finds_what_a_parser_finds(string html, string expected)
    {
        var found = HtmlScan.Attributes(html).Select(a => $"{a.Tag} {a.Name} {a.Value}");
        Assert.Equal(expected, string.Join('|', found));
    }

    [Fact]
    public async Task Agrees_with_AngleSharp_on_every_built_page()
    {
        var output = await KnowledgeBaseSite.OutputAsync();
        foreach (var file in Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories))
        {
            var html = File.ReadAllText(file);
            var dom = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
            var expected = dom.QuerySelectorAll("[id]").Select(e => "id " + e.Id)
                .Concat(dom.QuerySelectorAll("a[href], img[src], link[href], script[src], source[src]")
                    .Select(e => e.HasAttribute("href") ? "href " + e.GetAttribute("href") : "src " + e.GetAttribute("src")))
                .Order(StringComparer.Ordinal);
            var actual = HtmlScan.Attributes(html).Select(a => $"{a.Name} {a.Value}").Order(StringComparer.Ordinal);
            Assert.Equal(expected, actual);
        }
    }
}
