using System.Globalization;
using Roadmap.Docs.Stages.Html;

namespace Roadmap.Docs.Visuals;

/// <summary>The two things every SVG writer here needs: numbers that print the same everywhere, and escaped text.</summary>
internal static class Svg
{
    /// <summary>A coordinate with one fixed decimal, invariant, never "-0.0", so output is byte-for-byte reproducible.</summary>
    public static string Num(double value)
    {
        // Math.Round(value, 1) scales by ten, rounds, then divides: the tenths as an integer, printed without the
        // general number formatter (a timeline has hundreds of coordinates, and a large roadmap has a timeline per phase).
        var tenths = Math.Round(value * 10, MidpointRounding.AwayFromZero);
        if (!(Math.Abs(tenths) < 1e15))
        {
            return (Math.Round(value, 1, MidpointRounding.AwayFromZero) + 0.0).ToString("0.0", CultureInfo.InvariantCulture);
        }
        var magnitude = (long)Math.Abs(tenths);
        Span<char> text = stackalloc char[24];
        var at = text.Length;
        text[--at] = (char)('0' + (magnitude % 10));
        text[--at] = '.';
        var whole = magnitude / 10;
        do
        {
            text[--at] = (char)('0' + (whole % 10));
            whole /= 10;
        }
        while (whole > 0);
        if (tenths < 0)
        {
            text[--at] = '-';
        }
        return new string(text[at..]);
    }

    /// <summary>Text safe inside an element or a double-quoted attribute: the same five characters as the pages' HTML.</summary>
    public static string Escape(string text) => HtmlText.Escape(text);
}
