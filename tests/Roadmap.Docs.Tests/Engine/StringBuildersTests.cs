using Roadmap.Docs.Engine;

namespace Roadmap.Docs.Tests.Engine;

public class StringBuildersTests
{
    [Fact]
    public void A_released_builder_gives_its_text_and_comes_back_empty()
    {
        var first = StringBuilders.Rent().Append("one page");
        Assert.Equal("one page", StringBuilders.Release(first));
        var next = StringBuilders.Rent();
        Assert.Same(first, next);
        Assert.Equal(0, next.Length);
        StringBuilders.Release(next);
    }

    [Fact]
    public void Builders_rented_inside_one_another_are_distinct_and_keep_their_own_text()
    {
        var panel = StringBuilders.Rent().Append("<section>");
        var timeline = StringBuilders.Rent().Append("<svg/>");
        var third = StringBuilders.Rent().Append("<p/>");
        Assert.NotSame(panel, timeline);
        Assert.NotSame(timeline, third);
        Assert.NotSame(panel, third);
        Assert.Equal("<p/>", StringBuilders.Release(third));
        Assert.Equal("<svg/>", StringBuilders.Release(timeline));
        Assert.Equal("<section><svg/>", StringBuilders.Release(panel.Append("<svg/>")));
    }

    [Fact]
    public void A_builder_grown_past_the_limit_is_not_kept()
    {
        var huge = StringBuilders.Rent().Append('x', 600 * 1024);
        Assert.Equal(600 * 1024, StringBuilders.Release(huge).Length);
        var a = StringBuilders.Rent();
        var b = StringBuilders.Rent();
        Assert.NotSame(huge, a);
        Assert.NotSame(huge, b);
        StringBuilders.Release(a);
        StringBuilders.Release(b);
    }
}
