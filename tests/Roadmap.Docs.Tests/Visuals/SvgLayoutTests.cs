using System.Globalization;
using System.Xml.Linq;
using Roadmap.Docs.Visuals;

namespace Roadmap.Docs.Tests.Visuals;

/// <summary>
/// Layout checks over every golden SVG, measured with the same Verdana width table the renderers use: no two visible
/// texts overlap, every text stays inside the image, and timeline labels end before the first bar begins.
/// </summary>
public class SvgLayoutTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    public static TheoryData<string> GoldenFiles() =>
        [.. Directory.GetFiles(GoldenFile.Directory, "*.svg")
            .Where(f => !f.EndsWith(".actual.svg", StringComparison.Ordinal))
            .Select(f => Path.GetFileName(f))
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void No_two_text_labels_overlap(string file)
    {
        var boxes = TextBoxes(Load(file));
        Assert.NotEmpty(boxes);
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(boxes[i].Overlaps(boxes[j]), $"{file}: '{boxes[i].Text}' {boxes[i]} overlaps '{boxes[j].Text}' {boxes[j]}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Every_text_lies_inside_the_image(string file)
    {
        var svg = Load(file).Root!;
        var (width, height) = (Number(svg, "width"), Number(svg, "height"));
        Assert.All(TextBoxes(svg.Document!), box =>
            Assert.True(box.Left >= 0 && box.Right <= width && box.Top >= 0 && box.Bottom <= height, $"{file}: '{box.Text}' {box} leaves the {width}×{height} image"));
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void Timeline_labels_end_before_the_first_bar_starts(string file)
    {
        if (!file.StartsWith("timeline", StringComparison.Ordinal))
        {
            return;
        }
        var document = Load(file);
        var firstBar = document.Descendants(Ns + "rect").Where(r => (string?)r.Attribute("class") == "rd-track" && r.Ancestors(Ns + "g").Any(g => g.Attribute("data-phase") is not null))
            .Min(r => Number(r, "x"));
        var labels = TextBoxes(document).Where(b => b.Class is "rd-label" or "rd-count rd-muted").ToList();
        Assert.NotEmpty(labels);
        Assert.All(labels, label => Assert.True(label.Right < firstBar, $"{file}: '{label.Text}' ends at {label.Right}, the first bar starts at {firstBar}"));
    }

    [Fact]
    public void The_overlap_check_catches_overlapping_text()
    {
        var boxes = TextBoxes(XDocument.Parse("""
            <svg xmlns="http://www.w3.org/2000/svg"><g font-size="12">
            <text x="10" y="20">Hello</text><text x="40" y="24">World</text><text x="10" y="40">Apart</text>
            </g></svg>
            """));
        Assert.True(boxes[0].Overlaps(boxes[1]));
        Assert.False(boxes[0].Overlaps(boxes[2]));
    }

    private static XDocument Load(string file) => XDocument.Load(Path.Combine(GoldenFile.Directory, file));

    /// <summary>
    /// The box each visible text takes: its advance width (or its textLength, which the renderer pins it to), placed by
    /// its anchor, from 0.8 em above the baseline to 0.2 em below it. Shadows (aria-hidden) are skipped.
    /// </summary>
    private static List<TextBox> TextBoxes(XDocument document) =>
    [
        .. document.Descendants(Ns + "text")
            .Where(t => (string?)t.Attribute("aria-hidden") != "true")
            .Select(t =>
            {
                var size = double.Parse(Inherited(t, "font-size") ?? "16", CultureInfo.InvariantCulture);
                var width = t.Attribute("textLength") is { } length ? double.Parse(length.Value, CultureInfo.InvariantCulture) : TextMetrics.Width(t.Value, size);
                var x = Number(t, "x");
                var left = Inherited(t, "text-anchor") switch
                {
                    "middle" => x - (width / 2),
                    "end" => x - width,
                    _ => x,
                };
                var y = Number(t, "y");
                return new TextBox(t.Value, (string?)t.Attribute("class") ?? "", left, y - (0.8 * size), left + width, y + (0.2 * size));
            }),
    ];

    private static string? Inherited(XElement element, string attribute) =>
        element.AncestorsAndSelf().Select(e => (string?)e.Attribute(attribute)).FirstOrDefault(v => v is not null);

    private static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    private sealed record TextBox(string Text, string Class, double Left, double Top, double Right, double Bottom)
    {
        public bool Overlaps(TextBox other) =>
            Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"[{Left:0.0}, {Top:0.0}, {Right:0.0}, {Bottom:0.0}]");
    }
}
