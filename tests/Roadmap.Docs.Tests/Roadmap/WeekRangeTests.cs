using Roadmap.Docs.Roadmap;

namespace Roadmap.Docs.Tests.Roadmap;

public class WeekRangeTests
{
    [Theory]
    [InlineData("Weeks 1-2", 1, 2)]
    [InlineData("Week 10", 10, 10)]
    [InlineData("Weeks 12\u201314", 12, 14)] // en dash
    [InlineData("12\u201414", 12, 14)] // em dash
    [InlineData("weeks: 3-4", 3, 4)]
    [InlineData("3-4", 3, 4)]
    [InlineData("3 to 4", 3, 4)]
    [InlineData("  WEEKS 5 - 7 ", 5, 7)]
    [InlineData("Week 5-6", 5, 6)]
    [InlineData("10", 10, 10)]
    public void Accepts_the_forms_people_write(string text, int start, int end)
    {
        Assert.True(WeekRange.TryParse(text, out var range, out var error), error);
        Assert.Equal(new WeekRange(start, end), range);
    }

    [Theory]
    [InlineData("Weeks 5-3", "ends (week 3) before it starts (week 5)")]
    [InlineData("4 to 2", "ends (week 2) before it starts (week 4)")]
    [InlineData("Week 0", "weeks are numbered from 1")]
    [InlineData("", "no week range given")]
    [InlineData(null, "no week range given")]
    [InlineData("soon", "is not a week range")]
    [InlineData("Weeks 1-2-3", "is not a week range")]
    [InlineData("Weeks 99999999999", "too large")]
    public void Rejects_with_a_reason(string? text, string reason)
    {
        Assert.False(WeekRange.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Length_counts_both_ends_and_text_reads_back()
    {
        Assert.Equal(3, new WeekRange(5, 7).Length);
        Assert.Equal("Weeks 5-7", new WeekRange(5, 7).ToString());
        Assert.Equal("Week 10", new WeekRange(10, 10).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new WeekRange(4, 3));
    }
}
