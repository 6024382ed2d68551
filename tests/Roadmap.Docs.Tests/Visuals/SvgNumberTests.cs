using System.Globalization;
using CsCheck;
using Roadmap.Docs.Visuals;

namespace Roadmap.Docs.Tests.Visuals;

/// <summary>SVG coordinates: one fixed decimal, rounded half away from zero, invariant, never "-0.0".</summary>
public class SvgNumberTests
{
    [Theory]
    [InlineData(0.0, "0.0")]
    [InlineData(-1e-9, "0.0")]
    [InlineData(-0.04, "0.0")]
    [InlineData(-0.05, "-0.1")]
    [InlineData(0.25, "0.3")]
    [InlineData(811.66, "811.7")]
    [InlineData(1234567.0, "1234567.0")]
    [InlineData(-42.25, "-42.3")]
    public void A_coordinate_has_one_decimal(double value, string expected) => Assert.Equal(expected, Svg.Num(value));

    /// <summary>Agrees with the definition (Math.Round to one decimal, then the "0.0" format) on generated numbers: any scale, and exact midpoints.</summary>
    [Fact]
    public void Agrees_with_the_definition()
    {
        var any = Gen.Double[-1e7, 1e7];
        var midpoint = Gen.Int[-10_000_000, 10_000_000].Select(n => n / 100.0 + 0.05);
        var huge = Gen.Double[-1e17, 1e17];
        Gen.OneOf(any, midpoint, huge, Gen.Double).Sample(value => Assert.Equal(Definition(value), Svg.Num(value)), iter: 100_000);
    }

    private static string Definition(double value) => (Math.Round(value, 1, MidpointRounding.AwayFromZero) + 0.0).ToString("0.0", CultureInfo.InvariantCulture);
}
