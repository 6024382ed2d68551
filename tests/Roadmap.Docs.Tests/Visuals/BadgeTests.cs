using System.Globalization;
using System.Xml.Linq;
using Roadmap.Docs.Engine;
using Roadmap.Docs.Visuals;

namespace Roadmap.Docs.Tests.Visuals;

public class BadgeTests
{
    [Theory]
    [InlineData(0, 8, "0/8 (0%)", Badge.Red)]
    [InlineData(2, 6, "2/6 (33%)", Badge.Red)]
    [InlineData(3, 8, "3/8 (37%)", Badge.Yellow)]
    [InlineData(5, 8, "5/8 (62%)", Badge.Yellow)]
    [InlineData(2, 3, "2/3 (66%)", Badge.Yellow)]
    [InlineData(7, 8, "7/8 (87%)", Badge.Green)]
    [InlineData(8, 8, "8/8 (100%)", Badge.BrightGreen)]
    [InlineData(0, 0, "0/0", Badge.LightGrey)]
    public void Message_and_colour_follow_the_share_done(int done, int total, string message, string color)
    {
        var count = new TaskCount(done, total);
        Assert.Equal((message, color), (Badge.Message(count), Badge.ColorFor(count)));
    }

    [Theory]
    [InlineData(0, 8)]
    [InlineData(3, 8)]
    [InlineData(5, 8)]
    [InlineData(7, 8)]
    [InlineData(8, 8)]
    [InlineData(0, 0)]
    public void Badges_match_their_golden_files(int done, int total) =>
        GoldenFile.AssertMatches(
            string.Create(CultureInfo.InvariantCulture, $"badge-{done}-of-{total}"),
            Badge.Render("deliverables", new TaskCount(done, total)));

    [Fact]
    public void Each_part_is_wide_enough_for_its_text_and_the_image_is_labelled()
    {
        XNamespace ns = "http://www.w3.org/2000/svg";
        var svg = XDocument.Parse(Badge.Render("progress", "5/8 (62%)", Badge.Yellow)).Root!;
        Assert.Equal("progress: 5/8 (62%)", (string?)svg.Attribute("aria-label"));
        Assert.Equal("progress: 5/8 (62%)", svg.Element(ns + "title")!.Value);
        var parts = svg.Descendants(ns + "rect").Take(3).Skip(1).Select(r => double.Parse((string)r.Attribute("width")!, CultureInfo.InvariantCulture)).ToList();
        var texts = svg.Descendants(ns + "text").Where(t => t.Attribute("aria-hidden") is null)
            .Select(t => double.Parse((string)t.Attribute("textLength")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(TextMetrics.Width("progress", 11), texts[0], 1);
        Assert.All(parts.Zip(texts), p => Assert.True(p.First >= p.Second + 10, $"{p.First} is too narrow for {p.Second}"));
    }

    [Fact]
    public void Escapes_markup_in_label_and_message()
    {
        var svg = Badge.Render("R&D <team>", "\"ok\"", Badge.Green);
        Assert.Contains("R&amp;D &lt;team&gt;: &quot;ok&quot;", svg, StringComparison.Ordinal);
        _ = XDocument.Parse(svg);
    }

    [Fact]
    public void Endpoint_json_follows_the_shields_schema()
    {
        Assert.Equal("""{"schemaVersion":1,"label":"deliverables","message":"5/8 (62%)","color":"#dfb317"}""", Badge.EndpointJson("deliverables", new TaskCount(5, 8)));
        Assert.Equal("""{"schemaVersion":1,"label":"phase 3","message":"done","color":"brightgreen"}""", Badge.EndpointJson("phase 3", "done", "brightgreen"));
    }
}
