using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Roadmap.Docs.Roadmap;

/// <summary>An inclusive span of roadmap weeks, numbered from 1 ("Weeks 3-4" is <c>new WeekRange(3, 4)</c>).</summary>
public readonly partial record struct WeekRange
{
    public WeekRange(int start, int end)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(start, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    /// <summary>How many weeks the range covers (both ends count).</summary>
    public int Length => End - Start + 1;

    public bool Contains(int week) => week >= Start && week <= End;

    public override string ToString() =>
        Start == End
            ? string.Create(CultureInfo.InvariantCulture, $"Week {Start}")
            : string.Create(CultureInfo.InvariantCulture, $"Weeks {Start}-{End}");

    /// <summary>
    /// Reads the forms people write: "Weeks 1-2", "Week 10", "Weeks 12–14" (en dash), "12—14" (em dash),
    /// "weeks: 3-4", "3-4" and "3 to 4". On failure <paramref name="error"/> says what is wrong.
    /// </summary>
    public static bool TryParse(string? text, out WeekRange range, [NotNullWhen(false)] out string? error)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "no week range given: write it like 'Weeks 3-4' or 'Week 10'";
            return false;
        }
        var match = RangePattern().Match(text);
        if (!match.Success)
        {
            error = $"'{text.Trim()}' is not a week range: write it like 'Weeks 3-4', 'Week 10' or '3 to 4'";
            return false;
        }
        if (!int.TryParse(match.Groups["start"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(match.Groups["end"].Success ? match.Groups["end"].Value : match.Groups["start"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var end))
        {
            error = $"'{text.Trim()}' has a week number too large to be real";
            return false;
        }
        if (start < 1)
        {
            error = $"'{text.Trim()}' starts at week {start}, but weeks are numbered from 1";
            return false;
        }
        if (end < start)
        {
            error = $"'{text.Trim()}' ends (week {end}) before it starts (week {start})";
            return false;
        }
        range = new WeekRange(start, end);
        error = null;
        return true;
    }

    public static bool TryParse(string? text, out WeekRange range) => TryParse(text, out range, out _);

    // The dash class holds '-', en dash (U+2013) and em dash (U+2014): people paste all three from word processors.
    [GeneratedRegex(@"^\s*(?:weeks?\s*:?\s*)?(?<start>\d+)\s*(?:(?:[-\u2013\u2014]|to)\s*(?<end>\d+))?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RangePattern();
}
