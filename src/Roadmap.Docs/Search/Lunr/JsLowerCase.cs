using System.Globalization;
using System.Text;
using System.Runtime.CompilerServices;

namespace Roadmap.Docs.Search.Lunr;

/// <summary>
/// JavaScript's <c>String.prototype.toLowerCase</c>: locale-independent full case mapping.
/// .NET's <see cref="string.ToLowerInvariant()"/> is the simple (1:1) mapping; V8 differs from it in exactly two ways,
/// added here: <c>İ</c> (U+0130) becomes <c>i̇</c> (two UTF-16 units), and a capital sigma at the end of a word becomes <c>ς</c>.
/// Letters newer than .NET's Unicode data (a few dozen, Unicode 16/17) may still differ, as they do between browsers.
/// </summary>
internal static class JsLowerCase
{
    private const char CapitalDottedI = '\u0130';
    private const char CapitalSigma = '\u03A3';

    /// <summary>
    /// <paramref name="s"/> lowercased into <paramref name="buffer"/> (at least as long) when JS's toLowerCase keeps its
    /// length, as it does unless the text has a capital dotted I or a capital sigma: then false, and use <see cref="ToLower"/>.
    /// </summary>
    public static bool TryToLowerSameLength(ReadOnlySpan<char> s, Span<char> buffer)
    {
        if (s.IndexOfAny(CapitalDottedI, CapitalSigma) >= 0)
        {
            return false;
        }
        s.ToLowerInvariant(buffer);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string ToLower(string s)
    {
        string lowered = s.ToLowerInvariant();
        if (s.AsSpan().IndexOfAny(CapitalDottedI, CapitalSigma) < 0)
        {
            return lowered;
        }
        var sb = new StringBuilder(s.Length + 8);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == CapitalDottedI)
            {
                sb.Append("i\u0307");
            }
            else if (c == CapitalSigma)
            {
                sb.Append(IsFinalSigma(s, i) ? '\u03C2' : '\u03C3');
            }
            else
            {
                // ToLowerInvariant keeps the UTF-16 length, so index i still lines up.
                sb.Append(lowered[i]);
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Unicode's Final_Sigma condition as ICU applies it: a cased letter before (skipping case-ignorables),
    /// and no cased letter after (skipping case-ignorables). A character that is both counts as ignorable.
    /// </summary>
    private static bool IsFinalSigma(string s, int index)
    {
        bool casedBefore = false;
        for (int i = index; i > 0;)
        {
            int cp = CodePointBefore(s, i, out int width);
            i -= width;
            if (!IsCaseIgnorable(cp))
            {
                casedBefore = IsCased(cp);
                break;
            }
        }
        if (!casedBefore)
        {
            return false;
        }
        for (int i = index + 1; i < s.Length;)
        {
            int cp = CodePointAt(s, i, out int width);
            i += width;
            if (!IsCaseIgnorable(cp))
            {
                return !IsCased(cp);
            }
        }
        return true;
    }

    private static int CodePointAt(string s, int i, out int width)
    {
        if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            width = 2;
            return char.ConvertToUtf32(s[i], s[i + 1]);
        }
        width = 1;
        return s[i];
    }

    private static int CodePointBefore(string s, int i, out int width)
    {
        if (char.IsLowSurrogate(s[i - 1]) && i >= 2 && char.IsHighSurrogate(s[i - 2]))
        {
            width = 2;
            return char.ConvertToUtf32(s[i - 2], s[i - 1]);
        }
        width = 1;
        return s[i - 1];
    }

    // Derived property Cased = Lu + Ll + Lt + Other_Lowercase + Other_Uppercase. These ranges are the code points
    // Node 20 reports as \p{Cased} whose .NET category is not Lu/Ll/Lt (Other_Lowercase/Other_Uppercase, and a few newer letters).
    private static readonly int[] OtherCased =
    [
        0x00AA, 0x00AA, 0x00BA, 0x00BA, 0x02B0, 0x02B8, 0x02C0, 0x02C1, 0x02E0, 0x02E4, 0x0345, 0x0345,
        0x037A, 0x037A, 0x10FC, 0x10FC, 0x1D2C, 0x1D6A, 0x1D78, 0x1D78, 0x1D9B, 0x1DBF, 0x2071, 0x2071,
        0x207F, 0x207F, 0x2090, 0x209C, 0x2160, 0x217F, 0x24B6, 0x24E9, 0x2C7C, 0x2C7D, 0xA69C, 0xA69D,
        0xA770, 0xA770, 0xA7CE, 0xA7CF, 0xA7D2, 0xA7D2, 0xA7D4, 0xA7D4, 0xA7F1, 0xA7F4, 0xA7F8, 0xA7F9,
        0xAB5C, 0xAB5F, 0xAB69, 0xAB69, 0x10780, 0x10780, 0x10783, 0x10785, 0x10787, 0x107B0, 0x107B2, 0x107BA,
        0x16EA0, 0x16EB8, 0x16EBB, 0x16ED3, 0x1E030, 0x1E06D, 0x1F130, 0x1F149, 0x1F150, 0x1F169, 0x1F170, 0x1F189,
    ];

    private static bool IsCased(int cp)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(cp);
        if (category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter)
        {
            return true;
        }
        for (int i = 0; i < OtherCased.Length && OtherCased[i] <= cp; i += 2)
        {
            if (cp <= OtherCased[i + 1])
            {
                return true;
            }
        }
        return false;
    }

    // Case_Ignorable = Mn + Me + Cf + Lm + Sk + Word_Break MidLetter, MidNumLet and Single_Quote.
    private static bool IsCaseIgnorable(int cp) =>
        CharUnicodeInfo.GetUnicodeCategory(cp) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Format or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol
        || cp is 0x0027 or 0x002E or 0x003A or 0x00B7 or 0x0387 or 0x055F or 0x05F4 or 0x2018 or 0x2019
            or 0x2024 or 0x2027 or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A;
}
