using System.Globalization;
using System.Text;
using System.Text.Json;
using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Visuals;

/// <summary>Progress badges in the shields.io "flat" look, and the shields.io endpoint JSON for the same label and message.</summary>
public static class Badge
{
    public const string Red = "#e05d44";
    public const string Yellow = "#dfb317";
    public const string Green = "#97ca00";
    public const string BrightGreen = "#4c1";
    public const string LightGrey = "#9f9f9f";

    private const double FontSize = 11;
    private const double Padding = 5;

    /// <summary>"5/8 (62%)"; "0/0" when there is nothing to count. The percentage is floored, as <see cref="TaskCount.Percent"/> is.</summary>
    public static string Message(TaskCount count) =>
        count.Total == 0
            ? "0/0"
            : string.Create(CultureInfo.InvariantCulture, $"{count.Done}/{count.Total} ({count.Percent}%)");

    /// <summary>Red below 34 %, yellow below 67 %, green below 100 %, bright green when done; light grey when there is nothing to do.</summary>
    public static string ColorFor(TaskCount count) => count switch
    {
        { Total: 0 } => LightGrey,
        { Percent: < 34 } => Red,
        { Percent: < 67 } => Yellow,
        { Percent: < 100 } => Green,
        _ => BrightGreen,
    };

    /// <summary>A progress badge: "<paramref name="label"/> | 5/8 (62%)" coloured by how much is done.</summary>
    public static string Render(string label, TaskCount count) => Render(label, Message(count), ColorFor(count));

    /// <summary>A two-part flat badge. Widths come from Verdana's metrics, and textLength pins each text to that width, so nothing overflows.</summary>
    public static string Render(string label, string message, string color)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(color);
        var labelText = TextMetrics.Width(label, FontSize);
        var messageText = TextMetrics.Width(message, FontSize);
        var labelWidth = Math.Ceiling(labelText) + (2 * Padding);
        var messageWidth = Math.Ceiling(messageText) + (2 * Padding);
        var width = labelWidth + messageWidth;
        var title = Svg.Escape($"{label}: {message}");
        // Ids are unique per content, so several badges inlined in one page do not borrow each other's gradient.
        var id = "rd-badge-" + Hash($"{label}|{message}|{color}");
        var w = Svg.Num(width);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="20" viewBox="0 0 {w} 20" role="img" aria-label="{title}">""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""  <title>{title}</title>""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""  <linearGradient id="{id}-s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""  <clipPath id="{id}-r"><rect width="{w}" height="20" rx="3" fill="#fff"/></clipPath>""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""  <g clip-path="url(#{id}-r)">""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""    <rect width="{Svg.Num(labelWidth)}" height="20" fill="#555"/>""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""    <rect x="{Svg.Num(labelWidth)}" width="{Svg.Num(messageWidth)}" height="20" fill="{Svg.Escape(color)}"/>""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""    <rect width="{w}" height="20" fill="url(#{id}-s)"/>""").Append('\n');
        svg.Append("  </g>\n");
        svg.Append("""  <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" text-rendering="geometricPrecision" font-size="11">""").Append('\n');
        AppendText(svg, label, labelWidth / 2, labelText);
        AppendText(svg, message, labelWidth + (messageWidth / 2), messageText);
        svg.Append("  </g>\n</svg>\n");
        return svg.ToString();
    }

    /// <summary>The shields.io endpoint schema, so shields.io can draw the same badge: <c>{"schemaVersion":1,"label":…,"message":…,"color":…}</c>.</summary>
    public static string EndpointJson(string label, string message, string color)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteString("label", label);
            json.WriteString("message", message);
            json.WriteString("color", color);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string EndpointJson(string label, TaskCount count) => EndpointJson(label, Message(count), ColorFor(count));

    /// <summary>A text with the shields.io shadow: the same text one pixel lower, dark and faint, hidden from screen readers.</summary>
    private static void AppendText(StringBuilder svg, string text, double centre, double width)
    {
        var (x, length, escaped) = (Svg.Num(centre), Svg.Num(width), Svg.Escape(text));
        svg.Append(CultureInfo.InvariantCulture, $"""    <text aria-hidden="true" x="{x}" y="15" fill="#010101" fill-opacity=".3" textLength="{length}">{escaped}</text>""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""    <text x="{x}" y="14" textLength="{length}">{escaped}</text>""").Append('\n');
    }

    /// <summary>FNV-1a: a tiny, stable hash (string.GetHashCode changes from run to run).</summary>
    private static string Hash(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }
        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}
