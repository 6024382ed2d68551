using CsCheck;
using Roadmap.Docs.Stages.Markdown;

namespace Roadmap.Docs.Tests.Markdown;

/// <summary>An unclosed swallowing element or comment in a page body is shown as text; closed ones are left alone.</summary>
public class RawHtmlTests
{
    [Theory]
    [InlineData("<p>a</p>", "<p>a</p>")]
    [InlineData("<textarea>rest of page", "&lt;textarea>rest of page")]
    [InlineData("<SCRIPT src=x>", "&lt;SCRIPT src=x>")]
    [InlineData("<script>a</script><script>b", "<script>a</script>&lt;script>b")]
    [InlineData("<script>a</SCRIPT >", "<script>a</SCRIPT >")]
    [InlineData("<scripts>", "<scripts>")]
    [InlineData("<plaintext>x</plaintext>", "&lt;plaintext>x</plaintext>")]
    [InlineData("<!-- a --><!-- b", "<!-- a -->&lt;!-- b")]
    [InlineData("<!-- a --><!-- b -->", "<!-- a --><!-- b -->")]
    [InlineData("<!-- <!-- a -->", "<!-- <!-- a -->")]
    [InlineData("<title><title></title>", "<title><title></title>")]
    [InlineData("<style><style>", "&lt;style>&lt;style>")]
    [InlineData("x <", "x <")]
    public void Unclosed_openings_become_text(string html, string expected) => Assert.Equal(expected, RawHtml.Contain(html));

    /// <summary>The one-pass scanner agrees with the plain definition (search for each element's next opening and closing) on generated markup.</summary>
    [Fact]
    public void Agrees_with_the_definition_on_generated_markup()
    {
        string[] pieces = ["<script>", "</script>", "<SCRIPT ", "<scriptx>", "</scriptx", "<textarea/>", "</textarea>", "<title>", "</TITLE>", "<plaintext>",
            "<!--", "-->", "<!---->", "<", "</", "<p>", "text", " ", ">", "<style\n>", "</style", "<noscript>", "<xmp>", "</xmp>", "<iframe>"];
        Gen.Int[0, pieces.Length - 1].Array[0, 14].Select(ix => string.Concat(ix.Select(i => pieces[i])))
            .Sample(html => Assert.Equal(Definition(html), RawHtml.Contain(html)), iter: 20_000);
    }

    private static readonly string[] Swallowing = ["textarea", "script", "style", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "template", "plaintext"];

    private static string Definition(string html)
    {
        var escape = new SortedSet<int>();
        foreach (var name in Swallowing)
        {
            for (var at = Opening(html, "<" + name, 0); at >= 0;)
            {
                var close = name == "plaintext" ? -1 : html.IndexOf("</" + name, at + 1, StringComparison.OrdinalIgnoreCase);
                if (close < 0)
                {
                    escape.Add(at);
                    at = Opening(html, "<" + name, at + 1);
                    continue;
                }
                at = Opening(html, "<" + name, close + 1);
            }
        }
        for (var at = html.IndexOf("<!--", StringComparison.Ordinal); at >= 0;)
        {
            var end = html.IndexOf("-->", at + 4, StringComparison.Ordinal);
            if (end < 0)
            {
                escape.Add(at);
                at = html.IndexOf("<!--", at + 4, StringComparison.Ordinal);
                continue;
            }
            at = html.IndexOf("<!--", end + 3, StringComparison.Ordinal);
        }
        var result = html;
        foreach (var at in escape.Reverse())
        {
            result = result[..at] + "&lt;" + result[(at + 1)..];
        }
        return result;
    }

    private static int Opening(string html, string open, int from)
    {
        for (var at = html.IndexOf(open, from, StringComparison.OrdinalIgnoreCase); at >= 0; at = html.IndexOf(open, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var next = at + open.Length;
            if (next == html.Length || html[next] is '>' or '/' or ' ' or '\t' or '\n' or '\r' or '\f')
            {
                return at;
            }
        }
        return -1;
    }
}
