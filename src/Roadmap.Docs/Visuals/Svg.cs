using System.Globalization;

namespace Roadmap.Docs.Visuals;

/// <summary>The two things every SVG writer here needs: numbers that print the same everywhere, and escaped text.</summary>
internal static class Svg
{
    /// <summary>A coordinate with one fixed decimal, invariant, never "-0.0", so output is byte-for-byte reproducible.</summary>
    public static string Num(double value) => (Math.Round(value, 1, MidpointRounding.AwayFromZero) + 0.0).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Text safe inside an element or a double-quoted attribute.</summary>
    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);
}
