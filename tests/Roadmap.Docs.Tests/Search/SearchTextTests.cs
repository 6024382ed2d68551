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

    [Fact]
    public void An_excerpt_is_the_text_up_to_240_characters_cut_at_a_space()
    {
        Assert.Equal("short text", SearchStage.Excerpt("short text"));
        var words = string.Join(' ', Enumerable.Repeat("restore", 40));
        var excerpt = SearchStage.Excerpt(words);
        Assert.True(excerpt.Length <= 240, excerpt);
        Assert.EndsWith("restore…", excerpt, StringComparison.Ordinal);
        Assert.StartsWith(excerpt[..^1], words, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("数据库恢复步骤")]
    [InlineData("https://example.com/")]
    [InlineData("😀")]
    [InlineData("a😀")]
    public void A_text_without_spaces_is_cut_without_splitting_a_character(string unit)
    {
        var text = string.Concat(Enumerable.Repeat(unit, 300 / unit.Length + 1));
        var excerpt = SearchStage.Excerpt(text);
        Assert.InRange(excerpt.Length, 239, 240);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.StartsWith(excerpt[..^1], text, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(excerpt[^2]), "a surrogate pair was split");
    }

    /// <summary>The definition: each tag a space, entities decoded, white space folded, trimmed.</summary>
    private static string Definition(string html) => Whitespace().Replace(WebUtility.HtmlDecode(Tags().Replace(html, " ")), " ").Trim();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
