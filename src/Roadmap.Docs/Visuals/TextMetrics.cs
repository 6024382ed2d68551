namespace Roadmap.Docs.Visuals;

/// <summary>Text widths in Verdana from the font's advance widths, so SVG made without a browser can size boxes text never overflows.</summary>
public static class TextMetrics
{
    private const double UnitsPerEm = 2048;

    /// <summary>
    /// Wider than any Latin glyph of Verdana: a character outside the table (accents, dashes, CJK) is never
    /// under-estimated, so the worst case is a little extra space, never overlap.
    /// </summary>
    private const int FallbackAdvance = 2048;

    // Verdana Regular advance widths in font units (2048 per em) for ' ' (32) through '~' (126).
    private static readonly short[] AsciiAdvances =
    [
        720, 806, 940, 1676, 1302, 2204, 1488, 550, 930, 930, 1302, 1676, 745, 930, 745, 930, // space ! " # $ % & ' ( ) * + , - . /
        1302, 1302, 1302, 1302, 1302, 1302, 1302, 1302, 1302, 1302, // 0-9
        930, 930, 1676, 1676, 1676, 1117, 2048, // : ; < = > ? @
        1400, 1404, 1430, 1578, 1295, 1177, 1588, 1539, 862, 931, 1419, 1140, 1726, // A-M
        1532, 1612, 1235, 1612, 1424, 1400, 1262, 1499, 1400, 2025, 1403, 1260, 1403, // N-Z
        930, 930, 930, 1676, 1302, 1302, // [ \ ] ^ _ `
        1230, 1276, 1067, 1276, 1220, 720, 1276, 1296, 562, 705, 1212, 562, 1992, // a-m
        1296, 1243, 1276, 1276, 874, 1067, 807, 1296, 1212, 1676, 1212, 1212, 1076, // n-z
        1300, 930, 1300, 1676, // { | } ~
    ];

    /// <summary>The advance width of <paramref name="text"/> at <paramref name="fontSize"/> pixels (no kerning).</summary>
    public static double Width(string text, double fontSize)
    {
        ArgumentNullException.ThrowIfNull(text);
        var units = 0L;
        foreach (var c in text)
        {
            units += c is >= ' ' and <= '~' ? AsciiAdvances[c - ' '] : FallbackAdvance;
        }
        return units * fontSize / UnitsPerEm;
    }

    /// <summary>The text itself when it fits in <paramref name="maxWidth"/>, else as much as fits followed by "…".</summary>
    public static string Truncate(string text, double fontSize, double maxWidth)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Width(text, fontSize) <= maxWidth)
        {
            return text;
        }
        var length = text.Length;
        while (length > 0 && Width(text[..length].TrimEnd() + "…", fontSize) > maxWidth)
        {
            length--;
        }
        return text[..length].TrimEnd() + "…";
    }
}
