using System.Net;
using System.Text.RegularExpressions;
using CsCheck;
using Roadmap.Docs.Search;

namespace Roadmap.Docs.Tests.Search;

/// <summary>The visible text of a page section, as it is indexed: tags dropped, entities decoded, white space folded.</summary>
public partial class SearchTextTests
{
    [Theory]
    [InlineData("<p>Restart <code>redis</code> &amp; check</p>", "Restart redis & check")]
    [InlineData("  <li>a</li>\n\n<li>b&nbsp;c</li>  ", "a b c")]
    [InlineData("1 < 2 and 3 > 2", "1 2")]
    [InlineData("a <b", "a <b")]
    [InlineData("&lt;script&gt;", "<script>")]
    [InlineData("", "")]
    public void Visible_text(string html, string expected) => Assert.Equal(expected, SearchStage.Text(html));

    [Fact]
    public void Agrees_with_the_regular_expression_definition()
    {
        string[] pieces = ["<p>", "</p>", "<a href=\"x\">", "text", " ", "\n", "\t", "&amp;", "&nbsp;", "&#8212;", "&#x2013;", "&bogus;", "&", ";", "<", ">", "\u00a0", "\u2028", "é", "<br/>"];
        Gen.Int[0, pieces.Length - 1].Array[0, 16].Select(ix => string.Concat(ix.Select(i => pieces[i])))
            .Sample(html => Assert.Equal(Definition(html), SearchStage.Text(html)), iter: 20_000);
    }

    /// <summary>The definition: each tag a space, entities decoded, white space folded, trimmed.</summary>
    private static string Definition(string html) => Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
